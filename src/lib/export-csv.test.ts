import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { escapeCsvCell, formatIncidentsCsv } from './export-csv.ts';
import { formatIncidentsGeojson, formatIncidentsJson } from './export-json.ts';
import { startImport } from './import-dataset.ts';
import { readTable } from './import-table.ts';
import { parseDataset, type LoadedDataset } from './parse-incidents.ts';
import { incident, loaded } from './test/fixtures.ts';

const curated = parseDataset(JSON.parse(readFileSync('data/incidents.json', 'utf8')), 'curated');

function reimport(text: string, name: string): LoadedDataset {
  const start = startImport(text, { name });
  if (start.kind === 'dataset') return start.dataset;
  expect(start.inspection.needsChoice).toBe(false);
  return readTable(start.table, start.inspection.choice);
}

describe('escapeCsvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+cmd|calc', "'+cmd|calc"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\r=x', `"'\r=x"`],
    ["'=already", "''=already"],
    ['-3.7', '-3.7'],
    ['+44', '+44'],
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['x;y', '"x;y"'],
    ['', ''],
  ])('escapeCsvCell(%j) is %j', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected);
  });
});

describe('formatIncidentsCsv', () => {
  it('writes our header, then one column per extra field, with a BOM and CRLF', () => {
    const text = formatIncidentsCsv(
      loaded(
        incident({ id: 'a', date: '2021', extra: { Court: 'Harju' } }),
        incident({ id: 'b', date: '2022', extra: { lat: 'x' } }),
      ),
    );
    expect(
      text.startsWith(
        '\uFEFFid,date,end_date,title,summary,place,country,lat,lon,techniques,status,source_url,Court,lat (2)\r\n',
      ),
    ).toBe(true);
    expect(text.split('\r\n')[1]).toBe('a,2021,,Incident a,,,,,,human-intelligence,alleged,,Harju,');
  });

  it('reads back into the same records: the curated dataset round-trips through CSV', () => {
    const text = formatIncidentsCsv(curated.incidents);
    const again = reimport(text, 'export.csv');
    expect(again.problems).toEqual([]);
    expect(formatIncidentsCsv(again.incidents)).toBe(text);
    const fields = (list: LoadedDataset['incidents']) =>
      list.map((i) => ({
        id: i.id,
        date: i.date,
        end: i.end,
        title: i.title,
        summary: i.summary,
        place: i.places[0] && { name: i.places[0].name, lngLat: i.places[0].lngLat },
        countries: i.filterCountries,
        techniques: i.techniques,
        status: i.status,
        url: i.sources[0]?.url,
        time: [i.time.startMs, i.time.endMs],
      }));
    expect(fields(again.incidents)).toEqual(fields(curated.incidents));
  });

  it('round-trips formula-looking text, quotes, line breaks and extra columns exactly', () => {
    const tricky = loaded(
      incident({
        id: 'x',
        date: '2021-03~',
        end: '..',
        title: '=1+1 "quoted", and\nmulti-line',
        summary: "'@already escaped",
        places: [{ name: '-Nowhere', lngLat: [-3.7, 40.4], precision: 'city', country: 'ES' }],
        techniques: ['a', 'b'],
        extra: { Note: '+ plus', Empty: '' },
      }),
    );
    const text = formatIncidentsCsv(tricky);
    const [again] = reimport(text, 'x.csv').incidents;
    expect(again).toMatchObject({
      title: tricky[0].title,
      summary: tricky[0].summary,
      date: '2021-03~',
      end: '..',
      places: [{ name: '-Nowhere', lngLat: [-3.7, 40.4] }],
      techniques: ['a', 'b'],
      extra: { Note: '+ plus' },
    });
  });
});

describe('JSON and GeoJSON exports', () => {
  it('JSON keeps every field and reads back, in curated mode too', () => {
    const text = formatIncidentsJson(curated.incidents, curated.meta);
    const again = parseDataset(JSON.parse(text), 'curated');
    expect(again.problems).toEqual([]);
    expect(again.incidents).toEqual(curated.incidents);
  });

  it('GeoJSON puts the first place as the point and reads back into the same records', () => {
    const text = formatIncidentsGeojson(curated.incidents);
    const collection = JSON.parse(text);
    expect(collection.features[0].geometry).toEqual({
      type: 'Point',
      coordinates: curated.incidents[0].places[0].lngLat,
    });
    const again = reimport(text, 'export.geojson');
    expect(again.problems).toEqual([]);
    expect(again.incidents).toEqual(curated.incidents);
  });
});
