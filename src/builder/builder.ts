/**
 * The builder page (`builder.html`, shipped in `cdn/`): a webmaster pastes CSV or JSON, or gives a file's address,
 * chooses a widget and its options, sees it live with the parser's report in words, and copies one of three
 * snippets (script tag and element, iframe of the embed page, element alone). The preview is built from the same
 * markup as the snippet (./snippet.ts): what is copied is what is shown. Loaded after the widgets' bundle.
 */
import { decodeText } from '../base/data-source.js';
import type { Lang } from '../i18n/format.js';
import { formatCount } from '../i18n/format.js';
import { messages } from '../i18n/messages.js';
import { describeColumns, parseInput } from '../model/parse/index.js';
import type { Dataset, ParseResult } from '../model/types.js';
import type { Markup } from './snippet.js';
import { build, el, fallbackTable, indented, scriptJson, serialise } from './snippet.js';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const value = (id: string): string => $<HTMLInputElement>(id).value.trim();
const checked = (name: string): string =>
  document.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ?? '';

/** Names of the canonical fields, for the report. */
const FIELD_NAMES: Record<string, string> = {
  nom: 'nom du lauréat',
  statut: 'statut juridique',
  region: 'région',
  departement: 'département',
  commune: 'commune',
  territoire: 'territoire d’industrie',
  projet: 'projet',
  montant: 'soutien de l’État',
  emplois: 'emplois',
  siren: 'SIREN',
  laureats: 'nombre de lauréats',
};
const FORMAT_NAMES: Record<string, string> = {
  csv: 'CSV',
  json: 'JSON',
  ods: 'export Opendatasoft (data.economie.gouv.fr)',
  auto: 'automatique',
};
const DEFAULT_CAPTIONS: Record<string, string> = {
  'relance-key-figures': 'Chiffres clés',
  'relance-funding-donut': 'Soutien de l’État par statut juridique',
  'relance-territory-map': 'Soutien de l’État par territoire',
  'relance-laureate-list': 'Liste des lauréats',
};
/** Largest pasted data that the iframe's address can carry (the embed page takes 2 000 characters a value). */
const MAX_IFRAME_DATA = 2000;

/** What was read: the dataset, and how to give it to the widget (its address, or its JSON). */
interface Read {
  result: ParseResult;
  input: { src: string } | { json: string };
  columns: { column: string; field?: string }[];
}

let current: Read | undefined;

