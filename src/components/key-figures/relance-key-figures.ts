/** Registers `<relance-key-figures>`. Import this file (or `france-relance-widgets/all.js`) for the side effect. */
import { RelanceKeyFigures } from './key-figures.js';

export { RelanceKeyFigures };

RelanceKeyFigures.define('relance-key-figures');

declare global {
  interface HTMLElementTagNameMap {
    'relance-key-figures': RelanceKeyFigures;
  }
}
