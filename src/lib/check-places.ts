/**
 * Curated-mode checks of where records are: every point inside its stated country's Natural Earth
 * 1:50m polygon, city and site points near the GeoNames place their name mentions, and
 * country-level places named after their country. They need the 50m outlines and the gazetteer,
 * so they run in `npm run validate` and the tests, not in the browser.
 */
import * as v from 'valibot';
import { countryName } from './countries.ts';
import { countriesAt, locateInCountry, type CountryShapes } from './country-shapes.ts';
import { checkAgainstGazetteer, normalizePlaceName, type Gazetteer } from './gazetteer.ts';
import { PlaceSchema, type Place } from './incident-schema.ts';
import type { RecordProblem } from './record-problem.ts';

export interface Geography {
  shapes: CountryShapes;
  gazetteer: Gazetteer;
}

/** Why a place is not where it says it is (empty when it is). Covers all three checks. */
export function checkPlace(place: Place, { shapes, gazetteer }: Geography): string[] {
  const reasons: string[] = [];
  const shape = shapes.get(place.country);
  const [lng, lat] = place.lngLat;
  if (!shape) {
    reasons.push(`no Natural Earth outline for ${place.country}, so the point cannot be checked`);
  } else if (locateInCountry(shape, place.lngLat) === 'outside') {
    const elsewhere = countriesAt(shapes, place.lngLat);
    const where = elsewhere.length > 0 ? `in ${elsewhere.map(countryName).join(', ')}` : 'in the sea';
    const swapped = locateInCountry(shape, [lat, lng]) !== 'outside' ? '; longitude and latitude look swapped' : '';
    reasons.push(
      `the point [${lng}, ${lat}] lies outside ${countryName(place.country)} (${place.country}) on the Natural Earth 1:50m map; it is ${where}${swapped}`,
    );
  }
  if (place.precision === 'country') {
    const expected = normalizePlaceName(countryName(place.country));
    if (!normalizePlaceName(place.name).startsWith(expected)) {
      reasons.push(`a country-level place should be named after its country: "${countryName(place.country)}"`);
    }
  } else {
    const mismatch = checkAgainstGazetteer(gazetteer, place);
    if (mismatch) reasons.push(mismatch);
  }
  return reasons;
}

/**
 * Checks the places of raw records. A place whose shape is wrong is left to the schema's own
 * messages; every well-formed place is checked, even in a record with other problems, so that
 * all problems are listed at once.
 */
export function checkRecordPlaces(rawRecords: readonly unknown[], geography: Geography): RecordProblem[] {
  const problems: RecordProblem[] = [];
  rawRecords.forEach((raw, index) => {
    if (typeof raw !== 'object' || raw === null) return;
    const { id, places } = raw as { id?: unknown; places?: unknown };
    if (!Array.isArray(places)) return;
    places.forEach((candidate, placeIndex) => {
      const parsed = v.safeParse(PlaceSchema, candidate);
      if (!parsed.success) return;
      for (const reason of checkPlace(parsed.output, geography)) {
        problems.push({
          format: 'json',
          record: index + 1,
          id: typeof id === 'string' ? id : undefined,
          field: `places[${placeIndex}]`,
          reason,
          severity: 'error',
        });
      }
    });
  });
  return problems;
}
