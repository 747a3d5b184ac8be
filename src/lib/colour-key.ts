/**
 * What the timeline's colours mean, for a picture that leaves the page (the PNG export): a mark is
 * coloured by its incident's first technique, so the key lists those techniques, most marks first.
 */
import type { Incident } from './incident-schema.ts';
import { techniqueColour } from './palette.ts';
import { labelOf } from './vocabulary.ts';

export interface ColourKeyEntry {
  label: string;
  colour: string;
  /** Incidents drawn in this colour under this label. */
  count: number;
}

const NO_TECHNIQUE = 'No technique given';

/** The key of these incidents' marks, most marks first (then by label); `more` counts what did not fit `limit`. */
export function colourKey(
  incidents: readonly Pick<Incident, 'techniques'>[],
  limit = 12,
): { entries: ColourKeyEntry[]; more: number } {
  const counts = new Map<string | undefined, number>();
  for (const incident of incidents) {
    const first = incident.techniques[0];
    counts.set(first, (counts.get(first) ?? 0) + 1);
  }
  const all = [...counts].map(([technique, count]) => ({
    label: technique === undefined ? NO_TECHNIQUE : labelOf(technique),
    colour: techniqueColour(technique),
    count,
  }));
  all.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en'));
  return { entries: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}
