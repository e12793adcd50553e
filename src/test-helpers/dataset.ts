import { emptyDataset } from '../model/parse/index.js';
import type { Dataset, Laureate } from '../model/types.js';

/** A complete dataset of laureate rows, as the parser makes it from clean JSON (for unit tests of what reads one). */
export const laureatesDataset = (rows: Laureate[]): Dataset => ({
  ...emptyDataset('json'),
  laureates: rows,
  rowCount: rows.length,
});
