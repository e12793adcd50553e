/**
 * The Explore API v2.1 adapter against the local portal server (1 000 000 fictitious rows in SQLite): every figure of
 * totalsBy, keyFigures and page equals the same question asked directly in SQL; searches return what `LIKE` returns;
 * retries, errors, abort, cache and the latest-answer helper.
 */
import { expect } from '@open-wc/testing';
import type { GroupKey } from '../../src/model/aggregate.js';
import { resolveFields } from '../../src/query/portal/common.js';
import { PortalError } from '../../src/query/portal/errors.js';
import { portalSource } from '../../src/query/portal/load.js';
import { OdsSource, odsSource } from '../../src/query/portal/ods-source.js';
import type { QueryFilter } from '../../src/query/source.js';
import {
  odsApi,
  portalReady,
  referencePage,
  referenceRegions,
  referenceTotals,
  referenceTotalsBy,
  sameTotals,
  session,
  stats,
} from './helpers.js';
import { engine } from '../engine.js';

/**
 * Against the local portal server: in Chromium only (the adapters use nothing but fetch, AbortController and URL, the
 * same in every engine; the server's million rows make each run minutes long).
 */
const onServer = engine === 'chromium' ? describe : describe.skip;

/** The tests' mapping: the dataset's defaults, plus the jobs column of the generated data. */
const FIELDS = { emplois: 'emplois_crees' };
/** A source of its own (answers not shared with other tests), on a session of the server (its faults, its counters). */
const source = (name = session('ods'), faults = '-', extra: { retries?: number; backoffMs?: number } = {}) =>
  new OdsSource(new URL(odsApi(name, faults), location.href).href, resolveFields(FIELDS), {
    retries: 3,
    backoffMs: 20,
    ...extra,
  });

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

