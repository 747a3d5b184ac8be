import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetError, parseDataset, parseIncidents } from './parse-incidents.ts';
import { formatRecordProblem } from './record-problem.ts';

const curated = JSON.parse(readFileSync('data/incidents.json', 'utf8'));
const kouts = curated.incidents.find((record: { id: string }) => record.id === 'ee-kouts-conviction-2021');

const messages = (records: unknown[], mode: 'curated' | 'open' = 'curated') =>
  parseIncidents(records, mode).problems.map(formatRecordProblem);

describe('parseIncidents in curated mode', () => {
  it('reads the bundled dataset without a single problem', () => {
    const dataset = parseDataset(curated, 'curated');
    expect(dataset.problems).toEqual([]);
    expect(dataset.incidents.length).toBe(curated.incidents.length);
    expect(dataset.meta?.version).toBeTruthy();
  });

  it('keeps the precision of a date and its interval', () => {
    const [record] = parseIncidents([kouts], 'curated').incidents;
    expect(record.time.start.precision).toBe('day');
    expect(record.filterCountries).toEqual(['EE']);
  });

  it('names record, id, field and reason for each problem, and lists them all at once', () => {
    const broken = {
      ...kouts,
      date: '2021-02-30',
      status: 'rumoured',
      sources: [{ ...kouts.sources[0], url: 'javascript:alert(1)' }],
    };
    expect(messages([kouts, broken])).toEqual([
      'record 2 (id ee-kouts-conviction-2021), field date: date is not a real calendar date',
      expect.stringMatching(
        /^record 2 \(id ee-kouts-conviction-2021\), field status: status must be one of: alleged, reported/,
      ),
      'record 2 (id ee-kouts-conviction-2021), field sources[0].url: source address must start with http:// or https://',
    ]);
  });

  it('refuses a missing source, an unknown field and coordinates out of range', () => {
    const broken = {
      ...kouts,
      id: 'broken',
      sources: [],
      colour: 'red',
      places: [{ ...kouts.places[0], lngLat: [24.7, 95] }],
    };
    expect(messages([broken])).toEqual([
      'record 1 (id broken), field places[0].lngLat[1]: latitude must be between -90 and 90',
      'record 1 (id broken), field sources: at least one source is needed',
      'record 1 (id broken), field colour: is not a field of the record schema',
    ]);
  });

  it('refuses a source without publisher, title or date', () => {
    const broken = { ...kouts, sources: [{ url: 'https://example.org/a' }] };
    expect(messages([broken])).toEqual([
      'record 1 (id ee-kouts-conviction-2021), field sources[0].publisher: is required',
      'record 1 (id ee-kouts-conviction-2021), field sources[0].title: is required',
      'record 1 (id ee-kouts-conviction-2021), field sources[0].date: is required',
    ]);
  });

  it('refuses duplicate ids and an end before the start', () => {
    expect(messages([kouts, kouts, { ...kouts, id: 'late', end: '2020-01' }])).toEqual([
      'record 2 (id ee-kouts-conviction-2021), field id: id "ee-kouts-conviction-2021" is used by an earlier record',
      'record 3 (id late), field end: end 2020-01 is before the date 2021-03-02',
    ]);
  });

  it('keeps the valid records when others are broken', () => {
    const { incidents } = parseIncidents(
      [
        { ...kouts, date: 'soon' },
        { ...kouts, id: 'fine' },
      ],
      'curated',
    );
    expect(incidents.map((incident) => incident.id)).toEqual(['fine']);
  });
});

describe('parseIncidents in open mode', () => {
  it('needs only a title and a date, and names missing ids row-N', () => {
    const { incidents, problems } = parseIncidents([{ title: 'A', date: '2021' }], 'open');
    expect(problems).toEqual([]);
    expect(incidents[0]).toMatchObject({ id: 'row-1', title: 'A', techniques: [], sources: [] });
  });

  it('keeps categories outside the curated vocabulary', () => {
    const { incidents } = parseIncidents(
      [{ title: 'A', date: '2021', techniques: ['balloon'], status: 'rumoured' }],
      'open',
    );
    expect(incidents[0]).toMatchObject({ techniques: ['balloon'], status: 'rumoured' });
  });

  it('leaves out a record only for an unreadable date or coordinates', () => {
    expect(
      messages(
        [
          { title: 'bad date', date: 'yesterday' },
          { title: 'bad point', date: '2021', places: [{ name: 'x', lngLat: ['a', 2] }] },
          { title: 'fine', date: '2021', status: 42 },
        ],
        'open',
      ),
    ).toEqual([
      'record 1, field date: "yesterday" is not a date like 2021, 2021-03 or 2021-03-02',
      'record 2, field places[0].lngLat: coordinates ["a",2] cannot be read as longitude and latitude',
    ]);
  });

  it('drops a javascript: source address with a notice and keeps the record', () => {
    const { incidents, problems } = parseIncidents(
      [{ id: 'x', title: 'A', date: '2021', sources: [{ title: 'S', url: 'javascript:alert(1)' }] }],
      'open',
    );
    expect(incidents[0].sources).toEqual([{ title: 'S' }]);
    expect(problems.map(formatRecordProblem)).toEqual([
      'record 1 (id x), field sources[0]: address "javascript:alert(1)" is not an http(s) address and was left out',
    ]);
  });

  it('renames a repeated id with a notice', () => {
    const { incidents } = parseIncidents(
      [
        { id: 'a', title: 'A', date: '2021' },
        { id: 'a', title: 'B', date: '2022' },
      ],
      'open',
    );
    expect(incidents.map((incident) => incident.id)).toEqual(['a', 'a-2']);
  });

  it("uses the places' countries for filtering when no target is named", () => {
    const { incidents } = parseIncidents(
      [{ title: 'A', date: '2021', places: [{ name: 'Oslo', lngLat: [10.75, 59.91], country: 'no' }] }],
      'open',
    );
    expect(incidents[0].filterCountries).toEqual(['NO']);
  });
});

describe('parseDataset', () => {
  it('accepts a bare array of records', () => {
    expect(parseDataset([{ title: 'A', date: '2021' }], 'open').incidents).toHaveLength(1);
  });
  it.each([[{}], [42], [null], [{ incidents: 'none' }]])(
    'parseDataset(%j) explains that it is not a list of incidents',
    (json) => {
      expect(() => parseDataset(json, 'open')).toThrow(DatasetError);
    },
  );
  it('explains an empty list', () => {
    expect(() => parseDataset([], 'open')).toThrow('The file contains no incidents.');
  });
});