function p(text: string, className?: string): HTMLParagraphElement {
  const node = document.createElement('p');
  node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The parser's report, in words: rows read, rows ignored and why, columns recognised. */
function report(read: Read): void {
  const box = $('report');
  const t = messages('fr');
  box.replaceChildren();
  const { result } = read;
  if (!result.ok) {
    box.className = 'b-report b-report--error';
    box.append(p(`Ces données ne peuvent pas être lues : ${t.dataError(result.error)}`));
    return;
  }
  const ds = result.dataset;
  box.className =
    ds.ignoredCount > 0 || ds.issues.length > 0 ? 'b-report b-report--warning' : 'b-report b-report--success';
  const rows = `${formatCount(ds.rowCount, 'fr')} ligne${ds.rowCount > 1 ? 's' : ''} lue${ds.rowCount > 1 ? 's' : ''}`;
  const ignored =
    ds.ignoredCount === 0
      ? 'aucune ignorée'
      : `${formatCount(ds.ignoredCount, 'fr')} ignorée${ds.ignoredCount > 1 ? 's' : ''}`;
  const kind = ds.kind === 'laureates' ? 'un lauréat par ligne' : 'des totaux';
  box.append(p(`${rows}, ${ignored} (format ${FORMAT_NAMES[ds.format] ?? ds.format}, ${kind}).`, 'b-report__title'));
  const used = read.columns.filter((c) => c.field);
  const unused = read.columns.filter((c) => !c.field);
  if (used.length)
    box.append(
      p(`Colonnes reconnues : ${used.map((c) => `« ${c.column} » (${FIELD_NAMES[c.field!] ?? c.field})`).join(', ')}.`),
    );
  if (unused.length) box.append(p(`Colonnes non utilisées : ${unused.map((c) => `« ${c.column} »`).join(', ')}.`));
  if (ds.issues.length) {
    box.append(p(`Remarques (${formatCount(ds.issues.length, 'fr')}) :`));
    const list = document.createElement('ul');
    for (const issue of ds.issues.slice(0, 20)) {
      const li = document.createElement('li');
      li.textContent = t.issue(issue);
      list.append(li);
    }
    if (ds.issues.length > 20) {
      const li = document.createElement('li');
      li.textContent = t.moreIssues(ds.issues.length - 20);
      list.append(li);
    }
    box.append(list);
  }
}

/** The data as the widget's JSON child: the rows once read (clean, canonical keys), with their metadata. */
function canonicalJson(ds: Dataset): string {
  const meta = Object.keys(ds.meta).length ? { meta: ds.meta } : {};
  return scriptJson(
    ds.kind === 'laureates' ? { ...meta, laureats: ds.laureates } : { ...meta, agregats: ds.aggregates },
  );
}

async function readData(): Promise<void> {
  const source = checked('source');
  const box = $('report');
  let read: Read;
  if (source === 'url') {
    const url = value('data-url');
    let href: string;
    try {
      href = new URL(url, location.href).href;
      if (!/^https?:/.test(href)) throw new Error('not http(s)');
    } catch {
      box.className = 'b-report b-report--error';
      box.replaceChildren(p('Donnez une adresse http:// ou https://.'));
      return;
    }
    box.className = 'b-report';
    box.replaceChildren(p('Lecture du fichier…'));
    try {
      const response = await fetch(href, { headers: { Accept: 'application/json, text/csv;q=0.9, */*;q=0.5' } });
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      const { text } = decodeText(await response.arrayBuffer());
      const format = /\.(csv|tsv)(\?|#|$)/i.test(new URL(href).pathname) ? 'csv' : 'auto';
      read = { result: parseInput(text, { format }), input: { src: href }, columns: describeColumns(text, format) };
    } catch (e) {
      box.className = 'b-report b-report--error';
      box.replaceChildren(
        p(
          `Le fichier n’a pas pu être lu (${e instanceof Error ? e.message : String(e)}). Vérifiez l’adresse, et que son serveur autorise la lecture depuis une autre page (CORS).`,
        ),
      );
      return;
    }
  } else {
    const text = $<HTMLTextAreaElement>('data-text').value;
    const result = parseInput(text);
    read = { result, input: { json: result.ok ? canonicalJson(result.dataset) : '' }, columns: describeColumns(text) };
  }
  current = read;
  report(read);
  if (read.result.ok && read.result.dataset.meta.fictitious) $<HTMLInputElement>('opt-fictitious').checked = true;
  update();
}

/** The attributes of the widget from the form, in a fixed order. */
function attributes(widget: string): [string, string][] {
  const attrs: [string, string][] = [];
  const caption = value('opt-caption') || DEFAULT_CAPTIONS[widget]!;
  attrs.push(['caption', caption]);
  if (widget === 'relance-territory-map') {
    if (value('opt-level') !== 'region') attrs.push(['level', value('opt-level')]);
    attrs.push(['metric', value('opt-metric')]);
    if (value('opt-symbols')) attrs.push(['symbols', value('opt-symbols')]);
  }
  if (widget === 'relance-funding-donut' && value('opt-metric') !== 'montant')
    attrs.push(['metric', value('opt-metric')]);
  if (widget === 'relance-laureate-list' && value('opt-page-size') && value('opt-page-size') !== '20')
    attrs.push(['page-size', String(Math.round(Number(value('opt-page-size'))) || 20)]);
  if (value('opt-source')) attrs.push(['source', value('opt-source')]);
  const sourceUrl = value('opt-source-url');
  if (sourceUrl && /^https?:\/\//i.test(sourceUrl)) attrs.push(['source-url', sourceUrl]);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value('opt-updated'))) attrs.push(['updated', value('opt-updated')]);
  if (value('opt-lang') === 'en') attrs.push(['lang', 'en']);
  if ($<HTMLInputElement>('opt-fictitious').checked) attrs.push(['fictitious', '']);
  return attrs;
}

/** The widget's markup: its attributes, its data (address or JSON child) and its fallback table. */
function widgetMarkup(read: Read, widget: string): Markup | undefined {
  if (!read.result.ok) return undefined;
  const attrs = attributes(widget);
  const lang: Lang = value('opt-lang') === 'en' ? 'en' : 'fr';
  const children: Markup[] = [];
  if ('src' in read.input) attrs.splice(1, 0, ['src', read.input.src]);
  else children.push(el('script', [['type', 'application/json']], [read.input.json]));
  children.push(
    fallbackTable(read.result.dataset, widget, {
      lang,
      caption: attrs[0]![1],
      level: value('opt-level') === 'departement' ? 'departement' : 'region',
    }),
  );
  return indented(el(widget, attrs, children));
}

/** The embed page's address for the same widget (the iframe snippet), or why there is none. */
function embedUrl(read: Read, widget: string): string | { reason: string } {
  const params = new URLSearchParams({ widget });
  if ('src' in read.input) params.set('src', read.input.src);
  else if (read.input.json.length <= MAX_IFRAME_DATA) params.set('data', read.input.json);
  else
    return {
      reason:
        'Pour l’iframe, les données doivent être en ligne : donnez l’adresse du fichier (étape 1), ou utilisez le script et la balise (données collées de plus de 2 000 caractères).',
    };
  for (const [name, v] of attributes(widget)) params.set(name, v);
  return new URL(`embed.html?${params.toString()}`, location.href).href;
}

/** The three snippets for the current data and options. */
export function snippets():
  { script: string; iframe: string | { reason: string }; element: string; markup?: Markup } | undefined {
  if (!current) return undefined;
  const widget = checked('widget');
  const markup = widgetMarkup(current, widget);
  if (!markup) return undefined;
  const element = serialise(markup);
  const bundle = new URL('france-relance-widgets.js', location.href).href;
  const script = `${serialise(
    el('script', [
      ['type', 'module'],
      ['src', bundle],
    ]),
  )}\n\n${element}`;
  const embed = embedUrl(current, widget);
  const caption = markup.attrs[0]![1];
  const height =
    {
      'relance-key-figures': '420',
      'relance-funding-donut': '640',
      'relance-territory-map': '900',
      'relance-laureate-list': '1200',
    }[widget] ?? '800';
  const iframe =
    typeof embed === 'string'
      ? serialise(
          el('iframe', [
            ['src', embed],
            ['title', caption],
            ['width', '100%'],
            ['height', height],
            ['loading', 'lazy'],
            ['sandbox', 'allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads'],
          ]),
        )
      : embed;
  return { script, iframe, element, markup };
}

const HELP: Record<string, string> = {
  script:
    'Pour une page qui accepte un script : le script une fois par page, puis la balise. Le tableau à l’intérieur de la balise s’affiche si le script ne peut pas s’exécuter.',
  iframe:
    'Pour un CMS qui retire les scripts : une iframe vers la page d’intégration. Si votre page accepte un script, resize.js (à côté de embed.html) ajuste sa hauteur ; sinon elle défile.',
  element: 'La balise seule, pour une page qui charge déjà le script des widgets.',
};

/** Renders the preview from the snippet's markup, and the chosen snippet. */
function update(): void {
  const widget = checked('widget');
  for (const group of document.querySelectorAll<HTMLElement>('[data-for]'))
    group.hidden = !group.dataset['for']!.split(' ').includes(widget);
  for (const group of document.querySelectorAll<HTMLElement>('[data-source]'))
    group.hidden = group.dataset['source'] !== checked('source');
  const all = snippets();
  const preview = $('preview');
  const code = $('snippet');
  const kind = checked('snippet');
  $('copy-status').textContent = '';
  $('snippet-help').textContent = HELP[kind] ?? '';
  if (!all || !all.markup) {
    preview.replaceChildren(
      p(
        current
          ? 'Ces données ne peuvent pas être affichées : voir le compte rendu de lecture.'
          : 'Lisez des données pour voir le widget.',
        'b-empty',
      ),
    );
    code.textContent = '';
    $<HTMLButtonElement>('copy').disabled = true;
    return;
  }
  preview.replaceChildren(build(all.markup));
  const text = kind === 'iframe' ? all.iframe : kind === 'element' ? all.element : all.script;
  if (typeof text === 'string') {
    code.textContent = text;
    $<HTMLButtonElement>('copy').disabled = false;
  } else {
    code.textContent = '';
    $('snippet-help').textContent = text.reason;
    $<HTMLButtonElement>('copy').disabled = true;
  }
}

async function copy(): Promise<void> {
  const text = $('snippet').textContent ?? '';
  const status = $('copy-status');
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Code copié dans le presse-papiers.';
  } catch {
    // No clipboard (permissions, an old browser): the code is selected, for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents($('snippet'));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    status.textContent = 'Copie automatique impossible : le code est sélectionné, copiez-le (Ctrl+C).';
  }
}

function start(): void {
  $('read').addEventListener('click', () => void readData());
  $('copy').addEventListener('click', () => void copy());
  let timer: ReturnType<typeof setTimeout> | undefined;
  $('builder').addEventListener('input', (e) => {
    const target = e.target as HTMLElement;
    if (target.id === 'data-text' || target.id === 'data-url') return;
    clearTimeout(timer);
    timer = setTimeout(update, target instanceof HTMLInputElement && target.type === 'text' ? 300 : 0);
  });
  $('builder').addEventListener('change', (e) => {
    if ((e.target as HTMLElement).getAttribute('name') === 'source') update();
  });
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="snippet"]'))
    radio.addEventListener('change', update);
  update();
}

start();
