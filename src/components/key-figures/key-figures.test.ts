import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import './relance-key-figures.js';
import type { RelanceKeyFigures } from './key-figures.js';
import { computeKeyFigures, parseFigures } from './key-figures.js';
import { parseInput } from '../../model/parse/index.js';
import type { Dataset } from '../../model/types.js';

const plain = (s: string | null | undefined): string => (s ?? '').replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ').trim();
const tiles = (el: Element): string[] => [...el.shadowRoot!.querySelectorAll('.tile')].map((t) => plain(t.textContent));

async function dataset(url: string): Promise<Dataset> {
  const r = parseInput(await (await fetch(url)).text());
  if (!r.ok) throw new Error(r.error.code);
  return r.dataset;
}

describe('computeKeyFigures', () => {
  it('uses the totals declared by the press release and counts the régions reached', async () => {
    const v = computeKeyFigures(await dataset('/data/communique-2021-12-21.json'));
    expect(v).to.deep.equal({ laureats: 44, montant: 17_200_000, emplois: 521, regions: 15, regionsOutreMer: 2, moyenne: 17_200_000 / 44 });
  });

  it('counts and sums laureate rows (the fictitious laureates reproduce the official totals)', async () => {
    const ds = await dataset('/data/demo/laureats-fictifs.json');
    expect(computeKeyFigures(ds)).to.deep.include({ laureats: 44, montant: 17_200_000, emplois: 521, regions: 15, regionsOutreMer: 2 });
    const reunion = ds.laureates.filter((l) => l.region === '04');
    const v = computeKeyFigures(ds, reunion);
    expect(v.laureats).to.equal(reunion.length);
    expect(v.montant).to.equal(reunion.reduce((s, l) => s + (l.montant ?? 0), 0));
    expect(v.regions).to.equal(1);
    expect(v.regionsOutreMer).to.equal(1);
  });

  it('says nothing it does not know', () => {
    const r = parseInput([{ nom: 'Fictif', statut: 'association' }]);
    if (!r.ok) throw new Error();
    expect(computeKeyFigures(r.dataset)).to.deep.equal({ laureats: 1 });
  });

  it('reads the figures attribute', () => {
    expect(parseFigures('montant, laureats')).to.deep.equal(['montant', 'laureats']);
    expect(parseFigures('moyenne inconnu')).to.deep.equal(['moyenne']);
    expect(parseFigures('')).to.deep.equal(['laureats', 'montant', 'emplois', 'regions']);
  });
});

describe('<relance-key-figures>', () => {
  it('shows the official figures as text with their labels, and is accessible', async () => {
    const el = await fixture<RelanceKeyFigures>(html`<relance-key-figures caption="Chiffres clés" src="/data/communique-2021-12-21.json"></relance-key-figures>`);
    await new Promise((r) => el.addEventListener('relance-data-load', r, { once: true }));
    await elementUpdated(el);
    expect(tiles(el)).to.deep.equal(['44 lauréats', '17,2 M€ de soutien de l’État 17 200 000 €', '521 emplois créés', '15 régions dont 2 en outre-mer']);
    await expect(el).to.be.accessible();
  });

  it('speaks English and picks figures', async () => {
    const el = await fixture<RelanceKeyFigures>(html`<relance-key-figures lang="en" figures="montant,moyenne" data=${JSON.stringify({ totaux: { laureats: 44, montant: 17200000 } })}></relance-key-figures>`);
    await elementUpdated(el);
    expect(tiles(el)).to.deep.equal(['€17.2M of state support €17,200,000', '€390,909 average support per laureate']);
  });

  it('marks unknown figures and fictitious data', async () => {
    const data = JSON.stringify({ meta: { fictitious: true }, laureats: [{ nom: 'Fictif', statut: 'association' }] });
    const el = await fixture<RelanceKeyFigures>(html`<relance-key-figures data=${data}></relance-key-figures>`);
    await elementUpdated(el);
    expect(tiles(el)).to.deep.equal(['1 lauréat', 'non renseigné de soutien de l’État', 'non renseigné emplois créés', 'non renseigné régions']);
    expect(plain(el.shadowRoot!.querySelector('[part="fictitious"]')?.textContent)).to.equal('Données fictives de démonstration');
  });
});
