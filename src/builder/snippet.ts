/**
 * The builder's snippets (src/builder/builder.ts): the markup of a widget as a tree, serialised to the text a
 * webmaster copies, and built into the DOM for the preview from the same tree, so that the preview is the snippet, byte
 * for byte. Data only ever becomes attribute values and text nodes (escaped when serialised), never parsed HTML.
 */
import type { Lang } from '../i18n/format.js';
import { formatCount, formatEuros } from '../i18n/format.js';
import { statutLabel } from '../i18n/messages.js';
import { groupTotals, sumTotals } from '../model/aggregate.js';
import type { Totals } from '../model/aggregate.js';
import { territoryName } from '../model/territory.js';
import type { Dataset, Statut } from '../model/types.js';
import { STATUTS } from '../model/types.js';

/** An element: tag, attributes in order, children (elements or text). */
export interface Markup {
  tag: string;
  attrs: [string, string][];
  children: (Markup | string)[];
}

export const el = (tag: string, attrs: [string, string][] = [], children: (Markup | string)[] = []): Markup => ({
  tag,
  attrs,
  children,
});

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The markup as HTML text. Attributes between double quotes; an empty value is written as a bare attribute
 * (`fictitious`). The text of a `<script>` is written raw: the builder only puts JSON there, with `<` written `\u003c`.
 */
export function serialise(node: Markup | string, parent?: string): string {
  if (typeof node === 'string') return parent === 'script' ? node : escapeText(node);
  const attrs = node.attrs.map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');
  return `<${node.tag}${attrs}>${node.children.map((c) => serialise(c, node.tag)).join('')}</${node.tag}>`;
}

interface TrustedTypePolicyLike {
  createScript(input: string): unknown;
}
let dataPolicy: TrustedTypePolicyLike | undefined;

/**
 * The text of a data block (`<script type="application/json">`, never run), under a policy that requires Trusted
 * Types for script text (the builder's own, `require-trusted-types-for 'script'`): a policy that passes only JSON
 * through, used only here, for a script element whose type is JSON.
 */
function dataBlockText(json: string): unknown {
  const tt = (
    globalThis as {
      trustedTypes?: { createPolicy(name: string, rules: { createScript(s: string): string }): TrustedTypePolicyLike };
    }
  ).trustedTypes;
  if (!tt) return json;
  dataPolicy ??= tt.createPolicy('relance-builder-data', {
    createScript: (s) => {
      JSON.parse(s);
      return s;
    },
  });
  return dataPolicy.createScript(json);
}

/** The same markup, as DOM nodes (text as text nodes: nothing is parsed). */
export function build(node: Markup | string, doc: Document = document): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const element = doc.createElement(node.tag);
  for (const [k, v] of node.attrs) element.setAttribute(k, v);
  if (element instanceof HTMLScriptElement) {
    // Only data blocks: a script the builder would run is a bug.
    if (element.type !== 'application/json')
      throw new Error(`builder: a <script type="${element.type}"> in the preview`);
    (element as unknown as { text: unknown }).text = dataBlockText(
      node.children.map((c) => (typeof c === 'string' ? c : '')).join(''),
    );
    return element;
  }
  for (const c of node.children) element.append(build(c, doc));
  return element;
}

/** DOM nodes written back as the builder writes them (for the test that the preview is the snippet). */
export function serialiseDom(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentNode?.nodeName.toLowerCase();
    return parent === 'script' ? (node as Text).data : escapeText((node as Text).data);
  }
  if (!(node instanceof Element)) return '';
  const attrs = [...node.attributes]
    .map((a) => (a.value === '' ? ` ${a.name}` : ` ${a.name}="${escapeAttr(a.value)}"`))
    .join('');
  return `<${node.localName}${attrs}>${[...node.childNodes].map(serialiseDom).join('')}</${node.localName}>`;
}

/** JSON for a `<script type="application/json">` child: `<`, `>` and `&` escaped, so that it never ends the script. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Indents children: a line break and `indent` spaces before each, and before the closing tag. */
export function indented(node: Markup, indent = '  ', depth = 0): Markup {
  if (node.tag === 'script' || node.children.every((c) => typeof c === 'string')) return node;
  const pad = `\n${indent.repeat(depth + 1)}`;
  const children: (Markup | string)[] = [];
  for (const c of node.children) children.push(pad, typeof c === 'string' ? c : indented(c, indent, depth + 1));
  children.push(`\n${indent.repeat(depth)}`);
  return { ...node, children };
}

