import { elementUpdated, expect, fixture, html } from '@open-wc/testing';
import { LitElement, nothing } from 'lit';
import sinon from 'sinon';
import { TOOLTIP_GAP, TooltipController } from './tooltip.js';

const keyOf = (target: EventTarget | null) => (target as HTMLElement | null)?.dataset?.['k'];

/** Three items in a box, their tooltip in the box (absolutely positioned). */
class TooltipHost extends LitElement {
  readonly tip = new TooltipController<string>(this, keyOf);

  override render() {
    return html`<div class="box" style="position: relative; margin: 200px 0 0 100px; width: 300px; height: 60px">
      <div class="items" @pointerover=${this.tip.over} @pointerout=${this.tip.out}>
        ${['a', 'b', 'c'].map((k) => html`<span data-k=${k} tabindex="0" style="display: inline-block; width: 50px; height: 50px">${k}</span>`)}
      </div>
      ${this.tip.item ? html`<div class="tooltip" style="position: absolute; width: 80px; height: 40px" @pointerenter=${this.tip.keep} @pointerleave=${this.tip.leave}>${this.tip.item}</div>` : nothing}
    </div>`;
  }
}
customElements.define('tooltip-test-host', TooltipHost);

const item = (el: TooltipHost, k: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-k="${k}"]`)!;
const pointer = (type: string, target: Element, pointerType = 'mouse', relatedTarget: Element | null = null) =>
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, pointerType, relatedTarget }));

describe('TooltipController', () => {
  let host: TooltipHost;
  let clock: sinon.SinonFakeTimers | undefined;
  beforeEach(async () => {
    host = await fixture<TooltipHost>(html`<tooltip-test-host></tooltip-test-host>`);
  });
  afterEach(() => clock?.restore());

  it('shows the tooltip of the item under a mouse or a pen, not under a finger (a tap shows it through the click)', () => {
    pointer('pointerover', item(host, 'b'));
    expect([host.tip.item, host.tip.hovered]).to.deep.equal(['b', 'b']);
    pointer('pointerover', item(host, 'c'), 'touch');
    expect(host.tip.item).to.equal('b');
    pointer('pointerover', item(host, 'c'), 'pen');
    expect(host.tip.item).to.equal('c');
    // Anything else in the container is not an item.
    pointer('pointerover', host.shadowRoot!.querySelector('.items')!);
    expect(host.tip.item).to.equal('c');
  });

  it('hides it a moment after the pointer leaves the items, not when it goes to another item or over the tooltip', async () => {
    clock = sinon.useFakeTimers();
    pointer('pointerover', item(host, 'a'));
    pointer('pointerout', item(host, 'a'), 'mouse', item(host, 'b'));
    expect(host.tip.hovered).to.equal('a');
    pointer('pointerout', item(host, 'a'), 'mouse', null);
    expect(host.tip.hovered).to.equal(undefined);
    clock.tick(200);
    expect(host.tip.item).to.equal('a');
    // Over the tooltip: it stays; out of it: it goes.
    host.tip.keep();
    clock.tick(500);
    expect(host.tip.item).to.equal('a');
    host.tip.leave();
    clock.tick(250);
    expect(host.tip.item).to.equal(undefined);
  });

  it('comes back to the focused item when the pointer leaves, and stays while an item is under the pointer', async () => {
    clock = sinon.useFakeTimers();
    item(host, 'c').focus();
    host.tip.show('c');
    pointer('pointerover', item(host, 'a'));
    expect(host.tip.item).to.equal('a');
    host.tip.scheduleHide();
    clock.tick(300);
    expect(host.tip.item).to.equal('a');
    host.tip.leave();
    clock.tick(300);
    expect(host.tip.item).to.equal('c');
  });

  it('closes with Escape wherever the focus is, unless an item took the key', async () => {
    pointer('pointerover', item(host, 'b'));
    const taken = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    taken.preventDefault();
    document.dispatchEvent(taken);
    expect(host.tip.item).to.equal('b');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect([host.tip.item, host.tip.hovered]).to.deep.equal([undefined, undefined]);
    // Disconnected: the page's keys are no longer listened to.
    host.tip.show('a');
    host.remove();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(host.tip.item).to.equal('a');
  });

  it(`places the tooltip ${TOOLTIP_GAP} px above its item, through the CSSOM, below when there is no room above`, async () => {
    host.tip.show('b');
    await elementUpdated(host);
    const tip = host.shadowRoot!.querySelector<HTMLElement>('.tooltip')!;
    const box = item(host, 'b').getBoundingClientRect();
    host.tip.place(() => ({ x: box.left + box.width / 2, top: box.top, bottom: box.bottom }));
    expect(tip.getAttribute('style')).to.contain('left');
    const placed = tip.getBoundingClientRect();
    expect(placed.bottom).to.be.closeTo(box.top - TOOLTIP_GAP, 1);
    expect(placed.left + placed.width / 2).to.be.closeTo(box.left + box.width / 2, 1);
    expect(tip.classList.contains('below')).to.equal(false);
    host.tip.place(() => ({ x: box.left + box.width / 2, top: 10, bottom: 20 }));
    expect(tip.classList.contains('below')).to.equal(true);
    expect(tip.getBoundingClientRect().top).to.be.closeTo(20 + TOOLTIP_GAP, 1);
    // Nothing to place without a tooltip or an anchor.
    host.tip.place(() => undefined);
  });
});
