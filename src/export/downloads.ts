/**
 * The files of a chart's downloads (issue 16 §3), imported by the menu (./export.ts) on the first click, so that a page
 * that never downloads does not load them: the picture as SVG or PNG, with the title, the colour legend, the source and the
 * date in it, and the figures as CSV. A small menu (`<details>`) next to the data-table button of the donut and the
 * map; the list keeps its own CSV export.
 *
 * The picture is drawn from what the widget shows: each shape and text of its SVG with its computed colours and its
 * position on screen, then the legend entries and the footer's lines. The PNG is painted on a canvas from the same
 * items (paths through Path2D), never by loading an image: a strict policy (`img-src 'self'`) refuses `blob:` and
 * `data:` images, not canvas drawing. Fills by pattern (textures, « valeur non renseignée » hatching) are drawn flat
 * grey. Files are named from the title and the day's date (`soutien-par-region-2026-12-06.png`).
 */
import { csvFileName, toCsv } from '../query/csv-export.js';
import type { ExportHost } from './export.js';

/** One item of the picture: a shape (`d`) or a text, with its transform (from its SVG element on screen). */
interface Item {
  /** The transform (none: the identity), stroke, stroke width and opacity (none: 1). */
  m?: number[];
  fill: string;
  stroke?: string;
  sw?: number;
  op?: number;
  d?: string;
  text?: string;
  x?: number;
  y?: number;
  font?: string;
}
/** The picture: its size, background and items (the chart's shapes and texts, the title, legend and footer). */
export interface Picture {
  width: number;
  height: number;
  background: string;
  items: Item[];
}

const PAD = 16;
const flat = (paint: string): string => (paint.startsWith('url') ? '#bbb' : paint);

/** Lines of about the picture's width at `size` px (an average letter is about half as wide as it is high). */
function wrap(text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line.length + word.length) * size * 0.52 > width - 2 * PAD) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

/**
 * The picture of a widget: the title, each shape and text of its chart (SVG) with its computed colours and its
 * position on screen, the colour legend's entries, the footer's lines.
 */
