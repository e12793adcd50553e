/** Registers `<relance-funding-donut>`. Import this file (or `france-relance-widgets/all.js`) for the side effect. */
import { RelanceFundingDonut } from './funding-donut.js';

export { RelanceFundingDonut };

RelanceFundingDonut.define('relance-funding-donut');

declare global {
  interface HTMLElementTagNameMap {
    'relance-funding-donut': RelanceFundingDonut;
  }
}
