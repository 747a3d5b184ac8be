/**
 * Marks a moment (User Timing) for profiles and the benchmark: the time-window commits the list
 * follows, the map's data updates. Only the latest mark of each name is kept, so a long session
 * does not accumulate them; `PerformanceObserver`s still see every one.
 */
export function markMoment(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}
