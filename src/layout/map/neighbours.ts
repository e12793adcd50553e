/**
 * Keyboard neighbours of the shapes of a map: for each shape and arrow key, the shape to move to, in a graph where every
 * shape can be reached from every other.
 */
import type { MapLayout, MapNeighbours } from './types.js';

const DIRECTIONS = [
  ['up', 0, -1],
  ['down', 0, 1],
  ['left', -1, 0],
  ['right', 1, 0],
] as const;
type Direction = (typeof DIRECTIONS)[number][0];

/**
 * Cost of moving from a to b in direction (ux, uy): the distance times (1 + 2 × tan(deviation)), Infinity when b is
 * not ahead or deviates more than atan(maxTan) from the direction.
 */
function cost(
  a: readonly [number, number],
  b: readonly [number, number],
  ux: number,
  uy: number,
  maxTan: number,
): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const along = dx * ux + dy * uy;
  if (!(along > 0)) return Infinity;
  const across = Math.abs(dx * uy - dy * ux);
  if (across > along * maxTan) return Infinity;
  return Math.sqrt(dx * dx + dy * dy) * (1 + (2 * across) / along);
}

/** Strongly connected components (iterative Tarjan); returns the component id of each node. */
function components(graph: MapNeighbours[]): { ids: number[]; count: number } {
  const n = graph.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const ids = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let count = 0;
  const out = (v: number) => [graph[v]!.up, graph[v]!.down, graph[v]!.left, graph[v]!.right].filter((w) => w >= 0);
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) continue;
    const work: { v: number; edges: number[]; next: number }[] = [{ v: root, edges: out(root), next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.edges.length) {
        const w = frame.edges[frame.next++]!;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, edges: out(w), next: 0 });
        } else if (onStack[w]) low[frame.v] = Math.min(low[frame.v]!, index[w]!);
      } else {
        work.pop();
        const v = frame.v;
        if (work.length) low[work[work.length - 1]!.v] = Math.min(low[work[work.length - 1]!.v]!, low[v]!);
        if (low[v] === index[v]) {
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = false;
            ids[w] = count;
          } while (w !== v);
          count++;
        }
      }
    }
  }
  return { ids, count };
}

/**
 * Keyboard neighbours of points (e.g. feature centroids, in pixels, y down): for each point and each arrow
 * direction, the point with the lowest cost among those in the 90° cone around that direction, the cost being the
 * distance times (1 + 2 × tangent of the angular deviation); -1 when the cone is empty.
 *
 * The graph is then made strongly connected (every point reachable from every other) when it is not: edges from one
 * component to another are added, into empty slots first, else replacing an edge, each time choosing the cheapest
 * change that merges components, with the target in the half-plane of the direction (so "right" always goes right).
 */
export function computeNeighbours(points: readonly (readonly [number, number])[]): MapNeighbours[] {
  const n = points.length;
  const graph: MapNeighbours[] = points.map(() => ({ up: -1, down: -1, left: -1, right: -1 }));
  const best = new Float64Array(4 * n).fill(Infinity);
  // Order of the slots in `best`: up, down, left, right.
  const offer = (from: number, slot: number, dir: Direction, to: number, c: number) => {
    if (c < best[4 * from + slot]!) {
      best[4 * from + slot] = c;
      graph[from]![dir] = to;
    }
  };
  // Each pair once: j lies in one cone of i (two at exactly 45°) and i in the opposite cone of j, at the same cost.
  // Candidates reach each point in increasing index order, so ties go to the lowest index.
  for (let i = 0; i < n; i++) {
    const [xi, yi] = points[i]!;
    for (let j = i + 1; j < n; j++) {
      const dx = points[j]![0] - xi;
      const dy = points[j]![1] - yi;
      const adx = Math.abs(dx);
      const ady = Math.abs(dy);
      if (adx === 0 && ady === 0) continue;
      const distance = Math.sqrt(dx * dx + dy * dy);
      if (adx >= ady) {
        const c = distance * (1 + (2 * ady) / adx);
        if (dx > 0) {
          offer(i, 3, 'right', j, c);
          offer(j, 2, 'left', i, c);
        } else {
          offer(i, 2, 'left', j, c);
          offer(j, 3, 'right', i, c);
        }
      }
      if (ady >= adx) {
        const c = distance * (1 + (2 * adx) / ady);
        if (dy > 0) {
          offer(i, 1, 'down', j, c);
          offer(j, 0, 'up', i, c);
        } else {
          offer(i, 0, 'up', j, c);
          offer(j, 1, 'down', i, c);
        }
      }
    }
  }

  let { ids, count } = components(graph);
  for (let guard = 0; count > 1 && guard < 4 * n; guard++) {
    // Candidate edges between components, cheapest first, empty slots before replacements.
    const candidates: { from: number; to: number; dir: Direction; cost: number; free: boolean }[] = [];
    for (let i = 0; i < n; i++) {
      for (const [dir, ux, uy] of DIRECTIONS) {
        for (let j = 0; j < n; j++) {
          if (ids[i] === ids[j]) continue;
          const c = cost(points[i]!, points[j]!, ux, uy, Infinity);
          if (c < Infinity) candidates.push({ from: i, to: j, dir, cost: c, free: graph[i]![dir] < 0 });
        }
      }
    }
    candidates.sort((a, b) => Number(b.free) - Number(a.free) || a.cost - b.cost);
    let merged = false;
    for (const c of candidates) {
      const previous = graph[c.from]![c.dir];
      graph[c.from]![c.dir] = c.to;
      const next = components(graph);
      if (next.count < count) {
        ({ ids, count } = next);
        merged = true;
        break;
      }
      graph[c.from]![c.dir] = previous;
    }
    if (!merged) break;
  }
  return graph;
}

/**
 * Keyboard graph over the focusable features of a layout (all but the Paris zoom copies, which mirror their mainland
 * shape): the layout's own `neighbours` at région level; at département level the same rule ({@link computeNeighbours})
 * applied to the focusable features only, so that every one stays reachable. Indices into `layout.features`.
 */
export function keyboardNeighbours(layout: MapLayout): (MapNeighbours | undefined)[] {
  const focusable = layout.features.map((f, i) => (f.group === 'paris' ? -1 : i)).filter((i) => i >= 0);
  if (focusable.length === layout.features.length) return layout.neighbours;
  const graph = computeNeighbours(focusable.map((i) => layout.features[i]!.centroid));
  const out: (MapNeighbours | undefined)[] = [];
  const back = (k: number) => (k < 0 ? -1 : focusable[k]!);
  graph.forEach((n, k) => {
    out[focusable[k]!] = { up: back(n.up), down: back(n.down), left: back(n.left), right: back(n.right) };
  });
  return out;
}
