/** Small curated-format records and files for the validation tests: one valid record to break. */
import type { IncidentRecord } from '../incident-schema.ts';

export const META = { name: 'Test dataset', version: '1.0.0', updated: '2025-01-31', license: 'CC BY 4.0' };

/** A complete, valid curated record (fictional, placed in Tallinn). */
export function validRecord(overrides: Record<string, unknown> = {}): IncidentRecord & Record<string, unknown> {
  return {
    id: 'ee-test-2021',
    title: 'A test incident in Tallinn',
    summary: 'A record made for the validation tests.',
    date: '2021-03-02',
    relatedDates: [{ label: 'Arrest', date: '2020-09-09' }],
    places: [{ name: 'Tallinn', lngLat: [24.754, 59.437], precision: 'city', country: 'EE' }],
    actors: ['CN'],
    targets: { countries: ['EE'], orgs: [] },
    techniques: ['human-intelligence'],
    status: 'convicted',
    sources: [
      { publisher: 'Example News', title: 'A test report', date: '2021-03-19', url: 'https://example.org/report' },
    ],
    updated: '2025-01-01',
    ...overrides,
  } as IncidentRecord & Record<string, unknown>;
}

/** A curated dataset file's text holding the given records. */
export function curatedFile(records: unknown[], meta: unknown = META): string {
  return JSON.stringify({ dataset: meta, incidents: records }, null, 2);
}
