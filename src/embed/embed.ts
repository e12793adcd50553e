/**
 * The embed page (`embed.html`, shipped in `cdn/`): one widget or a small dashboard from the query string, for CMS
 * that strip `<script>` from editors' HTML (they keep an `<iframe>`). Built into one script with the widgets (./page.ts).
 *
 * - The query string is read against a strict allow-list (./params.ts); any problem refuses the whole page with a
 *   French (or English) message, and nothing is rendered. Values become attributes (text), never HTML.
 * - The page tells its parent its height (`postMessage`, see {@link HeightMessage}) whenever it changes; `resize.js`
 *   on the parent page sizes the iframe. Without it, the iframe keeps its own height and scrolls.
 * - Selections are kept in the page's address (the widgets' `sync-url`), and « Ouvrir dans un nouvel onglet » links to
 *   the current view: an embedded map's selection can be shared.
 */
import { EMBED_CSS } from './embed.styles.js';
import type { AttrTable, EmbedPlan, EmbedProblem } from './params.js';
import { EMBED_WIDGETS, attributeTable, readEmbedQuery } from './params.js';

/** What the page posts to its parent: only the widget's name and its height. */
export interface HeightMessage {
  type: 'france-relance-widgets:height';
  /** The `widget` parameter: one tag, or the tags of a dashboard separated by commas. */
  widget: string;
  /** The page's height in CSS pixels (an integer). */
  height: number;
}

const TEXTS = {
  fr: {
    title: 'Visualisation des lauréats France Relance',
    refused: 'Cette visualisation ne peut pas être affichée : son adresse contient des paramètres refusés.',
    problem: (p: EmbedProblem): string =>
      ({
        'too-long': p.name
          ? `« ${p.name} » : valeur trop longue (2 000 caractères au plus).`
          : 'Adresse trop longue (8 000 caractères au plus).',
        unknown: `« ${p.name} » : paramètre inconnu pour ce widget.`,
        value: `« ${p.name} » : valeur non reconnue.`,
        url: `« ${p.name} » : seule une adresse http:// ou https:// est acceptée.`,
        markup: `« ${p.name} » : les caractères < et > et les caractères de contrôle sont refusés.`,
        widget:
          '« widget » : widget inconnu ou répété (relance-key-figures, relance-funding-donut, relance-territory-map, relance-laureate-list ; quatre au plus).',
        duplicate: `« ${p.name} » : paramètre donné deux fois.`,
        'missing-widget': 'Paramètre « widget » manquant (par exemple widget=relance-territory-map).',
        'page-owned': `« ${p.name} » : fixé par la page d’intégration.`,
      })[p.code],
    help: 'Pour le webmestre : la liste des paramètres acceptés est dans la documentation (README, « Embed in a CMS page »).',
    source: 'Source des données :',
    inline: 'données fournies dans l’adresse de cette page',
    open: 'Ouvrir dans un nouvel onglet',
    newWindow: 'nouvelle fenêtre',
    noscript: 'Cette visualisation a besoin de JavaScript.',
  },
  en: {
    title: 'France Relance laureates, chart',
    refused: 'This chart cannot be shown: its address has parameters that are refused.',
    problem: (p: EmbedProblem): string =>
      ({
        'too-long': p.name
          ? `"${p.name}": value too long (2,000 characters at most).`
          : 'Address too long (8,000 characters at most).',
        unknown: `"${p.name}": unknown parameter for this widget.`,
        value: `"${p.name}": value not recognised.`,
        url: `"${p.name}": only an http:// or https:// address is accepted.`,
        markup: `"${p.name}": the characters < and > and control characters are refused.`,
        widget:
          '"widget": unknown or repeated widget (relance-key-figures, relance-funding-donut, relance-territory-map, relance-laureate-list; four at most).',
        duplicate: `"${p.name}": parameter given twice.`,
        'missing-widget': 'Missing "widget" parameter (e.g. widget=relance-territory-map).',
        'page-owned': `"${p.name}": set by the embed page.`,
      })[p.code],
    help: 'For the webmaster: the accepted parameters are listed in the documentation (README, "Embed in a CMS page").',
    source: 'Data source:',
    inline: 'data given in the address of this page',
    open: 'Open in a new tab',
    newWindow: 'new window',
    noscript: 'This chart needs JavaScript.',
  },
};

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A short, readable name for a data file's URL: its host and file name. */
function urlLabel(href: string): string {
  const url = new URL(href);
  const file = url.pathname.split('/').filter(Boolean).pop() ?? '';
  const label = file ? `${url.host} – ${decodeURIComponent(file)}` : url.host;
  return label.length > 80 ? `${label.slice(0, 79)}…` : label;
}

