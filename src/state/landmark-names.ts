/**
 * Names for the atlas's landmarks (map, timeline, list, filters, details). A page may hold two web
 * components: each then names its landmarks with its own label as well ("Incident map, First
 * atlas"), so that a screen reader's list of landmarks tells the two atlases apart.
 */
import { getContext, setContext } from 'svelte';

/** The atlas's own label: its text, and the id of an element holding it (for `aria-labelledby`). */
export interface AtlasLabel {
  id: string;
  text: () => string;
}

const KEY = Symbol('atlas-label');

export function provideAtlasLabel(label: AtlasLabel): void {
  setContext(KEY, label);
}

export interface LandmarkNames {
  /** An `aria-label`: the name, followed by the atlas's label when it has one. */
  name: (name: string) => string;
  /** An `aria-labelledby`: the ids given, and the atlas's label when it has one. */
  by: (...ids: string[]) => string;
}

export function landmarkNames(): LandmarkNames {
  const label = getContext<AtlasLabel | undefined>(KEY);
  return {
    name: (name) => (label ? `${name}, ${label.text()}` : name),
    by: (...ids) => (label ? [...ids, label.id] : ids).join(' '),
  };
}
