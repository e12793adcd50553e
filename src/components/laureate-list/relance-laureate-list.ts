/** Registers `<relance-laureate-list>`. Import this file (or `france-relance-widgets/all.js`) for the side effect. */
import { RelanceLaureateList } from './laureate-list.js';

export { RelanceLaureateList };

RelanceLaureateList.define('relance-laureate-list');

declare global {
  interface HTMLElementTagNameMap {
    'relance-laureate-list': RelanceLaureateList;
  }
}
