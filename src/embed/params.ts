/**
 * The query string of the embed page (`embed.html?widget=relance-territory-map&src=…&level=departement`), read
 * against a strict allow-list: the public attributes of the widgets asked for (what their classes declare), the
 * page's own parameters, and the group's filter keys. Nothing from the query string ever becomes HTML or the URL of a
 * script: values are checked, then set as attributes (text) by the page.
 *
 * Pure and DOM-free apart from the classes it is given, so that it is tested alone (test/embed/params.test.ts).
 */

/** The tags the embed page can show, in the order of a dashboard. */
export const EMBED_WIDGETS = [
  'relance-key-figures',
  'relance-funding-donut',
  'relance-territory-map',
  'relance-laureate-list',
] as const;
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

/** Longest value accepted (a data.gouv.fr export URL is about 300 characters); the query string as a whole. */
export const MAX_VALUE_LENGTH = 2000;
export const MAX_QUERY_LENGTH = 8000;
/** Widgets in one dashboard. */
export const MAX_WIDGETS = 4;

/** Attribute types, as the widgets' classes declare them (Lit's `type`). */
export type AttrType = 'string' | 'boolean' | 'number';
/** What the page needs to know of a widget class: its attributes and their types. */
export type AttrTable = ReadonlyMap<string, AttrType>;

/** Parameters of the page itself, not attributes of a widget. */
const PAGE_PARAMS = new Set(['widget', 'lang', 'theme', 'group']);
/** Data inputs: given once, to the page's `<relance-dataset>`, never to each widget (one request, not four). */
export const DATA_PARAMS = new Set(['data', 'src', 'format']);
/** Set by the page: the group of its widgets, and the URL sync that makes a selection shareable. */
const PAGE_OWNED = new Set(['group', 'sync-url']);
/** Attributes that take a URL: fetched as data only (never a script), http(s) only. */
const URL_PARAMS = new Set(['src', 'geometry', 'source-url']);
/** Closed lists of values. */
const ENUMS: Record<string, readonly string[]> = {
  lang: ['fr', 'en'],
  theme: ['auto', 'light', 'dark'],
  format: ['auto', 'json', 'csv', 'ods'],
  level: ['region', 'departement'],
  metric: ['montant', 'laureats', 'emplois'],
  symbols: ['montant', 'laureats', 'emplois'],
  scale: ['quantile', 'equal', 'threshold'],
  labels: ['legend', 'callouts'],
};
const NUMBER_RANGES: Record<string, [number, number]> = { 'heading-level': [2, 6], classes: [1, 5] };
const TRUE_WORDS = new Set(['', 'true', '1', 'on', 'oui', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'off', 'non', 'no']);
/** Names of the group's filter in the URL (`vue.region=84`), read by the widgets' `sync-url`. */
const FILTER_KEYS = new Set(['region', 'departement', 'statut', 'recherche']);
export const DEFAULT_GROUP = 'vue';

/** A problem with the query string, in words for the webmaster (French or English). */
export interface EmbedProblem {
  code: 'too-long' | 'unknown' | 'value' | 'url' | 'markup' | 'widget' | 'duplicate' | 'missing-widget' | 'page-owned';
  /** The parameter's name, shortened for display (shown as text). */
  name: string;
}

/** Attributes to set on each element of the page. */
export interface EmbedPlan {
  widgets: EmbedWidget[];
  lang: 'fr' | 'en';
  theme?: 'auto' | 'light' | 'dark';
  group: string;
  /** Attributes of the `<relance-dataset>` (data inputs and what every widget shares). */
  dataset: [string, string][];
  /** Attributes of each widget, in `widgets` order. */
  attributes: [string, string][][];
  /** The `src` URL, absolute, when data comes from a file (linked as the data source). */
  src?: string;
  /** The `source-url`, absolute, when given. */
  sourceUrl?: string;
}

export type EmbedResult = { ok: true; plan: EmbedPlan } | { ok: false; lang: 'fr' | 'en'; problems: EmbedProblem[] };

/** A parameter name as shown in a message: printable, at most 40 characters. */
export function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

