import { describe, expect, it } from 'vitest';
import { startImport } from './import-dataset.ts';
import { readTable } from './import-table.ts';
import { formatRecordProblem } from './record-problem.ts';

const point = (lng: unknown, lat: unknown) => ({ type: 'Point', coordinates: [lng, lat] });

function importGeojson(features: unknown[]) {
  const start = startImport(JSON.stringify({ type: 'FeatureCollection', features }), { name: 'x.geojson' });
  if (start.kind !== 'table') throw new Error('expected a table');
  return readTable(start.table, start.inspection.choice);
}

describe('GeoJSON import', () => {
  it('reads a point feature’s properties and places it at its coordinates', () => {
    const dataset = importGeojson([
      { type: 'Feature', id: 'a', geometry: point(24.75, 59.44), properties: { date: '2021', name: 'A', kind: 'x' } },
      { type: 'Feature', geometry: null, properties: { date: '2022', name: 'no place' } },
    ]);
    expect(dataset.problems).toEqual([]);
    expect(dataset.incidents[0]).toMatchObject({
      id: 'a',
      title: 'A',
      techniques: ['x'],
      places: [{ lngLat: [24.75, 59.44] }],
    });
    expect(dataset.incidents[1]).toMatchObject({ id: 'row-2', places: [] });
  });

  it('lists features whose geometry cannot be placed, by feature number', () => {
    const dataset = importGeojson([
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [] }, properties: { date: '2021', title: 'L' } },
      { type: 'Feature', geometry: point(200, 10), properties: { date: '2021', title: 'far' } },
      { type: 'Feature', geometry: point(1, 2), properties: { date: 'never', title: 'bad', id: 'b' } },
      'not a feature',
      { type: 'Feature', geometry: point(1, 2), properties: { date: '2021', title: 'ok' } },
    ]);
    expect(dataset.incidents.map((incident) => incident.title)).toEqual(['ok']);
    expect(dataset.problems.map(formatRecordProblem)).toEqual([
      'feature 1, field geometry: a LineString geometry cannot be placed; only Points are read',
      'feature 2, field geometry.coordinates: coordinates [200,10] cannot be read as longitude and latitude',
      'feature 3 (id b), field date: "never" is not a date like 2021, 2021-03 or 2021-03-02',
      'feature 4: is not a GeoJSON Feature',
    ]);
  });

  it('keeps the record fields our own GeoJSON export writes, related periods with their ends included', () => {
    const dataset = importGeojson([
      {
        type: 'Feature',
        geometry: point(1, 2),
        properties: {
          date: '2021',
          title: 'T',
          relatedDates: [{ label: 'Intrusion', date: '2021-01~', end: '2021-03' }],
          sources: [{ publisher: 'P', title: 'S', url: 'https://example.org/s' }],
          actors: ['CN'],
        },
      },
    ]);
    expect(dataset.incidents[0]).toMatchObject({
      relatedDates: [{ label: 'Intrusion', date: '2021-01~', end: '2021-03' }],
      sources: [{ publisher: 'P', title: 'S', url: 'https://example.org/s' }],
      actors: ['CN'],
    });
  });
});
