// Source links accept only http: and https: (SECURITY.md), on every way a record can arrive:
// the curated dataset (refused at validation), a user's JSON, CSV and GeoJSON (dropped with a
// notice). The detail panel's `safeHref` is only the last guard.
import { describe, expect, it } from 'vitest';
import { startImport } from './import-dataset.ts';
import { readTable } from './import-table.ts';
import { parseDataset, type LoadedDataset } from './parse-incidents.ts';
import { formatRecordProblem } from './record-problem.ts';
import { curatedFile, validRecord } from './test/curated-fixtures.ts';

const HOSTILE_ADDRESSES = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  '\u200bjavascript:alert(1)',
  'javascript://example.org/%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://example.org/a',
  '//evil.example/a',
  '/relative/path',
  'https:\\\\evil.example',
  'http:/evil.example',
  'blob:https://example.org/1',
  'about:blank',
];
const GOOD_ADDRESSES = ['https://example.org/a', 'http://example.org/b?x=1#y', 'HTTPS://EXAMPLE.ORG/C'];

function urlsOf(dataset: LoadedDataset): (string | undefined)[] {
  return dataset.incidents.flatMap((incident) =>
    incident.sources.flatMap((source) => [source.url, source.archiveUrl, source.via]),
  );
}

function importText(text: string, name: string): LoadedDataset {
  const start = startImport(text, { name });
  if (start.kind === 'dataset') return start.dataset;
  return readTable(start.table, start.inspection.choice);
}

const csvLine = (url: string, i: number) => `r${i},2021,A,"${url.replace(/"/g, '""')}"`;

describe.each(HOSTILE_ADDRESSES)('a source address %j', (address) => {
  it('is refused by curated validation, with the field named', () => {
    const record = validRecord({
      sources: [{ publisher: 'P', title: 'T', date: '2021-03-19', url: address }],
    });
    const dataset = parseDataset(JSON.parse(curatedFile([record])), 'curated');
    expect(dataset.incidents).toEqual([]);
    const problems = dataset.problems.map(formatRecordProblem);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(problem).toMatch(/^record 1 \(id ee-test-2021\), field sources\[0\]\.url: /);
  });

  it('is refused as archive and via address in curated validation', () => {
    const source = { publisher: 'P', title: 'T', date: '2021-03-19', url: 'https://example.org/a' };
    const dataset = parseDataset(
      JSON.parse(curatedFile([validRecord({ sources: [{ ...source, archiveUrl: address, via: address }] })])),
      'curated',
    );
    expect(dataset.incidents).toEqual([]);
  });

  it("is left out of a user's JSON, CSV and GeoJSON, keeping the record", () => {
    const json = importText(
      JSON.stringify([
        {
          id: 'a',
          title: 'A',
          date: '2021',
          sources: [{ title: 'S', url: address, archiveUrl: address, via: address }],
        },
        { id: 'b', title: 'B', date: '2021', source_url: address },
      ]),
      'mine.json',
    );
    const csv = importText(`id,date,title,source_url\n${csvLine(address, 1)}\n`, 'mine.csv');
    const geojson = importText(
      JSON.stringify({
        type: 'FeatureCollection',
        features: [{ type: 'Feature', geometry: null, properties: { date: '2021', title: 'A', source_url: address } }],
      }),
      'mine.geojson',
    );
    for (const dataset of [json, csv, geojson]) {
      expect(dataset.incidents.length).toBeGreaterThan(0);
      expect(urlsOf(dataset).filter(Boolean)).toEqual([]);
    }
    // The user is told which address was left out.
    expect(json.problems.map(formatRecordProblem)).toContainEqual(
      expect.stringMatching(
        /^record 1 \(id a\), field sources\[0\]: address ".+" is not an http\(s\) address and was left out$/,
      ),
    );
    expect(csv.problems.map(formatRecordProblem).join('\n')).toContain('not an http(s) address');
  });
});

describe('http(s) source addresses', () => {
  it.each(GOOD_ADDRESSES)('%j is kept in every mode', (address) => {
    const curated = parseDataset(
      JSON.parse(
        curatedFile([validRecord({ sources: [{ publisher: 'P', title: 'T', date: '2021-03-19', url: address }] })]),
      ),
      'curated',
    );
    const csv = importText(`id,date,title,source_url\n${csvLine(address, 1)}\n`, 'mine.csv');
    expect(urlsOf(curated).filter(Boolean)).toEqual([address]);
    expect(urlsOf(csv).filter(Boolean)).toEqual([address]);
  });
});
