// Folding for search, as src/query/search.ts folds a text (foldText): NFKD, lower case, accents removed, a few letters
// spelled out, anything that is not a letter or a digit a space, spaces collapsed. Plain JS without Node imports: the
// portal data generator, the portal test server and its browser-side tests share it.
const SPECIAL = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ς: 'σ' };

/** « L'Œuvre de Saint-Étienne » → `l oeuvre de saint etienne`. */
export function fold(text) {
  if (!text) return '';
  return String(text)
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\p{Mn}\p{Cf}]/gu, '')
    .replace(/[œæßøłđðþıς]/g, (c) => SPECIAL[c])
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
