import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getStorybookHelpers } from '@wc-toolkit/storybook-helpers';
import demo from '../data/demo/laureats-fictifs.json';

const { args, argTypes, template } = getStorybookHelpers('relance-laureate-list');

type Row = (typeof demo.laureats)[number];

/**
 * `n` fictitious laureates for volume stories: the 44 demo rows repeated, each copy numbered
 * (« … – copie 12 »), amounts varied. Names still say they are fictitious.
 */
function fictitiousRows(n: number): { meta: typeof demo.meta; laureats: Row[] } {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const base = demo.laureats[i % demo.laureats.length]!;
    const copy = Math.floor(i / demo.laureats.length);
    rows.push(
      copy === 0
        ? base
        : {
            ...base,
            nom: `${base.nom} – copie ${copy}`,
            montant: Math.round((base.montant * (0.5 + ((i * 7919) % 1000) / 1000)) / 1000) * 1000,
          },
    );
  }
  return { meta: { ...demo.meta, title: `${n} lauréats fictifs` }, laureats: rows };
}

/**
 * `<relance-laureate-list>`: who got what, where, for which project. Search (case and accents do not
 * matter), filters by status, région and département, sort by any column, pages, the project of each
 * row, totals, CSV export of the current rows. Cards on narrow containers.
 *
 * ```html
 * <relance-laureate-list caption="Les lauréats" src="/fichiers/laureats.json"></relance-laureate-list>
 * ```
 */
const meta: Meta = {
  title: 'Widgets/Liste des lauréats',
  component: 'relance-laureate-list',
  args: { ...args, caption: 'Les lauréats du programme', data: JSON.stringify(demo) },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** The 44 fictitious laureates, as a ministry page would show the official list. */
export const QuaranteQuatreLaureats: Story = { name: '44 lauréats (fictifs)' };

/** A prefecture page: `region="84"` shows Auvergne-Rhône-Alpes only (the user can clear the filter). */
export const UneRegion: Story = {
  name: 'Une seule région',
  args: { region: '84', caption: 'Les lauréats en Auvergne-Rhône-Alpes' },
};

/** 3 080 rows, the size of the whole open dataset « plan-de-relance ». */
export const TroisMilleLignes: Story = {
  name: '3 080 lignes',
  render: (a) =>
    html`<relance-laureate-list caption=${a['caption'] as string} .data=${fictitiousRows(3080)}></relance-laureate-list>`,
};

/** 100 000 rows: the DOM holds one page; search is ready shortly after the first page is shown. */
export const CentMilleLignes: Story = {
  name: '100 000 lignes',
  render: (a) =>
    html`<relance-laureate-list caption=${a['caption'] as string} .data=${fictitiousRows(100_000)}></relance-laureate-list>`,
};

/** English (`lang="en"`). */
export const English: Story = { args: { lang: 'en', caption: 'Laureates' } };

/** DSFR dark theme. */
export const ThemeSombre: Story = { name: 'Thème sombre', args: { theme: 'dark' }, globals: { theme: 'dark' } };

/** A 360 px column: rows become cards, nothing scrolls sideways. */
export const Etroit: Story = {
  name: 'Colonne étroite (cartes)',
  decorators: [(story) => html`<div class="story-narrow">${story()}</div>`],
};

/** No laureate. */
export const Vide: Story = { name: 'Aucun lauréat', args: { data: '[]' } };

/** Invalid data: the message says what is wrong; rows that can be read are shown. */
export const DonneesInvalides: Story = {
  name: 'Données invalides',
  args: {
    data: JSON.stringify([
      { nom: 'Atelier fictif A', statut: 'association', region: '84', montant: 120000 },
      { statut: 'association', montant: 50000 },
      { nom: 'Coopérative fictive <b>B</b>', statut: 'SCOP', region: 'Atlantide', montant: 'beaucoup' },
    ]),
    fictitious: true,
  },
};

/** A file that cannot be loaded. */
export const FichierIntrouvable: Story = {
  name: 'Fichier introuvable',
  args: { data: undefined, src: '/data/introuvable.csv' },
};
