import { expect } from '@open-wc/testing';
import { geoPath } from 'd3-geo';
import type { Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import {
  COLUMN_BREAKPOINT,
  DROM_CODES,
  INSET_FONT_SIZE,
  PARIS_CODES,
  PARIS_INSET_LABEL,
  PROJECTED_GEOMETRY_TYPE,
  computeNeighbours,
  featuresOf,
  isProjectedGeometry,
  layoutMap,
  projectGeometry,
  projectionOf,
  validateGeometry,
  validateTopology,
} from './map-layout.js';
import type { MapFeature, MapLayout, MapLevel, MapNeighbours, ProjectedGeometry } from './map-layout.js';
import { DEPARTEMENT_LIST, REGION_LIST } from '../model/territories.data.js';

const WIDTHS = [280, 360, 768, 1200];
const LEVELS: MapLevel[] = ['region', 'departement'];

async function load(file: string): Promise<Topology> {
  const response = await fetch(`/geo/${file}`);
  if (!response.ok) throw new Error(`cannot load ${file}: ${response.status}`);
  return (await response.json()) as Topology;
}

/** Parses the compact paths written by the layout (M x,y l dx,dy … z) into absolute rings. */
function rings(d: string): [number, number][][] {
  const tokens = d.match(/[MlzZ]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
  const out: [number, number][][] = [];
  let ring: [number, number][] = [];
  let command = '';
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i]!;
    if (/^[MlzZ]$/.test(token)) {
      command = token;
      i++;
      if (command === 'z' || command === 'Z') {
        out.push(ring);
        ring = [];
      }
      continue;
    }
    const a = Number(token);
    const b = Number(tokens[i + 1]);
    i += 2;
    if (command === 'M') {
      x = a;
      y = b;
    } else if (command === 'l') {
      x += a;
      y += b;
    } else throw new Error(`unexpected ${command} in ${d.slice(0, 40)}`);
    ring.push([x, y]);
  }
  if (ring.length) out.push(ring);
  return out;
}

function inside(polygonRings: [number, number][][], [px, py]: [number, number]): boolean {
  let result = false;
  for (const ring of polygonRings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) result = !result;
    }
  }
  return result;
}

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const contains = (r: Rect, [x, y]: [number, number], slack = 0) =>
  x >= r.x - slack && x <= r.x + r.width + slack && y >= r.y - slack && y <= r.y + r.height + slack;
const size = (f: MapFeature) => [f.bounds[1][0] - f.bounds[0][0], f.bounds[1][1] - f.bounds[0][1]] as const;

/** Nodes reachable from `start`, following edges forwards or backwards. */
function reach(graph: MapNeighbours[], start: number, backwards: boolean): Set<number> {
  const adjacency: number[][] = graph.map(() => []);
  graph.forEach((n, i) => {
    for (const j of [n.up, n.down, n.left, n.right])
      if (j >= 0) (backwards ? adjacency[j]! : adjacency[i]!).push(backwards ? i : j);
  });
  const seen = new Set([start]);
  const stack = [start];
  while (stack.length) for (const w of adjacency[stack.pop()!]!) if (!seen.has(w)) (seen.add(w), stack.push(w));
  return seen;
}

function stronglyConnected(graph: MapNeighbours[]): boolean {
  return (
    graph.length === 0 || (reach(graph, 0, false).size === graph.length && reach(graph, 0, true).size === graph.length)
  );
}

