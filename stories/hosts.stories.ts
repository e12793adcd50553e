import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import '../demo/hosts.css';

/**
 * The widgets in the containers webmasters drop them into (the same cases as `demo/hosts.html`, tested at 320, 768
 * and 1280 px by `test/hosts.test.ts`): a flex row, a layout-table cell, an inline-block, a grid `auto` column, a
 * centred `fit-content` box and DSFR's two- and three-column grids. In a box that shrinks to its content, a widget
 * takes its preferred width (40rem; 48rem for the key figures and the list; `--relance-preferred-width` changes it),
 * and down to 15rem when space is short; in a column, it fills the column.
 */
const meta: Meta = {
  title: 'Pages/Conteneurs de page',
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

const SRC = '/data/demo/laureats-fictifs.json';
const cases = (widget: (where: string) => TemplateResult) => html`<div class="hosts fr-container fr-py-4w">
  <h2 class="fr-h6">Une rangée flex</h2>
  <div class="host-flex">${widget('rangée flex')}<p class="host-aside">Encadré voisin.</p></div>
  <h2 class="fr-h6">Une cellule de tableau de mise en page</h2>
  <table class="host-table">
    <tr>
      <td>${widget('cellule de tableau')}</td>
    </tr>
    <tr>
      <td class="host-aside">Ligne suivante du tableau.</td>
    </tr>
  </table>
  <h2 class="fr-h6">Une boîte inline-block</h2>
  <div class="host-inline">${widget('inline-block')}</div>
  <h2 class="fr-h6">Une colonne de grille « auto »</h2>
  <div class="host-grid-auto">${widget('colonne auto')}<p class="host-aside">Colonne voisine.</p></div>
  <h2 class="fr-h6">Un bloc centré ajusté au contenu</h2>
  <div class="host-fit">${widget('bloc centré')}</div>
  <h2 class="fr-h6">Deux colonnes de la grille DSFR</h2>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-6">${widget('deux colonnes')}</div>
    <div class="fr-col-12 fr-col-md-6"><p class="host-aside">Seconde colonne.</p></div>
  </div>
  <h2 class="fr-h6">Trois colonnes de la grille DSFR</h2>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-4">${widget('trois colonnes')}</div>
    <div class="fr-col-12 fr-col-md-4"><p class="host-aside">Deuxième colonne.</p></div>
    <div class="fr-col-12 fr-col-md-4"><p class="host-aside">Troisième colonne.</p></div>
  </div>
</div>`;

export const ChiffresCles: Story = {
  name: 'Chiffres clés',
  render: () =>
    cases(
      (where) => html`<relance-key-figures caption=${`Chiffres clés (${where})`} src=${SRC}></relance-key-figures>`,
    ),
};
export const Anneau: Story = {
  name: 'Anneau',
  render: () =>
    cases(
      (where) =>
        html`<relance-funding-donut caption=${`Soutien par statut (${where})`} src=${SRC}></relance-funding-donut>`,
    ),
};
export const Carte: Story = {
  name: 'Carte',
  render: () =>
    cases(
      (where) =>
        html`<relance-territory-map caption=${`Lauréats par région (${where})`} metric="laureats" src=${SRC} geometry="/geo/france-regions.topo.json"></relance-territory-map>`,
    ),
};
export const Liste: Story = {
  name: 'Liste',
  render: () =>
    cases(
      (where) =>
        html`<relance-laureate-list caption=${`Lauréats (${where})`} page-size="5" src=${SRC}></relance-laureate-list>`,
    ),
};
