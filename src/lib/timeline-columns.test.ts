import { describe, expect, it } from 'vitest';
import { buildTimelineIndex } from './timeline-index.ts';
import { buildTimeOrder, maskOf } from './time-order.ts';
import { assignLanes, laneKeysOf, type LaneMode } from './timeline-lanes.ts';
import { syntheticIncidents } from './test/synthetic.ts';

/** The index built from flags (what the app does) agrees with one built the plain way, lane by lane. */
describe('buildTimelineIndex over 3,000 synthetic incidents', () => {
  const incidents = syntheticIncidents(3000);
  const order = buildTimeOrder(incidents);
  const NOW = Date.UTC(2026, 0, 1);
  const subset = incidents.filter((_, i) => i % 4 !== 1);
  const mask = maskOf(order, subset);

  for (const mode of ['none', 'technique', 'country'] as LaneMode[]) {
    it(`by ${mode}: the lanes are assignLanes' lanes, and each lane holds its incidents in time order`, () => {
      const index = buildTimelineIndex(order, mask, mode, NOW);
      const { lanes, laneOfKey } = assignLanes(subset, mode);
      expect(index.lanes).toEqual(lanes);
      expect(index.incidents).toHaveLength(subset.length);
      for (let lane = 0; lane < lanes.length; lane++) {
        const inLane = [];
        for (let e = index.laneOffsets[lane]; e < index.laneOffsets[lane + 1]; e++)
          inLane.push(index.incidents[index.entryIncident[e]]);
        const expected = index.incidents.filter((incident) =>
          laneKeysOf(incident, mode).some((key) => laneOfKey.get(key) === lane),
        );
        expect(inLane.map((incident) => incident.id)).toEqual(expected.map((incident) => incident.id));
      }
    });
  }

  it('takes flags or a list of incidents alike', () => {
    const fromList = buildTimelineIndex(order, subset, 'technique', NOW);
    const fromMask = buildTimelineIndex(order, mask, 'technique', NOW);
    expect(fromMask.incidents).toEqual(fromList.incidents);
    expect([...fromMask.entryLane]).toEqual([...fromList.entryLane]);
  });

  it('holds the incidents in time order: start, then longer first, then id', () => {
    const index = buildTimelineIndex(order, mask, 'none', NOW);
    for (let i = 1; i < index.incidents.length; i++) {
      const [a, b] = [index.incidents[i - 1].time, index.incidents[i].time];
      expect(a.startMs < b.startMs || (a.startMs === b.startMs && a.endMs >= b.endMs)).toBe(true);
    }
  });

  it('finds an incident by id, and not one left out by the filters', () => {
    const index = buildTimelineIndex(order, mask, 'none', NOW);
    const kept = subset[10];
    expect(index.incidents[index.positionOf.get(kept.id)!]).toBe(kept);
    expect(index.positionOf.get(incidents[1].id)).toBeUndefined();
    expect(index.positionOf.get('no-such-id')).toBeUndefined();
  });
});
