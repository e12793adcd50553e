/** @jsxImportSource preact */
// Preact with france-relance-widgets/jsx/preact: compiled by test/node/jsx-types.test.mjs (see react.tsx).
import type {} from 'france-relance-widgets/jsx/preact';

export function Map() {
  return (
    <div>
      <relance-territory-map
        src="/laureats.csv"
        level="region"
        scale="threshold"
        thresholds={[1, 2]}
        onrelance-select={(e) => console.log(e.detail.label)}
      ></relance-territory-map>
      {/* @ts-expect-error an attribute the donut does not have */}
      <relance-funding-donut level="region"></relance-funding-donut>
      {/* @ts-expect-error a metric that does not exist */}
      <relance-funding-donut metric="euros"></relance-funding-donut>
    </div>
  );
}
