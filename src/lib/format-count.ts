/** "1 incident", "1,000 incidents": counts in the app read the same everywhere. */
export function formatCount(count: number, singular = 'incident', plural = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : plural}`;
}
