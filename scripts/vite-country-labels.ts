/**
 * Vite plugin: the basemap's country labels, computed at build time (`virtual:country-labels/coarse`
 * and `…/fine`). Finding a point well inside each country (polylabel over ~250 shapes) took ~70 ms
 * of the page's main thread on every load, before the map could start; the result never changes
 * for a given world-atlas, so the page now imports it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { basemapFromTopology, countriesForFlatMap } from '../src/lib/basemap.ts';
import { countryLabels, mergeCountryLabels, type CountryLabels } from '../src/lib/map-labels.ts';

const PREFIX = 'virtual:country-labels/';
const SCALES = { coarse: 'countries-110m.json', fine: 'countries-50m.json' } as const;

function labelsOf(file: string): CountryLabels {
  const require = createRequire(import.meta.url);
  const world = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8'));
  return countryLabels(countriesForFlatMap(basemapFromTopology(world).countries));
}

/** About 1 m: more digits only make the module longer. */
function rounded(labels: CountryLabels): CountryLabels {
  return {
    ...labels,
    features: labels.features.map((feature) => ({
      ...feature,
      geometry: {
        type: 'Point',
        coordinates: feature.geometry.coordinates.map((value) => Math.round(value * 1e5) / 1e5),
      },
    })),
  };
}

/** The labels of each scale; the fine ones keep the coarse labels where both have one. */
export function buildTimeCountryLabels(): Record<keyof typeof SCALES, CountryLabels> {
  const coarse = labelsOf(SCALES.coarse);
  return { coarse: rounded(coarse), fine: rounded(mergeCountryLabels(coarse, labelsOf(SCALES.fine))) };
}

export function countryLabelsModule(): Plugin {
  let built: ReturnType<typeof buildTimeCountryLabels> | null = null;
  return {
    name: 'incident-atlas:country-labels',
    resolveId: (id) => (id.startsWith(PREFIX) ? `\0${id}` : undefined),
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return;
      const scale = id.slice(PREFIX.length + 1);
      if (scale !== 'coarse' && scale !== 'fine') throw new Error(`unknown country labels: ${id}`);
      built ??= buildTimeCountryLabels();
      return `export default ${JSON.stringify(built[scale])};\n`;
    },
  };
}
