/**
 * What the map needs once MapLibre is there, loaded with it as the map's lazy chunk: the data
 * builders (d3-geo, polylabel, topojson, the capitals), the style and the pointer and read-back
 * code stay out of the page's first script.
 */
export { actorTargetArcs } from '../lib/arcs.ts';
export { allPlaces, incidentPoints, placeLinks, secondaryPlaces } from '../lib/geo.ts';
export { capitalPoints } from '../lib/map-labels.ts';
export { IncidentPointCache } from '../lib/map-points.ts';
export { FINE_BASEMAP_ZOOM, loadCoarseBasemap, loadFineBasemap, type MapBasemap } from './map-basemap.ts';
export { listenToPointer } from './map-pointer.ts';
export { MapSketch } from './map-sketch.ts';
export { readRendered } from './map-rendered.ts';
export { buildMapStyle, overlayStyle, themePaint } from './map-style.ts';
