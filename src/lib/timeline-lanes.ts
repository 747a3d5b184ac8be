/**
 * How the timeline groups incidents into lanes (URL `lanes`). By technique, an incident sits in the
 * lane of its primary (first) technique. By country, it sits in the lane of **each** target
 * country (contract §3: target countries, or the places' countries when a record names no
 * target): an analyst reading the Germany lane must see an operation against France and Germany,
 * so lane counts may add up to more than the incident count. Lanes are ordered by how many
 * incidents they hold; past `maxLanes`, the smallest are folded into one "Other" lane.
 */
import { countryName } from './countries.ts';
import type { LoadedIncident } from './parse-incidents.ts';
import { labelOf } from './vocabulary.ts';

export type LaneMode = 'technique' | 'country' | 'none';
export const LANE_MODES: readonly LaneMode[] = ['none', 'technique', 'country'];

export interface Lane {
  /** The grouping value (a technique, an ISO-2 code), or one of the special keys below. */
  key: string;
  label: string;
  /** Incidents in this lane. */
  count: number;
}

export const ALL_LANE = '*';
export const OTHER_LANE = '*other';
export const NO_VALUE_LANE = '*none';

const ALL_KEYS = [ALL_LANE];
const NO_VALUE_KEYS = [NO_VALUE_LANE];

/** The lane keys an incident belongs to under `mode` (one, except for several target countries). */
export function laneKeysOf(incident: LoadedIncident, mode: LaneMode): readonly string[] {
  switch (mode) {
    case 'none':
      return ALL_KEYS;
    case 'technique':
      return incident.techniques.length > 0 ? incident.techniques.slice(0, 1) : NO_VALUE_KEYS;
    case 'country':
      return incident.filterCountries.length > 0 ? incident.filterCountries : NO_VALUE_KEYS;
  }
}

/** Calls `visit` with each lane key of an incident, without allocating (the index's hot path). */
export function forEachLaneKey(incident: LoadedIncident, mode: LaneMode, visit: (key: string) => void): void {
  if (mode === 'none') visit(ALL_LANE);
  else if (mode === 'technique') visit(incident.techniques[0] ?? NO_VALUE_LANE);
  else if (incident.filterCountries.length === 0) visit(NO_VALUE_LANE);
  else for (const key of incident.filterCountries) visit(key);
}

function laneLabel(key: string, mode: LaneMode): string {
  if (key === ALL_LANE) return 'All incidents';
  if (key === NO_VALUE_LANE) return mode === 'country' ? 'No country' : 'No technique';
  return mode === 'country' ? countryName(key) : labelOf(key);
}

export interface LaneAssignment {
  lanes: Lane[];
  /** Lane index for each lane key (folded keys point at the "Other" lane). */
  laneOfKey: Map<string, number>;
}

/**
 * Lanes from per-key incident counts: largest first (ties by label), at most `maxLanes`, the rest
 * folded into "Other". `countOther` counts the incidents in any folded key (an incident in two
 * folded keys is still one incident in "Other").
 */
function rankLanes(
  counts: Iterable<[string, number]>,
  mode: LaneMode,
  maxLanes: number,
  countOther: (folded: (key: string) => boolean) => number,
): LaneAssignment {
  const ranked = [...counts].map(([key, count]) => ({ key, label: laneLabel(key, mode), count }));
  ranked.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const laneOfKey = new Map<string, number>();
  if (ranked.length <= maxLanes) {
    ranked.forEach((lane, index) => laneOfKey.set(lane.key, index));
    return { lanes: ranked, laneOfKey };
  }
  const kept = ranked.slice(0, maxLanes - 1);
  const folded = ranked.slice(maxLanes - 1);
  kept.forEach((lane, index) => laneOfKey.set(lane.key, index));
  for (const lane of folded) laneOfKey.set(lane.key, kept.length);
  const noun = mode === 'country' ? 'countries' : 'techniques';
  const otherCount = countOther((key) => laneOfKey.get(key) === kept.length);
  const other: Lane = { key: OTHER_LANE, label: `Other (${folded.length} ${noun})`, count: otherCount };
  return { lanes: [...kept, other], laneOfKey };
}

/**
 * The lanes for `incidents` under `mode`: largest first (ties by label), at most `maxLanes`, the
 * rest folded into "Other".
 * @param maxLanes lanes shown, "Other" included @default 10
 */
export function assignLanes(incidents: readonly LoadedIncident[], mode: LaneMode, maxLanes = 10): LaneAssignment {
  const counts = new Map<string, number>();
  const count = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const incident of incidents) forEachLaneKey(incident, mode, count);
  return rankLanes(counts, mode, maxLanes, (folded) => {
    let other = 0;
    for (const incident of incidents) if (laneKeysOf(incident, mode).some(folded)) other++;
    return other;
  });
}

/**
 * Each incident's lane keys as codes into `keys` (incident `i`: `codes[offsets[i] … offsets[i + 1])`,
 * each once), so lanes for any filtered subset are counted without touching a string.
 */
export interface LaneKeyColumn {
  keys: string[];
  offsets: Int32Array;
  codes: Int32Array;
}

/**
 * The lanes of the incidents listed in `members` (indexes into `column`), as `assignLanes` would
 * give them, and the lane of each key code (folded keys point at "Other").
 */
export function assignLaneCodes(
  column: LaneKeyColumn,
  members: Int32Array,
  mode: LaneMode,
  maxLanes = 10,
): { lanes: Lane[]; laneOfCode: Int32Array } {
  const { keys, offsets, codes } = column;
  const tally = new Int32Array(keys.length);
  for (const i of members) for (let k = offsets[i]; k < offsets[i + 1]; k++) tally[codes[k]]++;
  const counts: [string, number][] = [];
  tally.forEach((count, code) => {
    if (count > 0) counts.push([keys[code], count]);
  });
  const { lanes, laneOfKey } = rankLanes(counts, mode, maxLanes, (folded) => {
    const isFolded = Uint8Array.from(keys, (key) => (folded(key) ? 1 : 0));
    let other = 0;
    for (const i of members) {
      for (let k = offsets[i]; k < offsets[i + 1]; k++) {
        if (isFolded[codes[k]] === 1) {
          other++;
          break;
        }
      }
    }
    return other;
  });
  const laneOfCode = Int32Array.from(keys, (key) => laneOfKey.get(key) ?? -1);
  return { lanes, laneOfCode };
}
