/**
 * The parser moved to ./parse/ (index.js). This re-export only serves src/components/territory-map/, which is being
 * split in parallel and still imports `model/parse.js`: remove it once that work is merged and its imports updated.
 */
export * from './parse/index.js';