export function picture(host: ExportHost): Picture | undefined {
  const root = host.shadowRoot!;
  const svg = root.querySelector<SVGSVGElement>('svg[part~="chart"]');
  if (!svg) return undefined;
  const { color, fontFamily } = getComputedStyle(host);
  const box = svg.getBoundingClientRect();
  const width = Math.max(320, Math.ceil(box.width) + 2 * PAD);
  const items: Item[] = [];
  const text = (t: string, x: number, y: number, size: number, weight = 400): number => (
    items.push({ fill: color, text: t, x, y, font: `${weight} ${size}px ${fontFamily}` }),
    y
  );
  let y = PAD;
  for (const line of wrap(root.querySelector('[part~="caption"]')?.textContent ?? '', 20, width))
    y = text(line, PAD, y + 20, 20, 700) + 8;
  const cx = (width - box.width) / 2;
  const cy = y + 8;
  for (const el of svg.querySelectorAll<SVGGraphicsElement>('path,circle,rect,use,text,tspan')) {
    const cs = getComputedStyle(el);
    const s = el.getScreenCTM();
    if (!s || el.closest('defs,pattern,clipPath,mask') || cs.display === 'none' || cs.visibility === 'hidden') continue;
    const item: Item = {
      m: [s.a, s.b, s.c, s.d, s.e - box.left + cx, s.f - box.top + cy],
      fill: flat(cs.fill),
      stroke: flat(cs.stroke),
      sw: parseFloat(cs.strokeWidth) || 0,
      op: +cs.opacity,
    };
    const b = el.getBBox();
    const tag = el.localName;
    if (el instanceof SVGTextContentElement) {
      // The element's own text (a <text> and its <tspan> lines are items of their own).
      item.text = [...el.childNodes]
        .filter((c) => c.nodeType === 3)
        .map((c) => c.textContent)
        .join('');
      if (!item.text.trim()) continue;
      const p = el.getStartPositionOfChar(0);
      item.x = p.x;
      item.y = p.y;
      item.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    } else if (tag === 'use') item.d = svg.querySelector(el.getAttribute('href')!)?.getAttribute('d') ?? '';
    else if (tag === 'path') item.d = el.getAttribute('d')!;
    else if (tag === 'rect') item.d = `M${b.x},${b.y}h${b.width}v${b.height}h${-b.width}Z`;
    else item.d = `M${b.x},${b.y + b.height / 2}a1,1 0 0,0 ${b.width},0a1,1 0 0,0 ${-b.width},0`;
    items.push(item);
  }
  y = cy + box.height + 16;
  // The colour legend, one entry a line.
  for (const entry of root.querySelectorAll('[part~="legend-item"]')) {
    const swatch = entry.querySelector('rect,path,circle');
    items.push({
      fill: swatch ? flat(getComputedStyle(swatch).fill) : color,
      stroke: color,
      sw: 0.5,
      d: `M${PAD},${y + 4}h16v16h-16Z`,
    });
    y = text(entry.textContent.replace(/\s+/g, ' ').trim(), PAD + 24, y + 17, 14) + 7;
  }
  for (const p of root.querySelectorAll('[part~="footer"] p'))
    for (const line of wrap(p.textContent.replace(/\s+/g, ' ').trim(), 12, width)) y = text(line, PAD, y + 16, 12);
  return {
    width,
    height: Math.ceil(y + PAD),
    background: host.getAttribute('data-relance-theme') === 'dark' ? '#161616' : '#fff',
    items,
  };
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The picture as an SVG document. */
export function toSvg(p: Picture): string {
  const item = (i: Item): string => {
    // Colours are computed values (rgb(…)) and paths are the widgets' own numbers: only texts need escaping.
    const common = `transform="matrix(${i.m ? i.m.join(' ') : '1 0 0 1 0 0'})" fill="${i.fill}" opacity="${i.op ?? 1}"`;
    return i.text !== undefined
      ? `<text x="${i.x}" y="${i.y}" ${common} style="font:${esc(i.font!)}">${esc(i.text)}</text>`
      : `<path d="${i.d}" ${common} stroke="${i.stroke}" stroke-width="${i.sw}"/>`;
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}"><rect width="100%" height="100%" fill="${p.background}"/>${p.items.map(item).join('')}</svg>`;
}

/** The picture painted on a canvas, at `scale` device pixels per CSS pixel (paths through Path2D, no image loaded). */
export function toCanvas(p: Picture, scale = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = p.width * scale;
  canvas.height = p.height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = p.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const i of p.items) {
    ctx.setTransform(scale, 0, 0, scale, 0, 0);
    ctx.transform(...((i.m ?? [1, 0, 0, 1, 0, 0]) as [number, number, number, number, number, number]));
    ctx.globalAlpha = i.op ?? 1;
    ctx.fillStyle = i.fill === 'none' ? 'transparent' : i.fill;
    ctx.font = i.font ?? '';
    if (i.text !== undefined) ctx.fillText(i.text, i.x!, i.y!);
    else {
      const path = new Path2D(i.d);
      ctx.fill(path);
      ctx.strokeStyle = i.stroke === 'none' ? 'transparent' : i.stroke!;
      ctx.lineWidth = i.sw!;
      if (i.sw) ctx.stroke(path);
    }
  }
  return canvas;
}

function save(blob: Blob, name: string, host: HTMLElement): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  host.shadowRoot!.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}

/** Downloads the picture (`svg`, `png`) or the figures (`csv`: a header row, then the rows). */
export function download(
  host: ExportHost,
  kind: 'svg' | 'png' | 'csv',
  table: () => (string | number | undefined)[][],
): void {
  const name = csvFileName(host.caption || host.localName, new Date()).replace(/csv$/, kind);
  if (kind === 'csv') {
    const [header = [], ...rows] = table();
    const columns = header.map((label, i) => ({
      key: 'nom' as const,
      label: String(label),
      value: (r: unknown) => (r as (string | number | undefined)[])[i],
    }));
    return save(new Blob([toCsv(rows as never[], columns)], { type: 'text/csv;charset=utf-8' }), name, host);
  }
  const p = picture(host);
  if (!p) return;
  if (kind === 'svg') return save(new Blob([toSvg(p)], { type: 'image/svg+xml' }), name, host);
  toCanvas(p).toBlob((blob) => blob && save(blob, name, host), 'image/png');
}
