/**
 * The map's data builders, loaded with MapLibre as the map's lazy chunk (d3-geo, polylabel,
 * topojson and the capitals stay out of the page's first script).
 */
export { actorTargetArcs } from '../lib/arcs.ts';
export { allPlaces, incidentPoints, placeLinks, secondaryPlaces } from '../lib/geo.ts';
export { capitalPoints } from '../lib/map-labels.ts';
export { FINE_BASEMAP_ZOOM, loadCoarseBasemap, loadFineBasemap, type MapBasemap } from './map-basemap.ts';
