// The demo data generator's deterministic numbers (scripts/generate-demo-data.mjs): the seeded PRNG (FNV-1a hash of
// the seed, mulberry32) and its draws, and the integer splits that make the rows add up to the expected totals.

export function hashSeed(str) {
  // FNV-1a, 32 bits
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function makeRandom(seed) {
  const next = mulberry32(seed);
  const rnd = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return rnd;
}

/** Largest-remainder split of `total` into integer parts proportional to `weights`. */
export function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k][1]]++;
  return parts;
}

/**
 * Adjusts integer `values` (in place) so they sum to `target`, each within [min, max], moving by `step`
 * (then by `fine`) on rows taken in a pseudo-random order. Returns false if impossible.
 */
export function fixSum(values, target, min, max, steps, rnd) {
  if (values.length * min > target || values.length * max < target) return false;
  const order = rnd.shuffle(values.map((_, i) => i));
  for (const step of steps) {
    let diff = target - values.reduce((a, b) => a + b, 0);
    let idle = 0;
    for (let k = 0; Math.abs(diff) >= step && idle < order.length; k = (k + 1) % order.length) {
      const i = order[k];
      const d = diff > 0 ? step : -step;
      if (values[i] + d >= min && values[i] + d <= max) {
        values[i] += d;
        diff -= d;
        idle = 0;
      } else idle++;
    }
  }
  return values.reduce((a, b) => a + b, 0) === target;
}