/** An http(s) URL, absolute, resolved against the page; `undefined` for anything else (`javascript:`, `data:`…). */
export function httpUrl(value: string, base: string): string | undefined {
  try {
    const url = new URL(value, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the query string against the attribute tables of the widgets and of `<relance-dataset>`. Every problem is
 * listed (the page shows them all and renders nothing): unknown parameters, values out of their list, URLs other than
 * http(s), markup (`<`, `>`) or control characters in any value, values over {@link MAX_VALUE_LENGTH}.
 */
export function readEmbedQuery(search: string, base: string, tables: ReadonlyMap<string, AttrTable>): EmbedResult {
  const problems: EmbedProblem[] = [];
  const query = search.startsWith('?') ? search.slice(1) : search;
  const params = new URLSearchParams(query);
  const rawLang = params.get('lang');
  const lang: 'fr' | 'en' = rawLang === 'en' ? 'en' : 'fr';
  if (query.length > MAX_QUERY_LENGTH) return { ok: false, lang, problems: [{ code: 'too-long', name: '' }] };

  const seen = new Set<string>();
  const entries: [string, string][] = [];
  for (const [name, value] of params) {
    if (name.length > 100 || value.length > MAX_VALUE_LENGTH) {
      problems.push({ code: 'too-long', name: shownName(name) });
      continue;
    }

    if (
      // eslint-disable-next-line no-control-regex -- control characters are refused on purpose
      /[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(name) ||
      // eslint-disable-next-line no-control-regex -- control characters are refused on purpose
      /[<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)
    ) {
      problems.push({ code: 'markup', name: shownName(name) });
      continue;
    }
    if (seen.has(name) && name !== 'widget') {
      problems.push({ code: 'duplicate', name: shownName(name) });
      continue;
    }
    seen.add(name);
    entries.push([name, value]);
  }

  // Widgets: `widget=a,b` or `widget=a&widget=b`, each once, at most four.
  const widgets: EmbedWidget[] = [];
  for (const [name, value] of entries) {
    if (name !== 'widget') continue;
    for (const w of value.split(',').map((v) => v.trim())) {
      if (!(EMBED_WIDGETS as readonly string[]).includes(w) || widgets.includes(w as EmbedWidget)) {
        problems.push({ code: 'widget', name: 'widget' });
        continue;
      }
      widgets.push(w as EmbedWidget);
    }
  }
  if (widgets.length === 0 && !problems.some((p) => p.name === 'widget'))
    problems.push({ code: 'missing-widget', name: 'widget' });
  if (widgets.length > MAX_WIDGETS) problems.push({ code: 'widget', name: 'widget' });

  const groupParam = params.get('group');
  let group = DEFAULT_GROUP;
  if (groupParam !== null) {
    if (/^[a-z][a-z0-9-]{0,29}$/.test(groupParam)) group = groupParam;
    else problems.push({ code: 'value', name: 'group' });
  }

  const datasetTable = tables.get('relance-dataset') ?? new Map<string, AttrType>();
  const dataset: [string, string][] = [];
  const attributes: [string, string][][] = widgets.map(() => []);
  let theme: EmbedPlan['theme'];
  let src: string | undefined;
  let sourceUrl: string | undefined;

  /** Checks one value for one attribute; returns the value to set (`null`: leave unset), or a problem. */
  const check = (attr: string, value: string, type: AttrType): string | null | EmbedProblem => {
    if (URL_PARAMS.has(attr)) {
      const url = httpUrl(value, base);
      if (!url) return { code: 'url', name: attr };
      if (attr === 'src') src = url;
      if (attr === 'source-url') sourceUrl = url;
      return url;
    }
    if (ENUMS[attr] && !ENUMS[attr].includes(value)) return { code: 'value', name: attr };
    if (type === 'boolean') {
      if (TRUE_WORDS.has(value.toLowerCase())) return '';
      if (FALSE_WORDS.has(value.toLowerCase())) return null;
      return { code: 'value', name: attr };
    }
    if (type === 'number') {
      const n = Number(value);
      const range = NUMBER_RANGES[attr];
      if (
        value.trim() === '' ||
        !Number.isFinite(n) ||
        (range && (n < range[0] || n > range[1] || !Number.isInteger(n)))
      )
        return { code: 'value', name: attr };
    }
    return value;
  };

  for (const [name, value] of entries) {
    if (name === 'widget' || name === 'group') continue;
    if (name === 'lang') {
      if (!ENUMS['lang']!.includes(value)) problems.push({ code: 'value', name });
      continue;
    }
    if (name === 'theme') {
      if (!ENUMS['theme']!.includes(value)) problems.push({ code: 'value', name });
      else theme = value as EmbedPlan['theme'];
      continue;
    }
    // The group's filter, written by the widgets' URL sync (`vue.region=84`): read by them, not by the page.
    const dot = name.indexOf('.');
    if (dot > 0 && name.slice(0, dot) === group && FILTER_KEYS.has(name.slice(dot + 1))) continue;
    // `relance-territory-map.caption=…`: one widget of a dashboard.
    const target = dot > 0 ? name.slice(0, dot) : undefined;
    const attr = dot > 0 ? name.slice(dot + 1) : name;
    if (PAGE_OWNED.has(attr)) {
      // `sync-url` is always on in the embed page; accepted as a no-op so that a copied widget's attributes work.
      if (attr === 'sync-url' && !target) continue;
      problems.push({ code: 'page-owned', name: shownName(name) });
      continue;
    }
    if (target !== undefined) {
      const index = widgets.indexOf(target as EmbedWidget);
      const type = index >= 0 ? tables.get(target)?.get(attr) : undefined;
      if (type === undefined || DATA_PARAMS.has(attr) || PAGE_PARAMS.has(attr)) {
        problems.push({ code: 'unknown', name: shownName(name) });
        continue;
      }
      const v = check(attr, value, type);
      if (v !== null && typeof v === 'object') problems.push(v);
      else if (v !== null) attributes[index]!.push([attr, v]);
      continue;
    }
    if (DATA_PARAMS.has(attr)) {
      const v = check(attr, value, datasetTable.get(attr) ?? 'string');
      if (v !== null && typeof v === 'object') problems.push(v);
      else if (v !== null) dataset.push([attr, v]);
      continue;
    }
    // Any other attribute goes to every element of the page that declares it: at least one must.
    let known = false;
    let result: string | null | EmbedProblem = null;
    const datasetType = datasetTable.get(attr);
    if (datasetType !== undefined) {
      known = true;
      result = check(attr, value, datasetType);
      if (result !== null && typeof result !== 'object') dataset.push([attr, result]);
    }
    widgets.forEach((w, i) => {
      const type = tables.get(w)?.get(attr);
      if (type === undefined) return;
      known = true;
      result = check(attr, value, type);
      if (result !== null && typeof result !== 'object') attributes[i]!.push([attr, result]);
    });
    if (!known) problems.push({ code: 'unknown', name: shownName(name) });
    else if (result !== null && typeof result === 'object') problems.push(result);
  }
  if (problems.length) {
    // One line per parameter and kind of problem.
    const unique = problems.filter((p, i) => problems.findIndex((q) => q.code === p.code && q.name === p.name) === i);
    return { ok: false, lang, problems: unique };
  }
  return { ok: true, plan: { widgets, lang, theme, group, dataset, attributes, src, sourceUrl } };
}

/**
 * The attribute table of a Lit element class: every reactive property with an attribute (`state` and
 * `attribute: false` left out), by attribute name, with its type.
 */
export function attributeTable(ctor: unknown): AttrTable {
  const table = new Map<string, AttrType>();
  const lit = ctor as
    | {
        finalize?: () => void;
        elementProperties?: Map<PropertyKey, { attribute?: unknown; type?: unknown; state?: boolean }>;
      }
    | undefined;
  // Lit gathers a class's properties (its own and inherited) when it is defined or first used.
  lit?.finalize?.();
  const props = lit?.elementProperties;
  if (!props) return table;
  for (const [key, options] of props) {
    if (options.state || options.attribute === false || typeof key !== 'string') continue;
    const name = typeof options.attribute === 'string' ? options.attribute : key.toLowerCase();
    table.set(name, options.type === Boolean ? 'boolean' : options.type === Number ? 'number' : 'string');
  }
  return table;
}
