/**
 * What the portal tests share: addresses on the local portal server (test/portal/server.mjs, mounted by
 * web-test-runner under /__portal/), its counters, and the reference figures: the same questions asked directly in
 * SQL (bound parameters, `LIKE` for searches), written here without the adapters' code.
 */
import { emptyTotals } from '../../src/model/aggregate.js';
import type { GroupKey, Totals } from '../../src/model/aggregate.js';
import { DEPARTEMENTS, normalizeDepartement, normalizeRegion } from '../../src/model/territory.js';
import { normalizeStatut } from '../../src/model/values.js';
import { searchWords } from '../../src/query/search.js';
import type { QueryFilter } from '../../src/query/source.js';

export const TABULAR_RID = '0f2d3c4b-1a2b-4c3d-9e8f-7a6b5c4d3e2f';
export const TABULAR_RID_NO_AGGREGATION = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';

let sessions = 0;
/** A fresh session name (its own request counters and faults). */
export function session(prefix = 's'): string {
  return `${prefix}${Date.now().toString(36)}${(sessions++).toString(36)}`;
}

/** The dataset address of the local Explore API. */
export function odsApi(name: string, faults = '-', dataset = 'plan-de-relance'): string {
  return `/__portal/ods/${name}/${faults}/api/explore/v2.1/catalog/datasets/${dataset}`;
}

/** The resource address of the local tabular API. */
export function tabularApi(name: string, faults = '-', rid = TABULAR_RID): string {
  return `/__portal/tabular/${name}/${faults}/api/resources/${rid}/`;
}

/** Waits for the server's database (generated on first use). */
export async function portalReady(): Promise<{ rows: number }> {
  const r = await fetch('/__portal/ready');
  if (!r.ok) throw new Error(`portal not ready: ${r.status}`);
  return (await r.json()) as { rows: number };
}

export async function stats(name: string): Promise<{ requests: number; bytes: number; urls: string[] }> {
  return (await (await fetch(`/__portal/stats/${name}`)).json()) as { requests: number; bytes: number; urls: string[] };
}

/** A SELECT run directly on the server's database. */
export async function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  const r = await fetch('/__portal/sql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sql: query, params }),
  });
  const json = (await r.json()) as { rows?: T[]; error?: string };
  if (!r.ok) throw new Error(json.error);
  return json.rows!;
}

/** The raw fields of the dataset (the plan-de-relance layout, montant and jobs as the tests map them). */
export const RAW = {
  statut: 'type_entreprise',
  region: 'nom_region',
  departement: 'code_departement',
  montant: 'montant_participation_etat',
  emplois: 'emplois_crees',
  nom: 'entreprise',
};

export const codeOf: Record<GroupKey, (raw: unknown) => string | undefined> = {
  statut: (raw) => normalizeStatut(raw) ?? 'autre',
  region: (raw) => normalizeRegion(raw),
  departement: (raw) => normalizeDepartement(raw),
};

/** Every raw value of a field with its code. */
async function vocabulary(by: GroupKey): Promise<{ raw: string | null; code: string | undefined }[]> {
  const rows = await sql<{ v: string | null }>(`SELECT DISTINCT ${RAW[by]} AS v FROM records`);
  return rows.map((r) => ({ raw: r.v, code: codeOf[by](r.v ?? undefined) }));
}

/**
 * The SQL condition of a filter: the raw values of each dimension whose code is chosen (`IN`, or `IS NULL` for an
 * empty one), and for a search each folded word starting a word of the search text (`LIKE`).
 */
