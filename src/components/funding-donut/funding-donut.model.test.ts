import { expect } from '@open-wc/testing';
import { emptyTotals } from '../../model/aggregate.js';
import type { Totals } from '../../model/aggregate.js';
import {
  calloutLines,
  chartName,
  formatMetric,
  isKnown,
  legendDetail,
  missingText,
  selectDetail,
  sliceName,
  statusRows,
  tooltipLines,
} from './funding-donut.model.js';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const totals = (t: Partial<Omit<Totals, 'missing'>>, missing: Partial<Totals['missing']> = {}): Totals => {
  const out = { ...emptyTotals(), ...t };
  out.missing = { ...out.missing, ...missing };
  return out;
};
const ASSOCIATIONS = totals({ laureats: 31, montant: 13_400_000, emplois: 0 }, { emplois: 31 });

describe('funding donut model', () => {
  it('orders the statuses as always, keeping those of the data', () => {
    const groups = new Map([
      ['autre', totals({ laureats: 1 })],
      ['association', totals({ laureats: 2 })],
    ]);
    expect(statusRows(groups).map((r) => r.statut)).to.deep.equal(['association', 'autre']);
  });

  it('formats values short or in full, and knows a value not given from a zero', () => {
    expect(plain(formatMetric('montant', 13_400_000, 'fr'))).to.equal('13,4 M€');
    expect(plain(formatMetric('montant', 13_400_000, 'fr', true))).to.equal('13 400 000 €');
    expect(formatMetric('laureats', 31, 'en')).to.equal('31');
    expect(isKnown(ASSOCIATIONS, 'emplois')).to.equal(false);
    expect(isKnown(ASSOCIATIONS, 'montant')).to.equal(true);
  });

  it('names the slices and the chart with their values and shares', () => {
    const row = { statut: 'association' as const, totals: ASSOCIATIONS };
    expect(plain(sliceName(row, 0.779, 'montant', 'fr'))).to.equal(
      'Associations : 13,4 M€, 77,9 % du total, 31 lauréats',
    );
    expect(plain(sliceName(row, 0.779, 'laureats', 'en'))).to.equal(
      'Associations: 31 laureates, 77.9% of the total, €13.4M',
    );
    expect(plain(chartName('Soutien', 'montant', 17_200_000, 'fr'))).to.equal(
      'Soutien – Soutien de l’État par statut juridique (Total 17,2 M€)',
    );
    expect(plain(chartName(undefined, 'laureats', 44, 'en'))).to.equal(
      'Laureates by legal status (Total 44 laureates)',
    );
  });

  it('writes the tooltip, the legend details, the callouts and the missing values', () => {
    expect(tooltipLines(ASSOCIATIONS, 'fr').map(plain)).to.deep.equal(['31 lauréats', '13,4 M€ (13 400 000 €)']);
    expect(tooltipLines(totals({ emplois: 12 }, { laureats: 1 }), 'en')).to.deep.equal(['12 jobs']);
    expect(plain(legendDetail(ASSOCIATIONS, 'montant', 0.779, 'fr'))).to.equal('77,9 % · 31 lauréats');
    expect(
      plain(legendDetail(totals({ laureats: 3, montant: 2_000_000, emplois: 5 }), 'laureats', 0.5, 'en')),
    ).to.equal('50% · €2M · 5 jobs');
    expect(calloutLines('fondation', 1, 0.035, 600_000, 'montant', 'fr').map(plain)).to.deep.equal([
      'Fondation',
      '3,5 % · 0,6 M€',
    ]);
    expect(calloutLines('fondation', 2, 0.5, 4, 'laureats', 'en').map(plain)).to.deep.equal(['Foundations', '50% · 4']);
    expect(missingText(1, 'montant', 'fr')).to.equal('1 lauréat sans montant, non compté dans le graphique.');
    expect(plain(missingText(3, 'emplois', 'fr'))).to.equal(
      '3 lauréats sans nombre d’emplois, non comptés dans le graphique.',
    );
    expect(missingText(2, 'montant', 'en')).to.equal('2 laureates without an amount, not counted in the chart.');
  });

  it('details a selection: the totals of the status and its share of the metric', () => {
    const row = { statut: 'association' as const, totals: ASSOCIATIONS };
    expect(selectDetail(row, true, 'montant', 17_200_000, 'fr')).to.deep.equal({
      dimension: 'statut',
      code: 'association',
      label: 'Associations',
      selected: true,
      // The official totals give no jobs by status: `emplois` is absent (unknown), not 0.
      values: { laureats: 31, montant: 13_400_000 },
      share: 13.4 / 17.2,
    });
    expect(selectDetail(row, false, 'emplois', 0, 'en').share).to.equal(0);
  });
});
