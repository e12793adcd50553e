/** Registers `<relance-dataset>`. Import this file (or `france-relance-widgets/all.js`) for the side effect. */
import { RelanceDataset } from './dataset.js';

export { RelanceDataset };

RelanceDataset.define('relance-dataset');

declare global {
  interface HTMLElementTagNameMap {
    'relance-dataset': RelanceDataset;
  }
}
