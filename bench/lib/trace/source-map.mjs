// Source maps (bench/lib/trace.mjs): the Base64 VLQ « mappings » of a version 3 source map, to find the source file
// of a generated line and column.

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** `(line, column)` (0-based, generated file) → source path, for a parsed source map. */
export function sourceLookup(map) {
  const lines = [];
  let source = 0;
  for (const line of map.mappings.split(';')) {
    const segs = [];
    let column = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.get(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) {
        source += values[1];
        segs.push([column, source]);
      }
    }
    lines.push(segs);
  }
  return (line, column) => {
    // The last segment at or before (line, column), looking back over earlier lines if needed.
    for (let l = Math.min(line, lines.length - 1), c = column; l >= 0; l--, c = Infinity) {
      const segs = lines[l];
      let found;
      for (const s of segs) {
        if (s[0] <= c) found = s;
        else break;
      }
      if (found) return map.sources[found[1]];
    }
    return undefined;
  };
}
