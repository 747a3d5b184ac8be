/**
 * What the filters and the time window leave of a dataset, derived once per change from the
 * dataset's columns (`DatasetIndex`): flags by dataset position, the incident lists the views
 * read, and the facet counts. Part of `AtlasState`; kept apart so the state class stays small.
 */
import { countMask, datasetIndexOf, pickIncidents, type DatasetIndex } from '../lib/dataset-index.ts';
import type { Facet, Filters, TimeWindow } from '../lib/filter.ts';
import { countFacets, filterMask, queryMask, windowMask } from '../lib/filter-index.ts';
import type { LoadedIncident } from '../lib/parse-incidents.ts';

export interface FilteringSource {
  readonly incidents: LoadedIncident[];
  readonly filters: Filters;
  readonly window: TimeWindow | null;
}

export class AtlasFiltering {
  readonly #source: FilteringSource;

  constructor(source: FilteringSource) {
    this.#source = source;
  }

  index: DatasetIndex = $derived.by(() => datasetIndexOf(this.#source.incidents));
  /** The search text alone, so toggling a facet does not search again. */
  #query = $derived.by(() => this.#source.filters.query);
  #queryMask = $derived.by(() => queryMask(this.index, this.#query));
  /** Passing every filter but time, by dataset position. */
  filteredMask: Uint8Array = $derived.by(() => filterMask(this.index, this.#source.filters, this.#queryMask));
  /** Passing every filter and inside the window, by dataset position. */
  visibleMask: Uint8Array = $derived.by(() => {
    const window = this.#source.window;
    return window ? windowMask(this.index, this.filteredMask, window) : this.filteredMask;
  });
  /** How many incidents are visible: what most views show, without listing them. */
  visibleCount: number = $derived.by(() => countMask(this.visibleMask));
  filtered: LoadedIncident[] = $derived.by(() => pickIncidents(this.index, this.filteredMask));
  visible: LoadedIncident[] = $derived.by(() =>
    this.visibleMask === this.filteredMask ? this.filtered : pickIncidents(this.index, this.visibleMask),
  );
  /** The number beside each checkbox: incidents each value would give under the other filters and the window. */
  facetCounts: Record<Facet, Map<string, number>> = $derived.by(() =>
    countFacets(this.index, this.#source.filters, this.#source.window, this.#queryMask),
  );
}
