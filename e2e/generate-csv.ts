/**
 * Deterministic CSV fixtures for the import journeys, generated when the tests run (never
 * committed): `rows` incidents in our header, spread over 2000–2024 and over Europe, with a few
 * extra columns, quotes and multi-line cells so the parser earns its keep.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const GENERATED_DIR = join(import.meta.dirname, 'fixtures', 'generated');

/** mulberry32: a small seeded generator, so every run writes the same file. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [string, string, number, number][] = [
  ['Tallinn', 'EE', 59.437, 24.754],
  ['Berlin', 'DE', 52.52, 13.405],
  ['Paris', 'FR', 48.857, 2.352],
  ['Brussels', 'BE', 50.85, 4.352],
  ['Prague', 'CZ', 50.075, 14.438],
  ['Stockholm', 'SE', 59.329, 18.069],
  ['Rome', 'IT', 41.903, 12.496],
  ['Madrid', 'ES', 40.417, -3.704],
  ['Warsaw', 'PL', 52.23, 21.012],
  ['London', 'GB', 51.507, -0.128],
];
const TECHNIQUES = ['human-intelligence', 'cyber-intrusion', 'influence-operation', 'economic-espionage', 'insider'];
const STATUSES = ['alleged', 'reported', 'charged', 'convicted', 'attributed'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The CSV text of `rows` generated incidents. */
export function generateCsv(rows: number, seed = 7): string {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const lines = ['id,date,end_date,title,summary,place,country,lat,lon,techniques,status,source_url,Case number'];
  for (let i = 1; i <= rows; i++) {
    const [city, country, lat, lon] = pick(CITIES);
    const year = 2000 + Math.floor(next() * 25);
    const precision = next();
    const date =
      precision < 0.1
        ? String(year)
        : precision < 0.25
          ? `${year}-${pad(1 + Math.floor(next() * 12))}`
          : `${year}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
    const summary = i % 50 === 0 ? `"Reported in ${city}, ""quoted"",\nacross two lines"` : `Reported in ${city}`;
    const techniques = next() < 0.2 ? `${pick(TECHNIQUES)};${pick(TECHNIQUES)}` : pick(TECHNIQUES);
    lines.push(
      [
        `gen-${i}`,
        date,
        '',
        `Generated incident ${i}`,
        summary,
        city,
        country,
        (lat + (next() - 0.5) * 0.2).toFixed(4),
        (lon + (next() - 0.5) * 0.2).toFixed(4),
        techniques,
        pick(STATUSES),
        `https://example.org/case/${i}`,
        `C-${1000 + i}`,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Writes a generated CSV under fixtures/generated/ (atomically: parallel workers may race) and returns its URL path. */
export function writeGeneratedCsv(rows: number): string {
  const name = `generated-${rows}.csv`;
  const path = join(GENERATED_DIR, name);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, generateCsv(rows));
  renameSync(temporary, path);
  return `fixtures/generated/${name}`;
}
