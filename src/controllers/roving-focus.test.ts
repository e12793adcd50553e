import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { Direction, RovingFocusOptions } from './roving-focus.js';
import { linearNext, RovingFocusController } from './roving-focus.js';
import { TooltipController } from './tooltip.js';

const KEYS = ['a', 'b', 'c', 'd'];
const keyOf = (target: EventTarget | null) => (target as HTMLElement | null)?.dataset?.['k'];

/** Four focusable items in a listbox; optional neighbour graph and tooltip. */
class RovingHost extends LitElement {
  activated: string[] = [];
  escaped = 0;
  preferred?: string;
  graph?: Record<string, Partial<Record<Direction, string>>>;
  readonly tip = new TooltipController<string>(this, keyOf);
  withTooltip = false;
  readonly roving = new RovingFocusController<string>(this, this.options());

  private options(): RovingFocusOptions<string> {
    const self = this;
    return {
      items: () => KEYS,
      itemOf: keyOf,
      elementOf: (k) => self.renderRoot.querySelector<HTMLElement>(`[data-k="${k}"]`),
      next: (from, direction, items) =>
        self.graph ? self.graph[from]?.[direction] : linearNext(from, direction, items),
      onActivate: (k) => self.activated.push(k),
      onEscape: () => self.escaped++,
      get tooltip() {
        return self.withTooltip ? self.tip : undefined;
      },
    };
  }

  override render() {
    const tab = this.roving.tabStop(this.preferred);
    return html`<div role="listbox">${KEYS.map((k) => html`<div role="option" data-k=${k} tabindex=${k === tab ? 0 : -1}>${k}</div>`)}</div>
      <button>outside</button>`;
  }
}
customElements.define('roving-test-host', RovingHost);

const item = (el: RovingHost, k: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-k="${k}"]`)!;
const tabStops = (el: RovingHost) =>
  [...el.shadowRoot!.querySelectorAll('[tabindex="0"]')].map((e) => (e as HTMLElement).dataset['k']);
const press = (el: RovingHost, key: string) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  (el.shadowRoot!.activeElement ?? el).dispatchEvent(e);
  return e;
};

describe('RovingFocusController', () => {
  let host: RovingHost;
  beforeEach(async () => {
    host = await fixture<RovingHost>(html`<roving-test-host></roving-test-host>`);
  });

  it('makes one tab stop: the current item, else the preferred one (the selection), else the first', async () => {
    expect(tabStops(host)).to.deep.equal(['a']);
    host.preferred = 'c';
    host.requestUpdate();
    await elementUpdated(host);
    expect(tabStops(host)).to.deep.equal(['c']);
    item(host, 'b').focus();
    await elementUpdated(host);
    expect(host.roving.current).to.equal('b');
    expect(tabStops(host)).to.deep.equal(['b']);
  });

  it('moves the focus with the arrow keys in a linear order, round the ends, and with Home and End', async () => {
    item(host, 'a').focus();
    const e = press(host, 'ArrowRight');
    expect(e.defaultPrevented).to.equal(true);
    // The focus moves at once, in the key's handler.
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('b');
    press(host, 'ArrowDown');
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('c');
    press(host, 'End');
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('d');
    press(host, 'ArrowRight');
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('a');
    press(host, 'ArrowLeft');
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('d');
    press(host, 'Home');
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('a');
    press(host, 'ArrowUp');
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('d');
    await elementUpdated(host);
    expect(tabStops(host)).to.deep.equal(['d']);
    // Other keys are left alone.
    expect(press(host, 'x').defaultPrevented).to.equal(false);
  });

  it('follows a neighbour graph, and stays where it has no neighbour', () => {
    host.graph = { a: { down: 'c', right: 'b' }, c: { up: 'a' } };
    item(host, 'a').focus();
    press(host, 'ArrowDown');
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('c');
    const e = press(host, 'ArrowRight');
    expect(e.defaultPrevented).to.equal(true);
    expect(keyOf(host.shadowRoot!.activeElement)).to.equal('c');
  });

  it('activates with Enter and Space, hands Escape to the widget, and ignores keys from other elements', () => {
    item(host, 'b').focus();
    expect(press(host, 'Enter').defaultPrevented).to.equal(true);
    press(host, ' ');
    expect(host.activated).to.deep.equal(['b', 'b']);
    expect(press(host, 'Escape').defaultPrevented).to.equal(true);
    expect(host.escaped).to.equal(1);
    host.shadowRoot!.querySelector('button')!.focus();
    expect(press(host, 'Enter').defaultPrevented).to.equal(false);
    expect(host.activated).to.have.length(2);
  });

  it('with a tooltip: shows it for the focused item, closes it with Escape before handing Escape over, shows it on Enter', async () => {
    host.withTooltip = true;
    item(host, 'c').focus();
    expect(host.tip.item).to.equal('c');
    press(host, 'Escape');
    expect(host.tip.item).to.equal(undefined);
    expect(host.escaped).to.equal(0);
    press(host, 'Escape');
    expect(host.escaped).to.equal(1);
    press(host, 'Enter');
    expect(host.tip.item).to.equal('c');
    expect(host.activated).to.deep.equal(['c']);
    press(host, 'ArrowRight');
    expect(host.tip.item).to.equal('d');
  });

  it('tells whether the focus is visible, and forgets it when the focus leaves the items', async () => {
    item(host, 'a').focus();
    press(host, 'ArrowRight');
    expect(host.roving.visible).to.equal(host.shadowRoot!.activeElement!.matches(':focus-visible'));
    host.shadowRoot!.querySelector('button')!.focus();
    expect(host.roving.visible).to.equal(false);
    expect(host.roving.current).to.equal('b');
  });

  it('goes round a linear order', () => {
    expect(linearNext('d', 'right', KEYS)).to.equal('a');
    expect(linearNext('a', 'up', KEYS)).to.equal('d');
    expect(linearNext('b', 'down', KEYS)).to.equal('c');
    expect(linearNext('b', 'left', KEYS)).to.equal('a');
  });
});
