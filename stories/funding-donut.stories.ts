import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getStorybookHelpers } from '@wc-toolkit/storybook-helpers';
import communique from '../data/communique-2021-12-21.json';
import demo from '../data/demo/laureats-fictifs.json';

const { args, argTypes, template } = getStorybookHelpers('relance-funding-donut');

/** The official figures of the press release: totals by status, as a webmaster would paste them. */
const OFFICIAL = JSON.stringify(communique.statuts);
const SOURCE = communique.meta.source;
const SOURCE_URL = communique.meta.sourceUrl;

/**
 * `<relance-funding-donut>` shows state support by legal status, from laureate rows or from totals.
 *
 * ```html
 * <script type="module" src="https://unpkg.com/france-relance-widgets/cdn/france-relance-widgets.js"></script>
 * <relance-funding-donut caption="Soutien de l’État par statut"
 *   data='[{"statut":"association","laureats":31,"montant":13400000},{"statut":"cooperative","laureats":12,"montant":3200000},{"statut":"fondation","laureats":1,"montant":600000}]'>
 * </relance-funding-donut>
 * ```
 *
 * Keyboard: Tab reaches the slices, arrow keys move between them, Enter or Space selects, Escape closes the
 * tooltip then clears the selection. « Afficher le tableau de données » shows the same figures as a table.
 */
const meta: Meta = {
  title: 'Widgets/Donut du soutien par statut',
  component: 'relance-funding-donut',
  args: {
    ...args,
    caption: 'Soutien de l’État par statut juridique',
    data: OFFICIAL,
    source: SOURCE,
    'source-url': SOURCE_URL,
    updated: '2021-12-21',
  },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/** The official figures (communiqué n° 1843 of 21 December 2021), amount of state support. */
export const ChiffresOfficielsMontant: Story = { name: 'Chiffres officiels – montant' };

/** The same figures by number of laureates (31 associations, 12 coopératives, 1 fondation). */
export const ChiffresOfficielsNombre: Story = {
  name: 'Chiffres officiels – nombre de lauréats',
  args: { metric: 'laureats', caption: 'Lauréats par statut juridique' },
};

/** 44 fictitious laureates whose totals reproduce the official ones; the widget says they are fictitious. */
export const LaureatsFictifs: Story = {
  name: 'Lauréats fictifs (44 lignes)',
  args: {
    data: JSON.stringify(demo),
    caption: 'Soutien par statut – données de démonstration',
    source: undefined,
    'source-url': undefined,
    updated: undefined,
  },
};

/** `lang="en"` on the element (or any ancestor, or `<html>`): texts and numbers in English. */
export const English: Story = {
  args: { lang: 'en', caption: 'State support by legal status' },
};

/** DSFR dark theme (`data-fr-theme="dark"` on `<html>`), forced here with `theme="dark"`. */
export const ThemeSombre: Story = {
  name: 'Thème sombre',
  args: { theme: 'dark' },
  globals: { theme: 'dark' },
};

/**
 * `labels="callouts"`: each slice named beside it (name, share, amount) with a leader line, instead of the legend,
 * when the width allows; narrower, the legend comes back. Either callouts or a legend, never both.
 */
export const Etiquettes: Story = { name: 'Étiquettes autour de l’anneau', args: { labels: 'callouts' } };

/** Textures on slices and swatches, so that colour is not needed to tell statuses apart. */
export const Motifs: Story = { name: 'Motifs (sans couleur)', args: { patterns: true } };

/** No data: the widget says so instead of drawing an empty circle. */
export const SansDonnees: Story = { name: 'Aucune donnée', args: { data: '', caption: 'Soutien par statut' } };

/** Invalid JSON pasted by an editor: a clear French message inside the widget, an event and a console error. */
export const DonneesInvalides: Story = {
  name: 'Données invalides',
  args: { data: '[{"statut": "association", "montant": 13400000,}]' },
};

/** Some rows are unusable: valid rows are drawn, ignored rows and values are listed. */
export const LignesIgnorees: Story = {
  name: 'Lignes ignorées',
  args: {
    data: JSON.stringify([
      { nom: 'Atelier fictif A', statut: 'association', montant: 900000 },
      { statut: 'association', montant: 50000 },
      { nom: 'Coopérative fictive B', statut: 'SCOP', montant: '350 000 €' },
      { nom: 'Fondation fictive C', statut: 'Fondation', montant: 'beaucoup' },
    ]),
    fictitious: true,
    caption: 'Soutien par statut – données de démonstration',
    source: undefined,
    'source-url': undefined,
    updated: undefined,
  },
};

/** Loaded from a CSV file (`src`), with a loading state; the CSV uses « ; », a BOM and amounts like « 1 250 000 € ». */
export const DepuisUnFichier: Story = {
  name: 'Chargement depuis src (CSV)',
  args: {
    data: undefined,
    src: '/data/demo/laureats-fictifs.csv',
    fictitious: true,
    source: undefined,
    'source-url': undefined,
    updated: undefined,
  },
};

/** A file that cannot be loaded: the error names the problem and offers a retry. */
export const FichierIntrouvable: Story = {
  name: 'Fichier introuvable',
  args: { data: undefined, src: '/data/introuvable.json' },
};

/** A 300 px column, as on a phone or in a CMS sidebar: labels move inside the ring, legend below. */
export const ColonneEtroite: Story = {
  name: 'Colonne étroite (300 px)',
  decorators: [(story) => html`<div class="story-narrow">${story()}</div>`],
};
