/**
 * What the export menu writes, loaded when an export is asked for: the first view of the atlas
 * does not need the formatters or the picture code.
 */
export { colourKey } from '../lib/colour-key.ts';
export { formatIncidentsCsv } from '../lib/export-csv.ts';
export { formatIncidentsGeojson, formatIncidentsJson } from '../lib/export-json.ts';
export { canvasToPng, composeSnapshot, readTimeline } from './snapshot.ts';
