import { describe, expect, it } from 'vitest';
import { declaredFormat, sniffFormat, startImport, uniqueColumns, type ImportStart } from './import-dataset.ts';
import { readTable } from './import-table.ts';
import { DatasetError, type LoadedDataset } from './parse-incidents.ts';
import { formatRecordProblem } from './record-problem.ts';

const HEADER = 'id,date,end_date,title,summary,place,country,lat,lon,techniques,status,source_url';

function table(start: ImportStart) {
  if (start.kind !== 'table') throw new Error('expected a table');
  return start;
}

/** Reads a CSV the way the app does when nobody has to be asked. */
function importCsv(text: string, name = 'file.csv'): LoadedDataset {
  const { table: rows, inspection } = table(startImport(text, { name }));
  expect(inspection.needsChoice).toBe(false);
  return readTable(rows, inspection.choice);
}

const report = (dataset: LoadedDataset) => dataset.problems.map(formatRecordProblem);

describe('declaredFormat and sniffFormat', () => {
  it.each([
    ['data.csv', undefined, undefined, 'csv'],
    ['https://x.org/a.GeoJSON?v=2', undefined, undefined, 'geojson'],
    ['export', 'csv', undefined, 'csv'],
    ['export', undefined, 'text/csv; charset=utf-8', 'csv'],
    ['export', undefined, 'application/geo+json', 'geojson'],
    ['export', undefined, 'text/plain', undefined],
  ] as const)('declaredFormat(%j, %j, %j) is %j', (name, format, type, expected) => {
    expect(declaredFormat(name, format, type)).toBe(expected);
  });

  it('sniffs JSON by its first character and takes anything else for CSV', () => {
    expect([sniffFormat('\uFEFF  [{}]'), sniffFormat('{"a":1}'), sniffFormat('date,title')]).toEqual([
      'json',
      'json',
      'csv',
    ]);
  });
});

describe('startImport with our CSV header', () => {
  it('reads every field, splits techniques and keeps extra columns', () => {
    const dataset = importCsv(
      `${HEADER},Court case\n` +
        'kouts,2021-03-02,,Kouts convicted,Spy for China,Tallinn,EE,59.437,24.754,human-intelligence;insider,convicted,https://news.err.ee/1,Harju 1-21\n',
    );
    expect(dataset.problems).toEqual([]);
    const [incident] = dataset.incidents;
    expect(incident).toMatchObject({
      id: 'kouts',
      date: '2021-03-02',
      title: 'Kouts convicted',
      places: [{ name: 'Tallinn', lngLat: [24.754, 59.437], country: 'EE' }],
      targets: { countries: ['EE'] },
      techniques: ['human-intelligence', 'insider'],
      status: 'convicted',
      sources: [{ url: 'https://news.err.ee/1' }],
      extra: { 'Court case': 'Harju 1-21' },
    });
  });

  it('gives rows without an id the id row-N, N being the row', () => {
    const dataset = importCsv('date,title\n2021,A\n2022,B\n');
    expect(dataset.incidents.map((incident) => incident.id)).toEqual(['row-1', 'row-2']);
  });

  it('lists each error class by row, line and the user’s column, and keeps the valid rows', () => {
    const text = [
      'when,name,latitude,longitude',
      '2021-03-02,fine,59.4,24.7',
      'soon,bad date,,',
      ',no date,,',
      '2021,"a title',
      'over two lines",95,24',
      '2021,one coordinate,59.4,',
      '03/02/2021,,,',
      '2022,"unclosed,1,2',
      '2023,swallowed,1,2',
    ].join('\n');
    const { table: rows, inspection } = table(startImport(text, { name: 'x.csv' }));
    expect(inspection.choice.mapping).toEqual({ date: 'when', title: 'name', lat: 'latitude', lon: 'longitude' });
    const dataset = readTable(rows, inspection.choice);
    expect(dataset.incidents.map((incident) => incident.title)).toEqual(['fine']);
    expect(report(dataset)).toEqual([
      'row 2 (line 3), field when: "soon" is not a date like 2021, 2021-03 or 2021-03-02',
      'row 3 (line 4), field when: a date is required',
      'row 4 (line 5), field latitude/longitude: latitude "95" and longitude "24" cannot be read as a point',
      'row 5 (line 7), field latitude/longitude: latitude "59.4" and longitude (empty) cannot be read as a point',
      'row 6 (line 8), field name: a title is required',
      'row 6 (line 8), field when: "03/02/2021" could be day/month or month/day; choose the order in the column mapping',
      expect.stringMatching(/^row 7 \(line 9\): a quoted cell is never closed/),
    ]);
  });

  it('asks for a choice when required columns are missing or dates are ambiguous', () => {
    expect(table(startImport('a,b\n1,2\n', { name: 'x.csv' })).inspection).toMatchObject({
      missing: ['date', 'title'],
      needsChoice: true,
    });
    const ambiguous = table(startImport('date,title\n03/02/2021,A\n', { name: 'x.csv' })).inspection;
    expect(ambiguous).toMatchObject({ needsChoice: true, dates: { ambiguousExample: '03/02/2021' } });
  });

  it('takes the mapping and the order from the address, so a shared link reads the same', () => {
    const start = table(
      startImport('died,who\n03/02/2021,A\n', {
        name: 'x.csv',
        choice: { mapping: { date: 'died', title: 'who' }, order: 'day-first' },
      }),
    );
    expect(start.inspection.needsChoice).toBe(false);
    expect(readTable(start.table, start.inspection.choice).incidents[0].date).toBe('2021-02-03');
  });

  it('infers day-first from the column’s other values', () => {
    const dataset = importCsv('date,title\n03/02/2021,A\n25/12/2021,B\n');
    expect(dataset.incidents.map((incident) => incident.date)).toEqual(['2021-02-03', '2021-12-25']);
  });

  it('reads country names and formula-escaped cells back', () => {
    const dataset = importCsv("date,title,country\n2021,'=SUM(A1),Germany;fr\n");
    expect(dataset.incidents[0]).toMatchObject({ title: '=SUM(A1)', targets: { countries: ['DE', 'FR'] } });
  });

  it('notes date-times kept to the day', () => {
    const dataset = importCsv('date,title\n2021-03-02T23:30:00-05:00,A\n');
    expect(dataset.incidents[0].date).toBe('2021-03-03');
    expect(report(dataset)).toEqual([
      'row 1 (line 2), field date: date-time "2021-03-02T23:30:00-05:00" kept to the day 2021-03-03 (UTC)',
    ]);
  });
});

