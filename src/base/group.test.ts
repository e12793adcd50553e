import { elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../components/dataset/relance-dataset.js';
import '../components/funding-donut/relance-funding-donut.js';
import '../components/key-figures/relance-key-figures.js';
import '../components/laureate-list/relance-laureate-list.js';
import type { RelanceLaureateList } from '../components/laureate-list/laureate-list.js';
import type { RelanceFundingDonut } from '../components/funding-donut/funding-donut.js';
import type { RelanceKeyFigures } from '../components/key-figures/key-figures.js';
import type { RelanceFilterChangeDetail as FilterChangeDetail } from '../events.js';
import { filterFromUrl, filterToUrl, getGroup } from './group.js';

const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const DEMO = '/data/demo/laureats-fictifs.json';

/** The value shown by a key-figure tile. */
function figure(el: RelanceKeyFigures, key: string): string {
  return plain(el.shadowRoot!.querySelector(`[part~="figure-${key}"] [part="value"]`)?.textContent);
}

async function ready(...els: HTMLElement[]): Promise<void> {
  await waitUntil(() => els.every((e) => (e as RelanceFundingDonut).dataStatus === 'ready'), 'data not loaded', {
    timeout: 5000,
  });
  for (const e of els) await elementUpdated(e);
}

describe('linked widgets (group)', () => {
  let demo: { laureats: { statut: string; region: string; montant: number }[] };
  before(async () => {
    demo = await (await fetch(DEMO)).json();
  });
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
  });

  it('share one dataset declared once, and a selection in the donut filters the key figures', async () => {
    const page = await fixture(html`<div>
      <relance-dataset group="g1" src=${DEMO}></relance-dataset>
      <relance-funding-donut group="g1"></relance-funding-donut>
      <relance-key-figures group="g1"></relance-key-figures>
    </div>`);
    const donut = page.querySelector('relance-funding-donut')!;
    const figures = page.querySelector('relance-key-figures')!;
    await ready(donut, figures);
    expect(figure(figures, 'laureats')).to.equal('44');
    expect(figure(figures, 'montant')).to.equal('17,2 M€');
    // The fictitious data says so once, in the first widget of the group.
    expect(donut.shadowRoot!.querySelector('[part="fictitious"]')).to.exist;
    expect(figures.shadowRoot!.querySelector('[part="fictitious"]')).to.equal(null);

    const changes: FilterChangeDetail[] = [];
    page.addEventListener('relance-filter-change', (e) => changes.push((e as CustomEvent<FilterChangeDetail>).detail));
    (donut.shadowRoot!.querySelector('[data-key="cooperative"]') as SVGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    await elementUpdated(figures);
    expect(figure(figures, 'laureats')).to.equal('12');
    expect(figure(figures, 'montant')).to.equal('3,2 M€');
    const coops = demo.laureats.filter((l) => l.statut === 'cooperative');
    expect(figure(figures, 'regions')).to.equal(String(new Set(coops.map((l) => l.region)).size));
    expect(changes).to.deep.equal([
      { group: 'g1', filter: { statuts: ['cooperative'], regions: [], departements: [], search: '' }, cause: 'select' },
    ]);
    // The first widget of the group shows the filter and a way to clear it; the widget where the user acted announces it.
    expect(plain(donut.shadowRoot!.querySelector('.filter-text')?.textContent)).to.equal('Filtre : Coopératives');
    expect(figures.shadowRoot!.querySelector<HTMLElement>('[part="filter-bar"]')!.hidden).to.equal(true);
    expect(plain(donut.shadowRoot!.querySelector('[role="status"]')?.textContent)).to.equal('Filtre : Coopératives');
    // The donut keeps every status and shows the selection.
    expect(donut.selected).to.equal('cooperative');
    expect(donut.shadowRoot!.querySelectorAll('.slice')).to.have.length(3);

    (donut.shadowRoot!.querySelector('[part="filter-clear"]') as HTMLButtonElement).click();
    await elementUpdated(figures);
    await elementUpdated(donut);
    expect(figure(figures, 'laureats')).to.equal('44');
    expect(donut.selected).to.equal(undefined);
    expect(donut.shadowRoot!.querySelector('.filter-bar')!.hasAttribute('hidden')).to.equal(true);
    expect(changes.at(-1)).to.deep.equal({
      group: 'g1',
      filter: { statuts: [], regions: [], departements: [], search: '' },
      cause: 'clear',
    });
    await expect(figures).to.be.accessible();
    await expect(donut).to.be.accessible();
  });

  it('links the list both ways: the donut filters it, its search and filters reach the others', async () => {
    const page = await fixture(html`<div>
      <relance-dataset group="liste" src=${DEMO}></relance-dataset>
      <relance-funding-donut group="liste"></relance-funding-donut>
      <relance-key-figures group="liste"></relance-key-figures>
      <relance-laureate-list group="liste"></relance-laureate-list>
    </div>`);
    const donut = page.querySelector('relance-funding-donut')!;
    const figures = page.querySelector('relance-key-figures')!;
    const list = page.querySelector<RelanceLaureateList>('relance-laureate-list')!;
    await ready(donut, figures, list);
    expect(list.resultCount).to.equal(44);
    (donut.shadowRoot!.querySelector('[data-key="fondation"]') as SVGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    await elementUpdated(list);
    expect(list.resultCount).to.equal(1);
    expect(list.statut).to.equal('fondation');
    // Search typed in the list filters the key figures and the donut (which keeps its own dimension).
    const search = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.focus();
    const events: CustomEvent[] = [];
    page.addEventListener('relance-filter-change', (e) => events.push(e as CustomEvent));
    // Search the one fondation's commune, then a word no laureate has.
    const commune = (demo.laureats.find((l) => l.statut === 'fondation') as unknown as { commune: string }).commune;
    await sendKeys({ type: commune });
    await elementUpdated(list);
    await elementUpdated(figures);
    expect(list.resultCount).to.equal(1);
    expect(figure(figures, 'laureats')).to.equal('1');
    expect(getGroup('liste').filter.search).to.equal(commune);
    // One event per keystroke, from the list, with the group's name.
    expect(events.length).to.equal(commune.length);
    expect(events.at(-1)!.detail).to.deep.include({ group: 'liste', cause: 'list' });
    expect(events.at(-1)!.detail.filter).to.deep.include({ search: commune, statuts: ['fondation'] });
    await sendKeys({ type: 'zzz' });
    await elementUpdated(figures);
    expect(figure(figures, 'laureats')).to.equal('0');
    (figures.shadowRoot!.querySelector('[part="filter-clear"]') as HTMLButtonElement).click();
    await elementUpdated(list);
    expect(list.resultCount).to.equal(44);
    expect(list.search).to.equal('');
  });

  it('keeps two groups apart', async () => {
    const page = await fixture(html`<div>
      <relance-dataset group="a" src=${DEMO}></relance-dataset>
      <relance-dataset group="b" data=${JSON.stringify({ totaux: { laureats: 7 } })}></relance-dataset>
      <relance-funding-donut group="a"></relance-funding-donut>
      <relance-key-figures group="a" id="fa"></relance-key-figures>
      <relance-key-figures group="b" id="fb"></relance-key-figures>
    </div>`);
    const donut = page.querySelector('relance-funding-donut')!;
    const fa = page.querySelector<RelanceKeyFigures>('#fa')!;
    const fb = page.querySelector<RelanceKeyFigures>('#fb')!;
    await ready(donut, fa, fb);
    expect(figure(fb, 'laureats')).to.equal('7');
    (donut.shadowRoot!.querySelector('[data-key="fondation"]') as SVGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    await elementUpdated(fa);
    await elementUpdated(fb);
    expect(figure(fa, 'laureats')).to.equal('1');
    expect(figure(fb, 'laureats')).to.equal('7');
    expect(getGroup('b').filter).to.deep.equal({});
    expect(fb.shadowRoot!.querySelector('.filter-bar')!.hasAttribute('hidden')).to.equal(true);
  });

  it('lets a widget added later join the current selection', async () => {
    const page = await fixture(html`<div>
      <relance-funding-donut group="late" src=${DEMO}></relance-funding-donut>
    </div>`);
    const donut = page.querySelector('relance-funding-donut')!;
    await ready(donut);
    // Keyboard selection: Tab to the slices, Enter.
    (donut.shadowRoot!.querySelector('.slice[tabindex="0"]') as SVGElement).focus();
    await sendKeys({ press: 'Enter' });
    await elementUpdated(donut);
    expect(getGroup('late').filter).to.deep.equal({ statuts: ['association'] });
    const late = document.createElement('relance-key-figures');
    late.setAttribute('group', 'late');
    page.append(late);
    await ready(late);
    expect(figure(late, 'laureats')).to.equal('31');
    // The filter stays shown once, in the first widget.
    expect(plain(donut.shadowRoot!.querySelector('.filter-text')?.textContent)).to.equal('Filtre : Associations');
    expect(late.shadowRoot!.querySelector<HTMLElement>('[part="filter-bar"]')!.hidden).to.equal(true);
  });

  it('keeps the selection in the URL with sync-url, and the back button undoes it', async () => {
    history.replaceState(null, '', `${location.pathname}?url.statut=fondation&autre=1`);
    const page = await fixture(html`<div>
      <relance-dataset group="url" sync-url src=${DEMO}></relance-dataset>
      <relance-funding-donut group="url"></relance-funding-donut>
      <relance-key-figures group="url"></relance-key-figures>
    </div>`);
    const donut = page.querySelector('relance-funding-donut')!;
    const figures = page.querySelector('relance-key-figures')!;
    await ready(donut, figures);
    // The URL's filter applies on load.
    expect(donut.selected).to.equal('fondation');
    expect(figure(figures, 'laureats')).to.equal('1');
    (donut.shadowRoot!.querySelector('[data-key="association"]') as SVGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    await elementUpdated(figures);
    expect(new URLSearchParams(location.search).get('url.statut')).to.equal('association');
    expect(new URLSearchParams(location.search).get('autre')).to.equal('1');
    expect(figure(figures, 'laureats')).to.equal('31');
    const back = oneEvent(window, 'popstate');
    history.back();
    await back;
    await elementUpdated(figures);
    await elementUpdated(donut);
    expect(new URLSearchParams(location.search).get('url.statut')).to.equal('fondation');
    expect(figure(figures, 'laureats')).to.equal('1');
    expect(donut.selected).to.equal('fondation');
  });

  it('writes and reads filters in URL parameters', () => {
    const params = filterToUrl(
      'ess',
      { regions: ['04'], statuts: ['association', 'cooperative'], search: 'atelier' },
      new URLSearchParams('x=1'),
    );
    expect(params.toString()).to.equal('x=1&ess.statut=association%2Ccooperative&ess.region=04&ess.recherche=atelier');
    expect(filterFromUrl('ess', params)).to.deep.equal({
      statuts: ['association', 'cooperative'],
      regions: ['04'],
      search: 'atelier',
    });
    // Unknown codes from a hand-edited URL are dropped.
    expect(filterFromUrl('ess', new URLSearchParams('ess.region=99&ess.departement=974'))).to.deep.equal({
      departements: ['974'],
    });
  });

  it('scopes a dataset to a région with attributes alone', async () => {
    const page = await fixture(html`<div>
      <relance-dataset group="prefecture" region="La Réunion" src=${DEMO}></relance-dataset>
      <relance-key-figures group="prefecture"></relance-key-figures>
    </div>`);
    const figures = page.querySelector('relance-key-figures')!;
    await ready(figures);
    const reunion = demo.laureats.filter((l) => l.region === '04');
    expect(figure(figures, 'laureats')).to.equal(String(reunion.length));
    expect(figure(figures, 'regions')).to.equal('1');
  });

  it('shows the group’s loading and error states in every widget', async () => {
    const errors = sinon.stub(console, 'error');
    try {
      const page = await fixture(html`<div>
        <relance-dataset group="err" src="/introuvable.json"></relance-dataset>
        <relance-key-figures group="err"></relance-key-figures>
      </div>`);
      const figures = page.querySelector('relance-key-figures')!;
      await waitUntil(() => figures.dataStatus === 'error', 'no error state');
      await elementUpdated(figures);
      expect(plain(figures.shadowRoot!.querySelector('[role="alert"]')?.textContent)).to.contain('erreur HTTP 404');
      // The provider reports it once, in the console, for the webmaster.
      expect(errors.getCalls().map((c) => String(c.args[0]))).to.deep.equal([
        '<relance-dataset>: Le fichier de données n’a pas pu être chargé (erreur HTTP 404).',
      ]);
    } finally {
      errors.restore();
    }
  });
});
