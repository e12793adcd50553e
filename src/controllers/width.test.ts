import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { WidthController } from './width.js';

class WidthProbe extends LitElement {
  renders = 0;
  decisions: [number, number][] = [];
  readonly host = new WidthController(this, { shouldUpdate: (w, p) => (this.decisions.push([w, p]), true) });
  readonly inner = new WidthController(this, '.inner');
  override render() {
    this.renders++;
    return html`<div class="inner" style="width: 50%">x</div>`;
  }
}
customElements.define('width-probe', WidthProbe);

class QuietProbe extends LitElement {
  renders = 0;
  seen: number[] = [];
  readonly size = new WidthController(this, { shouldUpdate: (w) => (this.seen.push(w), false) });
  override render() {
    this.renders++;
    return html`x`;
  }
}
customElements.define('quiet-probe', QuietProbe);

describe('WidthController', () => {
  it('measures the host or an element of its shadow root, and updates only when the width changed and matters', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div style="width: 400px"><width-probe style="display: block"></width-probe></div>`,
    );
    const probe = box.firstElementChild as WidthProbe;
    await waitUntil(() => probe.host.width === 400 && probe.inner.width === 200, 'first widths');
    expect(probe.decisions[0]).to.deep.equal([400, 0]);

    box.style.width = '300px';
    await waitUntil(() => probe.host.width === 300 && probe.inner.width === 150, 'widths after a resize');
    expect(probe.decisions.at(-1)).to.deep.equal([300, 400]);

    // The host's callback says a change does not matter: the width is kept, and no update is asked for it.
    const quiet = await fixture<HTMLDivElement>(
      html`<div style="width: 400px"><quiet-probe style="display: block"></quiet-probe></div>`,
    );
    const q = quiet.firstElementChild as QuietProbe;
    await waitUntil(() => q.size.width === 400, 'first width');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const before = q.renders;
    quiet.style.width = '310px';
    await waitUntil(() => q.size.width === 310, 'width after a resize that does not matter');
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    expect(q.renders).to.equal(before);
    expect(q.seen).to.deep.equal([400, 310]);
  });
});
