/**
 * The embed page's allow-list (src/embed/params.ts), against the widgets' own classes: every public attribute of
 * every widget is accepted with a valid value, nothing else is.
 */
import { expect } from '@open-wc/testing';
import { RelanceDataset } from '../components/dataset/dataset.js';
import { RelanceFundingDonut } from '../components/funding-donut/funding-donut.js';
import { RelanceKeyFigures } from '../components/key-figures/key-figures.js';
import { RelanceLaureateList } from '../components/laureate-list/laureate-list.js';
import { RelanceTerritoryMap } from '../components/territory-map/territory-map.js';
import type { AttrTable } from './params.js';
import { EMBED_WIDGETS, attributeTable, readEmbedQuery } from './params.js';

const CLASSES = {
  'relance-dataset': RelanceDataset,
  'relance-key-figures': RelanceKeyFigures,
  'relance-funding-donut': RelanceFundingDonut,
  'relance-territory-map': RelanceTerritoryMap,
  'relance-laureate-list': RelanceLaureateList,
};
const tables = new Map<string, AttrTable>(Object.entries(CLASSES).map(([tag, ctor]) => [tag, attributeTable(ctor)]));
const BASE = 'https://example.org/cdn/embed.html';

/** A valid value for each attribute. */
const SAMPLE: Record<string, string> = {
  src: 'https://www.data.gouv.fr/fr/datasets/r/laureats.csv',
  geometry: 'https://example.org/geo/france.topo.json',
  'source-url': 'https://www.economie.gouv.fr',
  format: 'csv',
  level: 'departement',
  metric: 'emplois',
  symbols: 'montant',
  scale: 'equal',
  labels: 'callouts',
  theme: 'dark',
  'heading-level': '3',
  classes: '4',
};

describe('embed page: the allow-list', () => {
  it('takes every widget class’s attributes (and knows their types)', () => {
    expect(tables.get('relance-territory-map')!.get('show-table')).to.equal('boolean');
    expect(tables.get('relance-territory-map')!.get('classes')).to.equal('number');
    expect(tables.get('relance-laureate-list')!.get('page-size')).to.equal('number');
    expect(tables.get('relance-funding-donut')!.get('caption')).to.equal('string');
    // Internal state is not an attribute.
    expect([...tables.get('relance-territory-map')!.keys()]).not.to.include('tipindex');
  });

  for (const tag of EMBED_WIDGETS) {
    it(`accepts every public attribute of <${tag}>`, () => {
      for (const [attr, type] of tables.get(tag)!) {
        if (['group', 'sync-url', 'lang'].includes(attr)) continue;
        const value = SAMPLE[attr] ?? (type === 'boolean' ? '' : type === 'number' ? '3' : 'texte');
        const result = readEmbedQuery(
          `?widget=${tag}&${encodeURIComponent(attr)}=${encodeURIComponent(value)}`,
          BASE,
          tables,
        );
        expect(result.ok, `${attr}=${value}: ${JSON.stringify(result)}`).to.equal(true);
        if (!result.ok) continue;
        // The page's theme: set on <html> and on every widget.
        if (attr === 'theme') {
          expect(result.plan.theme).to.equal('dark');
          continue;
        }
        const set = ['data', 'src', 'format'].includes(attr) ? result.plan.dataset : result.plan.attributes[0]!;
        expect(
          set.find(([name]) => name === attr),
          attr,
        ).to.not.equal(undefined);
      }
    });
  }

  it('puts the data inputs on the dataset only, the rest on every element that declares it', () => {
    const result = readEmbedQuery(
      '?widget=relance-territory-map,relance-funding-donut&src=https://a.fr/x.csv&region=84&metric=emplois&level=departement&relance-funding-donut.caption=Statuts&show-table=non',
      BASE,
      tables,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { plan } = result;
    expect(plan.dataset).to.deep.equal([
      ['src', 'https://a.fr/x.csv'],
      ['region', '84'],
    ]);
    expect(plan.attributes[0]).to.deep.equal([
      ['region', '84'],
      ['metric', 'emplois'],
      ['level', 'departement'],
    ]);
    expect(plan.attributes[1]).to.deep.equal([
      ['metric', 'emplois'],
      ['caption', 'Statuts'],
    ]);
    expect(plan.src).to.equal('https://a.fr/x.csv');
    expect(plan.group).to.equal('vue');
  });

  it('refuses what is not on the list, and says which parameter', () => {
    const refused = (search: string): string[] => {
      const r = readEmbedQuery(search, BASE, tables);
      return r.ok ? [] : r.problems.map((p) => `${p.code}:${p.name}`);
    };
    expect(refused('?widget=relance-funding-donut&level=region')).to.deep.equal(['unknown:level']);
    expect(refused('?widget=relance-funding-donut&src=javascript:alert(1)')).to.deep.equal(['url:src']);
    expect(refused('?widget=relance-funding-donut&src=file:///etc/passwd')).to.deep.equal(['url:src']);
    expect(refused('?widget=relance-funding-donut&metric=beaucoup')).to.deep.equal(['value:metric']);
    expect(refused('?widget=relance-territory-map&classes=9')).to.deep.equal(['value:classes']);
    expect(refused('?widget=relance-territory-map&show-table=peut-etre')).to.deep.equal(['value:show-table']);
    expect(refused('?widget=relance-territory-map&caption=%3Cb%3E')).to.deep.equal(['markup:caption']);
    expect(refused('?widget=relance-territory-map&caption=a&caption=b')).to.deep.equal(['duplicate:caption']);
    expect(refused('?widget=relance-territory-map,relance-territory-map')).to.deep.equal(['widget:widget']);
    expect(refused('?widget=relance-dataset')).to.deep.equal(['widget:widget']);
    expect(refused('?widget=relance-key-figures&relance-territory-map.level=region')).to.deep.equal([
      'unknown:relance-territory-map.level',
    ]);
    expect(refused('?widget=relance-key-figures&relance-key-figures.src=https://a.fr/x.csv')).to.deep.equal([
      'unknown:relance-key-figures.src',
    ]);
    expect(refused(`?widget=relance-key-figures&caption=${'x'.repeat(2001)}`)).to.deep.equal(['too-long:caption']);
    expect(refused(`?widget=relance-key-figures&${'y'.repeat(200)}=1`)).to.deep.equal([`too-long:${'y'.repeat(39)}…`]);
    expect(refused('?widget=relance-key-figures&group=Mon%20groupe')).to.deep.equal(['value:group']);
  });

  it('reads the group’s filter keys written by the URL sync, for its group only', () => {
    expect(
      readEmbedQuery('?widget=relance-territory-map&vue.region=84&vue.statut=association', BASE, tables).ok,
    ).to.equal(true);
    expect(readEmbedQuery('?widget=relance-territory-map&group=carte&carte.region=84', BASE, tables).ok).to.equal(true);
    expect(readEmbedQuery('?widget=relance-territory-map&autre.region=84', BASE, tables).ok).to.equal(false);
  });
});
