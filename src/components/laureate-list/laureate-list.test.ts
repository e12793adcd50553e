import { aTimeout, elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import './relance-laureate-list.js';
import type { RelanceFilterChangeDetail, RelanceLaureateList, RelanceSortChangeDetail } from './laureate-list.js';
import type { RelanceSelectDetail } from '../../events.js';
import type { Laureate } from '../../model/types.js';

/** Six fictitious laureates with accents, hyphens, a missing amount and CSV-hostile characters. */
const ROWS: Laureate[] = [
  {
    nom: 'Économie Circulaire du Forez (fictif)',
    statut: 'association',
    region: '84',
    departement: '42',
    commune: 'Saint-Étienne',
    territoire: 'Saint-Étienne Métropole',
    projet: 'Atelier de réemploi ; tri "sélectif"\nDeuxième ligne',
    montant: 250000,
    emplois: 12,
    siren: '012345678',
  },
  {
    nom: 'Ecz Industrie (fictif)',
    statut: 'cooperative',
    region: '84',
    departement: '69',
    commune: 'Lyon',
    territoire: 'Lyon Vallée',
    projet: 'Usinage',
    montant: 1200000,
    emplois: 30,
  },
  {
    nom: 'éco Textile (fictif)',
    statut: 'cooperative',
    region: '11',
    departement: '75',
    commune: 'Paris',
    territoire: 'Paris Est',
    projet: 'Textile recyclé',
    montant: 50000,
    emplois: 3,
  },
  {
    nom: 'Zèbre Atelier (fictif)',
    statut: 'fondation',
    region: '53',
    departement: '29',
    commune: 'Quimper',
    territoire: 'Cornouaille',
    projet: 'Menuiserie',
    montant: 600000,
    emplois: 8,
  },
  {
    nom: 'Île Verte (fictif)',
    statut: 'association',
    region: '04',
    departement: '974',
    commune: 'Saint-Denis',
    territoire: 'Est Réunion',
    projet: 'Recyclerie',
    montant: 90000,
    emplois: 5,
  },
  {
    nom: 'Abeille Solidaire (fictif)',
    statut: 'association',
    region: '84',
    departement: '42',
    commune: 'Firminy',
    territoire: 'Ondaine',
    projet: 'Miellerie',
    emplois: 2,
  },
];
const DATA = { meta: { fictitious: true, source: 'Démo' }, laureats: ROWS };

const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const $ = <T extends Element = Element>(el: Element, sel: string): T | null => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = Element>(el: Element, sel: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(sel)];
/** Names of the rows shown, in order (table or cards). */
const names = (el: Element): string[] =>
  $$(el, 'tbody tr:not(.detail) th[scope="row"] .name, .card__title').map((n) => plain(n.textContent));
/** Texts of the cells of a row, non-empty ones, joined by spaces. */
const rowText = (row: Element | null | undefined): string =>
  [...(row?.children ?? [])]
    .map((c) => plain(c.textContent))
    .filter(Boolean)
    .join(' ');
const active = (el: Element): Element | null => el.shadowRoot!.activeElement;

async function list(tpl: ReturnType<typeof html>): Promise<RelanceLaureateList> {
  const el = await fixture<RelanceLaureateList>(tpl);
  await elementUpdated(el);
  return el;
}

/** A wide list (table layout) with the six rows. */
async function wide(attrs: Partial<Record<string, string>> = {}): Promise<RelanceLaureateList> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px"></div>`);
  const el = document.createElement('relance-laureate-list') as RelanceLaureateList;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v ?? '');
  el.data = DATA;
  wrapper.append(el);
  await elementUpdated(el);
  return el;
}

