import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import './relance-key-figures.js';
import type { RelanceKeyFigures } from './key-figures.js';

const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const tiles = (el: Element): string[] => [...el.shadowRoot!.querySelectorAll('.tile')].map((t) => plain(t.textContent));

describe('<relance-key-figures>', () => {
  it('shows the official figures as text with their labels, and is accessible', async () => {
    const el = await fixture<RelanceKeyFigures>(
      html`<relance-key-figures caption="Chiffres clés" src="/data/communique-2021-12-21.json"></relance-key-figures>`,
    );
    await new Promise((r) => el.addEventListener('relance-data-load', r, { once: true }));
    await elementUpdated(el);
    expect(tiles(el)).to.deep.equal([
      '44 lauréats',
      '17,2 M€ de soutien de l’État 17 200 000 €',
      '521 emplois créés',
      '15 régions dont 2 en outre-mer',
    ]);
    await expect(el).to.be.accessible();
  });

  it('speaks English and picks figures', async () => {
    const el = await fixture<RelanceKeyFigures>(
      html`<relance-key-figures lang="en" figures="montant,moyenne" data=${JSON.stringify({ totaux: { laureats: 44, montant: 17200000 } })}></relance-key-figures>`,
    );
    await elementUpdated(el);
    expect(tiles(el)).to.deep.equal(['€17.2M of state support €17,200,000', '€390,909 average support per laureate']);
  });

  it('marks unknown figures and fictitious data', async () => {
    const data = JSON.stringify({ meta: { fictitious: true }, laureats: [{ nom: 'Fictif', statut: 'association' }] });
    const el = await fixture<RelanceKeyFigures>(html`<relance-key-figures data=${data}></relance-key-figures>`);
    await elementUpdated(el);
    expect(tiles(el)).to.deep.equal([
      '1 lauréat',
      'non renseigné de soutien de l’État',
      'non renseigné emplois créés',
      'non renseigné régions',
    ]);
    expect(plain(el.shadowRoot!.querySelector('[part="fictitious"]')?.textContent)).to.equal(
      'Données fictives de démonstration',
    );
  });
});
