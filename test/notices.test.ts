/**
 * What a citizen reads, and what a webmaster gets:
 * - a dashboard shows the fictitious-data badge and the filter bar once (first widget of the group) and the source
 *   line once (last widget), naming a dataset, never a file; a widget with data of another provenance shows its own;
 * - no source line without data;
 * - data problems read as one short sentence in DSFR's alert style; the parser's exact message and the ignored rows
 *   go to the console and the events, and show under the sentence only in debug mode;
 * - English pages read English (a scan of every widget's texts and accessible names for French words).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/all.js';
import type { RelanceDataElement } from '../src/base/data-element.js';
import { getGroup } from '../src/base/group.js';
import { messages } from '../src/i18n/messages.js';
import { DEPARTEMENTS, REGIONS } from '../src/model/territory.js';

const DEMO = '/data/demo/laureats-fictifs.json';
const COMMUNIQUE = '/data/communique-2021-12-21.json';
const TAGS = [
  'relance-key-figures',
  'relance-territory-map',
  'relance-funding-donut',
  'relance-laureate-list',
] as const;
const fr = messages('fr');
const en = messages('en');
const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const sourceLine = (el: Element): string =>
  plain(
    [...el.shadowRoot!.querySelectorAll('[part="footer"] p')].find((p) => /^Source/.test(plain(p.textContent)))
      ?.textContent,
  );

async function ready(...els: RelanceDataElement[]): Promise<void> {
  await waitUntil(() => els.every((e) => e.dataStatus === 'ready' || e.dataStatus === 'error'), 'widgets not ready', {
    timeout: 8000,
  });
  for (const e of els) await e.updateComplete;
}

describe('one badge, one filter bar and one source line per group', () => {
  afterEach(() => getGroup('une-fois').setFilter({}, undefined, 'clear', { silent: true }));

  it('a dashboard of four widgets shows each once; a widget with other data shows its own', async () => {
    const page = await fixture(html`<div>
      <relance-dataset group="une-fois" src=${DEMO}></relance-dataset>
      <relance-key-figures group="une-fois"></relance-key-figures>
      <relance-territory-map group="une-fois"></relance-territory-map>
      <relance-funding-donut group="une-fois"></relance-funding-donut>
      <relance-laureate-list group="une-fois"></relance-laureate-list>
      <relance-key-figures group="une-fois" id="officiel" src=${COMMUNIQUE}></relance-key-figures>
    </div>`);
    const [figures, map, donut, list] = TAGS.map((t) => page.querySelector<RelanceDataElement>(t)!);
    const official = page.querySelector<RelanceDataElement>('#officiel')!;
    const widgets = [figures!, map!, donut!, list!];
    await ready(...widgets, official);
    await waitUntil(() => map!.shadowRoot!.querySelector('.t[data-code]'), 'map drawn', { timeout: 8000 });

    const badges = widgets.filter((w) => w.shadowRoot!.querySelector('[part="fictitious"]'));
    expect(badges.map((w) => w.localName)).to.deep.equal(['relance-key-figures']);
    const sourced = widgets.filter((w) => sourceLine(w));
    expect(sourced.map((w) => w.localName)).to.deep.equal(['relance-laureate-list']);
    // A dataset named by its title and producer, not a file.
    expect(sourceLine(list!)).to.equal(
      'Source : Lauréats fictifs de démonstration, projet france-relance-widgets (données inventées)',
    );
    expect(plain(list!.shadowRoot!.querySelector('[part="footer"]')?.textContent)).not.to.match(
      /scripts\/|\.mjs|\.json|\.csv/,
    );
    // The official figures have a source of their own: they say it, and are not marked fictitious.
    expect(sourceLine(official)).to.match(
      /^Source : France Relance – lauréats « Territoires d'industrie » .*communiqué de presse n° 1843$/,
    );
    expect(official.shadowRoot!.querySelector('[part="fictitious"]')).to.equal(null);

    map!.shadowRoot!.querySelector('.t[data-code="84"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    for (const w of widgets) await w.updateComplete;
    const bars = widgets.filter(
      (w) =>
        !w.shadowRoot!.querySelector<HTMLElement>('[part="filter-bar"]')?.hidden &&
        w.shadowRoot!.querySelector('[part="filter-bar"]'),
    );
    expect(bars.map((w) => w.localName)).to.deep.equal(['relance-key-figures']);
    expect(plain(figures!.shadowRoot!.querySelector('.filter-text')?.textContent)).to.equal(
      'Filtre : Auvergne-Rhône-Alpes',
    );

    // One live region for the group (in its first widget): a selection is said once, there.
    const regions = () =>
      widgets.flatMap((w) => [...w.shadowRoot!.querySelectorAll('[aria-live], [role="status"]:not([part="loading"])')]);
    expect(regions().length).to.equal(1);
    expect(regions()[0]!.getRootNode()).to.equal(figures!.shadowRoot);
    expect(plain(regions()[0]!.textContent)).to.equal('Filtre : Auvergne-Rhône-Alpes');
    // A search in the list: its count, said through the same region.
    const search = list!.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    search.value = 'recyclerie';
    search.dispatchEvent(new Event('input', { bubbles: true }));
    await waitUntil(() => /lauréats? sur 44/.test(plain(regions()[0]?.textContent)), 'count announced', {
      timeout: 3000,
    });
    expect(regions().length).to.equal(1);
    expect(plain(regions()[0]!.textContent)).to.equal(
      plain(`${(list as unknown as { resultCount: number }).resultCount} lauréats sur 44`).replace(
        /^1 lauréats/,
        '1 lauréat',
      ),
    );
  });

  it('shows no source line without data', async () => {
    const errors = sinon.stub(console, 'error');
    const el = await fixture<RelanceDataElement>(
      html`<relance-funding-donut source="Ministère" updated="2021-12-21" src="/__faults/status/404/data/demo/laureats-fictifs.json"></relance-funding-donut>`,
    );
    await ready(el);
    errors.restore();
    expect(errors.callCount).to.equal(1);
    expect(el.dataStatus).to.equal('error');
    expect(sourceLine(el)).to.equal('');
    expect(plain(el.shadowRoot!.textContent)).not.to.contain('Mise à jour');
  });
});

describe('words for citizens, details for webmasters', () => {
  let errors: sinon.SinonStub;
  beforeEach(() => (errors = sinon.stub(console, 'error')));
  afterEach(() => errors.restore());

  const notice = (el: Element) => {
    const root = el.shadowRoot!;
    const box = root.querySelector('.notice');
    return {
      level: box?.getAttribute('part'),
      title: plain(box?.querySelector('.notice__title')?.textContent),
      retry: Boolean(box?.querySelector('[part="retry"]')),
      debug: plain(box?.querySelector('[part="debug"] .notice__detail')?.textContent),
      icon: Boolean(box?.querySelector('svg.notice__icon[aria-hidden="true"]')),
    };
  };

  it('a file that cannot be loaded: « momentanément indisponibles », a retry, the details in the console and the event', async () => {
    const events: CustomEvent[] = [];
    const el = document.createElement('relance-territory-map') as RelanceDataElement;
    el.setAttribute('debug', 'off');
    el.setAttribute('src', '/__faults/status/503/data/demo/laureats-fictifs.json');
    el.addEventListener('relance-data-error', (e) => events.push(e as CustomEvent));
    (await fixture(html`<div></div>`)).append(el);
    await ready(el);
    expect(notice(el)).to.deep.equal({
      level: 'error',
      title: plain(fr.unavailable('map')),
      retry: true,
      debug: '',
      icon: true,
    });
    expect(el.shadowRoot!.querySelector('[role="alert"]')).to.exist;
    const technical = fr.dataError({ code: 'http', status: 503 });
    expect(events.map((e) => (e.detail as { message: string }).message)).to.deep.equal([technical]);
    expect(errors.calledWithMatch(sinon.match(technical))).to.equal(true);
    // With debug, the same sentence, and the details under it.
    el.setAttribute('debug', '');
    await el.updateComplete;
    expect(notice(el)).to.deep.include({ title: plain(fr.unavailable('map')), debug: plain(technical) });
  });

  it('data that cannot be used: « ne peuvent pas être affichées », no retry (nothing to load again), in English too', async () => {
    const el = await fixture<RelanceDataElement>(
      html`<relance-funding-donut debug="off" data='{"statuts": [ {"statut": '></relance-funding-donut>`,
    );
    await ready(el);
    expect(notice(el)).to.deep.equal({
      level: 'error',
      title: plain(fr.unreadable('chart')),
      retry: false,
      debug: '',
      icon: true,
    });
    el.lang = 'en';
    await el.updateComplete;
    expect(notice(el).title).to.equal(plain(en.unreadable('chart')));
    expect(notice(el).title).to.equal('The data for this chart cannot be shown.');
  });

  it('rows left out: a warning that the figures may be incomplete; remarks alone show nothing without debug', async () => {
    const warnings: CustomEvent[] = [];
    const rows = [
      { nom: 'A fictif', statut: 'association', montant: 100 },
      { statut: 'association', montant: 200 },
    ];
    const el = document.createElement('relance-laureate-list') as RelanceDataElement;
    el.setAttribute('debug', 'off');
    el.addEventListener('relance-data-warning', (e) => warnings.push(e as CustomEvent));
    (el as unknown as { data: unknown }).data = rows;
    (await fixture(html`<div></div>`)).append(el);
    await ready(el);
    expect(notice(el)).to.deep.equal({
      level: 'warning',
      title: plain(fr.incomplete('list')),
      retry: false,
      debug: '',
      icon: true,
    });
    expect((warnings[0]!.detail as { ignored: number }).ignored).to.equal(1);
    el.setAttribute('debug', 'on');
    await el.updateComplete;
    expect(notice(el).debug).to.equal(plain(fr.ignoredRows(1)));
    expect(plain(el.shadowRoot!.querySelector('[part="debug"] li')?.textContent)).to.equal(
      'ligne 2 : nom manquant, ligne ignorée',
    );

    // Two rows that may be duplicates, both kept: nothing is lost, the citizen reads nothing.
    const same = { nom: 'B fictif', statut: 'association', siren: '123456789' };
    const kept = await fixture<RelanceDataElement>(html`<relance-key-figures debug="off"></relance-key-figures>`);
    (kept as unknown as { data: unknown }).data = [
      { ...same, montant: 1 },
      { ...same, montant: 2 },
    ];
    await ready(kept);
    expect(kept.loadedData!.issues.map((i) => i.code)).to.deep.equal(['duplicate']);
    expect(kept.shadowRoot!.querySelector('.notice')).to.equal(null);
    kept.setAttribute('debug', '');
    await kept.updateComplete;
    expect(notice(kept).level).to.equal('info');
  });
});

describe('English pages read English', () => {
  /** Neutral data: names and places that are not French words of the interface. */
  const DATA = {
    meta: { source: 'Ministry', updated: '2021-12-21', fictitious: true },
    laureats: [
      {
        nom: 'Alpha',
        statut: 'association',
        region: '84',
        departement: '69',
        commune: 'Lyon',
        territoire: 'Lyon Nord',
        projet: 'Looms',
        montant: 100000,
        emplois: 3,
      },
      {
        nom: 'Beta',
        statut: 'cooperative',
        region: '04',
        departement: '974',
        commune: 'Saint-Pierre',
        territoire: 'Sud',
        projet: 'Ovens',
        montant: 50000,
        emplois: 2,
      },
      { nom: 'Gamma', statut: 'fondation', region: '11', departement: '75', commune: 'Paris', montant: 20000 },
    ],
  };
  /** Words of the French interface that an English page must not show (proper names aside). */
  const FRENCH =
    /\b(?:départements?|Département|régions?|Région|Territoires? d[’']industrie|lauréats?|Soutien|soutien|Emplois|emplois|Afficher|Masquer|Toutes|Tous|Statut|Mise à jour|Données|Réessayer|Filtre|Rechercher|Trier|Télécharger|Aucun|Chargement|Détails|Pertinence|Ordre|Coopératives?|Fondations?|sur|et|de la|du|des)\b/u;

  for (const tag of TAGS) {
    it(`<${tag} lang="en">: no French word of the interface in its texts and accessible names`, async () => {
      const el = document.createElement(tag) as RelanceDataElement & { data?: unknown };
      el.lang = 'en';
      el.setAttribute('caption', 'Laureates');
      el.setAttribute('show-table', '');
      if (tag === 'relance-territory-map') el.setAttribute('level', 'departement');
      el.data = DATA;
      (await fixture(html`<div style="width: 1100px"></div>`)).append(el);
      await ready(el);
      if (tag === 'relance-territory-map')
        await waitUntil(() => el.shadowRoot!.querySelector('.t[data-code]'), 'map drawn', { timeout: 5000 });
      await el.updateComplete;
      const root = el.shadowRoot!;
      const texts: string[] = [];
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement?.closest('style')) continue;
        texts.push(plain(n.textContent));
      }
      for (const e of root.querySelectorAll('*'))
        for (const a of ['aria-label', 'title', 'placeholder', 'aria-description'])
          texts.push(plain(e.getAttribute(a)));
      // Proper names stay as they are: the laureates' names and places, and the names of régions and départements.
      const names = [
        ...DATA.laureats.flatMap((l) => [l.nom, l.commune, l.territoire, l.projet]),
        ...[...REGIONS.values(), ...DEPARTEMENTS.values()].map((t) => t.nom),
      ]
        .filter((n): n is string => Boolean(n))
        .sort((a, b) => b.length - a.length);
      const withoutNames = (t: string) => names.reduce((s, n) => s.split(n).join(' '), t);
      const french = texts.filter((t) => t && FRENCH.test(withoutNames(t)));
      expect(french, `<${tag}>`).to.deep.equal([]);
    });
  }
});
