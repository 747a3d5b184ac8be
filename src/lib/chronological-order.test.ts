import { describe, expect, it } from 'vitest';
import { chronologicalPositions } from './chronological-order.ts';

/** The order spelled out as one comparison, as the timeline defines it. */
function byComparison(startMs: Float64Array, endMs: Float64Array, ids: string[]): number[] {
  return Array.from(startMs, (_, i) => i).sort(
    (a, b) =>
      startMs[a] - startMs[b] ||
      (endMs[b] === endMs[a] ? 0 : endMs[b] > endMs[a] ? 1 : -1) ||
      (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0),
  );
}

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe('chronologicalPositions', () => {
  it('orders by start, longer first, then by id, as one comparison sort would', () => {
    const startMs = new Float64Array([30, 10, 10, 10, 20, 10]);
    const endMs = new Float64Array([40, 20, Infinity, 20, 21, Infinity]);
    const ids = ['f', 'b', 'z', 'a', 'e', 'c'];
    // 10: open ends first (c before z by id), then the ones ending at 20 (a before b).
    expect([...chronologicalPositions(startMs, endMs, ids)].map((i) => ids[i])).toEqual(['c', 'z', 'a', 'b', 'e', 'f']);
  });

  it('agrees with the comparison sort on many ties, open ends and negative dates', () => {
    const next = random(7);
    for (const n of [0, 1, 2, 50, 5_000]) {
      const startMs = Float64Array.from({ length: n }, () => Math.floor(next() * 40 - 10) * 86_400_000);
      const endMs = startMs.map((start) => (next() < 0.2 ? Infinity : start + Math.ceil(next() * 3) * 86_400_000));
      const ids = Array.from({ length: n }, (_, i) => `r${Math.floor(next() * n * 10)}-${i}`);
      expect([...chronologicalPositions(startMs, endMs, ids)]).toEqual(byComparison(startMs, endMs, ids));
    }
  });
});
