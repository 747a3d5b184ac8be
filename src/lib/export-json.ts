/**
 * Incidents → our JSON format (valid in open mode, and in curated mode when the records were) and
 * GeoJSON. Both keep every field of the record; the precomputed fields the app adds are dropped.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { DatasetMeta, Incident } from './incident-schema.ts';
import type { LoadedIncident } from './parse-incidents.ts';

/** The record as a file holds it: no precomputed time, countries or search text, no empty lists left over. */
export function toRecord(incident: LoadedIncident | Incident): Incident {
  const { time: _time, filterCountries: _countries, searchText: _search, ...record } = incident as LoadedIncident;
  return record;
}

/** `{dataset, incidents}` as the app reads it, pretty-printed. */
export function formatIncidentsJson(incidents: readonly Incident[], meta: DatasetMeta | null): string {
  const file = meta ? { dataset: meta, incidents: incidents.map(toRecord) } : { incidents: incidents.map(toRecord) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type IncidentFeature = Feature<Point | null, Omit<Incident, 'id'> & { id: string }>;

/**
 * A FeatureCollection with one feature per incident: its first place as the point (null when it has
 * none), and the whole record as properties, so other places and sources survive a re-import.
 */
export function formatIncidentsGeojson(incidents: readonly Incident[]): string {
  const features: IncidentFeature[] = incidents.map((incident) => {
    const record = toRecord(incident);
    const place = record.places[0];
    return {
      type: 'Feature',
      id: record.id,
      geometry: place ? { type: 'Point', coordinates: [place.lngLat[0], place.lngLat[1]] } : null,
      properties: record,
    };
  });
  const collection: FeatureCollection<Point | null> = { type: 'FeatureCollection', features };
  return `${JSON.stringify(collection, null, 2)}\n`;
}
