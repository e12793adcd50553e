/**
 * The key figures, computed: pure functions of the data (no DOM). The widget asks its query source for the key
 * totals of its filter and shows {@link keyFigureValues} of them.
 */
import type { KeyTotals } from '../../model/aggregate.js';
import { groupLaureates, keyTotalsOfAggregates, keyTotalsOfLaureates, totalOf } from '../../model/aggregate.js';
import { REGIONS } from '../../model/territory.js';
import type { Dataset, Laureate } from '../../model/types.js';

/** The figures a tile can show. */
export const KEY_FIGURES = ['laureats', 'montant', 'emplois', 'regions', 'moyenne'] as const;
export type KeyFigure = (typeof KEY_FIGURES)[number];
export const DEFAULT_KEY_FIGURES: readonly KeyFigure[] = ['laureats', 'montant', 'emplois', 'regions'];

/** Values of the key figures; `undefined` when the data does not give them. */
export interface KeyFigureValues {
  laureats?: number;
  montant?: number;
  emplois?: number;
  regions?: number;
  /** Régions reached among the five overseas régions. */
  regionsOutreMer?: number;
  moyenne?: number;
}

/** The values shown from key totals: the régions reached counted (and those overseas), the average support. */
export function keyFigureValues(k: KeyTotals): KeyFigureValues {
  const out: KeyFigureValues = {};
  if (k.laureats !== undefined) out.laureats = k.laureats;
  if (k.montant !== undefined) out.montant = k.montant;
  if (k.emplois !== undefined) out.emplois = k.emplois;
  if (k.regions) {
    out.regions = k.regions.length;
    out.regionsOutreMer = k.regions.filter((r) => REGIONS.get(r)?.outreMer).length;
  }
  if (out.laureats && out.montant !== undefined && out.laureats > 0) out.moyenne = out.montant / out.laureats;
  return out;
}

/**
 * Key figures of a dataset, or of some of its laureates (`rows`, e.g. a filtered selection).
 * Laureate rows are counted and summed; pre-aggregated data uses the totals the source declares
 * (`totaux`) when there is no selection, else the sum of its totals by status.
 */
export function computeKeyFigures(
  dataset: Dataset,
  rows?: readonly Laureate[],
  statuts?: readonly string[],
): KeyFigureValues {
  if (dataset.kind === 'laureates' || rows) {
    const list = rows ?? dataset.laureates;
    return keyFigureValues(keyTotalsOfLaureates(totalOf(list), [...groupLaureates(list, 'region').keys()]));
  }
  return keyFigureValues(keyTotalsOfAggregates(dataset, statuts));
}

/** Parses the `figures` attribute: a comma or space separated list of figure names. */
export function parseFigures(value: string | null | undefined): KeyFigure[] {
  if (!value) return [...DEFAULT_KEY_FIGURES];
  const list = value
    .split(/[\s,;]+/)
    .map((v) => v.trim().toLowerCase())
    .filter((v): v is KeyFigure => (KEY_FIGURES as readonly string[]).includes(v));
  return list.length ? [...new Set(list)] : [...DEFAULT_KEY_FIGURES];
}
