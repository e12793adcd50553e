import type { Dataset, Laureate } from '../model/types.js';

/** A complete dataset of laureate rows, as the parser makes it from clean JSON (for unit tests of what reads one). */
export const laureatesDataset = (rows: Laureate[]): Dataset => ({
  kind: 'laureates',
  laureates: rows,
  aggregates: [],
  issues: [],
  rowCount: rows.length,
  ignoredCount: 0,
  format: 'json',
  meta: {},
});
