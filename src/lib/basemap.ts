/**
 * Natural Earth countries (world-atlas TopoJSON) as GeoJSON for an offline basemap, with ISO
 * alpha-2 codes joined from the numeric ids world-atlas carries.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { countryCodeFromNumeric, countryName } from './countries.ts';

export interface CountryProperties {
  /** ISO 3166-1 alpha-2, or '' where world-atlas has no id (e.g. Kosovo, Northern Cyprus). */
  code: string;
  name: string;
}

export type CountryFeatures = FeatureCollection<Polygon | MultiPolygon, CountryProperties>;

export interface Basemap {
  countries: CountryFeatures;
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** Kosovo has no ISO numeric id; world-atlas leaves its id empty and names it. */
const CODES_BY_NAME: Record<string, string> = { Kosovo: 'XK' };

export function basemapFromTopology(topology: CountriesTopology): Basemap {
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const countries: CountryFeatures = {
    type: 'FeatureCollection',
    features: collection.features.map((country): Feature<Polygon | MultiPolygon, CountryProperties> => {
      const code =
        (country.id !== undefined ? countryCodeFromNumeric(country.id) : undefined) ??
        CODES_BY_NAME[country.properties.name] ??
        '';
      return {
        type: 'Feature',
        id: country.id,
        geometry: country.geometry,
        properties: { code, name: code ? countryName(code) : country.properties.name },
      };
    }),
  };
  return { countries };
}

type Ring = GeoJSON.Position[];

/**
 * A ring that crosses the antimeridian, with its longitudes made continuous (Chukotka at 190°
 * rather than −170°); rings around a pole (Antarctica) are left as they are.
 */
function continuousRing(ring: Ring): Ring {
  let offset = 0;
  let crossed = false;
  const continuous = ring.map(([lng, lat], i) => {
    const step = i === 0 ? 0 : lng - ring[i - 1][0];
    if (step > 180) offset -= 360;
    else if (step < -180) offset += 360;
    if (offset !== 0) crossed = true;
    return [lng + offset, lat];
  });
  if (!crossed || offset !== 0) return ring;
  // Keep the ring's western end inside the world; MapLibre wraps what lies east of 180°.
  const shift = Math.min(...continuous.map(([lng]) => lng)) < -180 ? 360 : 0;
  return shift ? continuous.map(([lng, lat]) => [lng + shift, lat]) : continuous;
}

/**
 * The countries for a flat map. World-atlas cuts shapes at the antimeridian as a sphere would:
 * mainland Russia's ring jumps from 180° to −180° and back, and Wrangel Island's ring, read on
 * the plane, turns the other way round from Russia's other shapes. MapLibre triangulates on the
 * plane and takes a ring turning the other way for a hole, so both drew wedges of land over the
 * Atlantic and of sea over Scandinavia at the first view. Continuous rings draw as they should.
 * (The point-in-country check keeps the spherical shapes: d3-geo reads them as they are.)
 */
export function countriesForFlatMap(countries: CountryFeatures): CountryFeatures {
  return {
    ...countries,
    features: countries.features.map((country) => {
      const { geometry } = country;
      return {
        ...country,
        geometry:
          geometry.type === 'Polygon'
            ? { ...geometry, coordinates: geometry.coordinates.map(continuousRing) }
            : { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map(continuousRing)) },
      };
    }),
  };
}
