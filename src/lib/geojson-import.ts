/**
 * A GeoJSON FeatureCollection of points → an import table: each feature's properties are its
 * cells, its point the place. A feature without geometry is kept without a place; one whose
 * geometry is not a readable point is listed as a problem (a row is invalid when its given
 * coordinates cannot be read).
 */
import type { ImportRow, ImportTable } from './import-table.ts';
import type { RecordProblem } from './record-problem.ts';

export function isFeatureCollection(json: unknown): json is { type: 'FeatureCollection'; features: unknown } {
  return typeof json === 'object' && json !== null && (json as { type?: unknown }).type === 'FeatureCollection';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPoint(coordinates: unknown): [number, number] | null {
  if (!Array.isArray(coordinates) || coordinates.length < 2) return null;
  const [lng, lat] = coordinates;
  if (typeof lng !== 'number' || typeof lat !== 'number') return null;
  if (!Number.isFinite(lng) || !Number.isFinite(lat) || Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
  return [lng, lat];
}

/** Reads the features; throws `Error` when the collection has no `features` list. */
export function geojsonToTable(collection: { features: unknown }): ImportTable {
  if (!Array.isArray(collection.features)) {
    throw new Error('The GeoJSON FeatureCollection has no "features" list.');
  }
  const rows: ImportRow[] = [];
  const problems: RecordProblem[] = [];
  const columns = new Set<string>();
  const problem = (record: number, field: string, reason: string): RecordProblem => ({
    format: 'geojson',
    record,
    field,
    reason,
    severity: 'error',
  });
  collection.features.forEach((feature: unknown, index) => {
    const record = index + 1;
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push(problem(record, '', 'is not a GeoJSON Feature'));
      return;
    }
    const properties = isObject(feature.properties) ? feature.properties : {};
    // A feature's own `id` serves when its properties name none.
    const featureId = typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined;
    const cells =
      featureId !== undefined && properties.id === undefined ? { ...properties, id: featureId } : properties;
    for (const key of Object.keys(cells)) columns.add(key);
    const geometry = feature.geometry;
    if (geometry === null || geometry === undefined) {
      rows.push({ record, cells });
      return;
    }
    if (!isObject(geometry) || geometry.type !== 'Point') {
      const type = isObject(geometry) ? String(geometry.type) : typeof geometry;
      problems.push(problem(record, 'geometry', `a ${type} geometry cannot be placed; only Points are read`));
      return;
    }
    const lngLat = readPoint(geometry.coordinates);
    if (!lngLat) {
      problems.push(
        problem(
          record,
          'geometry.coordinates',
          `coordinates ${JSON.stringify(geometry.coordinates)} cannot be read as longitude and latitude`,
        ),
      );
      return;
    }
    rows.push({ record, cells, lngLat });
  });
  return { format: 'geojson', columns: [...columns], rows, problems };
}
