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
