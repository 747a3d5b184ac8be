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

/** One facet's column, grown incident by incident. */
class FacetColumnBuilder {
  readonly #facet: Facet;
  readonly #values: string[] = [];
  readonly #codeOf = new Map<string, number>();
  readonly #offsets: number[] = [];
  readonly #codes: number[] = [];

  constructor(facet: Facet) {
    this.#facet = facet;
  }

  add(incident: LoadedIncident): void {
    const first = this.#codes.length;
    this.#offsets.push(first);
    for (const value of facetValues(incident, this.#facet)) {
      let code = this.#codeOf.get(value);
      if (code === undefined) {
        code = this.#values.push(value) - 1;
        this.#codeOf.set(value, code);
      }
      if (!this.#codes.includes(code, first)) this.#codes.push(code);
    }
  }

  /** The column; the builder is done with. */
  finish(): FacetColumn {
    const codes = Int32Array.from(this.#codes);
    const totals = new Int32Array(this.#values.length);
    for (let k = 0; k < codes.length; k++) totals[codes[k]]++;
    this.#offsets.push(codes.length);
    return { values: this.#values, codeOf: this.#codeOf, offsets: Int32Array.from(this.#offsets), codes, totals };
  }
}

/**
 * A dataset's index built as its incidents arrive (the importer adds each batch while the parse
 * worker reads the next), so little is left to do when the last one comes.
 */
export class DatasetIndexBuilder {
  /** Incidents added so far. */
  count = 0;
  readonly #startMs: number[] = [];
  readonly #endMs: number[] = [];
  readonly #columns = FACETS.map((facet) => new FacetColumnBuilder(facet));

  add(incidents: readonly LoadedIncident[]): void {
    const columns = this.#columns;
    for (const incident of incidents) {
      this.#startMs.push(incident.time.startMs);
      this.#endMs.push(incident.time.endMs);
      for (let c = 0; c < columns.length; c++) columns[c].add(incident);
    }
    this.count += incidents.length;
  }

  /** The index of `incidents` — the incidents added, in order — which `datasetIndexOf` then gives. */
  finish(incidents: readonly LoadedIncident[]): DatasetIndex {
    if (incidents.length !== this.count) throw new Error('the index was built from other incidents');
    const index: DatasetIndex = {
      incidents,
      startMs: Float64Array.from(this.#startMs),
      endMs: Float64Array.from(this.#endMs),
      facets: Object.fromEntries(FACETS.map((facet, c) => [facet, this.#columns[c].finish()])) as Record<
        Facet,
        FacetColumn
      >,
    };
    built.set(incidents, index);
    return index;
  }
}

export function buildDatasetIndex(incidents: readonly LoadedIncident[]): DatasetIndex {
  const builder = new DatasetIndexBuilder();
  builder.add(incidents);
  return builder.finish(incidents);
}

const built = new WeakMap<readonly LoadedIncident[], DatasetIndex>();

/**
 * The index of a dataset, built once however many views ask (and ahead of them: the importer
 * builds it while the file's batches arrive, `DatasetIndexBuilder`).
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
