/** Shared helpers of the hardening tests. */
import { expect } from '@open-wc/testing';
import type { WidgetKind } from '../../src/i18n/messages.js';
import { messages } from '../../src/i18n/messages.js';
import type { ParseResult } from '../../src/model/types.js';
import type { Expectation } from './corpus.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

/** Text with every kind of space as one space, trimmed. */
export const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A value short enough for an assertion message: chai and mocha diff the values of a failed assertion, which takes
 * minutes on megabytes of text.
 */
export const short = (s: string): string => (s.length > 120 ? `${s.slice(0, 100)}… (${s.length} characters)` : s);

/** One macrotask (lets observers, fetch stubs and timers run). */
/** What each widget shows, in the words of its notices. */
const KIND: Record<string, WidgetKind> = {
  'relance-funding-donut': 'chart',
  'relance-territory-map': 'map',
  'relance-laureate-list': 'list',
  'relance-key-figures': 'figures',
};

/**
 * The sentence a citizen reads when the data of a widget fails: « momentanément indisponibles » when loading failed
 * (it may come back), « ne peuvent pas être affichées » when the data cannot be used.
 */
export function citizenError(code: string, tag: string): string {
  const fr = messages('fr');
  return ['http', 'network', 'timeout'].includes(code) ? fr.unavailable(KIND[tag]!) : fr.unreadable(KIND[tag]!);
}

/** The sentence a citizen reads when rows or values of a widget's data were ignored. */
export const citizenIncomplete = (tag: string): string => messages('fr').incomplete(KIND[tag]!);

/** The parser's or loader's exact message, shown to webmasters under the citizen's sentence (debug mode). */
export const debugDetail = (el: Element, part: 'error' | 'warning' | 'info'): string =>
  plain(el.shadowRoot!.querySelector(`[part="${part}"] [part="debug"] .notice__detail`)?.textContent);

export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Tags that no widget creates: any of them in a shadow root came from the data. */
const FOREIGN_TAGS = new Set([
  'img',
  'script',
  'iframe',
  'object',
  'embed',
  'math',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'frame',
  'frameset',
  'video',
  'audio',
  'mglyph',
  'mtext',
]);

/**
 * Elements of the widget's shadow tree that could only have come from markup in the data: foreign tags, event handler
 * attributes (`onerror`, `onload`…), `javascript:` links. Returns a description of each (empty when clean).
 */
export function injected(el: Element): string[] {
  const out: string[] = [];
  const root = el.shadowRoot;
  if (!root) return out;
  for (const node of root.querySelectorAll('*')) {
    const tag = node.localName;
    if (FOREIGN_TAGS.has(tag)) out.push(`<${tag}>`);
    for (const name of node.getAttributeNames()) if (/^on/i.test(name)) out.push(`<${tag} ${name}>`);
    const href = node.getAttribute('href') ?? node.getAttribute('xlink:href') ?? node.getAttribute('src');
    if (href && /^\s*(javascript|data|vbscript):/i.test(href)) out.push(`<${tag} href="${href.slice(0, 40)}">`);
  }
  return out;
}

/** Collects uncaught errors and unhandled rejections of the page. */
export class PageErrors {
  readonly errors: string[] = [];
  private readonly onError = (e: ErrorEvent): void => {
    this.errors.push(`error: ${e.message}`);
  };
  private readonly onRejection = (e: PromiseRejectionEvent): void => {
    this.errors.push(`unhandled rejection: ${String(e.reason)}`);
  };
  start(): void {
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
  }
  stop(): void {
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
  }
  take(): string[] {
    return this.errors.splice(0);
  }
}

/** Number of valid rows of a parse result. */
export function validRows(r: ParseResult): number {
  if (!r.ok) return -1;
  return r.dataset.kind === 'laureates' ? r.dataset.laureates.length : r.dataset.aggregates.length;
}

/** Checks a parse result against a case's expectation. */
export function expectParse(r: ParseResult, e: Expectation, label: string, names?: readonly string[]): void {
  if ('error' in e) {
    expect(r.ok, `${label}: should fail`).to.equal(false);
    if (!r.ok) expect(r.error.code, label).to.equal(e.error);
    return;
  }
  if (!r.ok) throw new Error(`${label}: failed with ${r.error.code} (${r.error.details})`);
  const ds = r.dataset;
  expect(validRows(r), `${label}: valid rows`).to.equal(e.rows);
  expect(ds.ignoredCount, `${label}: ignored rows`).to.equal(e.ignored);
  if (e.kind) expect(ds.kind, `${label}: kind`).to.equal(e.kind);
  if (names)
    expect(
      ds.laureates.map((l) => short(l.nom)),
      `${label}: names`,
    ).to.deep.equal(names.map(short));
  if (e.montant !== undefined) {
    const sum = ds.laureates.reduce((s, l) => s + (l.montant ?? 0), 0);
    expect(sum, `${label}: total amount`).to.be.closeTo(e.montant, 1e-6);
  }
}
