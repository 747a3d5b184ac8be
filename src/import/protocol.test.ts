import { describe, expect, it } from 'vitest';
import { parseIncidents, type CheckedBatch } from '../lib/parse-incidents.ts';
import { incident } from '../lib/test/fixtures.ts';
import { PARIS } from '../lib/test/places.ts';
import { decodeIncidents, encodeIncidents, overallPercent } from './protocol.ts';

const records = [
  incident({ id: 'open', date: '2015-06', end: '..', title: 'Still running, Kõuts', places: [PARIS] }),
  incident({
    id: 'period',
    date: '2019',
    end: '2021-03',
    targets: { countries: ['FR', 'DE'], orgs: ['NATO'] },
    relatedDates: [{ label: 'verdict', date: '2022-01-05' }],
  }),
  incident({ id: 'day', date: '2020-02-29~', places: [PARIS] }),
];

describe('encodeIncidents and decodeIncidents', () => {
  it('a batch read in the worker loads on the page as the page would load it itself', () => {
    const batches: CheckedBatch[] = [];
    const streamed = parseIncidents(records, 'open', { onBatch: (batch) => batches.push(batch), batchSize: 2 });
    expect(streamed.incidents).toEqual([]);
    expect(batches.map((batch) => batch.records.length)).toEqual([2, 1]);
    const decoded = batches.flatMap((batch) => decodeIncidents(encodeIncidents(batch)));
    expect(decoded).toEqual(parseIncidents(records, 'open').incidents);
  });
  it('an open end crosses as running on (JSON has no Infinity)', () => {
    const batches: CheckedBatch[] = [];
    parseIncidents(records.slice(0, 1), 'open', { onBatch: (batch) => batches.push(batch) });
    const [open] = decodeIncidents(encodeIncidents(batches[0]));
    expect(open.time.endMs).toBe(Infinity);
    expect(open.time.end).toBe('open');
  });
});

describe('overallPercent', () => {
  it('places each phase on one bar', () => {
    expect(overallPercent('downloading', null)).toBe(0);
    expect(overallPercent('checking', 1)).toBe(90);
    expect(overallPercent('transferring', 0.5)).toBe(95);
  });
});
