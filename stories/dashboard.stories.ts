import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';

/**
 * Linked widgets: one `<relance-dataset>` declares the data once, every widget with the same `group`
 * uses it, and a selection in one (a région on the map, a status on the donut, a search or filter in
 * the list) filters the others. A bar in each widget shows the filter and clears it; screen readers
 * hear the new filter from the widget where the user acted.
 *
 * ```html
 * <relance-dataset group="ess" src="/fichiers/laureats.json"></relance-dataset>
 * <relance-key-figures group="ess"></relance-key-figures>
 * <relance-territory-map group="ess" metric="montant" symbols="emplois"></relance-territory-map>
 * <relance-funding-donut group="ess"></relance-funding-donut>
 * <relance-laureate-list group="ess"></relance-laureate-list>
 * ```
 */
const meta: Meta = {
  title: 'Pages/Tableau de bord',
  parameters: { layout: 'fullscreen' },
};
export default meta;
type Story = StoryObj;

const dashboard = (group: string, scope?: string) => html`<div class="fr-container fr-py-4w">
  <relance-dataset group=${group} region=${scope ?? ''} src="/data/demo/laureats-fictifs.json"></relance-dataset>
  <relance-key-figures group=${group} caption="Chiffres de la sélection"></relance-key-figures>
  <div class="fr-grid-row fr-grid-row--gutters fr-mt-2w">
    <div class="fr-col-12 fr-col-lg-7">
      <relance-territory-map
        group=${group}
        caption="Soutien par ${scope ? 'département' : 'région'}"
        level=${scope ? 'departement' : 'region'}
        region=${scope ?? ''}
        metric="montant"
        symbols="emplois"
        geometry=${scope ? '/geo/france-departements.topo.json' : '/geo/france-regions.topo.json'}
      ></relance-territory-map>
    </div>
    <div class="fr-col-12 fr-col-lg-5">
      <relance-funding-donut group=${group} caption="Soutien par statut"></relance-funding-donut>
    </div>
  </div>
  <relance-laureate-list class="fr-mt-4w" group=${group} caption="Les lauréats"></relance-laureate-list>
</div>`;

/** 44 fictitious laureates, every widget linked. Click a région, a status, or search in the list. */
export const TableauDeBord: Story = { name: 'Tableau de bord', render: () => dashboard('sb-ess') };

/** A prefecture page: `region="84"` on `<relance-dataset>` and on the map, nothing else. */
export const UneRegion: Story = { name: 'Une région (préfecture)', render: () => dashboard('sb-ara', '84') };
