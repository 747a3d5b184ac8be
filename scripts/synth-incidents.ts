/**
 * A seeded generator of synthetic incidents for benchmarks and scale tests: plausible enough to
 * exercise every path of the views (mixed date precision, periods and open ends, several target
 * countries, primary and secondary techniques, places inside Europe and China), never real.
 * The same seed and count always give the same records, byte for byte.
 */
import { IMPORT_FIELDS } from '../src/lib/column-mapping.ts';
import { OPEN_END } from '../src/lib/dates.ts';
import { STATUSES, TECHNIQUES } from '../src/lib/vocabulary.ts';

export interface SynthOptions {
  count: number;
  /** @default 1 */
  seed?: number;
  /** First year incidents may fall in. @default 2000 */
  fromYear?: number;
  /** Last year incidents may fall in. @default 2025 */
  toYear?: number;
}

interface City {
  name: string;
  country: string;
  lng: number;
  lat: number;
}

/** Cities well inside their country, so a small jitter keeps a point on land in the right state. */
const CITIES: readonly City[] = [
  { name: 'Paris', country: 'FR', lng: 2.35, lat: 48.86 },
  { name: 'Lyon', country: 'FR', lng: 4.84, lat: 45.76 },
  { name: 'Toulouse', country: 'FR', lng: 1.44, lat: 43.6 },
  { name: 'Berlin', country: 'DE', lng: 13.4, lat: 52.52 },
  { name: 'Munich', country: 'DE', lng: 11.58, lat: 48.14 },
  { name: 'Hamburg', country: 'DE', lng: 10.0, lat: 53.55 },
  { name: 'London', country: 'GB', lng: -0.13, lat: 51.51 },
  { name: 'Manchester', country: 'GB', lng: -2.24, lat: 53.48 },
  { name: 'Amsterdam', country: 'NL', lng: 4.9, lat: 52.37 },
  { name: 'Brussels', country: 'BE', lng: 4.35, lat: 50.85 },
  { name: 'Rome', country: 'IT', lng: 12.5, lat: 41.9 },
  { name: 'Milan', country: 'IT', lng: 9.19, lat: 45.46 },
  { name: 'Madrid', country: 'ES', lng: -3.7, lat: 40.42 },
  { name: 'Warsaw', country: 'PL', lng: 21.01, lat: 52.23 },
  { name: 'Prague', country: 'CZ', lng: 14.42, lat: 50.08 },
  { name: 'Vienna', country: 'AT', lng: 16.37, lat: 48.21 },
  { name: 'Stockholm', country: 'SE', lng: 18.07, lat: 59.33 },
  { name: 'Copenhagen', country: 'DK', lng: 12.57, lat: 55.68 },
  { name: 'Helsinki', country: 'FI', lng: 24.94, lat: 60.17 },
  { name: 'Tallinn', country: 'EE', lng: 24.75, lat: 59.44 },
  { name: 'Vilnius', country: 'LT', lng: 25.28, lat: 54.69 },
  { name: 'Budapest', country: 'HU', lng: 19.04, lat: 47.5 },
  { name: 'Beijing', country: 'CN', lng: 116.4, lat: 39.9 },
  { name: 'Shanghai', country: 'CN', lng: 121.47, lat: 31.23 },
  { name: 'Shenzhen', country: 'CN', lng: 114.06, lat: 22.54 },
];
const CHINESE_CITIES = CITIES.filter((city) => city.country === 'CN');

const TECHNIQUE_KEYS = Object.keys(TECHNIQUES);
const STATUS_KEYS = Object.keys(STATUSES);
/** Weights for the primary technique: espionage kinds dominate, as in the curated data. */
const TECHNIQUE_WEIGHTS = [14, 3, 5, 22, 10, 6, 14, 6, 4, 8, 8];
const ORGS = ['EU', 'NATO', 'European Parliament', 'European Commission'];
const TARGET_KINDS = [
  'a ministry',
  'a defence contractor',
  'a university',
  'a port operator',
  'a parliament',
  'a diaspora group',
  'a telecoms firm',
  'a research institute',
];

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; enough for test data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

function weightedIndex(random: () => number, weights: readonly number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let pick = random() * total;
  for (let i = 0; i < weights.length; i++) {
    pick -= weights[i];
    if (pick < 0) return i;
  }
  return weights.length - 1;
}

