import { expect } from '@open-wc/testing';
import type { MapFeature } from '../../layout/map-layout.js';
import { parseInput } from '../../model/parse/index.js';
import type { Dataset } from '../../model/types.js';
import {
  featureAt,
  fillClass,
  geometryConverter,
  parseDirectValues,
  same,
  selectDetail,
  tableColumns,
  territoryModel,
  thresholdConverter,
  tipAnchor,
} from './territory-map.model.js';
import { legendTitle, mapTexts, methodText, stateText, tooltipLines } from './territory-map.texts.js';

const dataset = (rows: unknown): Dataset => {
  const r = parseInput(rows);
  if (!r.ok) throw new Error('unreadable rows');
  return r.dataset;
};
/** Four régions: amounts and jobs, one without an amount, one without laureates. */
const ROWS = dataset([
  { region: '84', laureats: 3, montant: 900_000, emplois: 30 },
  { region: '53', laureats: 2, montant: 629_000, emplois: 15 },
  { region: '11', laureats: 1, emplois: 4 },
  { region: '93', laureats: 0, montant: 0 },
]);

describe('territory map model', () => {
  it('reads direct values only from objects keyed by territory with numbers', () => {
    expect(parseDirectValues('{"84": 3, "Bretagne": 2}')?.ok).to.equal(true);
    expect(parseDirectValues({ 84: 3 })?.ok).to.equal(true);
    expect(parseDirectValues('{"laureats": 3}')).to.equal(undefined);
    expect(parseDirectValues({ 84: '3' })).to.equal(undefined);
    expect(parseDirectValues('[{"region":"84"}]')).to.equal(undefined);
    expect(parseDirectValues('{"84": 3}', 'csv')).to.equal(undefined);
    const ds = parseDirectValues('{"84": 3, "Bretagne": 2}');
    const model = territoryModel(ds?.ok ? ds.dataset : undefined, 'region', { metric: 'emplois' });
    expect(model.byCode.get('53')).to.deep.include({ state: 'value', value: 2 });
    expect(model.metric).to.equal('emplois');
  });

  it('chooses the metric the data gives, and counts unknown values apart', () => {
    const r = parseInput([
      { region: '84', laureats: 3 },
      { region: '53', laureats: 1, emplois: 4 },
      { region: '11', laureats: 0 },
    ]);
    const model = territoryModel(r.ok ? r.dataset : undefined, 'region');
    expect(model.metric).to.equal('laureats');
    expect(model.byCode.get('11')!.state).to.equal('none');
    const jobs = territoryModel(r.ok ? r.dataset : undefined, 'region', { metric: 'emplois' });
    expect(jobs.byCode.get('84')!.state).to.equal('unknown');
    expect(jobs.byCode.get('53')!.state).to.equal('value');
  });

  it('gives each territory the class of its shape and swatch', () => {
    const model = territoryModel(ROWS, 'region', { metric: 'montant', classes: 2 });
    expect(fillClass(model, model.byCode.get('84'))).to.equal('c5');
    expect(fillClass(model, model.byCode.get('53'))).to.equal('c1');
    expect(fillClass(model, model.byCode.get('11'))).to.equal('unknown');
    expect(fillClass(model, model.byCode.get('93'))).to.equal('none');
    expect(fillClass(model, model.byCode.get('24'))).to.equal('none');
    expect(fillClass(model, undefined)).to.equal('none');
    const presence = territoryModel(dataset([{ region: '84' }, { region: '53' }]), 'region');
    expect(presence.mode).to.equal('presence');
    expect(fillClass(presence, presence.byCode.get('84'))).to.equal('present');
  });

  it('puts in the table the measure shown and those the data gives', () => {
    expect(tableColumns(territoryModel(ROWS, 'region', { metric: 'emplois' }))).to.deep.equal([
      'laureats',
      'montant',
      'emplois',
    ]);
    expect(tableColumns(territoryModel(dataset([{ region: '84', laureats: 2 }]), 'region'))).to.deep.equal([
      'laureats',
    ]);
    const direct = parseDirectValues({ 84: 3 });
    expect(
      tableColumns(territoryModel(direct?.ok ? direct.dataset : undefined, 'region', { metric: 'emplois' })),
    ).to.deep.equal(['emplois']);
    expect(tableColumns(territoryModel(dataset([{ region: '84' }]), 'region'))).to.deep.equal([]);
  });

  it('details a selection: the known values of the territory, and its share of the total', () => {
    const model = territoryModel(ROWS, 'region', { metric: 'montant' });
    expect(selectDetail(model, model.byCode.get('53')!, true)).to.deep.equal({
      dimension: 'region',
      code: '53',
      label: 'Bretagne',
      selected: true,
      values: { laureats: 2, montant: 629_000, emplois: 15 },
      share: 629_000 / 1_529_000,
    });
    // Without laureates: 0 laureates; the amount not given: no amount, no share.
    expect(selectDetail(model, model.byCode.get('24')!, false)).to.deep.include({
      selected: false,
      values: { laureats: 0 },
    });
    const unknown = selectDetail(model, model.byCode.get('11')!, true);
    expect(unknown.values).to.deep.equal({ laureats: 1, emplois: 4 });
    expect(unknown).not.to.have.property('share');
  });

  it('anchors a tooltip above the box of its shape, in the viewport', () => {
    const f = {
      centroid: [100, 50],
      bounds: [
        [80, 30],
        [120, 70],
      ],
    } as unknown as MapFeature;
    expect(tipAnchor(f, { left: 10, top: 20 }, 0.5)).to.deep.equal({ x: 60, top: 35, bottom: 55 });
  });

  it('reads the thresholds and the geometry from their attributes', () => {
    expect(thresholdConverter.fromAttribute('500000 1000000;2e6')).to.deep.equal([500000, 1000000, 2000000]);
    expect(thresholdConverter.fromAttribute('[1, "2", "x", null]')).to.deep.equal([1, 2]);
    expect(thresholdConverter.fromAttribute('[[[[1]]]]')).to.equal(undefined);
    expect(thresholdConverter.fromAttribute(' ')).to.equal(undefined);
    expect(thresholdConverter.fromAttribute('[1,')).to.equal(undefined);
    expect(thresholdConverter.toAttribute([1, 2])).to.equal('1 2');
    expect(geometryConverter.fromAttribute(null)).to.equal(undefined);
    expect(geometryConverter.toAttribute({ type: 'Topology' })).to.equal(null);
    expect(geometryConverter.toAttribute('/geo.json')).to.equal('/geo.json');
  });

  it('finds the feature an element draws, and compares keys', () => {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('data-i', '12');
    expect(featureAt(path)).to.equal(12);
    expect(featureAt(document.createElement('button'))).to.equal(undefined);
    expect(featureAt(null)).to.equal(undefined);
    expect(same([1, NaN, 'a'], [1, NaN, 'a'])).to.equal(true);
    expect(same([1], [1, 2])).to.equal(false);
    expect(same([{}], [{}])).to.equal(false);
  });
});

