import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import sinon from 'sinon';
import type { GeometryErrorDetail } from '../components/territory-map/geometry.js';
import { clearGeometryCache } from '../components/territory-map/geometry.js';
import { defaultGeometryUrl } from '../geo-url.js';
import { GeometryController } from './geometry.js';

/** A host that counts its update requests. */
function host(): ReactiveControllerHost & { updates: number } {
  const h = {
    updates: 0,
    addController: (_c: ReactiveController) => undefined,
    removeController: () => undefined,
    requestUpdate: () => void h.updates++,
    updateComplete: Promise.resolve(true),
  };
  return h;
}

/** A TopoJSON topology of one square région, « 84 ». */
const SQUARE = {
  type: 'Topology',
  arcs: [
    [
      [4, 45],
      [5, 45],
      [5, 46],
      [4, 46],
      [4, 45],
    ],
  ],
  objects: {
    regions: {
      type: 'GeometryCollection',
      geometries: [{ type: 'Polygon', arcs: [[0]], properties: { code: '84', nom: 'Auvergne-Rhône-Alpes' } }],
    },
  },
};

let run = 0;
/** A fault URL of the test server; `once-…` faults get a key of their own (the server counts requests by key). */
const fault = (kind: string, arg: string, file: string) =>
  `/__faults/${kind}/${kind.startsWith('once-') ? `geometry-${Date.now()}-${++run}~` : ''}${arg}/${file}`;

describe('GeometryController', () => {
  let errors: GeometryErrorDetail[];
  const controller = (h = host()) => {
    errors = [];
    return new GeometryController(h, {
      timeout: () => 5000,
      message: (d) => `message ${d.code}`,
      onError: (d) => errors.push(d),
    });
  };
  beforeEach(() => clearGeometryCache());

  // First: the map's geometry code is not imported yet in this page.
  it('checks a usable object once the map’s geometry code, imported with the first geometry of the page, is there', async () => {
    const h = host();
    const geo = controller(h);
    expect(geo.engine).to.equal(undefined);
    geo.sync(SQUARE, 'region');
    expect(geo.state.status).to.equal('loading');
    // Its modules, served one by one to this page, compiled on their first request.
    await waitUntil(() => geo.state.status !== 'loading', 'checked', { timeout: 10_000 });
    expect(geo.state).to.deep.equal({ status: 'ready', geometry: SQUARE });
    expect(geo.engine!.layoutMap).to.be.a('function');
    expect(h.updates).to.equal(1);
    expect(errors).to.deep.equal([]);
  });

  it('is ready at once with a usable object, in error with an unusable one (reported once, with its message)', () => {
    const geo = controller();
    geo.sync(SQUARE, 'region');
    expect(geo.state).to.deep.equal({ status: 'ready', geometry: SQUARE });
    geo.sync({ type: 'FeatureCollection', features: [] }, 'region');
    expect(geo.state.status).to.equal('error');
    expect(errors).to.have.length(1);
    expect(errors[0]).to.deep.include({ code: 'invalid-topology', message: 'message invalid-topology' });
    expect(errors[0]!.details).to.contain('GeoJSON');
    // The same object at another level: checked again (no « departements » in it).
    geo.sync(SQUARE, 'departement');
    expect(geo.state.status).to.equal('error');
    expect(errors).to.have.length(2);
  });

  it('loads a URL (the package’s file of the level by default) once, and updates the host when it comes', async () => {
    const h = host();
    const geo = controller(h);
    const fetch = sinon.spy(window, 'fetch');
    try {
      geo.sync(undefined, 'region');
      expect(geo.state.status).to.equal('loading');
      // The first request of a run: the test server projects the file then (see scripts/copy-geo.mjs).
      await waitUntil(() => geo.state.status !== 'loading', 'loaded', { timeout: 10_000 });
      expect(geo.state.status, JSON.stringify(errors)).to.equal('ready');
      expect(h.updates).to.equal(1);
      expect(fetch.firstCall.args[0]).to.equal(new URL(defaultGeometryUrl('region'), document.baseURI).href);
      // Nothing new: nothing done.
      geo.sync('  ', 'region');
      geo.sync(undefined, 'region');
      expect(fetch.callCount).to.equal(1);
      // Loaded already (by any map of the page): ready at once.
      const other = controller();
      other.sync(undefined, 'region');
      expect(other.state.status).to.equal('ready');
      expect(fetch.callCount).to.equal(1);
    } finally {
      fetch.restore();
    }
  });

  it('ignores an answer to an older request', async () => {
    const geo = controller();
    // The older answer is slow and broken: if it won, the state would be an error.
    geo.sync(fault('slow', '300', 'data/demo/laureats-fictifs.csv'), 'region');
    geo.sync(SQUARE, 'region');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(geo.state).to.deep.equal({ status: 'ready', geometry: SQUARE });
    expect(errors).to.deep.equal([]);
  });

  it('reports a failed request, and loads it again after reload()', async () => {
    const h = host();
    const geo = controller(h);
    const url = fault('once-status', '404', 'geo/france-regions.topo.json');
    geo.sync(url, 'region');
    await waitUntil(() => geo.state.status === 'error', 'failed', { timeout: 5000 });
    expect(errors.map((e) => [e.code, e.status])).to.deep.equal([['http', 404]]);
    geo.sync(url, 'region');
    expect(geo.state.status).to.equal('error');
    geo.reload();
    expect(h.updates).to.equal(2);
    geo.sync(url, 'region');
    expect(geo.state.status).to.equal('loading');
    await waitUntil(() => geo.state.status === 'ready', 'loaded after reload', { timeout: 5000 });
  });
});
