/**
 * A dataset in columns, built once when it loads, so filtering, counting and sorting 100,000
 * incidents on every change of the filters or the time window reads typed arrays instead of
 * walking objects and allocating. Facet values become small integer codes; an incident's codes of
 * one facet are a contiguous, duplicate-free run (`codes[offsets[i] … offsets[i + 1])`).
 * Everything is indexed by the incident's position in `incidents` (the dataset's order).
 */
import { FACETS, facetValues, type Facet } from './filter.ts';
import type { LoadedIncident } from './parse-incidents.ts';

export interface FacetColumn {
  /** The distinct values, in the order first met. */
  values: string[];
  /** Code of each value. */
  codeOf: Map<string, number>;
  /** Incident `i` carries `codes[offsets[i] … offsets[i + 1])`, each once. */
  offsets: Int32Array;
  codes: Int32Array;
  /** How many incidents carry each code. */
  totals: Int32Array;
}

export interface DatasetIndex {
  incidents: readonly LoadedIncident[];
  /** `time.startMs` and `time.endMs` (exclusive; `Infinity` for an open end). */
  startMs: Float64Array;
  endMs: Float64Array;
  facets: Record<Facet, FacetColumn>;
}

function buildFacetColumn(incidents: readonly LoadedIncident[], facet: Facet): FacetColumn {
  const values: string[] = [];
  const codeOf = new Map<string, number>();
  const offsets = new Int32Array(incidents.length + 1);
  let codes = new Int32Array(Math.max(16, incidents.length));
  let used = 0;
  for (let i = 0; i < incidents.length; i++) {
    offsets[i] = used;
    for (const value of facetValues(incidents[i], facet)) {
      let code = codeOf.get(value);
      if (code === undefined) {
        code = values.push(value) - 1;
        codeOf.set(value, code);
      }
      let seen = false;
      for (let k = offsets[i]; k < used; k++) if (codes[k] === code) seen = true;
      if (seen) continue;
      if (used === codes.length) {
        const grown = new Int32Array(codes.length * 2);
        grown.set(codes);
        codes = grown;
      }
      codes[used++] = code;
    }
  }
  offsets[incidents.length] = used;
  const totals = new Int32Array(values.length);
  for (let k = 0; k < used; k++) totals[codes[k]]++;
  return { values, codeOf, offsets, codes: codes.slice(0, used), totals };
}

export function buildDatasetIndex(incidents: readonly LoadedIncident[]): DatasetIndex {
  const n = incidents.length;
  const startMs = new Float64Array(n);
  const endMs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    startMs[i] = incidents[i].time.startMs;
    endMs[i] = incidents[i].time.endMs;
  }
  const facets = Object.fromEntries(FACETS.map((facet) => [facet, buildFacetColumn(incidents, facet)])) as Record<
    Facet,
    FacetColumn
  >;
  return { incidents, startMs, endMs, facets };
}

const built = new WeakMap<readonly LoadedIncident[], DatasetIndex>();

/**
 * The index of a dataset, built once however many views ask (and ahead of them: the importer
 * builds it in a task of its own before showing a large file).
 */
export function datasetIndexOf(incidents: readonly LoadedIncident[]): DatasetIndex {
  let index = built.get(incidents);
  if (!index) built.set(incidents, (index = buildDatasetIndex(incidents)));
  return index;
}

/** The incidents whose flag is set, in dataset order. */
export function pickIncidents(index: DatasetIndex, mask: Uint8Array): LoadedIncident[] {
  const picked: LoadedIncident[] = [];
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) picked.push(index.incidents[i]);
  return picked;
}

/** How many flags are set. */
export function countMask(mask: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < mask.length; i++) count += mask[i];
  return count;
}