async function typeSearch(el: RelanceLaureateList, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
  input.focus();
  input.select();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Many fictitious rows (to exercise paging and the background index). */
function many(count: number): Laureate[] {
  const communes = ['Saint-Étienne', 'Lyon', 'Besançon', 'Épinal', 'Le Creusot'];
  return Array.from({ length: count }, (_, i) => ({
    nom: `Lauréat fictif n° ${i + 1}`,
    statut: i % 3 === 0 ? 'cooperative' : 'association',
    region: i % 2 ? '84' : '27',
    commune: communes[i % communes.length]!,
    projet: i % 7 === 0 ? 'Économie circulaire et réemploi' : 'Atelier de menuiserie',
    montant: 1000 * ((i * 37) % 101),
    emplois: i % 13,
  }));
}

describe('<relance-laureate-list>', () => {
  let consoleError: sinon.SinonStub;
  beforeEach(() => {
    consoleError = sinon.stub(console, 'error');
  });
  afterEach(() => {
    consoleError.restore();
    sinon.restore();
    document.documentElement.removeAttribute('data-fr-theme');
  });

  it('shows the 44 fictitious laureates (CSV src): accessible table, totals, notice, 3 pages', async () => {
    const el = document.createElement('relance-laureate-list') as RelanceLaureateList;
    el.src = '/data/demo/laureats-fictifs.csv';
    el.fictitious = true;
    el.caption = 'Lauréats ESS';
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px"></div>`);
    const loaded = oneEvent(el, 'relance-data-load');
    wrapper.append(el);
    await loaded;
    await elementUpdated(el);
    expect(el.effectiveLayout).to.equal('table');
    expect(plain($(el, 'caption')?.textContent)).to.equal('Lauréats ESS, page 1 / 3');
    expect($$(el, 'thead th[scope="col"]').map((th) => plain(th.textContent))).to.deep.equal([
      'Lauréat',
      'Statut',
      'Région',
      'Département et commune',
      'Territoire d’industrie',
      'Soutien de l’État',
      'Emplois',
    ]);
    expect($$(el, 'tbody th[scope="row"]')).to.have.length(20);
    expect($$(el, 'thead th[aria-sort]')).to.have.length(0);
    expect(plain($(el, '[part="count"]')?.textContent)).to.equal('44 lauréats');
    expect(rowText($(el, 'tfoot tr'))).to.equal('Total (44 lauréats) 17 200 000 € 521');
    expect(plain($(el, '[part="fictitious"]')?.textContent)).to.equal('Données fictives de démonstration');
    expect($$(el, '.page--number').map((b) => plain(b.textContent))).to.deep.equal(['Page 1', 'Page 2', 'Page 3']);
    expect(el.pages).to.equal(3);
    const first = $$(el, 'tbody tr:not(.detail)')[0]!;
    expect(plain(first.textContent)).to.contain('Association fictive n° 1 – Fort-de-France');
    expect(plain(first.textContent)).to.contain('Martinique (972)');
    expect(plain(first.textContent)).to.contain('180 000 €');
    await expect(el).to.be.accessible();
    expect(consoleError.called).to.equal(false);
  });

  it('searches case-, accent- and hyphen-insensitively, highlights as text, and announces the count', async () => {
    const el = await wide();
    const events: RelanceFilterChangeDetail[] = [];
    el.addEventListener('relance-filter-change', (e) => events.push(e.detail));
    await typeSearch(el, 'economie');
    expect(names(el)).to.deep.equal(['Économie Circulaire du Forez (fictif)']);
    expect($$(el, 'mark').map((m) => m.textContent)).to.deep.equal(['Économie']);
    expect(plain($(el, '[part="count"]')?.textContent)).to.equal('1 lauréat sur 6');
    await typeSearch(el, 'saint etienne');
    expect(names(el)).to.deep.equal(['Économie Circulaire du Forez (fictif)']);
    // « Saint-Étienne » is marked as one segment, in the commune and in the territory.
    expect($$(el, 'mark').map((m) => m.textContent)).to.deep.equal(['Saint-Étienne', 'Saint-Étienne']);
    await typeSearch(el, 'SAINT-ÉTIENNE');
    expect(names(el)).to.have.length(1);
    await typeSearch(el, 'eco');
    expect(names(el)).to.deep.equal(['Économie Circulaire du Forez (fictif)', 'éco Textile (fictif)']);
    // Région and département names are searchable too (the rows only hold codes).
    await typeSearch(el, 'loire');
    expect(names(el)).to.deep.equal(['Économie Circulaire du Forez (fictif)', 'Abeille Solidaire (fictif)']);
    // A match in the (closed) project is pointed out.
    await typeSearch(el, 'menuiserie');
    expect(names(el)).to.deep.equal(['Zèbre Atelier (fictif)']);
    expect(plain($(el, '.match-hint')?.textContent)).to.equal('correspond à la recherche');
    await waitUntil(() => plain($(el, '[role="status"]')?.textContent) === '1 lauréat sur 6', 'count announced');
    // One event per keystroke, with the whole filter and the count.
    expect(events.length).to.be.greaterThan(20);
    expect(events[events.length - 1]).to.deep.equal({
      filter: { search: 'menuiserie', statuts: [], regions: [], departements: [] },
      cause: 'list',
      count: 1,
    });
    await typeSearch(el, 'zzz');
    expect(plain($(el, '[part="empty"]')?.textContent)).to.contain('Aucun lauréat ne correspond à ces critères.');
  });

  it('filters by status (tags), région then département, and clears the filters', async () => {
    const el = await wide();
    const events: RelanceFilterChangeDetail[] = [];
    el.addEventListener('relance-filter-change', (e) => events.push(e.detail));
    const tags = $$<HTMLButtonElement>(el, '[part="status-tag"]');
    expect(tags.map((t) => plain(t.textContent))).to.deep.equal(['Associations', 'Coopératives', 'Fondations']);
    tags[1]!.click();
    await el.updateComplete;
    expect(tags[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect(names(el)).to.deep.equal(['Ecz Industrie (fictif)', 'éco Textile (fictif)']);
    tags[2]!.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(3);
    expect(events[events.length - 1]).to.deep.include({ cause: 'select', count: 3 });
    expect(events[events.length - 1]!.filter.statuts).to.deep.equal(['cooperative', 'fondation']);
    tags[1]!.click();
    tags[2]!.click();
    await el.updateComplete;
    expect(names(el)).to.have.length(6);

    const region = $$<HTMLSelectElement>(el, 'select')[0]!;
    expect([...region.options].map((o) => o.text)).to.deep.equal([
      'Toutes les régions',
      'Auvergne-Rhône-Alpes',
      'Bretagne',
      'Île-de-France', // French collation: Î with the I's
      'La Réunion',
    ]);
    region.value = '84';
    region.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal([
      'Économie Circulaire du Forez (fictif)',
      'Ecz Industrie (fictif)',
      'Abeille Solidaire (fictif)',
    ]);
    const dep = $$<HTMLSelectElement>(el, 'select')[1]!;
    expect([...dep.options].map((o) => o.text)).to.deep.equal(['Tous les départements', 'Loire (42)', 'Rhône (69)']);
    dep.value = '42';
    dep.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Économie Circulaire du Forez (fictif)', 'Abeille Solidaire (fictif)']);
    expect(events[events.length - 1]).to.deep.equal({
      filter: { search: '', statuts: [], regions: ['84'], departements: ['42'] },
      cause: 'select',
      count: 2,
    });
    expect(rowText($(el, 'tfoot tr'))).to.equal('Total (2 lauréats) 250 000 € 14');
    // Another région clears a département outside it.
    region.value = '11';
    region.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.departement).to.equal('');
    expect(names(el)).to.deep.equal(['éco Textile (fictif)']);
    // The visible reset button clears everything and puts the focus in the search field.
    const reset = $<HTMLButtonElement>(el, '[part="reset"]')!;
    expect(reset.hidden).to.equal(false);
    reset.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(names(el)).to.have.length(6);
    expect(reset.hidden).to.equal(true);
    expect(active(el)?.getAttribute('type')).to.equal('search');
    expect(events[events.length - 1]).to.deep.equal({
      filter: { statuts: [], regions: [], departements: [], search: '' },
      cause: 'clear',
      count: 6,
    });
  });

  it('applies initial filters from attributes (codes or names), without events', async () => {
    const events: unknown[] = [];
    const listener = (e: Event) => events.push(e);
    document.addEventListener('relance-filter-change', listener);
    const el = await wide({ region: '84', statut: 'association' });
    expect(names(el)).to.deep.equal(['Économie Circulaire du Forez (fictif)', 'Abeille Solidaire (fictif)']);
    expect($<HTMLSelectElement>(el, 'select')!.value).to.equal('84');
    expect($$(el, '[part="status-tag"][aria-pressed="true"]').map((t) => plain(t.textContent))).to.deep.equal([
      'Associations',
    ]);
    const byName = await wide({
      region: 'auvergne rhone alpes',
      departement: 'Rhône',
      statut: 'Coopératives, fondation',
    });
    expect(names(byName)).to.deep.equal(['Ecz Industrie (fictif)']);
    const search = await wide({ search: 'ile verte' });
    expect(names(search)).to.deep.equal(['Île Verte (fictif)']);
    expect($<HTMLInputElement>(search, 'input[type="search"]')!.value).to.equal('ile verte');
    // Programmatic changes: no event either.
    el.region = '04';
    el.statut = '';
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Île Verte (fictif)']);
    await aTimeout(20);
    expect(events).to.have.length(0);
    document.removeEventListener('relance-filter-change', listener);
  });

  it('sorts by any column both ways, French collation for text, numbers for amounts and jobs', async () => {
    const el = await wide();
    const events: RelanceSortChangeDetail[] = [];
    el.addEventListener('relance-sort-change', (e) => events.push(e.detail));
    const header = (c: string) => $<HTMLButtonElement>(el, `.sort[data-column="${c}"]`)!;
    header('nom').click();
    await el.updateComplete;
    // Code-point order would put É, é and Î after Z.
    expect(names(el)).to.deep.equal([
      'Abeille Solidaire (fictif)',
      'éco Textile (fictif)',
      'Économie Circulaire du Forez (fictif)',
      'Ecz Industrie (fictif)',
      'Île Verte (fictif)',
      'Zèbre Atelier (fictif)',
    ]);
    expect(header('nom').closest('th')!.getAttribute('aria-sort')).to.equal('ascending');
    expect($$(el, 'th[aria-sort]')).to.have.length(1);
    header('nom').click();
    await el.updateComplete;
    expect(names(el)[0]).to.equal('Zèbre Atelier (fictif)');
    expect(names(el)[5]).to.equal('Abeille Solidaire (fictif)');
    expect(header('nom').closest('th')!.getAttribute('aria-sort')).to.equal('descending');
    // Amounts: largest first at the first click, the row without an amount last both ways.
    header('montant').click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal([
      'Ecz Industrie (fictif)',
      'Zèbre Atelier (fictif)',
      'Économie Circulaire du Forez (fictif)',
      'Île Verte (fictif)',
      'éco Textile (fictif)',
      'Abeille Solidaire (fictif)',
    ]);
    expect(header('nom').closest('th')!.hasAttribute('aria-sort')).to.equal(false);
    header('montant').click();
    await el.updateComplete;
    expect(names(el).slice(0, 2)).to.deep.equal(['éco Textile (fictif)', 'Île Verte (fictif)']);
    expect(names(el)[5]).to.equal('Abeille Solidaire (fictif)');
    header('emplois').click();
    await el.updateComplete;
    expect(names(el)[0]).to.equal('Ecz Industrie (fictif)');
    // Codes sort by name: région « Île-de-France » among the I's, after « Bretagne ».
    header('region').click();
    await el.updateComplete;
    expect(names(el).map((n) => n.split(' ')[0])).to.deep.equal(['Économie', 'Ecz', 'Abeille', 'Zèbre', 'éco', 'Île']);
    expect(events).to.deep.equal([
      { column: 'nom', direction: 'ascending' },
      { column: 'nom', direction: 'descending' },
      { column: 'montant', direction: 'descending' },
      { column: 'montant', direction: 'ascending' },
      { column: 'emplois', direction: 'descending' },
      { column: 'region', direction: 'ascending' },
    ]);
    expect(plain($(el, 'caption')?.textContent)).to.contain('triés par région, de A à Z');
    el.sort = 'statut'; // programmatic: no event
    await el.updateComplete;
    expect(events).to.have.length(6);
    expect(names(el)[0]).to.contain('Économie'); // Association first
  });

  it('sorts statuses by their label in the language in effect', async () => {
    const el = await wide({ sort: 'statut' });
    el.data = [
      { nom: 'Entreprise fictive', statut: 'entreprise' },
      { nom: 'Coopérative fictive', statut: 'cooperative' },
    ];
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Coopérative fictive', 'Entreprise fictive']); // Coopérative < Entreprise
    el.lang = 'en';
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Entreprise fictive', 'Coopérative fictive']); // Company < Cooperative
    el.sort = 'nom';
    await el.updateComplete;
    el.lang = 'fr';
    await el.updateComplete;
    el.sort = 'statut';
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Coopérative fictive', 'Entreprise fictive']);
  });

  it('pages through the rows (DSFR pagination): only the current page is in the DOM, every row is reachable', async () => {
    const el = await wide({ 'page-size': '5' });
    expect($$(el, 'tbody tr:not(.detail)')).to.have.length(5);
    el.data = many(48);
    await el.updateComplete;
    expect($$(el, 'tbody tr:not(.detail)')).to.have.length(5);
    expect(el.pages).to.equal(10);
    const pageNumbers = () => $$(el, '.pagination li').map((li) => plain(li.textContent));
    expect(pageNumbers()).to.deep.equal([
      'Première page',
      'Page précédente',
      'Page 1',
      'Page 2',
      '…',
      'Page 10',
      'Page suivante',
      'Dernière page',
    ]);
    expect($(el, '.page--first')!.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[aria-current="page"]')!.textContent).to.contain('1');
    $<HTMLButtonElement>(el, '.page--next')!.click();
    await el.updateComplete;
    expect(names(el)[0]).to.equal('Lauréat fictif n° 6');
    expect($(el, '[aria-current="page"]')!.textContent).to.contain('2');
    $<HTMLButtonElement>(el, '.page--last')!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Lauréat fictif n° 46', 'Lauréat fictif n° 47', 'Lauréat fictif n° 48']);
    expect($(el, '.page--next')!.getAttribute('aria-disabled')).to.equal('true');
    await waitUntil(() => plain($(el, '[role="status"]')?.textContent).startsWith('Page 10 sur 10'), 'page announced');
    expect(plain($(el, '[role="status"]')?.textContent)).to.equal('Page 10 sur 10, lauréats 46 à 48');
    // Walking the pages reaches every row once.
    el.page = 1;
    await el.updateComplete;
    const seen: string[] = [];
    for (let p = 1; p <= el.pages; p++) {
      seen.push(...names(el));
      $<HTMLButtonElement>(el, '.page--next')!.click();
      await el.updateComplete;
    }
    expect(new Set(seen).size).to.equal(48);
    // A new filter goes back to page 1.
    el.page = 4;
    await el.updateComplete;
    await typeSearch(el, 'lyon');
    expect(el.page).to.equal(1);
    expect(plain($(el, '[part="count"]')?.textContent)).to.equal('10 lauréats sur 48');
  });

  it('opens a row to show its project (disclosure), and emits relance-select', async () => {
    const el = await wide();
    const events: RelanceSelectDetail[] = [];
    el.addEventListener('relance-select', (e) => events.push(e.detail));
    const button = $$<HTMLButtonElement>(el, '[part="disclosure"]')[0]!;
    // Closed: no project in the DOM, so no aria-controls either.
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.hasAttribute('aria-controls')).to.equal(false);
    expect($$(el, 'tr.detail')).to.have.length(0);
    expect(plain(button.textContent)).to.equal('Voir le projet de Économie Circulaire du Forez (fictif)');
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(plain(button.textContent)).to.equal('Masquer le projet de Économie Circulaire du Forez (fictif)');
    const detail = $(el, `#${button.getAttribute('aria-controls')}`)!;
    expect(detail.localName).to.equal('tr');
    expect(detail.textContent).to.contain('Atelier de réemploi ; tri "sélectif"\nDeuxième ligne');
    // The detail row follows its row.
    expect(button.closest('tr')!.nextElementSibling).to.equal(detail);
    expect(active(el)).to.equal(button);
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect($$(el, 'tr.detail')).to.have.length(0);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(events).to.deep.equal([
      {
        dimension: 'laureat',
        code: '0',
        label: 'Économie Circulaire du Forez (fictif)',
        selected: true,
        values: { laureats: 1, montant: 250000, emplois: 12 },
      },
      {
        dimension: 'laureat',
        code: '0',
        label: 'Économie Circulaire du Forez (fictif)',
        selected: false,
        values: { laureats: 1, montant: 250000, emplois: 12 },
      },
    ]);
  });

  it('exports the current rows (filtered, sorted) as CSV, byte for byte', async () => {
    const el = await wide({ statut: 'association', sort: 'montant' });
    let blob: Blob | undefined;
    sinon.stub(URL, 'createObjectURL').callsFake((b: Blob | MediaSource) => {
      blob = b as Blob;
      return 'blob:test';
    });
    sinon.stub(URL, 'revokeObjectURL');
    let downloaded = '';
    sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    const button = $<HTMLButtonElement>(el, '[part="export"]')!;
    expect(plain(button.textContent)).to.equal('Télécharger la sélection CSV – 3 lignes');
    button.click();
    expect(downloaded).to.match(/^laureats-france-relance-\d{4}-\d{2}-\d{2}-associations\.csv$/);
    expect(blob!.type).to.equal('text/csv;charset=utf-8');
    const expected =
      '\uFEFF' +
      'Nom;Statut;Région;Code région;Département;Code département;Commune;Territoire d’industrie;Projet;Montant (€);Emplois;SIREN\r\n' +
      'Économie Circulaire du Forez (fictif);Association;Auvergne-Rhône-Alpes;84;Loire;42;Saint-Étienne;Saint-Étienne Métropole;"Atelier de réemploi ; tri ""sélectif""\nDeuxième ligne";250000;12;012345678\r\n' +
      'Île Verte (fictif);Association;La Réunion;04;La Réunion;974;Saint-Denis;Est Réunion;Recyclerie;90000;5;\r\n' +
      'Abeille Solidaire (fictif);Association;Auvergne-Rhône-Alpes;84;Loire;42;Firminy;Ondaine;Miellerie;;2;\r\n';
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect([...bytes]).to.deep.equal([...new TextEncoder().encode(expected)]);
    // csv-separator="," and English headers.
    el.csvSeparator = ',';
    el.lang = 'en';
    el.statut = 'fondation';
    await el.updateComplete;
    expect(el.getCsv()).to.equal(
      '\uFEFFName,Status,Region,Region code,Department,Department code,Municipality,Industrial territory,Project,Amount (€),Jobs,SIREN\r\n' +
        'Zèbre Atelier (fictif),Foundation,Bretagne,53,Finistère,29,Quimper,Cornouaille,Menuiserie,600000,8,\r\n',
    );
    el.region = '53';
    el.search = 'zèbre';
    await el.updateComplete;
    expect(el.getCsvFileName(new Date(2021, 11, 21))).to.equal(
      'laureates-france-relance-2021-12-21-bretagne-foundations-zebre.csv',
    );
  });

  it('keeps fallback content visible until the data is rendered, then hides it', async () => {
    let release: (r: Response) => void = () => undefined;
    sinon.stub(window, 'fetch').callsFake(() => new Promise<Response>((resolve) => (release = resolve)));
    const el = await list(html`<relance-laureate-list src="/lent.json">
      <table id="fallback"><caption>Lauréats (sans script)</caption><tr><th scope="col">Nom</th></tr><tr><td>Lauréat fictif</td></tr></table>
    </relance-laureate-list>`);
    const table = el.querySelector('#fallback') as HTMLTableElement;
    expect(plain($(el, '[part="loading"]')?.textContent)).to.equal('Chargement des données…');
    expect(table.offsetHeight).to.be.greaterThan(0);
    expect($<HTMLSlotElement>(el, 'slot')!.assignedElements()).to.deep.equal([table]);
    expect($(el, '.empty')).to.equal(null); // no « Aucune donnée » over the fallback
    const loaded = oneEvent(el, 'relance-data-load');
    release(new Response(JSON.stringify(ROWS), { headers: { 'content-type': 'application/json' } }));
    await loaded;
    await el.updateComplete;
    expect(table.offsetHeight).to.equal(0);
    expect($(el, 'slot')).to.equal(null);
    expect(names(el)).to.have.length(6);
  });

  it('has no axe violations in the table layout (filtered, sorted, a row open)', async () => {
    const el = await wide({ sort: 'nom', caption: 'Lauréats', 'heading-level': '2', 'page-size': '5' });
    await typeSearch(el, 'e');
    $<HTMLButtonElement>(el, '[part="disclosure"]')!.click();
    $<HTMLButtonElement>(el, '[part="status-tag"]')!.click();
    await el.updateComplete;
    expect(el.effectiveLayout).to.equal('table');
    await expect(el).to.be.accessible();
  });

  it('switches to cards on narrow containers, with no sideways scrolling and no axe violations', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
    const el = document.createElement('relance-laureate-list') as RelanceLaureateList;
    el.data = DATA;
    el.caption = 'Lauréats';
    el.headingLevel = 2;
    wrapper.append(el);
    await waitUntil(() => el.effectiveLayout === 'cards' && $(el, '.cards'), 'cards layout');
    expect($(el, 'table')).to.equal(null);
    expect($$(el, '[part~="card"]')).to.have.length(6);
    expect($$(el, '.card__title[role="heading"][aria-level="3"]')).to.have.length(6);
    // Compact cards: the name, then status, place and amount; the other fields on demand.
    const card = $$(el, '.card')[0]!;
    expect(card.querySelectorAll('dt')).to.have.length(0);
    expect(plain(card.querySelector('.card__summary')?.textContent)).to.match(/^\S.+ \d[\d ]* €$/);
    card.querySelector<HTMLButtonElement>('[part="disclosure"]')!.click();
    await el.updateComplete;
    expect(card.querySelector('[part="disclosure"]')!.getAttribute('aria-expanded')).to.equal('true');
    expect([...card.querySelectorAll('dt')].map((d) => plain(d.textContent))).to.deep.equal([
      'Statut',
      'Région',
      'Département et commune',
      'Territoire d’industrie',
      'Soutien de l’État',
      'Emplois',
    ]);
    // Sorting through the « Trier par » list.
    const sort = $<HTMLSelectElement>(el, '.sort-select select')!;
    sort.value = 'montant:descending';
    sort.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)[0]).to.equal('Ecz Industrie (fictif)');
    $<HTMLButtonElement>(el, '[part="disclosure"]')!.click();
    await el.updateComplete;
    expect(plain($(el, '.card__project')?.textContent)).to.equal('Usinage');
    expect(el.scrollWidth).to.be.at.most(360);
    expect(document.documentElement.scrollWidth).to.be.at.most(window.innerWidth);
    await expect(el).to.be.accessible();
    // Wider: back to the table; it never scrolls sideways either.
    wrapper.style.width = '900px';
    await waitUntil(() => el.effectiveLayout === 'table' && $(el, 'table'), 'table layout');
    expect(el.scrollWidth).to.be.at.most(900);
    // Just above the switch to cards, with the longest amounts and names of the demo data.
    el.data = await (await fetch('/data/demo/laureats-fictifs.json')).json();
    el.sort = 'montant';
    wrapper.style.width = '885px';
    await waitUntil(() => el.effectiveLayout === 'table' && $$(el, 'tbody tr').length === 20, 'table at 885 px');
    expect(el.scrollWidth).to.be.at.most(885);
    expect($(el, 'table')!.getBoundingClientRect().width).to.be.at.most(885);
    // Fewer columns: a table from 600 px.
    el.columns = 'nom montant emplois';
    wrapper.style.width = '610px';
    await waitUntil(() => el.effectiveLayout === 'table' && $(el, 'table'), 'table at 610 px');
    expect(el.scrollWidth).to.be.at.most(610);
    wrapper.style.width = '590px';
    await waitUntil(() => el.effectiveLayout === 'cards', 'cards under 600 px');
  });

  it('is fully usable with the keyboard', async () => {
    const el = await wide({ 'page-size': '5' });
    const before = document.createElement('button');
    before.textContent = 'avant';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('type')).to.equal('search');
    await sendKeys({ type: 'saint' });
    await el.updateComplete;
    expect(names(el)).to.have.length(2);
    await sendKeys({ press: 'Tab' }); // région
    expect(active(el)?.localName).to.equal('select');
    await sendKeys({ press: 'Tab' }); // département
    await sendKeys({ press: 'Tab' }); // first status tag
    expect(plain(active(el)?.textContent)).to.equal('Associations');
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(active(el)?.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' }); // reset (visible: filters are active)
    expect(active(el)?.getAttribute('part')).to.equal('reset');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await el.updateComplete;
    expect(active(el)?.getAttribute('type')).to.equal('search');
    expect(names(el)).to.have.length(5);
    // Région by keyboard: the next option is chosen with the arrow key.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.region).to.equal('84');
    expect(names(el)).to.have.length(3);
    // Tab on to the export button, then the sort buttons of the header.
    let guard = 0;
    while (active(el)?.getAttribute('part') !== 'export' && guard++ < 10) await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('export');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('data-column')).to.equal('nom');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.closest('th')?.getAttribute('aria-sort')).to.equal('ascending');
    expect(names(el)[0]).to.equal('Abeille Solidaire (fictif)');
    for (let k = 0; k < 7; k++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.getAttribute('part')).to.equal('disclosure');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(active(el)?.getAttribute('aria-expanded')).to.equal('true');
    // Paging by keyboard, focus stays on the button.
    el.region = '';
    await el.updateComplete;
    guard = 0;
    while (!active(el)?.classList.contains('page--next') && guard++ < 30) await sendKeys({ press: 'Tab' });
    expect(active(el)?.classList.contains('page--next')).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.page).to.equal(2);
    expect(active(el)?.classList.contains('page--next')).to.equal(true);
    expect(names(el)).to.have.length(1);
    // Focus is visible.
    expect(getComputedStyle(active(el)!).outlineStyle).to.equal('solid');
    before.remove();
  });

  it('shows every text field as text, never as HTML (XSS attempt)', async () => {
    const evil = '<img src=x onerror="window.__xss=1">';
    const rows: Laureate[] = [
      {
        nom: `${evil} nom`,
        statut: 'association',
        region: '84',
        departement: '42',
        commune: `<script>window.__xss=2</script> commune`,
        territoire: `"><svg onload="window.__xss=3"> territoire`,
        projet: `<b>gras</b> & <iframe src="javascript:alert(1)"></iframe> ${evil}`,
        montant: 1,
        emplois: 1,
        siren: '123456789',
      },
      { nom: 'Témoin (fictif)', statut: 'cooperative' },
    ];
    const el = await wide({
      columns: 'nom statut lieu commune territoire projet montant siren',
      caption: `${evil} titre`,
      source: evil,
    });
    el.data = rows;
    await el.updateComplete;
    await typeSearch(el, 'img onerror script svg');
    const root = el.shadowRoot!;
    expect(root.querySelector('img, script, iframe, b, svg[onload]')).to.equal(null);
    const text = plain(root.textContent);
    expect(text).to.contain(`${evil} nom`);
    expect(text).to.contain('<script>window.__xss=2</script> commune');
    expect(text).to.contain('"><svg onload="window.__xss=3"> territoire');
    expect(text).to.contain('<b>gras</b> & <iframe src="javascript:alert(1)"></iframe>');
    expect(plain($(el, '[part="caption"]')?.textContent)).to.equal(`${evil} titre`);
    expect($$(el, 'mark').length).to.be.greaterThan(3);
    expect(
      [...root.querySelectorAll('*')].some((n) => [...n.attributes].some((a) => a.name.startsWith('on'))),
    ).to.equal(false);
    await aTimeout(50);
    expect((window as unknown as { __xss?: number }).__xss).to.equal(undefined);
  });

  it('picks and orders columns with the columns attribute (the name always shown)', async () => {
    const el = await wide({ columns: 'montant, commune departement siren inconnu' });
    expect($$(el, 'thead th').map((th) => plain(th.textContent))).to.deep.equal([
      'Lauréat',
      'Soutien de l’État',
      'Commune',
      'Département',
      'SIREN',
    ]);
    expect(rowText($$(el, 'tbody tr')[0])).to.contain('250 000 € Saint-Étienne Loire (42) 012345678');
    // The project as a column: no disclosure buttons.
    const withProject = await wide({ columns: 'nom projet' });
    expect($$(withProject, '[part="disclosure"]')).to.have.length(0);
    expect(plain($$(withProject, 'tbody td')[0]!.textContent)).to.equal(
      'Atelier de réemploi ; tri "sélectif" Deuxième ligne',
    );
  });

  it('speaks English with lang="en"', async () => {
    const el = await wide({ lang: 'en', statut: 'cooperative' });
    expect(plain($(el, '[part="count"]')?.textContent)).to.equal('2 of 6 laureates');
    expect($$(el, '[part="status-tag"]').map((t) => plain(t.textContent))).to.deep.equal([
      'Associations',
      'Cooperatives',
      'Foundations',
    ]);
    expect(plain($(el, 'label')?.textContent)).to.equal('Search laureates Name, municipality, territory or project');
    expect(rowText($(el, 'tfoot tr'))).to.equal('Total (2 laureates) €1,250,000 33');
    expect(plain($(el, '[part="reset"]')?.textContent)).to.equal('Clear filters');
    expect(plain($$(el, 'tbody tr')[0]!.textContent)).to.contain('Cooperative');
    // Language of parts (RGAA 8.7): the projects, in French as published, say so on an English page; nothing else
    // of the interface is marked.
    $<HTMLButtonElement>(el, '[part="disclosure"]')!.click();
    await el.updateComplete;
    const marked = $$(el, '[lang]');
    expect(marked.length).to.be.greaterThan(0);
    expect(marked.every((e) => e.getAttribute('lang') === 'fr' && e.matches('.project-cell, .project'))).to.equal(true);
    el.lang = 'fr';
    await el.updateComplete;
    expect($$(el, '[lang]')).to.deep.equal([]);
  });

  it('shows empty, loading and error states with the shared French notices', async () => {
    const empty = await list(html`<relance-laureate-list></relance-laureate-list>`);
    expect(plain($(empty, '.empty')?.textContent)).to.equal('Aucune donnée à afficher.');
    const bad = document.createElement('relance-laureate-list') as RelanceLaureateList;
    bad.setAttribute('data', '[{"nom": "x",}]');
    const failed = oneEvent(bad, 'relance-data-error');
    document.body.append(bad);
    expect((await failed).detail.code).to.equal('invalid-json');
    await bad.updateComplete;
    expect(plain($(bad, '[role="alert"]')?.textContent)).to.contain('Les données ne sont pas du JSON valide');
    await expect(bad).to.be.accessible();
    bad.remove();
    // Totals by status only (no laureate rows): nothing to list.
    const aggregates = await list(
      html`<relance-laureate-list data='[{"statut":"association","laureats":31}]'></relance-laureate-list>`,
    );
    expect(plain($(aggregates, '.empty')?.textContent)).to.equal('Aucune donnée à afficher.');
    // Ignored rows are listed.
    const partly = await wide();
    partly.data = [{ nom: 'Bon (fictif)', statut: 'association' }, { statut: 'association' }];
    await partly.updateComplete;
    expect(plain($(partly, '[part="warning"]')?.textContent)).to.contain('1 ligne ignorée');
    expect(names(partly)).to.deep.equal(['Bon (fictif)']);
  });

  it('follows the DSFR dark theme', async () => {
    const el = await wide();
    const header = $(el, 'thead th')!;
    const light = getComputedStyle(header).backgroundColor;
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    await waitUntil(() => el.getAttribute('data-relance-theme') === 'dark');
    expect(getComputedStyle(header).backgroundColor).not.to.equal(light);
  });

  it('stays fast and exact with a large list: page in the DOM only, index built in idle time', async () => {
    const rows = many(20000);
    const el = await wide();
    el.data = rows;
    await el.updateComplete;
    expect(el.searchReady).to.equal(false);
    expect($$(el, 'tbody tr:not(.detail)')).to.have.length(20);
    expect(el.shadowRoot!.querySelectorAll('*').length).to.be.below(800);
    // The first page from the first rows, the rest read in idle slices (see laureate-list.progressive.test.ts).
    expect(plain($(el, '[part="count"]')?.textContent)).to.equal('2 000 lauréats (calcul en cours…)');
    await waitUntil(() => plain($(el, '[part="count"]')?.textContent) === '20 000 lauréats', 'every row read', {
      timeout: 8000,
    });
    // A search before the index is complete is answered from the first rows, then exactly once it is built.
    await typeSearch(el, 'economie saint');
    const expected = rows.filter((r) => r.projet!.startsWith('Économie') && r.commune === 'Saint-Étienne').length;
    await waitUntil(() => el.searchReady && el.resultCount === expected, 'exact results', { timeout: 8000 });
    // Another list builds its index by itself when idle.
    const other = await wide();
    other.data = many(20000);
    await other.updateComplete;
    await waitUntil(() => other.searchReady, 'index built in idle time', { timeout: 8000 });
    other.sort = 'montant';
    await other.updateComplete;
    expect(names(other)[0]).to.equal('Lauréat fictif n° 31'); // 100 000 €, the largest amount
  });
});
