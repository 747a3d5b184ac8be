import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { parseDataset } from '../src/lib/parse-incidents.ts';
import { CSV_HEADER, formatSynthCsv, formatSynthJson, seededRandom, synthIncidents } from './synth-incidents.ts';

const records = synthIncidents({ count: 2000, seed: 42 });

describe('synthIncidents', () => {
  it('synthIncidents({count, seed}) is deterministic for a seed, byte for byte', () => {
    expect(formatSynthJson(synthIncidents({ count: 300, seed: 5 }), 5)).toBe(
      formatSynthJson(synthIncidents({ count: 300, seed: 5 }), 5),
    );
    expect(formatSynthCsv(synthIncidents({ count: 300, seed: 5 }))).toBe(
      formatSynthCsv(synthIncidents({ count: 300, seed: 5 })),
    );
  });
  it('a different seed gives different incidents', () => {
    expect(synthIncidents({ count: 50, seed: 1 })).not.toEqual(synthIncidents({ count: 50, seed: 2 }));
  });
  it('seededRandom stays in [0, 1)', () => {
    const random = seededRandom(9);
    for (let i = 0; i < 10_000; i++) {
      const value = random();
      expect(value >= 0 && value < 1).toBe(true);
    }
  });
  it('writes the JSON format the app reads in open mode, every record valid', () => {
    const dataset = parseDataset(JSON.parse(formatSynthJson(records, 42)), 'open');
    expect(dataset.incidents).toHaveLength(2000);
    expect(dataset.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(dataset.meta?.name).toContain('Synthetic');
    expect(new Set(records.map((record) => record.id)).size).toBe(2000);
  });
  it('mixes day, month and year precision, periods (some open) and several countries and techniques', () => {
    const { incidents } = parseDataset(JSON.parse(formatSynthJson(records, 42)), 'open');
    const precisions = new Set(incidents.map((incident) => incident.time.start.precision));
    expect([...precisions].sort()).toEqual(['day', 'month', 'year']);
    expect(incidents.filter((incident) => incident.time.end !== undefined).length).toBeGreaterThan(100);
    expect(incidents.some((incident) => incident.time.end === 'open')).toBe(true);
    const countries = new Set(incidents.flatMap((incident) => incident.targets.countries));
    expect(countries.size).toBeGreaterThan(10);
    expect(countries.has('CN')).toBe(true);
    expect(incidents.some((incident) => incident.targets.countries.length === 2)).toBe(true);
    expect(new Set(incidents.map((incident) => incident.techniques[0])).size).toBeGreaterThan(8);
  });
  it('places every point in Europe or China, and some incidents in Europe in China too', () => {
    for (const { places } of records) {
      for (const { lngLat } of places) {
        const [lng, lat] = lngLat;
        const inEurope = lng > -11 && lng < 32 && lat > 35 && lat < 71;
        const inChina = lng > 73 && lng < 135 && lat > 18 && lat < 54;
        expect(inEurope || inChina).toBe(true);
      }
    }
    const twoPlaces = records.filter(({ places }) => places.length === 2);
    expect(twoPlaces.length).toBeGreaterThan(records.length * 0.05);
    expect(twoPlaces.every(({ places }) => places[0].country !== 'CN' && places[1].country === 'CN')).toBe(true);
  });
  it('writes the bring-your-own-data CSV with its header and one row per record', () => {
    const csv = formatSynthCsv(records);
    const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...CSV_HEADER]);
    expect(parsed.data).toHaveLength(2000);
    const first = parsed.data[0];
    expect(first.id).toBe(records[0].id);
    expect(first.techniques.split(';')).toEqual(records[0].techniques);
    expect(Number(first.lat)).toBe(records[0].places[0].lngLat[1]);
    expect(parsed.data.some((row) => row.country.includes(';'))).toBe(true);
  });
});
