/**
 * What a screen reader hears, read from the browser's accessibility tree (not from our own markup): every
 * interactive element of a linked dashboard has a role and a name, the names of the map's territories and of the
 * donut's slices carry their values as the page writes them (« 13,4 M€ », « 77,9 % »), and the group has one polite
 * live region.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/all.js';
import type { RelanceDataElement } from '../../src/base/data-element.js';
import { getGroup } from '../../src/base/group.js';
import { axTree, canReadAxTree } from '../engine.js';

const DEMO = '/data/demo/laureats-fictifs.json';
/** Roles a user acts on. */
const INTERACTIVE = new Set([
  'button',
  'link',
  'checkbox',
  'radio',
  'textbox',
  'searchbox',
  'combobox',
  'listbox',
  'option',
  'menuitem',
  'tab',
  'slider',
  'switch',
  'spinbutton',
  'MenuListOption',
]);
// Not 'MenuListPopup': the unnamed popup inside a named <select> (the combobox carries the name).

/** A value as the page writes it: an amount, a share, a count of laureates, or the words for « none ». */
const VALUE = {
  fr: /\d[\d\u202f\u00a0 ]*(,\d+)?\s?(M€|€|%)|\d+ lauréats?|aucun lauréat/i,
  en: /€\d[\d,]*(\.\d+)?M?|\d+(\.\d+)?%|\d+ laureates?|no laureate/i,
};

// Excluded in Firefox and WebKit: neither WebDriver BiDi (Firefox) nor WebKitWebDriver gives the page's accessibility
// tree (test/engine.ts). The accessible names are also checked by axe-core in every engine.
(canReadAxTree ? describe : describe.skip)('what a screen reader hears (accessibility tree)', () => {
  afterEach(() => getGroup('ax').setFilter({}, undefined, 'clear', { silent: true }));

  for (const lang of ['fr', 'en'] as const) {
    it(`every interactive element of a dashboard has a role and a name, values as the page writes them (${lang})`, async () => {
      const page = await fixture(html`<div lang=${lang} style="width: 1100px">
        <relance-dataset group="ax" src=${DEMO}></relance-dataset>
        <relance-key-figures group="ax" caption="Chiffres"></relance-key-figures>
        <relance-territory-map group="ax" caption="Carte" metric="montant" symbols="emplois" show-table></relance-territory-map>
        <relance-funding-donut group="ax" caption="Statuts" show-table></relance-funding-donut>
        <relance-laureate-list group="ax" caption="Lauréats" page-size="5"></relance-laureate-list>
      </div>`);
      const widgets = [
        ...page.querySelectorAll<RelanceDataElement>(
          'relance-key-figures, relance-territory-map, relance-funding-donut, relance-laureate-list',
        ),
      ];
      await waitUntil(() => widgets.every((w) => w.dataStatus === 'ready'), 'data', { timeout: 8000 });
      const map = widgets[1]!;
      await waitUntil(() => map.shadowRoot!.querySelector('.t[data-code]'), 'map drawn', { timeout: 8000 });
      for (const w of widgets) await w.updateComplete;

      const nodes = await axTree();
      const interactive = nodes.filter((n) => INTERACTIVE.has(n.role));
      // 18 régions, 3 slices, the list's controls and rows, the table toggles…
      expect(interactive.length).to.be.greaterThan(40);
      const unnamed = interactive.filter((n) => !n.name.trim()).map((n) => n.role);
      expect(unnamed, 'interactive elements without a name').to.deep.equal([]);
      const listboxes = [...new Set(nodes.filter((n) => n.role === 'option').map((n) => n.parent))];
      const under = (name: RegExp) => nodes.filter((n) => n.role === 'option' && name.test(n.parent));
      // The map's territories, and the donut's slices: options of their listboxes.
      const territories = under(/^listbox:.*(Carte des régions|Map of the regions)/);
      expect(territories.length, `territories (listboxes: ${listboxes.join(' | ')})`).to.equal(18);
      const slices = under(/^listbox:.*(par statut juridique|by legal status)/);
      expect(slices.length, `slices (listboxes: ${listboxes.join(' | ')})`).to.equal(3);
      for (const n of [...territories, ...slices]) expect(n.name, n.name).to.match(VALUE[lang]);
      // The group's one polite live region.
      expect(nodes.filter((n) => n.live === 'polite').length, 'polite live regions').to.equal(1);
    });
  }
});
