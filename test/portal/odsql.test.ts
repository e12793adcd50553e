/**
 * Safe query building, property-based (fast-check): whatever a reader types or a URL carries, the value stays one
 * string literal of the `where` clause, and the clause keeps the structure the builders gave it. Checked with the
 * local server's own ODSQL parser (test/portal/odsql-parse.mjs), and on the server: a hostile value is a value.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { PortalError } from '../../src/query/portal/errors.js';
import {
  and,
  eq,
  field,
  inList,
  isNull,
  NOTHING,
  or,
  quote,
  recordsUrl,
  search,
} from '../../src/query/portal/odsql.js';
import type { Where } from '../../src/query/portal/odsql.js';
import { searchWords } from '../../src/query/search.js';
import type { Node } from './odsql-parse.mjs';
import { parseWhere, tokenize } from './odsql-parse.mjs';
import { odsApi, portalReady, session, sql } from './helpers.js';
import { engine } from '../engine.js';

/**
 * Against the local portal server: in Chromium only (the adapters use nothing but fetch, AbortController and URL, the
 * same in every engine; the server's million rows make each run minutes long).
 */
const onServer = engine === 'chromium' ? describe : describe.skip;

/** Text full of what could break a query: quotes, backslashes, parentheses, ODSQL keywords, wildcards, Unicode. */
const PIECES = [
  '"',
  "'",
  '\\',
  '\\"',
  "\\'",
  '(',
  ')',
  ' AND ',
  ' OR ',
  ' NOT ',
  'and',
  'or',
  ' IS NULL',
  'select',
  'where',
  'group_by',
  '*',
  '`',
  ':',
  '=',
  '!=',
  '%',
  '_',
  ',',
  ';',
  '--',
  '/*',
  'é',
  'Œ',
  "l'atelier",
  'L’Atelier',
  '\n',
  '\t',
  '\u0000',
  'ß',
  '💥',
  ' ',
  'atelier',
  'n°',
  '1=1',
  '#',
  '&',
  '+',
];
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const RUNS = { numRuns: 300, seed: 18 };

/** The leaves of an AND tree. */
function conjuncts(n: Node): Node[] {
  return n.type === 'and' ? [...conjuncts(n.left), ...conjuncts(n.right)] : [n];
}
function disjuncts(n: Node): Node[] {
  return n.type === 'or' ? [...disjuncts(n.left), ...disjuncts(n.right)] : [n];
}

describe('portal: safe ODSQL (property-based)', () => {
  it('quote: any text is exactly one string literal whose value is that text', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const tokens = tokenize(quote(s));
        expect(tokens).to.have.length(1);
        expect(tokens[0]).to.deep.equal({ t: 'str', v: s });
      }),
      RUNS,
    );
  });

  it('eq: `field = value` whatever the value', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        expect(parseWhere(eq('entreprise', s))).to.deep.equal({
          type: 'cmp',
          field: { type: 'field', name: 'entreprise' },
          op: '=',
          value: s,
        });
      }),
      RUNS,
    );
  });

  it('a filter and a search: the structure the builders gave, values and words intact', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (a, b, text) => {
        const where = and(inList('type_entreprise', [a, b, null]), inList('code_departement', [a]), search(text));
        const node = parseWhere(where as Where);
        const parts = conjuncts(node);
        const words = searchWords(text);
        const values = [...new Set([a, b])];
        // The status list (an OR of equalities and IS NULL), the département, then one search per word.
        const list = disjuncts(parts[0]!);
        expect(list).to.deep.equal([
          ...values.map((v) => ({ type: 'cmp', field: { type: 'field', name: 'type_entreprise' }, op: '=', value: v })),
          { type: 'null', field: { type: 'field', name: 'type_entreprise' }, negated: false },
        ]);
        expect(parts[1]).to.deep.equal({
          type: 'cmp',
          field: { type: 'field', name: 'code_departement' },
          op: '=',
          value: a,
        });
        expect(parts.slice(2)).to.deep.equal(words.map((w) => ({ type: 'search', text: `${w}*` })));
      }),
      RUNS,
    );
  });

  it('field: a name is a field literal or refused, never an expression', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        let literal: string;
        try {
          literal = field(s);
        } catch (e) {
          expect(e).to.be.instanceOf(PortalError);
          expect((e as PortalError).code).to.equal('invalid-field');
          return;
        }
        expect(tokenize(literal)).to.deep.equal([
          { t: 'id', v: s, ...(literal.startsWith('`') ? { quoted: true } : {}) },
        ]);
      }),
      RUNS,
    );
    expect(field('and')).to.equal('`and`');
    expect(field('2021')).to.equal('`2021`');
    expect(parseWhere(eq('and', 'x'))).to.deep.equal({
      type: 'cmp',
      field: { type: 'field', name: 'and' },
      op: '=',
      value: 'x',
    });
  });

  it('NOTHING: an empty list matches nothing, and so does a conjunction with it', () => {
    expect(inList('f', [])).to.equal(NOTHING);
    expect(and(eq('f', 'a'), NOTHING)).to.equal(NOTHING);
    expect(and()).to.equal(undefined);
    expect(parseWhere(or(eq('f', "l'a"), isNull('f')))).to.deep.equal({
      type: 'or',
      left: { type: 'cmp', field: { type: 'field', name: 'f' }, op: '=', value: "l'a" },
      right: { type: 'null', field: { type: 'field', name: 'f' }, negated: false },
    });
  });

  onServer('on the server', function () {
    this.timeout(300_000);
    before(async function () {
      this.timeout(600_000);
      await portalReady();
    });

    it('a hostile value is a value: the record count of `entreprise = value` is SQL’s, never an error', async () => {
      const real = await sql<{ entreprise: string }>(
        `SELECT entreprise FROM records WHERE entreprise LIKE '%''%' AND rowid <= 50`,
      );
      const values = [...real.map((r) => r.entreprise), ...fc.sample(hostile, { numRuns: 60, seed: 7 })];
      const dataset = new URL(odsApi(session('hostile')), location.href).href;
      for (const v of values) {
        const r = await fetch(recordsUrl(dataset, { where: eq('entreprise', v), limit: 1 }));
        expect(r.status, JSON.stringify(v)).to.equal(200);
        const json = (await r.json()) as { total_count: number };
        const [want] = await sql<{ n: number }>('SELECT count(*) AS n FROM records WHERE entreprise = ?', [v]);
        expect(json.total_count, JSON.stringify(v)).to.equal(want!.n);
      }
      expect(real.length).to.be.greaterThan(3);
    });
  });
});