const TEXT = {
  fr: {
    total: 'Total',
    laureats: 'Lauréats',
    montant: 'Soutien de l’État',
    emplois: 'Emplois',
    regions: 'Régions',
    statut: 'Statut',
    territoire: 'Territoire',
    nom: 'Nom',
    region: 'Région',
    more: (n: number) => `… et ${formatCount(n, 'fr')} autres lauréats.`,
  },
  en: {
    total: 'Total',
    laureats: 'Laureates',
    montant: 'State support',
    emplois: 'Jobs',
    regions: 'Regions',
    statut: 'Status',
    territoire: 'Territory',
    nom: 'Name',
    region: 'Region',
    more: (n: number) => `… and ${formatCount(n, 'en')} more laureates.`,
  },
};

/** Rows of the fallback table of the list (the rest is said in a last line). */
export const FALLBACK_LIST_ROWS = 50;

/**
 * The fallback table of a widget (README, « Works without JavaScript »): the figures it shows, as a plain table, for
 * readers whose browser does not run the script. Amounts in euros and counts formatted for the language.
 */
export function fallbackTable(
  dataset: Dataset,
  widget: string,
  options: { lang: Lang; caption: string; level?: 'region' | 'departement' },
): Markup {
  const t = TEXT[options.lang];
  const lang = options.lang;
  const row = (head: string, cells: string[]): Markup =>
    el('tr', [], [el('th', [['scope', 'row']], [head]), ...cells.map((c) => el('td', [], [c]))]);
  const headRow = (cells: string[]): Markup =>
    el(
      'thead',
      [],
      [
        el(
          'tr',
          [],
          cells.map((c) => el('th', [['scope', 'col']], [c])),
        ),
      ],
    );
  const figures = (x: Totals): string[] => [formatCount(x.laureats, lang), formatEuros(x.montant, lang)];
  const caption = el('caption', [], [options.caption]);
  if (widget === 'relance-laureate-list' && dataset.kind === 'laureates') {
    const rows = dataset.laureates
      .slice(0, FALLBACK_LIST_ROWS)
      .map((l) =>
        el(
          'tr',
          [],
          [
            el('th', [['scope', 'row']], [l.nom]),
            el('td', [], [statutLabel(l.statut, lang, 1)]),
            el('td', [], [l.region ? territoryName('region', l.region) : '']),
            el('td', [], [l.montant === undefined ? '' : formatEuros(l.montant, lang)]),
          ],
        ),
      );
    const more = dataset.laureates.length - FALLBACK_LIST_ROWS;
    return el(
      'table',
      [],
      [
        caption,
        headRow([t.nom, t.statut, t.region, t.montant]),
        el('tbody', [], rows),
        ...(more > 0 ? [el('tfoot', [], [el('tr', [], [el('td', [['colspan', '4']], [t.more(more)])])])] : []),
      ],
    );
  }
  if (widget === 'relance-key-figures') {
    const total = sumTotals(groupTotals(dataset, 'statut').values());
    const regions = groupTotals(dataset, 'region').size;
    return el(
      'table',
      [],
      [
        caption,
        el(
          'tbody',
          [],
          [
            row(t.laureats, [formatCount(total.laureats, lang)]),
            row(t.montant, [formatEuros(total.montant, lang)]),
            row(t.emplois, [formatCount(total.emplois, lang)]),
            ...(regions > 0 ? [row(t.regions, [formatCount(regions, lang)])] : []),
          ],
        ),
      ],
    );
  }
  const by = widget === 'relance-territory-map' ? (options.level ?? 'region') : 'statut';
  const groups = [...groupTotals(dataset, by)];
  if (by === 'statut') groups.sort(([a], [b]) => STATUTS.indexOf(a as Statut) - STATUTS.indexOf(b as Statut));
  else groups.sort(([a], [b]) => territoryName(by, a).localeCompare(territoryName(by, b), lang));
  const name = (code: string): string =>
    by === 'statut' ? statutLabel(code as Statut, lang) : territoryName(by, code);
  const total = sumTotals(groups.map(([, x]) => x));
  return el(
    'table',
    [],
    [
      caption,
      headRow([by === 'statut' ? t.statut : t.territoire, t.laureats, t.montant]),
      el(
        'tbody',
        [],
        groups.map(([code, x]) => row(name(code), figures(x))),
      ),
      el('tfoot', [], [row(t.total, figures(total))]),
    ],
  );
}