onServer('portal: Explore API v2.1 adapter (OdsSource) against SQL', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(600_000);
    const { rows } = await portalReady();
    expect(rows).to.equal(1_000_000);
  });

  const FILTERS: [string, QueryFilter][] = [
    ['no filter', {}],
    ['companies', { statuts: ['entreprise'] }],
    ['« autre » (empty statuses included)', { statuts: ['autre'] }],
    [
      'cooperatives and foundations (raw values with quotes, backslash, parentheses)',
      { statuts: ['cooperative', 'fondation'] },
    ],
    ['two régions', { regions: ['84', '04'] }],
    ['two départements', { departements: ['2A', '974'] }],
    ['a search « l’atelier »', { search: "l'atelier" }],
    ['search, région and status together', { search: 'atelier', regions: ['53'], statuts: ['entreprise'] }],
  ];

  for (const [label, filter] of FILTERS) {
    it(`totals by status, région and département, and key figures equal SQL: ${label}`, async () => {
      const s = source();
      for (const by of ['statut', 'region', 'departement'] as GroupKey[]) {
        const [got, want] = await Promise.all([s.totalsBy(by, filter), referenceTotalsBy(by, filter)]);
        expect(got.final).to.equal(true);
        expect([...got.value.groups.keys()].sort(), `${by} codes`).to.deep.equal([...want.groups.keys()].sort());
        for (const [code, t] of want.groups)
          expect(
            sameTotals(got.value.groups.get(code), t),
            `${by} ${code}: ${JSON.stringify(got.value.groups.get(code))} ≠ ${JSON.stringify(t)}`,
          ).to.equal(true);
        expect(got.value.missing, `${by} missing`).to.equal(want.missing);
      }
      const [figures, total, regions] = await Promise.all([
        s.keyFigures(filter),
        referenceTotals(filter),
        referenceRegions(filter),
      ]);
      expect(figures.value.laureats).to.equal(total.laureats);
      expect(figures.value.montant).to.be.closeTo(total.montant, 0.01);
      expect(figures.value.emplois).to.equal(total.emplois);
      expect([...(figures.value.regions ?? [])].sort()).to.deep.equal(regions);
    });
  }

  it('pages (sorted, unsorted, deep, larger than 100 rows) equal SQL, with the count and totals of the filter', async () => {
    const s = source();
    const cases: [
      QueryFilter,
      Parameters<OdsSource['page']>[0]['sort'],
      { field: string; direction: 'ASC' | 'DESC' } | undefined,
      number,
      number,
    ][] = [
      [{}, undefined, undefined, 0, 20],
      [
        { statuts: ['entreprise'] },
        { column: 'montant', direction: 'descending' },
        { field: 'montant_participation_etat', direction: 'DESC' },
        40,
        20,
      ],
      [
        { regions: ['84'] },
        { column: 'nom', direction: 'ascending' },
        { field: 'entreprise', direction: 'ASC' },
        9980,
        20,
      ],
      [
        { search: "l'atelier" },
        { column: 'emplois', direction: 'ascending' },
        { field: 'emplois_crees', direction: 'ASC' },
        0,
        250,
      ],
    ];
    for (const [filter, sort, ref, offset, limit] of cases) {
      const [page, want, totals] = await Promise.all([
        s.page({ filter, ...(sort ? { sort } : {}), offset, limit }),
        referencePage(filter, ref, offset, limit),
        referenceTotals(filter),
      ]);
      expect(page.value.total).to.equal(want.total);
      expect(page.value.rows.map((r) => r.nom)).to.deep.equal(want.names);
      expect(page.value.ids.length).to.equal(want.names.length);
      expect(sameTotals(page.value.totals, totals)).to.equal(true);
    }
    // limit 0: the count and totals alone, no records requested.
    const none = await s.page({ filter: { statuts: ['cooperative'] }, limit: 0 });
    expect(none.value.rows).to.have.length(0);
    expect(none.value.total).to.equal((await referenceTotals({ statuts: ['cooperative'] })).laureats);
  });

  it('reads records as the parser reads the export: codes, amounts, names with quotes', async () => {
    const s = source();
    const page = await s.page({ filter: { statuts: ['cooperative'], departements: ['69'] }, limit: 5 });
    expect(page.value.rows.length).to.be.greaterThan(0);
    for (const r of page.value.rows) {
      expect(r.statut).to.equal('cooperative');
      expect(r.statutLibelle).to.equal('Coopérative "SCOP"');
      expect(r.departement).to.equal('69');
      expect(r.region).to.equal('84');
      expect(r.nom).to.match(/\(fictif\)$/);
    }
  });

  it('a status absent from the data matches nothing, without asking for records', async () => {
    const name = session();
    const s = source(name);
    const page = await s.page({ filter: { statuts: ['mutuelle'] }, limit: 20 });
    expect(page.value.total).to.equal(0);
    const { urls } = await stats(name);
    expect(urls.every((u) => u.includes('group_by'))).to.equal(true);
  });

  it('asks for aggregates, never rows, for totals and key figures; kilobytes per interaction', async () => {
    const name = session();
    const s = source(name);
    await Promise.all([
      s.keyFigures({ regions: ['11'] }),
      s.totalsBy('statut', { regions: ['11'] }),
      s.totalsBy('departement', { regions: ['11'] }),
    ]);
    const { urls, bytes } = await stats(name);
    for (const u of urls)
      expect(decodeURIComponent(u.replace(/\+/g, ' '))).to.match(/select=[^&]*count\(\*\) AS laureats/);
    expect(bytes).to.be.lessThan(20_000);
  });

  it('keeps answers for the page’s life: the same question asks nothing more', async () => {
    const name = session();
    const s = source(name);
    const first = await s.keyFigures({ statuts: ['association'] });
    const before = (await stats(name)).requests;
    const again = await s.keyFigures({ statuts: ['association'] });
    expect(again.value).to.deep.equal(first.value);
    expect((await stats(name)).requests).to.equal(before);
  });

  it('a 429 then success gives the figures (retried with backoff)', async () => {
    const name = session();
    const s = source(name, '429x1');
    const [figures, want] = await Promise.all([
      s.keyFigures({ statuts: ['fondation'] }),
      referenceTotals({ statuts: ['fondation'] }),
    ]);
    expect(figures.value.laureats).to.equal(want.laureats);
    expect(figures.value.montant).to.be.closeTo(want.montant, 0.01);
    // The refused address was asked again.
    const { urls } = await stats(name);
    expect(urls.length).to.be.greaterThan(new Set(urls).size);
  });

  it('a permanent 500 gives the typed error after a bounded number of tries', async () => {
    const name = session();
    const s = source(name, '500', { retries: 2, backoffMs: 10 });
    const e = await rejection(s.keyFigures({}));
    expect(e).to.be.instanceOf(PortalError);
    expect((e as PortalError).code).to.equal('unavailable');
    expect((e as PortalError).retryable).to.equal(true);
    const { requests } = await stats(name);
    // One question (totals, then régions in parallel): each address tried 3 times, no more.
    expect(requests).to.be.within(3, 6);
  });

  it('a 429 that lasts gives `rate-limited`', async () => {
    const s = source(session(), '429', { retries: 1, backoffMs: 10 });
    const e = (await rejection(s.totalsBy('statut', {}))) as PortalError;
    expect(e.code).to.equal('rate-limited');
    expect(e.status).to.equal(429);
  });

  it('a field the dataset does not have: a clear French error naming the attribute', async () => {
    const s = new OdsSource(
      new URL(odsApi(session()), location.href).href,
      resolveFields({ montant: 'montant_inexistant' }),
      { retries: 0 },
    );
    const e = (await rejection(s.keyFigures({}))) as PortalError;
    expect(e).to.be.instanceOf(PortalError);
    expect(e.code).to.equal('unknown-field');
    expect(e.field).to.equal('montant_inexistant');
    expect(e.mappedFrom).to.equal('montant');
    expect(e.message).to.contain('montant_inexistant').and.to.contain('field-montant');
  });

  it('a field name that is not one is refused before any request', () => {
    expect(() => odsSource(new URL(odsApi('f3'), location.href).href, { fields: { statut: 'type) OR (1' } })).to.throw(
      PortalError,
      /field-statut/,
    );
  });

  it('the default mapping (the real dataset has no jobs field): jobs unknown, no error', async () => {
    const s = odsSource(new URL(odsApi(session()), location.href).href);
    const figures = await s.keyFigures({ statuts: ['association'] });
    expect(figures.value.laureats).to.be.greaterThan(0);
    expect(figures.value.emplois).to.equal(undefined);
    expect(figures.value.montant).to.be.greaterThan(0);
  });

  it('only http(s) API addresses: others are refused with a typed error', async () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/plain,x',
      'file:///etc/passwd',
      'ftp://example.org/api/explore/v2.1/catalog/datasets/x',
      'https://user:pw@example.org/api/explore/v2.1/catalog/datasets/x',
      '',
      'https://example.org/not/an/api',
    ]) {
      const e = (await rejection(portalSource(bad))) as PortalError;
      expect(e, bad).to.be.instanceOf(PortalError);
      expect(e.code, bad).to.equal('invalid-url');
    }
    const ok = await portalSource(odsApi(session()), { fields: FIELDS });
    expect(ok).to.be.instanceOf(OdsSource);
  });

  it('beyond the 10 000th record: `too-deep`, not a wrong page', async () => {
    const e = (await rejection(source().page({ filter: {}, offset: 9990, limit: 20 }))) as PortalError;
    expect(e.code).to.equal('too-deep');
  });

  it('aborting: the question rejects with an AbortError at once, and the request is dropped', async () => {
    const name = session();
    const s = source(name, 'slow3000');
    const controller = new AbortController();
    const started = performance.now();
    const pending = s.keyFigures({ statuts: ['entreprise'] }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const e = await rejection(pending);
    expect((e as Error).name).to.equal('AbortError');
    expect(performance.now() - started).to.be.lessThan(1000);
    // Already aborted: rejected without a request.
    const before = (await stats(name)).requests;
    const e2 = await rejection(s.keyFigures({ statuts: ['ge'] }, { signal: AbortSignal.abort() }));
    expect((e2 as Error).name).to.equal('AbortError');
    expect((await stats(name)).requests).to.equal(before);
  });

  it('a request shared by two questions goes on when one of them is abandoned', async () => {
    const s = source(session(), 'slow400');
    const controller = new AbortController();
    const a = s.totalsBy('statut', {}, { signal: controller.signal });
    const b = s.totalsBy('statut', {});
    controller.abort();
    expect(((await rejection(a)) as Error).name).to.equal('AbortError');
    const answer = await b;
    expect(answer.value.groups.size).to.be.greaterThan(3);
  });

  it('the CSV export address carries the same where clause (the portal writes the file)', async () => {
    const s = source();
    const url = await s.exportUrl({ search: 'n 94913', statuts: ['entreprise'] });
    expect(url).to.match(/\/exports\/csv\?/);
    const text = await (await fetch(url!)).text();
    const lines = text.trim().split('\r\n');
    expect(lines[0]).to.contain('entreprise');
    expect(lines.length - 1).to.equal((await referenceTotals({ search: 'n 94913', statuts: ['entreprise'] })).laureats);
  });
});