describe('startImport refusals', () => {
  it.each([
    ['', 'x.csv', 'The file is empty.'],
    ['date,title\n', 'x.csv', 'The file has a header but no rows.'],
    ['{"incidents": [', 'x.json', 'The file is not valid JSON'],
    ['{"type": "Feature"}', 'x.geojson', 'The file is not a GeoJSON FeatureCollection.'],
    ['{"type": "FeatureCollection"}', 'x.json', 'has no "features" list'],
    ['{"type": "FeatureCollection", "features": []}', 'x.json', 'The FeatureCollection has no features.'],
  ])('startImport(%j) throws a DatasetError', (text, name, message) => {
    expect(() => startImport(text, { name })).toThrow(DatasetError);
    expect(() => startImport(text, { name })).toThrow(message);
  });

  it.each([
    ['<!DOCTYPE html><html><head><title>Atlas</title></head></html>', 'data.json', undefined],
    ['\n  <html lang="en"><body>Not found</body></html>', 'data.csv', undefined],
    ['<p>moved</p>', 'data', 'text/html; charset=utf-8'],
  ])(
    'a web page instead of data (%j, %s, %s) is named as such, not as broken JSON or a one-column CSV',
    (text, name, contentType) => {
      expect(() => startImport(text, { name, contentType })).toThrow(/^The file is a web page \(HTML\)/);
    },
  );

  it('a CSV whose first cell merely starts with "<" is still a CSV', () => {
    expect(startImport('<title>,date\nA,2021\n', { name: 'x.csv' }).kind).not.toBe('dataset');
  });

  it('reads our JSON straight into a dataset', () => {
    const start = startImport('[{"title": "A", "date": "2021"}]', { name: 'data' });
    expect(start.kind).toBe('dataset');
  });
});

describe('uniqueColumns', () => {
  it('uniqueColumns(["date", "", "date", "date (2)"]) names every column once', () => {
    expect(uniqueColumns(['date', '', 'date', 'date (2)'])).toEqual(['date', 'column 2', 'date (2)', 'date (2) (2)']);
  });

  it('stays linear for a header of 100,000 equal names (a file of one long line)', () => {
    const names = uniqueColumns(Array.from({ length: 100_000 }, () => 'x'));
    expect(names.at(-1)).toBe('x (100000)');
    expect(new Set(names).size).toBe(100_000);
  });
});