describe('map-layout', () => {
  const topologies = {} as Record<MapLevel, Topology>;
  let regionsFile: Topology;
  const layouts = new Map<string, MapLayout>();
  const layout = (level: MapLevel, width: number) => {
    const key = `${level}:${width}`;
    if (!layouts.has(key)) layouts.set(key, layoutMap(topologies[level], level, width));
    return layouts.get(key)!;
  };

  before(async () => {
    regionsFile = await load('france-regions.topo.json');
    topologies.region = regionsFile;
    topologies.departement = await load('france-departements.topo.json');
  });

  describe('featuresOf', () => {
    it('returns the 18 régions and the 101 départements with their codes, names and région', () => {
      const regions = featuresOf(topologies.region, 'region');
      expect(regions.map((f) => [f.properties.code, f.properties.nom])).to.deep.equal(
        REGION_LIST.map(([c, n]) => [c, n]),
      );
      const departements = featuresOf(topologies.departement, 'departement');
      expect(departements.map((f) => [f.properties.code, f.properties.nom, f.properties.region])).to.deep.equal(
        DEPARTEMENT_LIST.map(([c, n, r]) => [c, n, r]),
      );
      for (const f of departements) expect(f.geometry.type).to.be.oneOf(['Polygon', 'MultiPolygon']);
    });

    it('is memoised per topology object and level', () => {
      expect(featuresOf(topologies.departement, 'departement')).to.equal(
        featuresOf(topologies.departement, 'departement'),
      );
      expect(featuresOf(topologies.departement, 'region')).to.have.length(18);
      expect(featuresOf(topologies.departement, 'region')).not.to.equal(featuresOf(topologies.region, 'region'));
    });
  });

  describe('features', () => {
    it('has the 18 régions at région level, DROM in group drom, no Paris copies', () => {
      const l = layout('region', 768);
      expect(l.features.map((f) => f.code)).to.deep.equal(REGION_LIST.map(([c]) => c));
      expect(l.features.map((f) => f.nom)).to.deep.equal(REGION_LIST.map(([, n]) => n));
      for (const f of l.features) expect(f.group).to.equal(DROM_CODES.region.includes(f.code) ? 'drom' : 'mainland');
      expect(l.insets.map((i) => i.id)).to.deep.equal(DROM_CODES.region.map((c) => `drom-${c}`));
    });

    it('has 101 départements plus copies of 75, 92, 93, 94 in the Paris inset at département level', () => {
      const l = layout('departement', 768);
      expect(l.features).to.have.length(105);
      const main = l.features.filter((f) => f.group !== 'paris');
      expect(main.map((f) => f.code)).to.deep.equal(DEPARTEMENT_LIST.map(([c]) => c));
      expect(main.map((f) => f.region)).to.deep.equal(DEPARTEMENT_LIST.map(([, , r]) => r));
      const copies = l.features.filter((f) => f.group === 'paris');
      expect(copies.map((f) => f.code)).to.deep.equal([...PARIS_CODES]);
      expect(copies.every((f) => f.inset === 'paris')).to.equal(true);
      expect(new Set(l.features.map((f) => f.id)).size).to.equal(105);
      expect(l.features.filter((f) => f.group === 'drom').map((f) => f.code)).to.deep.equal([
        ...DROM_CODES.departement,
      ]);
    });

    it('gives every feature a non-empty path, a positive area and an anchor inside its shape', () => {
      for (const level of LEVELS) {
        for (const width of [280, 1200]) {
          for (const f of layout(level, width).features) {
            expect(f.d, f.id).to.match(/^M/);
            expect(f.area, f.id).to.be.greaterThan(0);
            expect(inside(rings(f.d), f.centroid), `${level} ${width} ${f.id} anchor ${f.centroid}`).to.equal(true);
          }
        }
      }
    });

    it("anchors on d3-geo's path.centroid of the largest polygon, moved inside only when it falls outside", () => {
      let moved = 0;
      for (const level of LEVELS) {
        const l = layout(level, 768);
        const features = featuresOf(topologies[level], level);
        for (const f of l.features.filter((x) => x.group !== 'paris')) {
          const path = geoPath(projectionOf(l.projections.find((p) => p.id === (f.inset ?? 'mainland'))!));
          const geometry = features.find((x) => x.properties.code === f.code)!.geometry;
          const polygons: Polygon[] =
            geometry.type === 'Polygon'
              ? [geometry]
              : geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
          const largest = polygons.reduce((a, b) => (path.area(b) > path.area(a) ? b : a));
          const [cx, cy] = path.centroid(largest);
          if (inside(rings(f.d), [cx, cy])) {
            expect(Math.hypot(f.centroid[0] - cx, f.centroid[1] - cy), `${level} ${f.code}`).to.be.lessThan(0.3);
          } else {
            moved++;
            expect(inside(rings(f.d), f.centroid), `${level} ${f.code}`).to.equal(true);
          }
        }
      }
      // Hauts-de-Seine, a crescent around Paris, is the only one whose centroid lies outside.
      expect(moved).to.equal(1);
    });

    it('scales areas with the projection', () => {
      const small = layout('departement', 280).features.find((f) => f.code === '33')!;
      const large = layout('departement', 1200).features.find((f) => f.code === '33')!;
      const ratio = (layout('departement', 1200).mainland.width / layout('departement', 280).mainland.width) ** 2;
      expect(large.area / small.area).to.be.closeTo(ratio, ratio * 0.01);
    });
  });

  describe('insets', () => {
    it('puts each DROM alone in its own labelled inset, below the label', () => {
      for (const level of LEVELS) {
        for (const width of WIDTHS) {
          const l = layout(level, width);
          for (const code of DROM_CODES[level]) {
            const f = l.features.find((x) => x.code === code && x.group === 'drom')!;
            const holding = l.insets.filter((i) => i.codes.includes(code));
            expect(holding, `${level} ${width} ${code}`).to.have.length(1);
            const inset = holding[0]!;
            expect(inset.codes).to.deep.equal([code]);
            expect(inset.id).to.equal(f.inset);
            expect(inset.label).to.equal(f.nom);
            expect(inset.labelLines.join(' ')).to.equal(f.nom);
            const labelBottom = inset.labelY + (inset.labelLines.length - 1) * inset.lineHeight;
            expect(f.bounds[0][1], `${code} below its label`).to.be.greaterThan(labelBottom);
            for (const ring of rings(f.d))
              for (const p of ring) expect(contains(inset, p, 0.05), `${code} ${p}`).to.equal(true);
          }
        }
      }
    });

    it('writes labels at 12 px or more, wrapped from the widths the page measures, in the language asked', () => {
      expect(INSET_FONT_SIZE).to.be.at.least(12);
      for (const level of LEVELS) {
        for (const width of WIDTHS) {
          for (const inset of layout(level, width).insets)
            expect(inset.fontSize, `${level} ${width}`).to.equal(INSET_FONT_SIZE);
        }
      }
      // Wider text (a wider font, the reader's text spacing): more lines, taller frames, every line within its frame.
      const measure = (text: string) => text.length * INSET_FONT_SIZE * 0.8;
      const estimated = layoutMap(topologies.departement, 'departement', 360);
      const measured = layoutMap(topologies.departement, 'departement', 360, {
        textWidth: measure,
        parisLabel: 'Paris and inner suburbs',
      });
      const lines = (l: MapLayout) => l.insets.reduce((n, i) => n + i.labelLines.length, 0);
      expect(lines(measured)).to.be.greaterThan(lines(estimated));
      for (const inset of measured.insets) {
        for (const line of inset.labelLines)
          expect(inset.labelX + measure(line), `${inset.id}: ${line}`).to.be.at.most(inset.x + inset.width);
        const f = measured.features.find((x) => x.inset === inset.id)!;
        expect(f.bounds[0][1], `${inset.id} below its label`).to.be.greaterThan(
          inset.labelY + (inset.labelLines.length - 1) * inset.lineHeight,
        );
      }
      expect(measured.insets.find((i) => i.id === 'paris')!.labelLines.join(' ')).to.equal('Paris and inner suburbs');
    });

    it('adds « Paris et petite couronne » at département level only, enlarged', () => {
      expect(layout('region', 768).insets.some((i) => i.id === 'paris')).to.equal(false);
      for (const width of WIDTHS) {
        const l = layout('departement', width);
        const inset = l.insets.find((i) => i.id === 'paris')!;
        expect(inset.label).to.equal(PARIS_INSET_LABEL);
        expect(inset.labelLines.join(' ')).to.equal(PARIS_INSET_LABEL);
        expect(inset.codes).to.deep.equal([...PARIS_CODES]);
        expect(Math.min(inset.width, inset.height)).to.be.at.least(48);
        const copy = l.features.find((f) => f.id === 'paris:75')!;
        const original = l.features.find((f) => f.id === '75')!;
        expect(copy.area, `${width}`).to.be.greaterThan(original.area * 12);
        expect(Math.min(...size(copy)), `${width} Paris copy`).to.be.at.least(15);
        const copies = l.features.filter((f) => f.group === 'paris');
        const x0 = Math.min(...copies.map((f) => f.bounds[0][0]));
        const x1 = Math.max(...copies.map((f) => f.bounds[1][0]));
        const y0 = Math.min(...copies.map((f) => f.bounds[0][1]));
        const y1 = Math.max(...copies.map((f) => f.bounds[1][1]));
        expect(Math.min(x1 - x0, y1 - y0), `${width} petite couronne`).to.be.at.least(40);
        for (const f of copies)
          for (const ring of rings(f.d)) for (const p of ring) expect(contains(inset, p, 0.05)).to.equal(true);
      }
    });

    it('keeps every inset box ≥ 48 px and every DROM shape ≥ 40 px at 280, 360, 768 and 1200 px', () => {
      for (const level of LEVELS) {
        for (const width of WIDTHS) {
          const l = layout(level, width);
          for (const inset of l.insets) {
            expect(Math.min(inset.width, inset.height), `${level} ${width} ${inset.id}`).to.be.at.least(48);
          }
          for (const f of l.features.filter((x) => x.group === 'drom')) {
            const [w, h] = size(f);
            expect(Math.min(w, h), `${level} ${width} ${f.code} ${w}×${h}`).to.be.at.least(40);
          }
        }
      }
    });

    it('keeps minimum sizes at every width from 280 to 1200 px', () => {
      for (const level of LEVELS) {
        for (let width = 280; width <= 1200; width += 20) {
          const l = layoutMap(topologies[level], level, width);
          for (const inset of l.insets)
            expect(Math.min(inset.width, inset.height), `${level} ${width}`).to.be.at.least(48);
          for (const f of l.features.filter((x) => x.group === 'drom')) {
            expect(Math.min(...size(f)), `${level} ${width} ${f.code}`).to.be.at.least(40);
          }
        }
      }
    });

    it('does not overlap: insets with each other, mainland shapes with insets', () => {
      for (const level of LEVELS) {
        for (const width of WIDTHS) {
          const l = layout(level, width);
          l.insets.forEach((a, i) =>
            l.insets.forEach((b, j) => {
              if (i < j) expect(overlaps(a, b), `${level} ${width} ${a.id} ${b.id}`).to.equal(false);
            }),
          );
          for (const f of l.features.filter((x) => x.group === 'mainland')) {
            for (const ring of rings(f.d)) {
              for (const p of ring) {
                for (const inset of l.insets)
                  expect(contains(inset, p), `${level} ${width} ${f.code} in ${inset.id}`).to.equal(false);
              }
            }
          }
        }
      }
    });

    it('arranges DROM in rows under the mainland when narrow, in a column on its left when wide', () => {
      for (const level of LEVELS) {
        const narrow = layout(level, 280);
        expect(narrow.arrangement).to.equal('rows');
        for (const inset of narrow.insets) expect(inset.y).to.be.at.least(narrow.mainland.y + narrow.mainland.height);
        const rows = new Set(narrow.insets.map((i) => i.y));
        expect(rows.size).to.equal(2);
        for (const width of [768, 1200]) {
          const wide = layout(level, width);
          expect(wide.arrangement).to.equal('column');
          const drom = wide.insets.filter((i) => i.id !== 'paris');
          expect(new Set(drom.map((i) => i.x)).size).to.equal(1);
          for (const inset of drom) expect(inset.x + inset.width).to.be.at.most(wide.mainland.x);
          const ys = drom.map((i) => i.y);
          expect(ys).to.deep.equal([...ys].sort((a, b) => a - b));
        }
      }
      expect(layoutMap(topologies.region, 'region', COLUMN_BREAKPOINT - 1).arrangement).to.equal('rows');
      expect(layoutMap(topologies.region, 'region', COLUMN_BREAKPOINT).arrangement).to.equal('column');
    });

    it('derives a sensible height from the width', () => {
      for (const level of LEVELS) {
        for (const width of WIDTHS) {
          const l = layout(level, width);
          expect(l.width).to.equal(width);
          expect(l.height / width, `${level} ${width}`).to.be.within(0.7, 1.75);
        }
      }
    });
  });

  describe('geometry', () => {
    it('keeps every path inside the layout and inside its feature bounds', () => {
      for (const level of LEVELS) {
        for (const width of WIDTHS) {
          const l = layout(level, width);
          for (const f of l.features) {
            const [[x0, y0], [x1, y1]] = f.bounds;
            for (const ring of rings(f.d)) {
              expect(ring.length).to.be.at.least(3);
              for (const [x, y] of ring) {
                expect(
                  x >= 0 && x <= l.width && y >= 0 && y <= l.height,
                  `${level} ${width} ${f.id} ${x},${y}`,
                ).to.equal(true);
                expect(x >= x0 - 0.06 && x <= x1 + 0.06 && y >= y0 - 0.06 && y <= y1 + 0.06, `${f.id} bounds`).to.equal(
                  true,
                );
              }
            }
          }
          const main = l.features.filter((f) => f.group === 'mainland');
          expect(Math.min(...main.map((f) => f.bounds[0][0]))).to.be.closeTo(l.mainland.x, 0.2);
          expect(Math.max(...main.map((f) => f.bounds[1][0]))).to.be.closeTo(l.mainland.x + l.mainland.width, 0.2);
        }
      }
    });

    it('rounds coordinates to 0.1 px', () => {
      const { d } = layout('departement', 768).features.find((f) => f.code === '29')!;
      for (const n of d.match(/-?(?:\d+\.?\d*|\.\d+)/g)!) expect(n.replace(/^-?\d*\.?/, '').length).to.be.at.most(1);
    });

    it('is deterministic, also for a freshly parsed topology', async () => {
      for (const level of LEVELS) {
        const a = layoutMap(topologies[level], level, 500);
        const b = layoutMap(topologies[level], level, 500);
        expect(b).to.deep.equal(a);
        const fresh = layoutMap(
          await load(level === 'region' ? 'france-regions.topo.json' : 'france-departements.topo.json'),
          level,
          500,
        );
        expect(JSON.stringify(fresh)).to.equal(JSON.stringify(a));
      }
    });

    it('uses the documented projections (first vertex matches d3-geo)', () => {
      for (const level of LEVELS) {
        const l = layout(level, 768);
        const features = featuresOf(topologies[level], level);
        for (const code of [level === 'region' ? '53' : '29', DROM_CODES[level][3]!]) {
          const f = l.features.find((x) => x.code === code && x.group !== 'paris')!;
          const params = l.projections.find((p) => p.id === (f.inset ?? 'mainland'))!;
          const geometry = features.find((x) => x.properties.code === code)!.geometry;
          const first = (geometry.type === 'Polygon' ? geometry.coordinates[0]! : geometry.coordinates[0]![0]!)[0]! as [
            number,
            number,
          ];
          const projected = projectionOf(params)(first)!;
          const start = rings(f.d)[0]![0]!;
          expect(start[0]).to.be.closeTo(projected[0], 0.06);
          expect(start[1]).to.be.closeTo(projected[1], 0.06);
        }
        expect(l.projections[0]).to.include({ id: 'mainland', type: 'conicConformal' });
        expect(l.projections[0]!.parallels).to.deep.equal([44, 49]);
      }
    });

    it('simplifies invisible detail but keeps every point with simplify: 0', () => {
      const total = (l: MapLayout) => l.features.reduce((s, f) => s + f.d.length, 0);
      const simplified = total(layoutMap(topologies.departement, 'departement', 280));
      const full = total(layoutMap(topologies.departement, 'departement', 280, { simplify: 0 }));
      expect(simplified).to.be.lessThan(full * 0.6);
      expect(simplified).to.be.lessThan(60_000);
    });

    it('simplifies shared borders identically on both sides', () => {
      // At 280 px most border points are dropped; the ones kept must be the same on both sides (filtering each side
      // on its own, in its own direction, keeps about a third as many common points).
      const l = layout('region', 280);
      const vertices = (code: string) =>
        new Set(
          rings(l.features.find((f) => f.code === code)!.d)
            .flat()
            .map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`),
        );
      for (const [a, b, min] of [
        ['53', '52', 12],
        ['84', '93', 25],
        ['11', '24', 12],
      ] as const) {
        const other = vertices(b);
        expect([...vertices(a)].filter((v) => other.has(v)).length, `${a}/${b}`).to.be.at.least(min);
      }
    });

    it('lays out quickly', async () => {
      const fresh = await load('france-departements.topo.json');
      const t0 = performance.now();
      layoutMap(fresh, 'departement', 1200);
      const first = performance.now() - t0;
      const t1 = performance.now();
      layoutMap(fresh, 'departement', 1199);
      const resize = performance.now() - t1;
      // Generous bounds: they catch accidental quadratic work, not machine speed.
      expect(first).to.be.lessThan(400);
      expect(resize).to.be.lessThan(100);
    });
  });

  describe('neighbours', () => {
    const directions = ['up', 'down', 'left', 'right'] as const;

    it('lets a keyboard user reach every feature from every other', () => {
      for (const level of LEVELS) {
        for (const width of WIDTHS) {
          const l = layout(level, width);
          expect(l.neighbours).to.have.length(l.features.length);
          expect(stronglyConnected(l.neighbours), `${level} ${width}`).to.equal(true);
        }
      }
    });

    it('points in the direction of the key', () => {
      for (const level of LEVELS) {
        for (const width of WIDTHS) {
          const l = layout(level, width);
          l.neighbours.forEach((n, i) => {
            const [x, y] = l.features[i]!.centroid;
            for (const dir of directions) {
              const j = n[dir];
              if (j < 0) continue;
              expect(j).not.to.equal(i);
              const [nx, ny] = l.features[j]!.centroid;
              const ok = { up: ny < y, down: ny > y, left: nx < x, right: nx > x }[dir];
              expect(ok, `${level} ${width} ${l.features[i]!.id} ${dir} → ${l.features[j]!.id}`).to.equal(true);
            }
          });
        }
      }
    });

    it('moves from Bretagne to its eastern neighbours and back', () => {
      const l = layout('region', 768);
      const index = (code: string) => l.features.findIndex((f) => f.code === code);
      const bretagne = index('53');
      const right = l.neighbours[bretagne]!.right;
      expect(right).to.be.at.least(0);
      expect(['28', '52']).to.include(l.features[right]!.code);
      expect(l.features[right]!.centroid[0]).to.be.greaterThan(l.features[bretagne]!.centroid[0]);
      // Left of Bretagne, in the column arrangement, is a DROM inset.
      const left = l.neighbours[bretagne]!.left;
      expect(l.features[left]!.group).to.equal('drom');
      expect(l.features[l.neighbours[index('84')]!.down]!.code).to.be.oneOf(['93', '76']);
    });

    it('repairs graphs that the nearest-in-cone rule leaves disconnected', () => {
      // Nearest in cone alone: 0 → 1 (up), 0 → 2 (down), 1 ↔ 2, and nothing leads back to 0.
      const points: [number, number][] = [
        [2, 4],
        [4, 1],
        [4, 8],
      ];
      const graph = computeNeighbours(points);
      expect(stronglyConnected(graph)).to.equal(true);
      expect(graph[0]).to.include({ up: 1, down: 2 });
      expect([graph[1]!.left, graph[2]!.left]).to.include(0);
      expect(computeNeighbours([])).to.deep.equal([]);
      expect(computeNeighbours([[1, 1]])).to.deep.equal([{ up: -1, down: -1, left: -1, right: -1 }]);
    });

    it('stays connected and directional on random point sets', () => {
      let seed = 42;
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
      for (let trial = 0; trial < 200; trial++) {
        const points = Array.from(
          { length: 2 + (trial % 40) },
          () => [random() * 100, random() * 100] as [number, number],
        );
        const graph = computeNeighbours(points);
        expect(stronglyConnected(graph), `trial ${trial}`).to.equal(true);
        graph.forEach((n, i) => {
          if (n.right >= 0) expect(points[n.right]![0]).to.be.greaterThan(points[i]![0]);
          if (n.up >= 0) expect(points[n.up]![1]).to.be.lessThan(points[i]![1]);
        });
      }
    });
  });

  describe('validateTopology', () => {
    const reason = (value: unknown, level: MapLevel = 'region') => {
      const result = validateTopology(value, level);
      expect(result.ok).to.equal(false);
      return result.ok ? '' : result.reason;
    };

    it('accepts the shared topologies at their levels', () => {
      const result = validateTopology(topologies.departement, 'departement');
      expect(result.ok).to.equal(true);
      if (result.ok) expect(result.topology).to.equal(topologies.departement);
      expect(validateTopology(regionsFile, 'region').ok).to.equal(true);
      expect(validateTopology(topologies.departement, 'region').ok).to.equal(true);
    });

    it('rejects values that are not objects', () => {
      expect(reason(null)).to.match(/TopoJSON object.*null/);
      expect(reason(42)).to.match(/TopoJSON object.*number/);
      expect(reason('{"type":"Topology"}')).to.match(/string/);
      expect(reason([])).to.match(/array/);
    });

    it('rejects non-Topology objects, with a hint for GeoJSON', () => {
      expect(reason({ type: 'FeatureCollection', features: [] })).to.match(/Not a TopoJSON Topology.*GeoJSON/);
      expect(reason({ arcs: [], objects: {} })).to.match(/Not a TopoJSON Topology/);
      expect(reason({ type: 'Topology', objects: {} })).to.match(/arcs/);
      expect(reason({ type: 'Topology', arcs: [] })).to.match(/objects/);
    });

    it('names the missing object for the level', () => {
      expect(validateTopology(regionsFile, 'departement').ok).to.equal(false);
      expect(reason(regionsFile, 'departement')).to.match(/Missing objects\.departements.*objects\.regions/);
      expect(
        reason({
          type: 'Topology',
          arcs: [],
          objects: { departements: { type: 'GeometryCollection', geometries: [] } },
        }),
      ).to.match(/Missing objects\.regions/);
      expect(reason({ type: 'Topology', arcs: [], objects: { regions: { type: 'Polygon', arcs: [] } } })).to.match(
        /objects\.regions is not a GeometryCollection/,
      );
      expect(
        reason({ type: 'Topology', arcs: [], objects: { regions: { type: 'GeometryCollection', geometries: [] } } }),
      ).to.match(/no geometries/);
    });

    it('rejects geometries without code, or that are not polygons', () => {
      const withoutCode = {
        type: 'Topology',
        arcs: [
          [
            [0, 0],
            [1, 0],
            [0, 1],
            [-1, -1],
          ],
        ],
        objects: {
          regions: {
            type: 'GeometryCollection',
            geometries: [
              { type: 'Polygon', arcs: [[0]], properties: { code: '11', nom: 'A' } },
              { type: 'Polygon', arcs: [[0]], properties: { nom: 'B' } },
            ],
          },
        },
      };
      expect(reason(withoutCode)).to.match(/1 of 2 geometries in objects\.regions have no code.*index 1/);
      const points = {
        ...withoutCode,
        objects: {
          regions: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0], id: '11' }] },
        },
      };
      expect(reason(points)).to.match(/is a Point, expected Polygon or MultiPolygon/);
      expect(() => layoutMap(withoutCode as unknown as Topology, 'region', 400)).to.throw(/no code/);
    });

    it('accepts the geometry id as code', () => {
      const topology = {
        type: 'Topology',
        arcs: [
          [
            [0, 45],
            [1, 45],
            [1, 46],
            [0, 45],
          ],
        ],
        objects: { regions: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: [[0]], id: '24' }] } },
      };
      expect(validateTopology(topology, 'region').ok).to.equal(true);
      const l = layoutMap(topology as unknown as Topology, 'region', 400);
      expect(l.features.map((f) => [f.code, f.nom])).to.deep.equal([['24', '24']]);
      expect(l.insets).to.deep.equal([]);
    });
  });
});

describe('layoutMap: one région alone (focus)', () => {
  let deps: Topology;
  let regs: Topology;
  before(async () => {
    deps = (await (await fetch('/geo/france-departements.topo.json')).json()) as Topology;
    regs = (await (await fetch('/geo/france-regions.topo.json')).json()) as Topology;
  });

  it('draws only the départements of the région, fitted to the width, without insets', () => {
    const full = layoutMap(deps, 'departement', 600);
    const l = layoutMap(deps, 'departement', 600, { focus: '84' });
    expect(l.features.map((f) => f.code).sort()).to.deep.equal([
      '01',
      '03',
      '07',
      '15',
      '26',
      '38',
      '42',
      '43',
      '63',
      '69',
      '73',
      '74',
    ]);
    expect(l.features.every((f) => f.region === '84' && f.group === 'mainland')).to.equal(true);
    expect(l.insets).to.deep.equal([]);
    for (const f of l.features) {
      expect(f.bounds[0][0]).to.be.at.least(0);
      expect(f.bounds[1][0]).to.be.at.most(600);
      expect(f.bounds[1][1]).to.be.at.most(l.height);
    }
    // Zoomed: the Rhône is much larger than on the map of France.
    const area = (layout: typeof l) => layout.features.find((f) => f.code === '69')!.area;
    expect(area(l)).to.be.greaterThan(area(full) * 8);
    // Every département reachable with the keyboard.
    const seen = new Set([0]);
    const queue = [0];
    while (queue.length) {
      const n = l.neighbours[queue.shift()!]!;
      for (const j of [n.up, n.down, n.left, n.right]) if (j >= 0 && !seen.has(j)) (seen.add(j), queue.push(j));
    }
    expect(seen.size).to.equal(l.features.length);
  });

  it('draws an overseas région alone in its own projection', () => {
    const l = layoutMap(regs, 'region', 400, { focus: '04' });
    expect(l.features.map((f) => f.code)).to.deep.equal(['04']);
    expect(l.projections[0]!.type).to.equal('mercator');
    expect(l.features[0]!.area).to.be.greaterThan(400 * 100);
  });

  it('ignores an unknown région', () => {
    expect(layoutMap(regs, 'region', 400, { focus: '99' }).features).to.have.length(18);
  });
});

describe('projected geometry (the default files, projected at build time)', () => {
  const topologies = {} as Record<MapLevel, Topology>;
  const projected = {} as Record<MapLevel, ProjectedGeometry>;
  before(async () => {
    topologies.region = await load('france-regions.topo.json');
    topologies.departement = await load('france-departements.topo.json');
    projected.region = (await (await fetch('/geo/france-regions.projected.json')).json()) as ProjectedGeometry;
    projected.departement = (await (
      await fetch('/geo/france-departements.projected.json')
    ).json()) as ProjectedGeometry;
  });

  it('is what projectGeometry computes from the TopoJSON of each level (the served files are up to date)', () => {
    for (const level of LEVELS) {
      const { source, ...file } = projected[level];
      expect(source).to.match(/ATTRIBUTION\.md/);
      expect(JSON.parse(JSON.stringify(projectGeometry(topologies[level], level)))).to.deep.equal(file);
      expect(isProjectedGeometry(file)).to.equal(true);
      expect(file.type).to.equal(PROJECTED_GEOMETRY_TYPE);
    }
  });

  it('lays out the same map as the TopoJSON, to within 0.2 px, at every width', () => {
    for (const level of LEVELS) {
      for (const width of WIDTHS) {
        const a = layoutMap(topologies[level], level, width);
        const b = layoutMap(projected[level], level, width);
        expect([b.width, b.height, b.arrangement]).to.deep.equal([a.width, a.height, a.arrangement]);
        expect(b.insets.map((i) => [i.id, i.x, i.y, i.width, i.height])).to.deep.equal(
          a.insets.map((i) => [i.id, i.x, i.y, i.width, i.height]),
        );
        expect(b.features.map((f) => [f.id, f.nom, f.region, f.group, f.inset])).to.deep.equal(
          a.features.map((f) => [f.id, f.nom, f.region, f.group, f.inset]),
        );
        b.features.forEach((f, i) => {
          const g = a.features[i]!;
          const near = (x: number, y: number) =>
            expect(Math.abs(x - y), `${level} ${width} ${f.id}`).to.be.at.most(0.21);
          near(f.centroid[0], g.centroid[0]);
          near(f.centroid[1], g.centroid[1]);
          for (const k of [0, 1] as const) for (const j of [0, 1] as const) near(f.bounds[k][j], g.bounds[k][j]);
          expect(Math.abs(f.area - g.area) / g.area).to.be.below(0.01);
          // Same outline, up to simplification choices at the 0.1 px level.
          const points = (d: string) => rings(d).reduce((n, r) => n + r.length, 0);
          expect(Math.abs(points(f.d) - points(g.d)) / points(g.d)).to.be.below(0.1);
        });
      }
    }
    const focus = layoutMap(projected.departement, 'departement', 600, { focus: '84' });
    expect(focus.features.map((f) => f.code)).to.have.length(12);
  });

  it('is accepted by validateGeometry at its own level only, and says what is wrong with a damaged file', () => {
    expect(validateGeometry(projected.region, 'region')).to.deep.equal({ ok: true, geometry: projected.region });
    expect(validateGeometry(topologies.region, 'region')).to.deep.equal({ ok: true, geometry: topologies.region });
    const reason = (value: unknown, level: MapLevel = 'region') => {
      const result = validateGeometry(value, level);
      return result.ok ? '' : result.reason;
    };
    expect(reason(projected.region, 'departement')).to.match(/for level "region", not "departement"/);
    expect(reason({ ...projected.region, version: 2 })).to.match(/version 2/);
    expect(reason({ ...projected.region, precision: 0 })).to.match(/precision/);
    expect(reason({ ...projected.region, shapes: [] })).to.match(/shapes/);
    expect(reason({ ...projected.region, arcs: [[1, 2, 3]] })).to.match(/arc 0/);
    expect(
      reason({
        ...projected.region,
        arcs: projected.region.arcs.map((a, i) => (i === 3 ? [a[0], 'x', ...a.slice(2)] : a)),
      }),
    ).to.match(/arc 3/);
    const shapes = projected.region.shapes.map((sh, i) => (i === 2 ? { ...sh, arcs: [[[9999]]] } : sh));
    expect(reason({ ...projected.region, shapes })).to.match(/shape 2/);
    expect(reason({ type: 'FeatureCollection', features: [] })).to.match(/GeoJSON/);
    expect(() => layoutMap({ ...projected.region, level: 'departement' }, 'region', 400)).to.throw(/level/);
  });
});