describe('territory map texts', () => {
  it('writes the classes, the states and the tooltip lines in French and in English', () => {
    const model = territoryModel(ROWS, 'region', { metric: 'montant', method: 'threshold', thresholds: [700_000] });
    const fr = mapTexts(model, 'region', 'fr');
    expect(fr.classLabels.map((l) => l.replace(/\u00a0/g, ' '))).to.deep.equal(['moins de 0,7 M€', '0,7 M€ ou plus']);
    expect(stateText(fr, model.byCode.get('84')!).replace(/\u00a0/g, ' ')).to.equal('classe 2 sur 2 (0,7 M€ ou plus)');
    expect(stateText(fr, model.byCode.get('11')!)).to.equal('valeur non renseignée');
    expect(stateText(fr, model.byCode.get('24')!)).to.equal('aucun lauréat');
    expect(fr.names.get('53')!.replace(/[\u00a0\u202f]/g, ' ')).to.equal(
      'Bretagne : 2 lauréats, 0,63 M€, 15 emplois ; classe 1 sur 2 (moins de 0,7 M€)',
    );
    expect(tooltipLines(fr, model.byCode.get('53')!).map((l) => l.replace(/[\u00a0\u202f]/g, ' '))).to.deep.equal([
      '2 lauréats',
      '0,63 M€ (629 000 €)',
      '15 emplois',
    ]);
    expect(tooltipLines(fr, model.byCode.get('24')!)).to.deep.equal([]);
    expect(legendTitle(fr)).to.equal('Soutien de l’État par région');
    expect(methodText(fr, model.scale!)).to.equal('Classes selon des seuils fixés.');
    const en = mapTexts(model, 'region', 'en');
    expect(en.classLabels).to.deep.equal(['under €0.7M', '€0.7M or more']);
    expect(legendTitle(mapTexts(undefined, 'departement', 'en'))).to.equal('Presence of laureates by department');
  });
});
