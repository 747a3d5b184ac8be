/**
 * Font files split by unicode-range (as Fontsource ships them) and the choice of which a text
 * needs. Used at build time to list, for the map style's `font-faces`, only the Chinese subsets
 * the basemap's labels draw from; the browser then fetches a file only when a label uses it.
 */

export interface CodepointRange {
  start: number;
  end: number;
}

/** "U+4E00-4E2F,U+4E3A" → ranges; throws on anything else, so a changed package fails the build. */
export function parseUnicodeRange(text: string): CodepointRange[] {
  return text.split(',').map((part) => {
    const match = /^\s*U\+([0-9a-f]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!match) throw new Error(`not a unicode-range: ${part}`);
    const start = parseInt(match[1], 16);
    return { start, end: match[2] ? parseInt(match[2], 16) : start };
  });
}

export function coversCodepoint(ranges: readonly CodepointRange[], codepoint: number): boolean {
  return ranges.some(({ start, end }) => codepoint >= start && codepoint <= end);
}

/**
 * The subsets (by name, in the order given) whose ranges hold at least one character of `text`
 * that no earlier subset holds — as a browser with `unicode-range` would pick them.
 */
export function subsetsFor(text: string, subsets: Readonly<Record<string, string>>): string[] {
  const parsed = Object.entries(subsets).map(([name, range]) => ({ name, ranges: parseUnicodeRange(range) }));
  const chosen = new Set<string>();
  for (const char of new Set(text)) {
    const codepoint = char.codePointAt(0)!;
    const subset = parsed.find(({ ranges }) => coversCodepoint(ranges, codepoint));
    if (subset) chosen.add(subset.name);
  }
  return parsed.filter(({ name }) => chosen.has(name)).map(({ name }) => name);
}
