import { describe, expect, it } from 'vitest';
import { DatasetError, DEFAULT_BATCH_SIZE, parseDataset, type CheckedBatch } from './parse-incidents.ts';
import { STREAM_PARSE_SIZE, StreamingDatasetReader } from './stream-dataset.ts';

const record = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `r${n}`,
  title: `Record ${n}`,
  date: `2021-03-${String((n % 28) + 1).padStart(2, '0')}`,
  ...extra,
});

/** Tricky text: what a naive splitter would take for structure. */
const TRICKY = 'quote " backslash \\ braces {}[] comma, colon: "incidents": [ \u00e9 \u4e2d \ud83d\ude00 \\"';

const records = [
  record(1),
  record(2, { summary: TRICKY, places: [{ name: 'Tallinn', lngLat: [24.75, 59.44] }] }),
  record(3, { techniques: ['a', 'b'], sources: [{ title: '[x], {y}', url: 'https://example.org/?a=[1]' }] }),
  record(1), // a duplicate id: renamed, with a notice
  record(5, { date: 'no date' }), // left out, with a problem
  record(6),
  record(7, { extra: { note: '\\' } }),
];

/** The text in pieces: at the given sizes, cycling. */
function pieces(text: string, sizes: number[]): string[] {
  const out: string[] = [];
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length];
    out.push(text.slice(at, at + size));
    at += size;
  }
  return out;
}

/** What a reading gave: the dataset, and the records and search texts its batches carried. */
function outcome(dataset: unknown, batches: CheckedBatch[]) {
  return {
    dataset,
    records: batches.flatMap((batch) => batch.records),
    texts: batches.flatMap((batch) => batch.searchTexts),
  };
}

function stream(text: string, sizes: number[], parseSize = 2) {
  const batches: CheckedBatch[] = [];
  const reader = new StreamingDatasetReader((batch) => batches.push(batch), parseSize);
  for (const piece of pieces(text, sizes)) reader.push(piece);
  return outcome(reader.end(), batches);
}

function whole(text: string) {
  const batches: CheckedBatch[] = [];
  const dataset = parseDataset(JSON.parse(text), 'open', { onBatch: (batch) => batches.push(batch) });
  return outcome(dataset, batches);
}

const SPLITS = [[1], [2, 3], [7], [64], [1 << 20]];

describe('StreamingDatasetReader', () => {
  const documents: [string, string][] = [
    ['our format, compact', JSON.stringify({ dataset: { title: 'Mine' }, incidents: records })],
    ['our format, indented', JSON.stringify({ dataset: { title: 'Mine' }, incidents: records }, null, 2)],
    ['incidents before the metadata', JSON.stringify({ incidents: records, dataset: { title: 'Late' } })],
    ['a bare array', JSON.stringify(records)],
    ['blank space around', `\n\t ${JSON.stringify({ incidents: records })} \r\n`],
    ['an escaped quote at the end of a string', JSON.stringify({ note: 'ends in \\"', incidents: records })],
    ['nested lists named incidents', JSON.stringify({ dataset: { incidents: [1, 2] }, incidents: records })],
    ['records that are not objects', JSON.stringify({ incidents: [1, 'two', null, [3], record(9)] })],
  ];

  it.each(documents)('reads %s as reading the whole text does, however the text is cut', (_, text) => {
    const expected = whole(text);
    for (const sizes of SPLITS) {
      for (const parseSize of [1, 2, 500]) {
        const streamed = stream(text, sizes, parseSize);
        expect(streamed.dataset).toEqual(expected.dataset);
        expect(streamed.records).toEqual(expected.records);
        expect(streamed.texts).toEqual(expected.texts);
      }
    }
  });

  it.each([
    ['a trailing comma', '{"incidents": [{"id": "a"}, {"id": "b"},]}'],
    ['a leading comma', '[, {"id": "a"}]'],
    ['two commas', '[{"id": "a"},, {"id": "b"}]'],
    ['an unclosed list', '{"incidents": [{"id": "a"}'],
    ['an unclosed string', '{"incidents": [{"id": "a}]}'],
    ['text after the document', '[{"id": "a"}] x'],
    ['a second document', '[{"id": "a"}] [{"id": "b"}]'],
    ['a broken record', '[{"id": "a"}, {"id" "b"}]'],
    ['a closing brace for a bracket', '{"incidents": [{"id": "a"}}'],
  ])('gives the file back to the whole reading when it has %s (invalid JSON)', (_, text) => {
    expect(() => JSON.parse(text)).toThrow();
    for (const sizes of SPLITS) expect(stream(text, sizes, 1).dataset).toBeNull();
  });

  it.each([
    ['a key spelt with an escape', '{"incid\\u0065nts": [{"id": "a", "title": "A", "date": "2021"}]}'],
    ['two lists of incidents', '{"incidents": [{"id": "a"}], "incidents": [{"id": "b"}]}'],
    ['incidents replaced by a later key', '{"incidents": [{"id": "a"}], "incidents": 5}'],
    ['a GeoJSON FeatureCollection', '{"type": "FeatureCollection", "features": [], "incidents": [{"id": "a"}]}'],
    ['no list of incidents', '{"dataset": {"title": "x"}, "records": [{"id": "a"}]}'],
    ['a scalar', '5'],
  ])('gives the file back to the whole reading for %s', (_, text) => {
    for (const sizes of SPLITS) expect(stream(text, sizes, 1).dataset).toBeNull();
  });

  it('says a file with an empty list holds no incidents, as the whole reading does', () => {
    const text = '{"dataset": {"title": "Empty"}, "incidents": [ ]}';
    expect(() => whole(text)).toThrow('The file contains no incidents.');
    expect(() => stream(text, [3])).toThrow(DatasetError);
    expect(() => stream(text, [3])).toThrow('The file contains no incidents.');
  });

  it('hands records over while the text is still arriving', () => {
    const text = JSON.stringify({ incidents: Array.from({ length: 5000 }, (_, i) => record(i)) });
    let sent = 0;
    const reader = new StreamingDatasetReader((batch) => (sent += batch.records.length));
    reader.push(text.slice(0, Math.floor(text.length * 0.6)));
    // About 3,000 records have arrived: the whole batches of checked records among them have gone.
    expect(sent % DEFAULT_BATCH_SIZE).toBe(0);
    expect(sent).toBeGreaterThanOrEqual(3000 - STREAM_PARSE_SIZE - DEFAULT_BATCH_SIZE);
    expect(sent).toBeLessThanOrEqual(3000);
    reader.push(text.slice(Math.floor(text.length * 0.6)));
    expect(reader.end()?.incidents).toEqual([]);
    expect(sent).toBe(5000);
  });
});
