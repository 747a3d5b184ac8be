import { describe, expect, it } from 'vitest';
import { buildTimelineIndex } from './timeline-index.ts';
import { buildTimeOrder, DAY_MS } from './time-order.ts';
import { OVERFLOW_ROW, stackLane, StackCache, zoomTier } from './timeline-stack.ts';
import { incident, loaded, utc } from './test/fixtures.ts';

const sameDay = loaded(
  ...Array.from({ length: 5 }, (_, i) => incident({ id: `d${i}`, date: '2021-03-02' })),
  incident({ id: 'later', date: '2021-06-01' }),
);
const index = buildTimelineIndex(buildTimeOrder(sameDay), sameDay, 'none', utc(2025));

describe('stackLane', () => {
  it('stacks marks that would overlap into separate rows, and reuses rows once clear', () => {
    const rows = new Uint8Array(index.entryIncident.length);
    const used = stackLane(index, 0, DAY_MS / 10, rows, { maxRows: 8 });
    expect([...rows]).toEqual([0, 1, 2, 3, 4, 0]);
    expect(used).toBe(5);
  });
  it('caps the rows and marks the rest as overflow rather than hiding them under others', () => {
    const rows = new Uint8Array(index.entryIncident.length);
    stackLane(index, 0, DAY_MS / 10, rows, { maxRows: 3 });
    expect([...rows]).toEqual([0, 1, 2, OVERFLOW_ROW, OVERFLOW_ROW, 0]);
  });
  it('at a coarse zoom, marks months apart share space and stack', () => {
    const rows = new Uint8Array(index.entryIncident.length);
    stackLane(index, 0, 30 * DAY_MS, rows, { maxRows: 8 });
    expect(rows[5]).toBe(5);
  });
});

describe('zoomTier and StackCache', () => {
  it('zoomTier rounds ms per px up to a power of two', () => {
    expect(zoomTier(1024)).toBe(10);
    expect(zoomTier(1025)).toBe(11);
  });
  it('rows do not change within a tier, so panning and small zooms never re-stack', () => {
    const cache = new StackCache(index, { maxRows: 8 });
    const a = cache.rows(0, 2 ** 20 + 1);
    const b = cache.rows(0, 2 ** 21);
    expect(b).toBe(a);
    expect(cache.rows(0, 2 ** 22)).not.toBe(a);
  });
});
