// Svelte 5 with france-relance-widgets/jsx/svelte: what svelte-check checks in markup (`<relance-territory-map
// level="…" onrelance-select={…}>`) is the element's entry in SvelteHTMLElements. Compiled by
// test/node/jsx-types.test.mjs.
import type {} from 'france-relance-widgets/jsx/svelte';
import type { SvelteHTMLElements } from 'svelte/elements';

export const map: SvelteHTMLElements['relance-territory-map'] = {
  level: 'region',
  metric: 'laureats',
  class: 'carte',
  'onrelance-select': (event) => console.log(event.detail.share),
};
export const figures: SvelteHTMLElements['relance-key-figures'] = { figures: 'laureats,moyenne', 'heading-level': 2 };
// @ts-expect-error an attribute the key figures do not have
export const wrongAttribute: SvelteHTMLElements['relance-key-figures'] = { metric: 'montant' };
// @ts-expect-error a value the donut does not take
export const wrongValue: SvelteHTMLElements['relance-funding-donut'] = { labels: 'aucune' };
