import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { getStorybookHelpers } from '@wc-toolkit/storybook-helpers';
import communique from '../data/communique-2021-12-21.json';
import demo from '../data/demo/laureats-fictifs.json';

const { args, argTypes, template } = getStorybookHelpers('relance-territory-map');

/** Storybook serves the geometry at /geo/ (the package finds it next to its module by default). */
const REGIONS = '/geo/france-regions.topo.json';
const DEPARTEMENTS = '/geo/france-departements.topo.json';
const FICTIFS = JSON.stringify(demo);
const FICTIVE = { data: FICTIFS, source: undefined, 'source-url': undefined, updated: undefined };

/**
 * `<relance-territory-map>` answers « where did the money go »: France by région or département, the five overseas
 * régions in labelled insets, a choropleth in a perceptual ramp of DSFR blues (every class 3:1 against the page,
 * territories parted by borders of the page's colour, class limits rounded and the method said under the legend),
 * « aucun lauréat » in flat grey, optional proportional symbols for a second measure, a tooltip, and a data table.
 * In Windows contrast themes (forced colours) the classes become patterns of the system colours.
 *
 * ```html
 * <script type="module" src="https://unpkg.com/france-relance-widgets/cdn/france-relance-widgets.js"></script>
 * <relance-territory-map caption="Soutien de l’État par région" symbols="emplois" src="/fichiers/laureats.csv">
 * </relance-territory-map>
 * ```
 *
 * The geometry (IGN ADMIN EXPRESS COG, Licence Ouverte 2.0) is loaded once per page from the `geo/` folder next to
 * the script; `geometry="…"` points elsewhere. Values can also be given directly: `data='{"84": 3, "02": 2}'`.
 *
 * Keyboard: Tab reaches the map, arrow keys move to the neighbouring territory, Home and End to the first and last,
 * Enter or Space selects, Escape closes the tooltip then clears the selection.
 */
const meta: Meta = {
  title: 'Widgets/Carte des territoires',
  id: 'widgets-territory-map',
  component: 'relance-territory-map',
  args: {
    ...args,
    geometry: REGIONS,
    caption: 'Régions où des lauréats sont présents',
    data: JSON.stringify(communique),
    source: communique.meta.source,
    'source-url': communique.meta.sourceUrl,
    updated: '2021-12-21',
  },
  argTypes,
  render: (a) => template(a),
};
export default meta;
type Story = StoryObj;

/**
 * The official presence map: the press release lists where laureates are (the 13 metropolitan régions, Martinique
 * and La Réunion) without figures per région, so the map shows presence, never invented numbers.
 */
export const PresenceOfficielle: Story = { name: 'Présence officielle (communiqué)' };

/** 44 fictitious laureates: colour for the state support, circles (area ∝ value) for the jobs. */
export const MontantEtEmplois: Story = {
  name: 'Montant et emplois (lauréats fictifs)',
  args: {
    ...FICTIVE,
    caption: 'Soutien de l’État et emplois par région – données de démonstration',
    symbols: 'emplois',
  },
};

/** Département level, with Paris and the petite couronne in a zoom inset. */
export const Departements: Story = {
  name: 'Départements',
  args: {
    ...FICTIVE,
    geometry: DEPARTEMENTS,
    level: 'departement',
    caption: 'Soutien de l’État par département – données de démonstration',
  },
};

/** `selected="84"`: one région selected (the attribute follows the user's selection). */
export const RegionSelectionnee: Story = {
  name: 'Une région sélectionnée',
  args: { ...FICTIVE, selected: '84', caption: 'Soutien de l’État par région – données de démonstration' },
};

/** Classes of equal width (`scale="equal"`): a round width, said under the legend. */
export const Amplitude: Story = {
  name: 'Classes d’égale amplitude',
  args: { ...FICTIVE, scale: 'equal', caption: 'Soutien de l’État par région – données de démonstration' },
};

/** Numbers of laureates: classes of whole numbers, « de 3 à 4 lauréats ». */
export const Laureats: Story = {
  name: 'Nombre de lauréats',
  args: { ...FICTIVE, metric: 'laureats', caption: 'Lauréats par région – données de démonstration' },
};

/** Given thresholds instead of quantiles (`thresholds="500000 1000000 2000000"`). */
export const Seuils: Story = {
  name: 'Classes par seuils',
  args: {
    ...FICTIVE,
    thresholds: '500000 1000000 2000000',
    caption: 'Soutien de l’État par région – données de démonstration',
  },
};

/** `lang="en"`: texts and numbers in English (territory names stay the official French ones). */
export const English: Story = {
  args: {
    ...FICTIVE,
    lang: 'en',
    symbols: 'emplois',
    caption: 'State support and jobs by region – demonstration data',
  },
};

/** DSFR dark theme: the ramp goes from a mid blue to the lightest, so that more is always more contrast. */
export const ThemeSombre: Story = {
  name: 'Thème sombre',
  args: {
    ...FICTIVE,
    theme: 'dark',
    symbols: 'emplois',
    caption: 'Soutien de l’État et emplois par région – données de démonstration',
  },
  globals: { theme: 'dark' },
};

/** A 300 px column: the overseas insets go under the mainland, the legend under the map. */
export const ColonneEtroite: Story = {
  name: 'Colonne étroite (300 px)',
  args: { ...FICTIVE, caption: 'Soutien par région' },
  decorators: [(story) => html`<div class="story-narrow">${story()}</div>`],
};

/** The geometry cannot be loaded: a clear message inside the widget, and the data table still works. */
export const EchecFondDeCarte: Story = {
  name: 'Échec du fond de carte',
  args: {
    ...FICTIVE,
    geometry: '/geo/introuvable.topo.json',
    caption: 'Soutien de l’État par région – données de démonstration',
  },
};
