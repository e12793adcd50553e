import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../components/funding-donut/relance-funding-donut.js';
import '../components/laureate-list/relance-laureate-list.js';
import type { RelanceFundingDonut } from '../components/funding-donut/funding-donut.js';
import type { RelanceLaureateList } from '../components/laureate-list/laureate-list.js';
import {
  RelanceDataErrorEvent,
  RelanceDataLoadEvent,
  RelanceFilterChangeEvent,
  RelanceSelectEvent,
  RelanceSortChangeEvent,
} from '../events.js';

const ROWS = JSON.stringify([
  { nom: 'Atelier A (fictif)', statut: 'association', region: '84', montant: 100000, emplois: 3 },
  { nom: 'Coop B (fictif)', statut: 'cooperative', region: '11', montant: 50000 },
]);

describe('events', () => {
  it('are instances of their classes, bubble out of the shadow root, and carry one filter shape', async () => {
    const page = await fixture<HTMLDivElement>(html`<div style="width: 1100px"></div>`);
    const loaded = oneEvent(page, 'relance-data-load');
    const list = document.createElement('relance-laureate-list') as RelanceLaureateList;
    list.setAttribute('data', ROWS);
    page.append(list);
    const load = await loaded;
    expect(load).to.be.instanceOf(RelanceDataLoadEvent);
    expect(load.detail).to.deep.include({ origin: 'attribute', rows: 2, ignored: 0 });
    await list.updateComplete;

    const changed = oneEvent(page, 'relance-filter-change');
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part="status-tag"]')!.click();
    const change = await changed;
    expect(change).to.be.instanceOf(RelanceFilterChangeEvent);
    expect(change.bubbles && change.composed).to.equal(true);
    expect(change.detail).to.deep.equal({
      filter: { statuts: ['association'], regions: [], departements: [], search: '' },
      cause: 'select',
      count: 1,
    });

    const sorted = oneEvent(page, 'relance-sort-change');
    list.shadowRoot!.querySelector<HTMLButtonElement>('[part="sort-button"][data-column="montant"]')!.click();
    const sort = await sorted;
    expect(sort).to.be.instanceOf(RelanceSortChangeEvent);
    expect(sort.detail).to.deep.equal({ column: 'montant', direction: 'descending' });
  });

  it('relance-select gives only the metrics the data has, and relance-data-error is an error event', async () => {
    const donut = await fixture<RelanceFundingDonut>(
      html`<relance-funding-donut data=${ROWS}></relance-funding-donut>`,
    );
    await donut.updateComplete;
    const selected = oneEvent(donut, 'relance-select');
    donut
      .shadowRoot!.querySelector('[data-key="cooperative"]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    const select = await selected;
    expect(select).to.be.instanceOf(RelanceSelectEvent);
    // The coopérative's row gives no jobs: `emplois` is left out, never 0.
    expect(select.detail.values).to.deep.equal({ laureats: 1, montant: 50000 });

    const failed = oneEvent(document, 'relance-data-error');
    const broken = document.createElement('relance-funding-donut');
    broken.setAttribute('data', '{ not json');
    document.body.append(broken);
    expect(await failed).to.be.instanceOf(RelanceDataErrorEvent);
    broken.remove();
  });
});
