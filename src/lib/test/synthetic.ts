/** Synthetic incidents (the benchmark's generator), loaded: for tests that compare two ways of computing the same thing. */
import { seededRandom, synthIncidents } from '../../../scripts/synth-incidents.ts';
import { EMPTY_FILTERS, FACETS, type Filters, type TimeWindow } from '../filter.ts';
import { parseIncidents, type LoadedIncident } from '../parse-incidents.ts';

export function syntheticIncidents(count: number, seed = 7): LoadedIncident[] {
  return parseIncidents(synthIncidents({ count, seed }), 'open').incidents;
}

/** Random filters over the values the incidents carry (sometimes none, sometimes one that matches nothing). */
export function randomFilters(incidents: readonly LoadedIncident[], seed: number): Filters {
  const random = seededRandom(seed);
  const values = {
    countries: [...new Set(incidents.flatMap((incident) => incident.filterCountries))],
    techniques: [...new Set(incidents.flatMap((incident) => incident.techniques))],
    statuses: [...new Set(incidents.flatMap((incident) => (incident.status ? [incident.status] : [])))],
    orgs: [...new Set(incidents.flatMap((incident) => incident.targets.orgs))],
  };
  const filters: Filters = { ...EMPTY_FILTERS };
  for (const facet of FACETS) {
    if (random() < 0.5) continue;
    const picked = values[facet].filter(() => random() < 0.3);
    filters[facet] = random() < 0.1 ? [...picked, 'NOT-A-VALUE'] : picked;
  }
  if (random() < 0.3)
    filters.query = ['paris', 'ministry', 'report 1', 'berlin university', 'zzz'][Math.floor(random() * 5)];
  return filters;
}

export function randomWindow(seed: number): TimeWindow {
  const random = seededRandom(seed);
  const fromMs = Date.UTC(2000 + Math.floor(random() * 24), Math.floor(random() * 12), 1);
  return { fromMs, toMs: fromMs + (1 + random() * 2000) * 86_400_000 };
}
