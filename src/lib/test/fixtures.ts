/** Small records for unit tests, built through the same loader the app uses. */
import type { Incident } from '../incident-schema.ts';
import { parseIncidents, type LoadedIncident } from '../parse-incidents.ts';

export function incident(overrides: Partial<Incident> & { id: string; date: string }): Incident {
  return {
    title: `Incident ${overrides.id}`,
    summary: '',
    relatedDates: [],
    places: [],
    actors: ['CN'],
    targets: { countries: [], orgs: [] },
    techniques: ['human-intelligence'],
    status: 'alleged',
    sources: [],
    discrepancies: [],
    ...overrides,
  };
}

export function loaded(...records: Incident[]): LoadedIncident[] {
  const { incidents, problems } = parseIncidents(records, 'open');
  const errors = problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(`fixture does not load: ${JSON.stringify(errors)}`);
  return incidents;
}

export const utc = (year: number, month = 1, day = 1) => Date.UTC(year, month - 1, day);
