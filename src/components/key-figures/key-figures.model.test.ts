import { expect } from '@open-wc/testing';
import { computeKeyFigures, keyFigureValues, parseFigures } from './key-figures.model.js';
import { parseInput } from '../../model/parse/index.js';
import type { Dataset } from '../../model/types.js';

async function dataset(url: string): Promise<Dataset> {
  const r = parseInput(await (await fetch(url)).text());
  if (!r.ok) throw new Error(r.error.code);
  return r.dataset;
}

describe('computeKeyFigures', () => {
  it('uses the totals declared by the press release and counts the régions reached', async () => {
    const v = computeKeyFigures(await dataset('/data/communique-2021-12-21.json'));
    expect(v).to.deep.equal({
      laureats: 44,
      montant: 17_200_000,
      emplois: 521,
      regions: 15,
      regionsOutreMer: 2,
      moyenne: 17_200_000 / 44,
    });
  });

  it('counts and sums laureate rows (the fictitious laureates reproduce the official totals)', async () => {
    const ds = await dataset('/data/demo/laureats-fictifs.json');
    expect(computeKeyFigures(ds)).to.deep.include({
      laureats: 44,
      montant: 17_200_000,
      emplois: 521,
      regions: 15,
      regionsOutreMer: 2,
    });
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

describe('keyFigureValues', () => {
  it('counts the régions reached and those overseas, and the average support', () => {
    expect(keyFigureValues({ laureats: 4, montant: 1000, emplois: 3, regions: ['84', '04', '02'] })).to.deep.equal({
      laureats: 4,
      montant: 1000,
      emplois: 3,
      regions: 3,
      regionsOutreMer: 2,
      moyenne: 250,
    });
  });

  it('leaves out what the key totals do not give, and the average of no laureates', () => {
    expect(keyFigureValues({})).to.deep.equal({});
    expect(keyFigureValues({ laureats: 0, montant: 0, emplois: 0, regions: [] })).to.deep.equal({
      laureats: 0,
      montant: 0,
      emplois: 0,
      regions: 0,
      regionsOutreMer: 0,
    });
  });
});
