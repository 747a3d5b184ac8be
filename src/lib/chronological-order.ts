/**
 * The timeline's order of a dataset: by start, longer first among equal starts (an open end is
 * longest), then by id. Dates of day, month or year precision make long runs of equal starts
 * (nine in ten of 100,000 synthetic records share theirs with another), so a comparison sort
 * over all of them spends most of its time comparing ids. Grouping by start first (a numeric
 * sort of the distinct starts and a counting pass) leaves the comparisons to each small group,
 * sorted in place: 57 → 33 ms for 100,000 in Node.
 */
export function chronologicalPositions(startMs: Float64Array, endMs: Float64Array, ids: readonly string[]): Int32Array {
  const n = startMs.length;
  const starts = distinctSorted(startMs);
  const group = new Int32Array(n);
  const offsets = new Int32Array(starts.length + 1);
  for (let i = 0; i < n; i++) offsets[(group[i] = indexOf(starts, startMs[i])) + 1]++;
  for (let g = 0; g < starts.length; g++) offsets[g + 1] += offsets[g];
  const next = offsets.slice(0, starts.length);
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[next[group[i]]++] = i;

  const longerThenById = (a: number, b: number) =>
    // Two open ends (Infinity − Infinity) tie.
    (endMs[b] === endMs[a] ? 0 : endMs[b] > endMs[a] ? 1 : -1) || (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
  for (let g = 0; g < starts.length; g++) {
    const from = offsets[g];
    const to = offsets[g + 1];
    if (to - from > SMALL_GROUP) positions.subarray(from, to).sort(longerThenById);
    else if (to - from > 1) insertionSort(positions, from, to, longerThenById);
  }
  return positions;
}

/**
 * Up to this many, a group is sorted in place by insertion: groups are mostly this small, often
 * already in order (records listed by id), and a typed-array sort per group cost more in setting
 * up than in comparing.
 */
const SMALL_GROUP = 24;

function insertionSort(
  positions: Int32Array,
  from: number,
  to: number,
  compare: (a: number, b: number) => number,
): void {
  for (let i = from + 1; i < to; i++) {
    const value = positions[i];
    let j = i - 1;
    while (j >= from && compare(positions[j], value) > 0) {
      positions[j + 1] = positions[j];
      j--;
    }
    positions[j + 1] = value;
  }
}

function distinctSorted(values: Float64Array): Float64Array {
  const sorted = Float64Array.from(values).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[count++] = sorted[i];
  return sorted.subarray(0, count);
}

/** Where `value` is in `sorted` (it is there). */
function indexOf(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
