// React 19 with france-relance-widgets/jsx/react: compiled by test/node/jsx-types.test.mjs (tsc, strict). Each line
// marked @ts-expect-error must be an error; the test also compiles this file without those marks and checks that each
// of these lines, and only they, fail.
import type {} from 'france-relance-widgets/jsx/react';
import type { RelanceSelectDetail } from 'france-relance-widgets';

export function Dashboard({ rows }: { rows: object[] }) {
  const onSelect = (event: CustomEvent<RelanceSelectDetail>) => console.log(event.detail.code, event.detail.selected);
  return (
    <>
      <relance-dataset group="ess" src="/laureats.json" fictitious></relance-dataset>
      <relance-key-figures group="ess" figures="laureats,montant" heading-level={3}></relance-key-figures>
      <relance-territory-map
        group="ess"
        level="departement"
        metric="montant"
        symbols="emplois"
        thresholds={[500000, 1000000]}
        show-table
        onrelance-select={onSelect}
      ></relance-territory-map>
      <relance-funding-donut
        data={rows}
        labels="callouts"
        className="donut"
        onrelance-data-error={(e) => console.log(e.detail.code)}
      ></relance-funding-donut>
      <relance-laureate-list
        group="ess"
        page-size={10}
        layout="cards"
        sortDirection="descending"
        onrelance-sort-change={(e) => console.log(e.detail.column)}
      ></relance-laureate-list>
      {/* @ts-expect-error an attribute the map does not have */}
      <relance-territory-map niveau="region"></relance-territory-map>
      {/* @ts-expect-error a value the map does not take */}
      <relance-territory-map level="commune"></relance-territory-map>
      {/* @ts-expect-error the detail of relance-select has no `nom` */}
      <relance-funding-donut onrelance-select={(e) => e.detail.nom}></relance-funding-donut>
    </>
  );
}
