/**
 * The strict-CSP page (test/smoke/csp.html) in every engine: the built CDN bundle, every widget, under
 *   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none';
 *                            require-trusted-types-for 'script'
 * sent as a response header (test/server/csp.mjs, cspMiddleware), used with the keyboard and the pointer.
 * The browser reports each violation to the test server (`report-uri`); none may be reported. A deliberate violation
 * at the end proves that reports do arrive in this engine, so that « none » is not the silence of a broken channel.
 * test/smoke/csp-smoke.mjs does the same in Chromium from a plain static server, with Playwright (CSV download,
 * console errors from the first line of the page).
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { engine } from './engine.js';

type Widget = HTMLElement & {
  dataStatus?: string;
  geometryStatus?: string;
  selected?: string;
  groupFilter?: { regions?: string[] };
};
type Report = {
  'violated-directive'?: string;
  'effective-directive'?: string;
  'blocked-uri'?: string;
  'script-sample'?: string;
};

const reports = async (key: string): Promise<Report[]> =>
  (await fetch(`/__csp-report/${key}`, { cache: 'no-store' })).json();
const describeReport = (r: Report): string =>
  `${r['effective-directive'] ?? r['violated-directive']} ${r['blocked-uri'] ?? ''} ${r['script-sample'] ?? ''}`.trim();

describe(`strict CSP as a response header (${engine})`, function () {
  this.timeout(60_000);
  let frame: HTMLIFrameElement;
  afterEach(() => frame?.remove());

  it('every widget renders and works with no violation reported, and a violation would be reported', async () => {
    const key = `k${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    frame = document.createElement('iframe');
    frame.width = '1280';
    frame.height = '900';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.src = `/__csp/${key}/test/smoke/csp.html`;
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as Window & typeof globalThis;
    const doc = frame.contentDocument!;
    const errors: string[] = [];
    win.addEventListener('error', (e) => errors.push(`error: ${e.message}`));
    win.addEventListener('unhandledrejection', (e) => errors.push(`unhandled rejection: ${String(e.reason)}`));
    const $ = <T extends Element = HTMLElement>(host: string, selector: string): T => {
      const found = doc.querySelector(host)?.shadowRoot?.querySelector<T>(selector);
      if (!found) throw new Error(`${host} ${selector}: not found`);
      return found;
    };
    const $$ = (host: string, selector: string): Element[] => [
      ...(doc.querySelector(host)?.shadowRoot?.querySelectorAll(selector) ?? []),
    ];
    const widget = (id: string): Widget => doc.querySelector<Widget>(id)!;
    const frames = async (n = 2): Promise<void> => {
      for (let i = 0; i < n; i++) await new Promise((resolve) => win.requestAnimationFrame(() => resolve(undefined)));
    };
    await waitUntil(
      () =>
        ['#figures', '#donut', '#list', '#map', '#group-donut', '#group-figures'].every(
          (id) => widget(id)?.dataStatus === 'ready',
        ) && widget('#map').geometryStatus === 'ready',
      'every widget ready',
      { timeout: 15_000 },
    );

    // Key figures: attribute data; a javascript: source link refused.
    expect($('#figures', '[part~="figure-laureats"] [part="value"]').textContent).to.equal('2');
    expect($$('#figures', 'a')).to.have.length(0);

    // Donut from a JSON script child: keyboard, pointer tooltip, data table.
    win.focus();
    $<SVGElement>('#donut', '.slice').focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await frames();
    expect(widget('#donut').selected).to.equal('cooperative');
    expect($('#donut', '.tooltip').style.left).to.match(/px$/);
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    $('#donut', '.slice[data-key="fondation"]').dispatchEvent(
      new win.PointerEvent('pointerenter', { pointerType: 'mouse', clientX: 200, clientY: 200 }),
    );
    $('#donut', '[part="table-toggle"]').click();
    await frames();
    expect($$('#donut', '[part="table"] tbody tr')).to.have.length(3);

    // List from src: search, status tags, région, sort, next page, a project.
    const search = $<HTMLInputElement>('#list', '[part="search"]');
    search.focus();
    await sendKeys({ type: 'atelier' });
    await frames();
    expect(search.value).to.equal('atelier');
    $('#list', '[part="reset"]').click();
    await frames();
    $('#list', '[part="status-tag"]').click();
    await frames();
    $('#list', '[part="status-tag"]').click();
    const region = $<HTMLSelectElement>('#list', 'select[part="select"]');
    region.selectedIndex = 1;
    region.dispatchEvent(new win.Event('change', { bubbles: true }));
    await frames();
    $('#list', '[part="reset"]').click();
    await frames();
    $('#list', '[part="sort-button"][data-column="montant"]').click();
    await frames();
    $('#list', '[part="page-button"].page--next').click();
    await frames();
    $('#list', '[part="disclosure"]').click();
    await frames();
    expect($$('#list', '[part="project"]')).to.have.length(1);

    // Map in a group (data from <relance-dataset src=CSV>): pointer, keyboard, tooltip, table; the group follows.
    $('#map', '.t[data-code="84"]').dispatchEvent(new win.MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => widget('#group-figures').groupFilter?.regions?.[0] === '84', 'the group follows the map');
    $<SVGElement>('#map', '.t[data-code="84"]').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Enter' });
    $('#map', '.t[data-code="11"]').dispatchEvent(
      new win.PointerEvent('pointerover', {
        bubbles: true,
        composed: true,
        pointerType: 'mouse',
        clientX: 300,
        clientY: 300,
      }),
    );
    await frames();
    expect($$('#map', '.tooltip')).to.have.length(1);
    await sendKeys({ press: 'Escape' });
    $('#map', '[part="table-toggle"]').click();
    await frames();
    expect($$('#map', '[part="table"] tbody tr')).to.have.length(18);
    $('#group-figures', '[part="filter-clear"]').click();
    // Language and theme switched on <html>: re-render under the policy.
    doc.documentElement.lang = 'en';
    doc.documentElement.setAttribute('data-fr-theme', 'dark');
    await frames(3);
    expect($('#group-figures', '[part~="figure-laureats"] [part="label"]').textContent).to.match(/laureates/);

    // The channel works: a deliberate violation (an image from another origin, refused before any request).
    const probe = doc.createElement('img');
    probe.src = 'http://csp-probe.invalid/probe.png';
    doc.body.append(probe);
    await waitUntil(
      async () => (await reports(key)).some((r) => (r['blocked-uri'] ?? '').includes('csp-probe.invalid')),
      'the probe violation is reported',
      { timeout: 10_000 },
    );
    const received = await reports(key);
    expect(
      received.filter((r) => !(r['blocked-uri'] ?? '').includes('csp-probe.invalid')).map(describeReport),
      'CSP or Trusted Types violations',
    ).to.deep.equal([]);
    expect(errors, 'uncaught errors in the page').to.deep.equal([]);
  });
});