function link(href: string, text: string, lang: 'fr' | 'en'): HTMLAnchorElement {
  const a = el('a', 'embed-link', text);
  a.href = href;
  a.target = '_blank';
  a.rel = 'noopener';
  a.title = `${text} – ${TEXTS[lang].newWindow}`;
  return a;
}

/** Posts the page's height to its parent when it changes (at most once per frame). */
function reportHeight(widget: string): void {
  if (window.parent === window) return;
  let last = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (): void => {
    timer = undefined;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: HeightMessage = { type: 'france-relance-widgets:height', widget, height };
    // The parent's origin is not known (any site may embed the page): the message holds nothing else.
    window.parent.postMessage(message, '*');
  };
  // A timer, not an animation frame: browsers pause the frames of an iframe out of view, not its timers.
  const observer = new ResizeObserver(() => {
    timer ??= setTimeout(send, 0);
  });
  observer.observe(document.documentElement);
  observer.observe(document.body);
}

function renderProblems(root: HTMLElement, lang: 'fr' | 'en', problems: EmbedProblem[]): void {
  const t = TEXTS[lang];
  const alert = el('div', 'embed-alert');
  alert.setAttribute('role', 'alert');
  alert.append(el('p', 'embed-alert__title', t.refused));
  const list = el('ul');
  for (const p of problems) list.append(el('li', undefined, t.problem(p)));
  alert.append(list, el('p', 'embed-alert__help', t.help));
  root.replaceChildren(alert);
}

function renderPlan(root: HTMLElement, footer: HTMLElement, plan: EmbedPlan): void {
  const t = TEXTS[plan.lang];
  const dataset = document.createElement('relance-dataset');
  dataset.setAttribute('group', plan.group);
  for (const [name, value] of plan.dataset) dataset.setAttribute(name, value);
  const nodes: Element[] = [dataset];
  plan.widgets.forEach((tag, i) => {
    const widget = document.createElement(tag);
    widget.setAttribute('group', plan.group);
    widget.setAttribute('sync-url', '');
    if (plan.theme) widget.setAttribute('theme', plan.theme);
    for (const [name, value] of plan.attributes[i]!) widget.setAttribute(name, value);
    nodes.push(widget);
  });
  root.replaceChildren(...nodes);
  const caption = plan.attributes.flat().find(([name]) => name === 'caption')?.[1];
  document.title = caption ? `${caption} – ${t.title}` : t.title;

  // The data's source, visible and linked: the file itself, or the source's page.
  const source = el('p', 'embed-source');
  source.append(`${t.source} `);
  if (plan.src) source.append(link(plan.src, urlLabel(plan.src), plan.lang));
  else if (plan.sourceUrl) source.append(link(plan.sourceUrl, urlLabel(plan.sourceUrl), plan.lang));
  else source.append(t.inline);
  // This view (with the current selection, kept in the address by the widgets' URL sync), in a tab of its own.
  const open = link(location.href, t.open, plan.lang);
  const sync = (): void => {
    open.href = location.href;
  };
  window.addEventListener('popstate', sync);
  root.addEventListener('relance-filter-change', () => queueMicrotask(sync));
  const openLine = el('p', 'embed-open');
  openLine.append(open);
  footer.replaceChildren(source, openLine);
}

/** Reads the query string and renders the page. */
export async function start(): Promise<void> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(EMBED_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const root = document.getElementById('embed')!;
  const footer = document.getElementById('embed-footer')!;
  await Promise.all(['relance-dataset', ...EMBED_WIDGETS].map((tag) => customElements.whenDefined(tag)));
  const tables = new Map<string, AttrTable>(
    ['relance-dataset', ...EMBED_WIDGETS].map((tag) => [tag, attributeTable(customElements.get(tag))]),
  );
  const result = readEmbedQuery(location.search, location.href, tables);
  const lang = result.ok ? result.plan.lang : result.lang;
  document.documentElement.lang = lang;
  if (result.ok && (result.plan.theme === 'light' || result.plan.theme === 'dark'))
    document.documentElement.setAttribute('data-fr-theme', result.plan.theme);
  document.title = TEXTS[lang].title;
  if (result.ok) renderPlan(root, footer, result.plan);
  else renderProblems(root, lang, result.problems);
  reportHeight(result.ok ? result.plan.widgets.join(',') : '');
}

void start();
