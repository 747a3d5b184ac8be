import { describe, expect, it } from 'vitest';
import { buildTimelineIndex } from './timeline-index.ts';
import { buildTimeOrder } from './time-order.ts';
import { laneEdge, stepAcrossLanes, stepInLane, timeEdge } from './timeline-navigation.ts';
import { incident, loaded, utc } from './test/fixtures.ts';

const incidents = loaded(
  incident({ id: 'h1', date: '2020-01-10', techniques: ['human-intelligence'] }),
  incident({ id: 'h2', date: '2021-01-10', techniques: ['human-intelligence'] }),
  incident({ id: 'h3', date: '2022-01-10', techniques: ['human-intelligence'] }),
  incident({ id: 'c1', date: '2019-06-01', techniques: ['cyber-intrusion'] }),
  incident({ id: 'c2', date: '2021-02-01', techniques: ['cyber-intrusion'] }),
);
const index = buildTimelineIndex(buildTimeOrder(incidents), incidents, 'technique', utc(2025));
const id = (entry: number) => index.incidents[index.entryIncident[entry]].id;
const entryOf = (name: string) => index.firstEntry[index.positionOf.get(name)!];

describe('timeline keyboard movement', () => {
  it('stepInLane walks a lane in time order and stops at its ends', () => {
    expect(id(stepInLane(index, entryOf('h1'), 1))).toBe('h2');
    expect(id(stepInLane(index, entryOf('h3'), 1))).toBe('h3');
    expect(id(stepInLane(index, entryOf('c2'), -1))).toBe('c1');
  });
  it('stepAcrossLanes goes to the incident nearest in time in the next lane', () => {
    expect(index.lanes[0].key).toBe('human-intelligence');
    expect(id(stepAcrossLanes(index, entryOf('h2'), 1))).toBe('c2');
    expect(id(stepAcrossLanes(index, entryOf('c1'), -1))).toBe('h1');
    expect(id(stepAcrossLanes(index, entryOf('h2'), -1))).toBe('h2');
  });
  it('laneEdge and timeEdge find the ends', () => {
    expect(id(laneEdge(index, 1, 'last'))).toBe('c2');
    expect(id(timeEdge(index, 'first'))).toBe('c1');
    expect(id(timeEdge(index, 'last'))).toBe('h3');
  });
});
