import type { GeometryErrorDetail } from '../components/territory-map/geometry.js';

/** `relance-geometry-error`: the map's geometry could not be loaded or read; the map shows the message. */
export class RelanceGeometryErrorEvent extends CustomEvent<GeometryErrorDetail> {
  static readonly type = 'relance-geometry-error';
  constructor(detail: GeometryErrorDetail) {
    super(RelanceGeometryErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}