/** A day between the years, denser in later years and in a few bursts, as reporting is. */
function randomDay(random: () => number, fromYear: number, toYear: number): { y: number; m: number; d: number } {
  const years = toYear - fromYear + 1;
  const burst = random() < 0.15;
  // sqrt skews towards later years; bursts gather around a handful of fixed moments.
  const position = burst ? (Math.floor(random() * 5) + 0.5) / 5 + (random() - 0.5) * 0.02 : Math.sqrt(random());
  const clamped = Math.min(0.999999, Math.max(0, position));
  const dayMs = Date.UTC(fromYear, 0, 1) + clamped * (Date.UTC(fromYear + years, 0, 1) - Date.UTC(fromYear, 0, 1));
  const date = new Date(Math.floor(dayMs / 86_400_000) * 86_400_000);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export interface SynthRecord {
  id: string;
  title: string;
  summary: string;
  date: string;
  end?: string;
  places: { name: string; lngLat: [number, number]; precision: 'city'; country: string }[];
  actors: string[];
  targets: { countries: string[]; orgs: string[] };
  techniques: string[];
  status: string;
  sources: { publisher: string; title: string; date: string; url: string }[];
  updated: string;
}

function synthRecord(random: () => number, index: number, fromYear: number, toYear: number): SynthRecord {
  const id = `synth-${pad(index + 1, 6)}`;
  const day = randomDay(random, fromYear, toYear);
  const precisionPick = random();
  const precision = precisionPick < 0.7 ? 'day' : precisionPick < 0.88 ? 'month' : 'year';
  const date =
    precision === 'day'
      ? `${day.y}-${pad(day.m)}-${pad(day.d)}`
      : precision === 'month'
        ? `${day.y}-${pad(day.m)}`
        : `${day.y}`;
  let end: string | undefined;
  const periodPick = random();
  if (periodPick < 0.01) end = OPEN_END;
  else if (periodPick < 0.09) {
    // A period of a few weeks to a few years, ending at month precision.
    const months = 1 + Math.floor(random() * random() * 60);
    // Never past the last year: a record does not end in the future.
    const endMonthIndex = Math.min(day.y * 12 + (day.m - 1) + months, toYear * 12 + 11);
    end = `${Math.floor(endMonthIndex / 12)}-${pad((endMonthIndex % 12) + 1)}`;
  }
  const city = CITIES[Math.floor(random() * CITIES.length)];
  const countries = [city.country];
  if (random() < 0.15) {
    const other = CITIES[Math.floor(random() * CITIES.length)].country;
    if (other !== city.country) countries.push(other);
  }
  const primary = weightedIndex(random, TECHNIQUE_WEIGHTS);
  const techniques = [TECHNIQUE_KEYS[primary]];
  const extraTechniques = random() < 0.3 ? 1 + Math.floor(random() * 2) : 0;
  for (let i = 0; i < extraTechniques; i++) {
    const technique = TECHNIQUE_KEYS[Math.floor(random() * TECHNIQUE_KEYS.length)];
    if (!techniques.includes(technique)) techniques.push(technique);
  }
  const lngLat: [number, number] = [
    Math.round((city.lng + (random() - 0.5) * 0.3) * 1e4) / 1e4,
    Math.round((city.lat + (random() - 0.5) * 0.2) * 1e4) / 1e4,
  ];
  // One in ten incidents in Europe also has a place in China (where it was run from): the map ties
  // an incident's places together, and that has a cost of its own to measure.
  const actorCity =
    city.country !== 'CN' && random() < 0.1 ? CHINESE_CITIES[Math.floor(random() * CHINESE_CITIES.length)] : null;
  const target = TARGET_KINDS[Math.floor(random() * TARGET_KINDS.length)];
  const techniqueLabel = TECHNIQUES[techniques[0] as keyof typeof TECHNIQUES].toLowerCase();
  return {
    id,
    title: `Synthetic incident ${index + 1}: ${techniqueLabel} against ${target} in ${city.name}`,
    summary: `A generated record for testing at scale; it describes no real event. Seeded item ${index + 1}.`,
    date,
    ...(end !== undefined ? { end } : {}),
    places: [
      { name: city.name, lngLat, precision: 'city', country: city.country },
      ...(actorCity
        ? [
            {
              name: actorCity.name,
              lngLat: [actorCity.lng, actorCity.lat] as [number, number],
              precision: 'city' as const,
              country: 'CN',
            },
          ]
        : []),
    ],
    actors: ['CN'],
    targets: { countries, orgs: random() < 0.05 ? [ORGS[Math.floor(random() * ORGS.length)]] : [] },
    techniques,
    status: STATUS_KEYS[Math.floor(random() * STATUS_KEYS.length)],
    sources: [
      {
        publisher: 'Synthetic Wire',
        title: `Report ${index + 1}`,
        date,
        url: `https://example.org/synthetic/${id}`,
      },
    ],
    updated: '2025-01-01',
  };
}

/** `count` synthetic records, the same for the same seed. */
export function synthIncidents({ count, seed = 1, fromYear = 2000, toYear = 2025 }: SynthOptions): SynthRecord[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => synthRecord(random, index, fromYear, toYear));
}

/** The project's JSON format: `{dataset, incidents}`, readable in open mode. */
export function formatSynthJson(records: readonly SynthRecord[], seed: number): string {
  const dataset = {
    name: `Synthetic incidents (${records.length.toLocaleString('en')}, seed ${seed})`,
    version: '0.0.0',
    updated: '2025-01-01',
    license: 'CC0-1.0',
    description: 'Generated by npm run synth for benchmarks and tests. Not real events.',
  };
  return `${JSON.stringify({ dataset, incidents: records })}\n`;
}

/** The column order of the bring-your-own-data CSV: the fields an import reads. */
export const CSV_HEADER = IMPORT_FIELDS;

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The bring-your-own-data CSV: one row per record; countries and techniques `;`-separated. */
export function formatSynthCsv(records: readonly SynthRecord[]): string {
  const rows = records.map((record) => {
    const place = record.places[0];
    return [
      record.id,
      record.date,
      record.end ?? '',
      record.title,
      record.summary,
      place.name,
      record.targets.countries.join(';'),
      String(place.lngLat[1]),
      String(place.lngLat[0]),
      record.techniques.join(';'),
      record.status,
      record.sources[0].url,
    ]
      .map(csvField)
      .join(',');
  });
  return `${[CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}
