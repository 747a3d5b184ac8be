/**
 * Incidents per country for the choropleth: "country" is what the country filter matches (target
 * countries, else the places' countries: CONTRACTS §3), and an incident counts once per country.
 */
import type { LoadedIncident } from './parse-incidents.ts';

export function countIncidentsByCountry(incidents: readonly LoadedIncident[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const incident of incidents) {
    for (const code of new Set(incident.filterCountries)) counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return counts;
}

/**
 * Lower bounds of the choropleth's classes for counts up to `max`: at most four, spaced on a
 * log scale (incident counts are skewed: one country often has most), always starting at 1.
 * `choroplethBreaks(3)` is `[1, 2, 3]`; `choroplethBreaks(100)` is `[1, 3, 10, 32]`.
 */
export function choroplethBreaks(max: number): number[] {
  if (max < 1) return [];
  const breaks = new Set<number>();
  for (let i = 0; i < 4; i++) breaks.add(Math.max(1, Math.round(max ** (i / 4))));
  if (max <= 4) for (let n = 1; n <= max; n++) breaks.add(n);
  return [...breaks].sort((a, b) => a - b).slice(0, 4);
}

/** The class of a count (0 for none, 1…breaks.length): what the map colours by. */
export function choroplethLevel(count: number, breaks: readonly number[]): number {
  let level = 0;
  for (const lower of breaks) if (count >= lower) level++;
  return level;
}

/** Shades in the choropleth's ramp; with fewer classes, the darker end of the ramp is used. */
export const CHOROPLETH_SHADES = 4;

/**
 * The shade a count is drawn in: 0 for none, else 1…4 where 4 is the darkest, so the top class is
 * always the darkest shade whether there are four classes or one.
 */
export function choroplethShade(count: number, breaks: readonly number[]): number {
  const level = choroplethLevel(count, breaks);
  return level === 0 ? 0 : level + CHOROPLETH_SHADES - breaks.length;
}

/** Legend text for each class: "1", "2–9", "10+". */
export function choroplethLabels(breaks: readonly number[]): string[] {
  return breaks.map((lower, i) => {
    const next = breaks[i + 1];
    if (next === undefined) return i === 0 && breaks.length === 1 ? `${lower}` : `${lower}+`;
    return next - 1 === lower ? `${lower}` : `${lower}–${next - 1}`;
  });
}
