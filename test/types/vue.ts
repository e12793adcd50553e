// Vue 3 with france-relance-widgets/jsx/vue: what vue-tsc checks in a template (`<relance-territory-map level="…"
// @relance-select="…">`) is the props of the global component. Compiled by test/node/jsx-types.test.mjs.
import type {} from 'france-relance-widgets/jsx/vue';
import type { GlobalComponents } from 'vue';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];

export const map: Props<'relance-territory-map'> = {
  level: 'departement',
  metric: 'emplois',
  'show-table': true,
  'onRelance-select': (event) => console.log(event.detail.code),
};
export const list: Props<'relance-laureate-list'> = { pageSize: 20, layout: 'table', src: '/laureats.csv' };
// @ts-expect-error an attribute the list does not have
export const wrongAttribute: Props<'relance-laureate-list'> = { niveau: 'region' };
// @ts-expect-error a value the map does not take
export const wrongValue: Props<'relance-territory-map'> = { scale: 'log' };
