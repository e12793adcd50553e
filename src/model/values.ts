/**
 * Normalisation of single values as people write them: legal statuses, amounts in euros,
 * counts, SIREN numbers and free text.
 */
import type { Statut } from './types.js';
import { STATUTS } from './types.js';
import { foldKey } from './territory.js';

/** A JSON object: not `null`, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const STATUT_SET: ReadonlySet<string> = new Set(STATUTS);

/** Rules tried in order on the folded label; the first that matches wins. */
const STATUT_RULES: readonly (readonly [RegExp, Statut])[] = [
  [/\b(fondation|foundation|fondations)\b/, 'fondation'],
  [/\b(association|associations|asso|loi 1901|loi de 1901|aloi 1901)\b/, 'association'],
  [/\b(cooperatives?|coop|scop|scic|sica|cae|cuma|societe cooperative|union d economie sociale|ues)\b/, 'cooperative'],
  [/\b(mutuelles?|mutuel|mutualiste|mutual)\b/, 'mutuelle'],
  [
    /\b(entreprises?|company|tpe|pme|tpe pme|eti|ge|grande entreprise|sas|sasu|sarl|eurl|sa|sca|snc|societe|esus|ei)\b/,
    'entreprise',
  ],
];

/**
 * Canonical status for a label such as « Association loi 1901 », « SCOP », « SCIC SAS »,
 * « Coopérative », « Fondation reconnue d'utilité publique » or « TPE / PME ».
 * Returns `autre` for anything else (the original label is kept by the caller).
 */
export function normalizeStatut(value: unknown): Statut | undefined {
  if (typeof value !== 'string') return undefined;
  // A status is a few words: only the start of a long text is read (folding megabytes is slow).
  const key = foldKey(value.length > 200 ? value.slice(0, 200) : value);
  if (key === '') return undefined;
  if (STATUT_SET.has(key)) return key as Statut;
  for (const [pattern, statut] of STATUT_RULES) if (pattern.test(key)) return statut;
  return 'autre';
}

const SPACES = /[\s\u00a0\u202f\u2009\u2007'\u2019]/g;

/**
 * Parses an amount in euros as people write it: `1250000`, « 1 250 000 € », « 1 250 000,50 € »,
 * « 1,25 M€ », « 1.25 M€ », « 850 k€ », « 1,2 million d'euros », `1.250.000`, `1,250,000.00`.
 * Returns `undefined` when the value is not a finite amount ≥ 0.
 *
 * Separators: when both `.` and `,` appear, the last one is the decimal separator; a lone `,`
 * is decimal (French) unless it appears more than once; a lone `.` followed by exactly three
 * digits and no multiplier is a thousands separator (« 1.250 » = 1 250).
 */
export function parseAmount(value: unknown): number | undefined {
  // The same bounds as written amounts: at most 10^15 € (a larger number is a mistake, not an amount).
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 && value <= 1e15 ? value : undefined;
  if (typeof value !== 'string' || value.length > 64) return undefined;
  let text = value.toLowerCase().replace(SPACES, '');
  text = text.replace(/^(€|eur)/, '').replace(/(d'?euros?|deuros?|euros?|eur|€)$/, '');
  let multiplier = 1;
  const unit = /(mds?|milliards?|m|mio|millions?|k|milliers?)$/.exec(text);
  if (unit) {
    const u = unit[1] ?? '';
    multiplier =
      u.startsWith('md') || u.startsWith('milliard') ? 1e9 : u.startsWith('m') && !u.startsWith('millier') ? 1e6 : 1e3;
    text = text.slice(0, text.length - u.length);
  }
  if (!/^\+?[\d.,]+$/.test(text) || !/\d/.test(text)) return undefined;
  text = text.replace(/^\+/, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let normalised: string;
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const thousands = decimal === '.' ? ',' : '.';
    normalised = text.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    normalised = text.split(',').length > 2 ? text.split(',').join('') : text.replace(',', '.');
  } else if (lastDot >= 0) {
    const parts = text.split('.');
    const threeDigitGroups = parts.slice(1).every((p) => p.length === 3);
    normalised = parts.length > 2 || (threeDigitGroups && multiplier === 1) ? parts.join('') : text;
  } else {
    normalised = text;
  }
  if (!/^\d+(\.\d+)?$/.test(normalised)) return undefined;
  const amount = Number(normalised) * multiplier;
  if (!Number.isFinite(amount) || amount > 1e15) return undefined;
  return Math.round(amount * 100) / 100;
}

/** Parses a count (jobs, laureates): a non-negative integer, possibly written « 12 emplois » or « 1 200 ». */
export function parseCount(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= 1e12 ? value : undefined;
  }
  // Longer text is not a count (and the trailing-letters pattern below would take quadratic time on it).
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const text = value.replace(SPACES, '').replace(/[a-zéèêàç.]+$/i, '');
  if (!/^\+?\d{1,12}$/.test(text)) return undefined;
  return Number(text);
}

/** A SIREN: 9 digits, spaces allowed in the input (« 123 456 789 »). */
export function parseSiren(value: unknown): string | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' && value.length <= 64 ? value : '';
  const digits = text.replace(SPACES, '');
  return /^\d{9}$/.test(digits) ? digits : undefined;
}

/** Longest text kept in a field; longer values are cut (and reported). */
export const MAX_TEXT_LENGTH = 5000;

// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Free text: trimmed, control characters removed (line breaks and tabs kept), `undefined`
 * when empty. Numbers are accepted and written as text.
 */
export function cleanText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  // Testing first is about twice as fast as replacing when (as almost always) there is nothing to remove.
  const text = (CONTROL_CHAR.test(value) ? value.replace(CONTROL_CHARS, '') : value).trim();
  return text === '' ? undefined : text;
}

/** Shortens a value for an error message. Never throws, and never walks more of the value than it shows. */
export function preview(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value.slice(0, max + 1) : describe(value, max + 1, 0);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * JSON-like text of a value, cut at about `budget` characters and 3 levels deep: safe on hostile input (deeply nested,
 * cyclic, huge, with throwing getters), where `JSON.stringify` or `String` would overflow the stack or copy megabytes.
 */
function describe(value: unknown, budget: number, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.slice(0, budget));
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'undefined':
      return 'undefined';
    case 'symbol':
      return value.toString();
    case 'function':
      return 'function';
    default:
      break;
  }
  const array = Array.isArray(value);
  if (depth >= 3) return array ? '[…]' : '{…}';
  let out = array ? '[' : '{';
  try {
    const record = value as Record<string, unknown>;
    const keys = array ? undefined : Object.keys(record);
    const n = keys ? keys.length : (value as unknown[]).length;
    for (let i = 0; i < n; i++) {
      if (out.length >= budget) {
        out += '…';
        break;
      }
      if (i > 0) out += ',';
      const key = keys?.[i];
      if (key !== undefined) out += `${JSON.stringify(key.slice(0, budget))}:`;
      out += describe(key !== undefined ? record[key] : (value as unknown[])[i], budget - out.length, depth + 1);
    }
  } catch {
    out += '…';
  }
  return out + (array ? ']' : '}');
}
