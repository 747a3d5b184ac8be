import { describe, expect, it } from 'vitest';
import { loadGeography } from '../../scripts/geography.ts';
import { formatRecordProblem } from './record-problem.ts';
import { curatedFile, validRecord } from './test/curated-fixtures.ts';
import { validateCuratedFile } from './validate-curated.ts';

const geography = loadGeography();

/** The problems `npm run validate` prints for a file holding these records (after the file name). */
const problemsOf = (records: unknown[], meta?: unknown) =>
  validateCuratedFile(curatedFile(records, meta), geography).problems.map(formatRecordProblem);

const source = validRecord().sources[0];
const place = validRecord().places[0];

describe('validateCuratedFile: each class of error is caught with its message', () => {
  it('passes the valid fixture record', () => {
    expect(problemsOf([validRecord()])).toEqual([]);
  });

  it('reports JSON that does not parse, with line and column', () => {
    const result = validateCuratedFile('{\n  "dataset": {,\n}');
    expect(result.fatal).toMatch(/line 2, column/);
  });

  it('requires a dataset header', () => {
    expect(validateCuratedFile(JSON.stringify([validRecord()])).problems.map(formatRecordProblem)).toEqual([
      'dataset header, field dataset: a curated file needs a "dataset" header with name, version and updated',
    ]);
    expect(problemsOf([validRecord()], { name: 'No version', updated: '2025-13-01' })).toEqual([
      'dataset header, field dataset.version: is required',
      'dataset header, field dataset.updated: dataset updated must be an ISO day like 2024-05-01',
    ]);
  });

  it('requires the schema fields and refuses unknown ones', () => {
    const { title: _title, ...untitled } = validRecord();
    expect(problemsOf([{ ...untitled, colour: 'red' }])).toEqual([
      'record 1 (id ee-test-2021), field title: is required',
      'record 1 (id ee-test-2021), field colour: is not a field of the record schema',
    ]);
  });

  it.each([
    [{ techniques: ['balloon'] }, 'techniques[0]: technique must be one of: human-intelligence, honey-trap'],
    [{ status: 'rumoured' }, 'status: status must be one of: alleged, reported, charged'],
    [{ outcome: 'acquitted' }, 'outcome: outcome must be one of: charges-dropped, investigation-closed'],
    [{ targets: { countries: ['EE'], orgs: ['UN'] } }, 'targets.orgs[0]: target organisation must be one of: EU'],
    [{ actors: ['XX'] }, 'actors[0]: actor is not an ISO 3166-1 country code'],
    [{ actors: ['cn'] }, 'actors[0]: actor must be a two-letter ISO country code like FR'],
  ])('refuses a value outside the vocabularies: %j', (override, message) => {
    expect(problemsOf([validRecord(override)])).toEqual([expect.stringContaining(`field ${message}`)]);
  });

  it('refuses coordinates out of range', () => {
    expect(problemsOf([validRecord({ places: [{ ...place, lngLat: [200, 59.4] }] })])).toEqual([
      'record 1 (id ee-test-2021), field places[0].lngLat[0]: longitude must be between -180 and 180',
    ]);
    expect(problemsOf([validRecord({ places: [{ ...place, lngLat: [24.7, -91] }] })])).toEqual([
      'record 1 (id ee-test-2021), field places[0].lngLat[1]: latitude must be between -90 and 90',
    ]);
  });

  it('refuses dates that are not on the calendar', () => {
    expect(problemsOf([validRecord({ date: '2021-02-30' })])).toEqual([
      'record 1 (id ee-test-2021), field date: date is not a real calendar date',
    ]);
    expect(problemsOf([validRecord({ date: '2 March 2021' })])).toEqual([
      'record 1 (id ee-test-2021), field date: date must look like 2021, 2021-03 or 2021-03-02 (optionally ~ or ?)',
    ]);
    expect(problemsOf([validRecord({ sources: [{ ...source, date: '2021-13' }] })])).toEqual([
      'record 1 (id ee-test-2021), field sources[0].date: source date is not a real calendar date',
    ]);
  });

  it('refuses an end before the start, for the record and for a related period', () => {
    expect(problemsOf([validRecord({ end: '2020-12' })])).toEqual([
      'record 1 (id ee-test-2021), field end: end 2020-12 is before the date 2021-03-02',
    ]);
    expect(
      problemsOf([validRecord({ relatedDates: [{ label: 'Intrusion', date: '2021-08', end: '2021-07' }] })]),
    ).toEqual(['record 1 (id ee-test-2021), field relatedDates[0].end: related date end is before its start']);
  });

  it('refuses a repeated id', () => {
    expect(problemsOf([validRecord(), validRecord({ title: 'Another' })])).toEqual([
      'record 2 (id ee-test-2021), field id: id "ee-test-2021" is used by an earlier record',
    ]);
  });

  it('refuses source addresses that are not http(s)', () => {
    expect(
      problemsOf([
        validRecord({
          sources: [
            { ...source, url: 'ftp://example.org/report' },
            { ...source, url: 'javascript:alert(1)' },
            { ...source, via: 'example.org/copy' },
          ],
        }),
      ]),
    ).toEqual([
      'record 1 (id ee-test-2021), field sources[0].url: source address must start with http:// or https://',
      'record 1 (id ee-test-2021), field sources[1].url: source address must start with http:// or https://',
      'record 1 (id ee-test-2021), field sources[2].via: via address must be a full web address',
      'record 1 (id ee-test-2021), field sources[2].via: via address must start with http:// or https://',
    ]);
  });

  it('requires publisher, title, date and address of every source, and at least one source', () => {
    expect(problemsOf([validRecord({ sources: [{ note: 'somewhere' }] })])).toEqual([
      'record 1 (id ee-test-2021), field sources[0].publisher: is required',
      'record 1 (id ee-test-2021), field sources[0].title: is required',
      'record 1 (id ee-test-2021), field sources[0].date: is required',
      'record 1 (id ee-test-2021), field sources[0].url: is required',
      'record 1 (id ee-test-2021), field sources[0].note: is not a field of the record schema',
    ]);
    expect(problemsOf([validRecord({ sources: [] })])).toEqual([
      'record 1 (id ee-test-2021), field sources: at least one source is needed',
    ]);
  });

  it('refuses a point outside its stated country', () => {
    const paris = { name: 'Paris', lngLat: [2.349, 48.853], precision: 'city', country: 'DE' };
    expect(problemsOf([validRecord({ places: [paris] })])).toEqual([
      'record 1 (id ee-test-2021), field places[0]: the point [2.349, 48.853] lies outside Germany (DE) on the Natural Earth 1:50m map; it is in France',
      'record 1 (id ee-test-2021), field places[0]: the name "Paris" mentions no GeoNames place in DE; name the city the point is in',
    ]);
  });

  it('refuses swapped longitude and latitude', () => {
    expect(problemsOf([validRecord({ places: [{ ...place, lngLat: [59.437, 24.754] }] })])).toEqual([
      'record 1 (id ee-test-2021), field places[0]: the point [59.437, 24.754] lies outside Estonia (EE) on the Natural Earth 1:50m map; it is in the sea; longitude and latitude look swapped',
      'record 1 (id ee-test-2021), field places[0]: the point is 4697.6 km from Tallinn (GeoNames), more than the 5 km allowed for a city point',
    ]);
  });

  it('refuses a city point far from the city its name mentions', () => {
    const tartu = { ...place, lngLat: [26.72, 58.38] };
    expect(problemsOf([validRecord({ places: [tartu] })])).toEqual([
      'record 1 (id ee-test-2021), field places[0]: the point is 163.0 km from Tallinn (GeoNames), more than the 5 km allowed for a city point',
    ]);
  });

  it('refuses a country-level place not named after its country', () => {
    const country = { name: 'Somewhere', lngLat: [24.754, 59.437], precision: 'country', country: 'EE' };
    expect(problemsOf([validRecord({ places: [country] })])).toEqual([
      'record 1 (id ee-test-2021), field places[0]: a country-level place should be named after its country: "Estonia"',
    ]);
  });

  it('lists every problem of every record at once, in record order, and counts the valid records', () => {
    const text = curatedFile([
      validRecord({ id: 'a', date: '2021-02-30' }),
      validRecord({ id: 'b' }),
      validRecord({ id: 'c', status: 'rumoured', places: [{ ...place, country: 'FI' }] }),
    ]);
    const result = validateCuratedFile(text, geography);
    expect(result.recordCount).toBe(3);
    expect(result.validCount).toBe(1);
    expect(result.problems.map((problem) => `${problem.record} ${problem.field}`)).toEqual([
      '1 date',
      '3 status',
      '3 places[0]',
      '3 places[0]',
    ]);
  });
});
