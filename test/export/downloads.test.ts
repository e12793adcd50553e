/**
 * Downloads of the donut and the map (src/export/export.ts): the files are read back. The SVG parses and holds the
 * title, every legend entry, the source and the date, and a shape per slice or territory; the PNG is the picture's
 * size at two device pixels per CSS pixel, and not blank; the CSV has a header and one row per status or territory.
 * Files are named from the title and the day's date.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/all.js';

type Widget = HTMLElement & {
  dataStatus?: string;
  geometryStatus?: string;
  updateComplete: Promise<boolean>;
  lang: string;
};
const DATA = JSON.stringify({
  meta: { source: 'Ministère de l’Économie (test)', updated: '2021-12-21' },
  laureats: [
    { nom: 'Atelier A', statut: 'association', region: '84', departement: '69', montant: 250000, emplois: 3 },
    { nom: 'Atelier B', statut: 'association', region: '11', departement: '75', montant: 150000, emplois: 4 },
    { nom: 'Coopérative C', statut: 'cooperative', region: '11', departement: '92', montant: 120000, emplois: 2 },
    { nom: 'Fondation D', statut: 'fondation', region: '04', departement: '974', montant: 600000, emplois: 9 },
  ],
});

/** Clicks a download button and returns the file (its name and content). */
async function download(el: Widget, kind: 'svg' | 'png' | 'csv'): Promise<{ name: string; blob: Blob }> {
  const blobs: Blob[] = [];
  const names: string[] = [];
  const create = sinon
    .stub(URL, 'createObjectURL')
    .callsFake((b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:test'));
  const revoke = sinon.stub(URL, 'revokeObjectURL');
  const click = sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  try {
    const menu = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="downloads"]')!;
    if (!menu.open) menu.querySelector('summary')!.click();
    await waitUntil(() => menu.open, 'menu open');
    el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="download-${kind}"]`)!.click();
    await waitUntil(() => names.length === 1, `${kind} downloaded`);
    return { name: names[0]!, blob: blobs[0]! };
  } finally {
    create.restore();
    revoke.restore();
    click.restore();
  }
}

async function readBack(el: Widget, shapes: number, legend: string[], rows: number): Promise<void> {
  const day = /\d{4}-\d{2}-\d{2}/.source;
  // SVG: parses, holds the title, the legend, the source and the date.
  const svg = await download(el, 'svg');
  expect(svg.name).to.match(new RegExp(`^soutien-par-statut-${day}\\.svg$|^soutien-par-region-${day}\\.svg$`));
  expect(svg.blob.type).to.equal('image/svg+xml');
  const doc = new DOMParser().parseFromString(await svg.blob.text(), 'image/svg+xml');
  expect(doc.querySelector('parsererror')).to.equal(null);
  const root = doc.documentElement;
  expect(root.localName).to.equal('svg');
  const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
  expect(texts[0]).to.equal(el.getAttribute('caption'));
  for (const entry of legend)
    expect(
      texts.some((t) => t.includes(entry)),
      `legend entry ${entry}`,
    ).to.equal(true);
  expect(texts.some((t) => t.includes('Ministère de l’Économie (test)'))).to.equal(true);
  expect(texts.some((t) => t.includes('21 décembre 2021'))).to.equal(true);
  expect(doc.querySelectorAll('path').length).to.be.at.least(shapes);
  const width = Number(root.getAttribute('width'));
  const height = Number(root.getAttribute('height'));
  expect(width).to.be.at.least(el.shadowRoot!.querySelector('svg[part~="chart"]')!.getBoundingClientRect().width);

  // PNG: the same picture, two device pixels per CSS pixel, not blank.
  const png = await download(el, 'png');
  expect(png.name).to.equal(svg.name.replace(/svg$/, 'png'));
  expect(png.blob.type).to.equal('image/png');
  const bitmap = await createImageBitmap(png.blob);
  expect([bitmap.width, bitmap.height]).to.deep.equal([width * 2, height * 2]);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const colours = new Set<number>();
  for (let i = 0; i < pixels.length; i += 4 * 97)
    colours.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
  expect(colours.size, 'colours in the PNG').to.be.above(5);

  // CSV: a header, one row per status or territory.
  const csv = await download(el, 'csv');
  expect(csv.name).to.equal(svg.name.replace(/svg$/, 'csv'));
  const lines = (await csv.blob.text())
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines).to.have.length(rows + 1);
}

describe('downloads of a chart: SVG, PNG, CSV', function () {
  this.timeout(30_000);
  afterEach(() => sinon.restore());

  it('the donut', async () => {
    const el = await fixture<Widget>(
      html`<relance-funding-donut caption="Soutien par statut" data=${DATA}></relance-funding-donut>`,
    );
    await waitUntil(() => el.dataStatus === 'ready', 'ready');
    await el.updateComplete;
    await readBack(el, 3, ['Associations', 'Coopérative', 'Fondation'], 3);
    const csv = await download(el, 'csv');
    expect(
      (await csv.blob.text())
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .slice(0, 2),
    ).to.deep.equal(['Statut;Lauréats;Soutien de l’État;Emplois', 'Associations;2;400000;7']);
  });

  it('the map, in a group, in English', async () => {
    const el = await fixture<Widget>(
      html`<relance-territory-map caption="Soutien par région" metric="montant" data=${DATA}></relance-territory-map>`,
    );
    await waitUntil(() => el.dataStatus === 'ready' && el.geometryStatus === 'ready', 'ready', { timeout: 15_000 });
    await el.updateComplete;
    await readBack(el, 18, ['Aucun lauréat'], 3);
    el.lang = 'en';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="downloads"] summary')!.textContent).to.equal('Download');
    const csv = await download(el, 'csv');
    expect((await csv.blob.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).to.equal(
      'Code;region;Laureates;State support;Jobs',
    );
  });

  it('says in the menu, in French, when a file cannot be made, and makes it when asked again', async () => {
    const el = await fixture<Widget>(
      html`<relance-funding-donut caption="Soutien par statut" data=${DATA}></relance-funding-donut>`,
    );
    await waitUntil(() => el.dataStatus === 'ready', 'ready');
    await el.updateComplete;
    const errors = sinon.stub(console, 'error');
    const create = sinon.stub(URL, 'createObjectURL').throws(new Error('quota'));
    const menu = el.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="downloads"]')!;
    menu.open = true;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="download-csv"]')!.click();
    await waitUntil(() => menu.querySelector('.downloads-failed'), 'failure shown');
    expect(menu.querySelector('.downloads-failed')!.textContent).to.equal(
      'Le fichier n’a pas pu être préparé. Réessayez plus tard.',
    );
    expect(errors.calledWithMatch(/<relance-funding-donut>: the csv file could not be made/)).to.equal(true);
    create.restore();
    errors.restore();
    const csv = await download(el, 'csv');
    expect(csv.name).to.match(/^soutien-par-statut-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(menu.querySelector('.downloads-failed')).to.equal(null);
  });
});
