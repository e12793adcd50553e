/**
 * Registers every widget (side effects). This is the entry of the CDN bundle
 * (`cdn/france-relance-widgets.bundle.js`) and of `france-relance-widgets/all.js`.
 */
// Modules first, in an order that puts alike code side by side in the CDN bundle (styles, then texts, then the
// widgets): it packs smaller after gzip. Nothing is registered before the imports below, in their usual order.
import './styles/shared.styles.js';
import './components/territory-map/territory-map.styles.js';
import './components/funding-donut/funding-donut.styles.js';
import './components/laureate-list/laureate-list.styles.js';
import './components/laureate-list/laureate-list.rows.styles.js';
import './components/laureate-list/laureate-list.pager.styles.js';
import './components/laureate-list/laureate-list.media.styles.js';
import './i18n/messages.js';
import './components/laureate-list/laureate-list.messages.js';
import './components/territory-map/territory-map.messages.js';
import './components/dataset/dataset.js';
import './components/key-figures/key-figures.js';
import './components/territory-map/territory-map.js';
import './components/funding-donut/funding-donut.js';
import './components/laureate-list/laureate-list.js';
import './components/dataset/relance-dataset.js';
import './components/funding-donut/relance-funding-donut.js';
import './components/key-figures/relance-key-figures.js';
import './components/laureate-list/relance-laureate-list.js';
import './components/territory-map/relance-territory-map.js';

// The package's exports, but the map's layout functions: they come with the map's geometry
// (src/layout/map/map-engine.ts).
export * from './api.js';
