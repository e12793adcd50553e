/**
 * Base class of every widget: guarded registration, language and theme resolution (following the
 * page's `lang` and DSFR's `data-fr-theme`), and typed event dispatch.
 */
import { LitElement } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Lang } from '../i18n/format.js';
import { resolveLang } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { messages } from '../i18n/messages.js';

export type ThemeSetting = 'auto' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

/** Instances to notify when `<html>`'s `lang` / `data-fr-theme` or the colour scheme change. */
const connected = new Set<RelanceElement>();
let htmlObserver: MutationObserver | undefined;
let darkQuery: MediaQueryList | undefined;

function notifyAll(): void {
  for (const el of connected) el.requestUpdate();
}

function watchPage(): void {
  if (htmlObserver || typeof document === 'undefined') return;
  htmlObserver = new MutationObserver(notifyAll);
  htmlObserver.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang', 'data-fr-theme', 'data-fr-scheme'],
  });
  darkQuery = window.matchMedia?.('(prefers-color-scheme: dark)');
  darkQuery?.addEventListener('change', notifyAll);
  // DSFR announces theme changes with this event on <html>; harmless when DSFR is absent.
  document.documentElement.addEventListener('dsfr.theme', notifyAll);
}

function unwatchPage(): void {
  if (connected.size > 0 || !htmlObserver) return;
  htmlObserver.disconnect();
  htmlObserver = undefined;
  darkQuery?.removeEventListener('change', notifyAll);
  darkQuery = undefined;
  document.documentElement.removeEventListener('dsfr.theme', notifyAll);
}

/** Finds the nearest `lang` attribute, crossing shadow roots. */
function closestLang(node: Element): string | null {
  let el: Element | null = node;
  while (el) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
    el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;
  }
  return null;
}

let idCounter = 0;
/** This copy of the library found its tags already defined by another copy (and said so once). */
let warnedTwice = false;

export abstract class RelanceElement extends LitElement {
  static override properties: PropertyDeclarations = {
    // The native `lang` attribute on purpose: the widget speaks the language its page or its tag says.
    // eslint-disable-next-line lit/no-native-attributes
    lang: {},
    theme: { reflect: true },
  };

  /**
   * The shadow root, with a size strut as its first child: an empty line of inline boxes that gives the host its
   * intrinsic sizes (min-content 15rem, max-content the widget's preferred width, see `.size-strut` in the shared
   * styles). The rendered content sits in a container (`[part~=base]`, `container-type: inline-size`) whose own
   * intrinsic size is zero: so in a shrink-to-fit box (flex row, table cell, inline-block, grid `auto` column,
   * `fit-content`) the widget takes its preferred width, down to 15rem when space is short, and its content never
   * feeds back into its width.
   */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    const strut = document.createElement('div');
    strut.className = 'size-strut';
    strut.setAttribute('aria-hidden', 'true');
    for (let i = 0; i < 4; i++) strut.append(document.createElement('span'));
    root.insertBefore(strut, root.firstChild);
    return root;
  }

  /**
   * Registers the element under `tag` unless that tag is already defined (e.g. by a second copy of
   * the library on the page): never throws.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag);
    if (existing) {
      // One warning per copy of the library, not one per tag.
      if ((existing as unknown) !== this && !warnedTwice) {
        warnedTwice = true;
        console.warn(
          `france-relance-widgets: <${tag}> is already defined (another copy of the library is on the page); this copy's elements are not registered, the first copy's are used.`,
        );
      }
      return;
    }
    try {
      customElements.define(tag, this as unknown as CustomElementConstructor);
    } catch (e) {
      // e.g. the same class under another tag, or a tag defined between the check and here.
      console.warn(`france-relance-widgets: <${tag}> could not be registered.`, e);
    }
  }

  /**
   * Language of the texts and numbers: `fr` (default) or `en`. Inherited from the nearest `lang`
   * attribute. (Not reflected: an empty `lang` attribute would mark the content as of unknown language.)
   */
  override lang = '';

  /** Colour theme: `auto` (default) follows `data-fr-theme` on `<html>` (DSFR), else `prefers-color-scheme`; or `light`, `dark`. */
  theme?: ThemeSetting;

  /** A page-unique prefix for ids inside the shadow root. */
  protected readonly uid = `relance-${++idCounter}`;

  /** The language in effect. */
  get resolvedLang(): Lang {
    return resolveLang(this.lang || closestLang(this.parentElement ?? this) || document.documentElement.lang);
  }

  /** The theme in effect. */
  get resolvedTheme(): Theme {
    if (this.theme === 'light' || this.theme === 'dark') return this.theme;
    const dsfr = document.documentElement.getAttribute('data-fr-theme');
    if (dsfr === 'dark' || dsfr === 'light') return dsfr;
    return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }

  /** Texts in the language in effect. */
  protected get t(): Messages {
    return messages(this.resolvedLang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchPage();
    // Moved or re-attached: the language and theme may differ in the new place (one update, batched by Lit).
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    unwatchPage();
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    const theme = this.resolvedTheme;
    if (this.getAttribute('data-relance-theme') !== theme) this.setAttribute('data-relance-theme', theme);
  }

  /** Dispatches one of the widgets' events (`src/events/`, all bubbling and composed) and returns it. */
  protected emit<E extends Event>(event: E): E {
    this.dispatchEvent(event);
    return event;
  }
}
