/**
 * Rows given twice: copies left out, possible duplicates reported.
 */
import type { AggregateRow, Laureate } from '../types.js';
import { preview } from '../values.js';
import type { IssueLog } from './issues.js';

const LAUREATE_FIELDS = [
  'nom',
  'statut',
  'statutLibelle',
  'region',
  'departement',
  'commune',
  'territoire',
  'projet',
  'montant',
  'emplois',
  'siren',
] as const;
const AGGREGATE_FIELDS = [
  'statut',
  'statutLibelle',
  'region',
  'departement',
  'laureats',
  'montant',
  'emplois',
] as const;

/** FNV-1a hash of a name (its first 100 characters and its length). */
function hashName(name: string): number {
  let h = 0x811c9dc5 ^ name.length;
  const n = Math.min(name.length, 100);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Duplicate rows. The same row twice (every field equal once read) is a copy: the second is ignored and reported
 * (`duplicate` error, `ref` = the first row), so nothing is counted twice. Two different rows with the same name and
 * the same SIREN are kept (a laureate may have two projects) and reported as a possible duplicate (`duplicate`
 * warning). Rows with the same name and no SIREN are homonyms, not duplicates.
 */
export class DuplicateFinder {
  /**
   * A hash table of the rows kept, by name: `heads[bucket]` and `next[row]` hold row index + 1 (0 ends a chain).
   * Faster than a `Map` keyed by the names on large inputs, where this check must stay cheap.
   */
  private readonly _heads: Int32Array;
  private readonly next: number[] = [];
  private readonly mask: number;
  /** Rows kept so far, and their row numbers in the source. */
  private readonly rows: Laureate[];
  private readonly numbers: number[] = [];
  private readonly _aggregateKeys = new Map<string, number>();
  private readonly log: IssueLog;

  constructor(log: IssueLog, rows: Laureate[], capacity: number) {
    this.log = log;
    this.rows = rows;
    let size = 16;
    while (size < capacity * 2 && size < 1 << 22) size <<= 1;
    this._heads = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Adds the row to `rows` unless it is a copy of an earlier one (then reported and left out). */
  addLaureate(row: Laureate, number: number): void {
    const bucket = hashName(row.nom) & this.mask;
    let sameSiren = -1;
    // Up to 32 earlier rows of the bucket (linear time on any input, even a name repeated thousands of times).
    for (let k = this._heads[bucket]! - 1, steps = 0; k >= 0 && steps < 32; k = this.next[k]! - 1, steps++) {
      const e = this.rows[k]!;
      if (e.nom !== row.nom) continue;
      if (LAUREATE_FIELDS.every((f) => e[f] === row[f])) {
        this.log.add({ level: 'error', row: number, ref: this.numbers[k], value: preview(row.nom), code: 'duplicate' });
        return;
      }
      if (row.siren !== undefined && e.siren === row.siren) sameSiren = k;
    }
    if (sameSiren >= 0) {
      this.log.add({
        level: 'warning',
        row: number,
        ref: this.numbers[sameSiren],
        field: 'siren',
        value: row.siren,
        code: 'duplicate',
      });
    }
    const index = this.rows.length;
    this.rows.push(row);
    this.numbers.push(number);
    this.next.push(this._heads[bucket]!);
    this._heads[bucket] = index + 1;
  }

  keepAggregate(row: AggregateRow, number: number): boolean {
    const key = AGGREGATE_FIELDS.map((f) => row[f] ?? '').join('\u0001');
    const first = this._aggregateKeys.get(key);
    if (first !== undefined) {
      this.log.add({ level: 'error', row: number, ref: first, value: preview(row), code: 'duplicate' });
      return false;
    }
    this._aggregateKeys.set(key, number);
    return true;
  }
}