export async function referenceWhere(
  filter: QueryFilter,
  { small = false, searchColumn }: { small?: boolean; searchColumn?: string } = {},
): Promise<{ where: string; params: unknown[] }> {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (small) parts.push('rowid <= 3080');
  const dims: [GroupKey, readonly string[] | undefined][] = [
    ['statut', filter.statuts],
    ['region', filter.regions],
    ['departement', filter.departements],
  ];
  for (const [by, codes] of dims) {
    if (!codes?.length) continue;
    const vocab = (await vocabulary(by)).filter((v) => v.code !== undefined && codes.includes(v.code));
    const values = vocab.filter((v) => v.raw !== null).map((v) => v.raw);
    const alternatives: string[] = [];
    if (values.length) {
      alternatives.push(`${RAW[by]} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
    if (vocab.some((v) => v.raw === null)) alternatives.push(`${RAW[by]} IS NULL`);
    parts.push(alternatives.length ? `(${alternatives.join(' OR ')})` : '0');
  }
  for (const w of searchWords(filter.search)) {
    const escaped = w.replace(/[\\%_]/g, (c) => `\\${c}`);
    if (searchColumn) {
      parts.push(`${searchColumn} LIKE ? ESCAPE '\\'`);
      params.push(`%${escaped}%`);
    } else {
      parts.push(`(' ' || search_text) LIKE ? ESCAPE '\\'`);
      params.push(`% ${escaped}%`);
    }
  }
  return { where: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const AGGREGATES = `count(*) AS laureats, sum(${RAW.montant}) AS montant, count(${RAW.montant}) AS montant_n, sum(${RAW.emplois}) AS emplois, count(${RAW.emplois}) AS emplois_n`;

function totalsOf(r: {
  laureats: number;
  montant: number | null;
  montant_n: number;
  emplois: number | null;
  emplois_n: number;
}): Totals {
  const t = emptyTotals();
  t.laureats = r.laureats;
  t.montant = r.montant ?? 0;
  t.emplois = r.emplois ?? 0;
  t.missing.montant = r.laureats - r.montant_n;
  t.missing.emplois = r.laureats - r.emplois_n;
  return t;
}

type AggRow = {
  laureats: number;
  montant: number | null;
  montant_n: number;
  emplois: number | null;
  emplois_n: number;
};

/** Totals of a filter, in SQL. */
export async function referenceTotals(
  filter: QueryFilter,
  options: { small?: boolean; searchColumn?: string } = {},
): Promise<Totals> {
  const { where, params } = await referenceWhere(filter, options);
  const [row] = await sql<AggRow>(`SELECT ${AGGREGATES} FROM records ${where}`, params);
  return totalsOf(row!);
}

/** Totals by code of a filter, in SQL (raw groups merged by code), and the rows without a code. */
export async function referenceTotalsBy(
  by: GroupKey,
  filter: QueryFilter,
  options: { small?: boolean; searchColumn?: string } = {},
): Promise<{ groups: Map<string, Totals>; missing: number }> {
  const { where, params } = await referenceWhere(filter, options);
  const rows = await sql<AggRow & { v: string | null }>(
    `SELECT ${RAW[by]} AS v, ${AGGREGATES} FROM records ${where} GROUP BY ${RAW[by]}`,
    params,
  );
  const groups = new Map<string, Totals>();
  let missing = 0;
  for (const r of rows) {
    const code = codeOf[by](r.v ?? undefined);
    const t = totalsOf(r);
    if (code === undefined) {
      missing += t.laureats;
      continue;
    }
    const into = groups.get(code) ?? emptyTotals();
    into.laureats += t.laureats;
    into.montant += t.montant;
    into.emplois += t.emplois;
    into.missing.montant += t.missing.montant;
    into.missing.emplois += t.missing.emplois;
    groups.set(code, into);
  }
  return { groups, missing };
}

/** The names of a page, in SQL. */
export async function referencePage(
  filter: QueryFilter,
  sort: { field: string; direction: 'ASC' | 'DESC' } | undefined,
  offset: number,
  limit: number,
  options: { small?: boolean; searchColumn?: string } = {},
): Promise<{ names: string[]; total: number }> {
  const { where, params } = await referenceWhere(filter, options);
  const order = sort ? `${sort.field} ${sort.direction}, rowid` : 'rowid';
  const rows = await sql<{ entreprise: string }>(
    `SELECT entreprise FROM records ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  const [count] = await sql<{ n: number }>(`SELECT count(*) AS n FROM records ${where}`, params);
  return { names: rows.map((r) => r.entreprise), total: count!.n };
}

/** Région codes of a filter, in SQL (for the key figures). */
export async function referenceRegions(filter: QueryFilter, options: { small?: boolean } = {}): Promise<string[]> {
  const by = await referenceTotalsBy('region', filter, options);
  return [...by.groups]
    .filter(([, t]) => t.laureats > 0)
    .map(([c]) => c)
    .sort();
}

/** Region of a département code (unused codes give undefined). */
export const regionOfDepartement = (code: string): string | undefined => DEPARTEMENTS.get(code)?.region;

/** Sums are floating point in SQL and in the portal: equal to a cent. */
export function closeTo(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(0.01, Math.abs(b) * 1e-12);
}

/** A Totals compared field by field (amounts to a cent). */
export function sameTotals(a: Totals | undefined, b: Totals | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.laureats === b.laureats &&
    closeTo(a.montant, b.montant) &&
    closeTo(a.emplois, b.emplois) &&
    a.missing.montant === b.missing.montant &&
    a.missing.emplois === b.missing.emplois
  );
}
