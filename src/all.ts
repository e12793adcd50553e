/**
 * Registers every widget (side effects). This is the entry of the CDN bundle
 * (`cdn/france-relance-widgets.js`) and of `france-relance-widgets/all.js`.
 */
import './components/dataset/relance-dataset.js';
import './components/funding-donut/relance-funding-donut.js';
import './components/key-figures/relance-key-figures.js';
import './components/laureate-list/relance-laureate-list.js';
import './components/territory-map/relance-territory-map.js';

export * from './index.js';
