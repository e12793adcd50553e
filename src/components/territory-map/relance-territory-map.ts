/** Registers `<relance-territory-map>`. Import this file (or `france-relance-widgets/all.js`) for the side effect. */
import { RelanceTerritoryMap } from './territory-map.js';

export { RelanceTerritoryMap };

RelanceTerritoryMap.define('relance-territory-map');

declare global {
  interface HTMLElementTagNameMap {
    'relance-territory-map': RelanceTerritoryMap;
  }
}
