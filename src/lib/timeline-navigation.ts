/**
 * Keyboard movement over the timeline's entries, as in a grid whose rows are lanes: left and
 * right walk a lane in time order, up and down jump to the incident nearest in time in the next
 * lane, Home and End go to a lane's first and last incident. Without lanes the one lane holds
 * every incident, so left and right walk the whole filtered set in time order.
 */
import { lowerBoundInLane, type TimelineIndex } from './timeline-index.ts';

const laneOf = (index: TimelineIndex, entry: number) => index.entryLane[entry];

/** The entry `direction` steps along its lane, stopping at the lane's ends. */
export function stepInLane(index: TimelineIndex, entry: number, direction: 1 | -1): number {
  const lane = laneOf(index, entry);
  return Math.min(index.laneOffsets[lane + 1] - 1, Math.max(index.laneOffsets[lane], entry + direction));
}

/** The entry of the next lane up (-1) or down (1) that starts nearest in time; the same entry at the edge. */
export function stepAcrossLanes(index: TimelineIndex, entry: number, direction: 1 | -1): number {
  const lane = laneOf(index, entry) + direction;
  if (lane < 0 || lane >= index.lanes.length) return entry;
  const ms = index.start[index.entryIncident[entry]];
  const from = index.laneOffsets[lane];
  const to = index.laneOffsets[lane + 1];
  const after = Math.min(lowerBoundInLane(index, lane, ms), to - 1);
  const before = Math.max(after - 1, from);
  const distance = (e: number) => Math.abs(index.start[index.entryIncident[e]] - ms);
  return distance(before) <= distance(after) ? before : after;
}

/** The first or last entry of a lane. */
export function laneEdge(index: TimelineIndex, lane: number, edge: 'first' | 'last'): number {
  return edge === 'first' ? index.laneOffsets[lane] : index.laneOffsets[lane + 1] - 1;
}

/** The entry of the earliest or latest incident overall. */
export function timeEdge(index: TimelineIndex, edge: 'first' | 'last'): number {
  return index.firstEntry[edge === 'first' ? 0 : index.incidents.length - 1];
}
