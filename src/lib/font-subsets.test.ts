import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { coversCodepoint, parseUnicodeRange, subsetsFor } from './font-subsets.ts';
import { chineseLabelText } from './map-labels.ts';

describe('parseUnicodeRange', () => {
  it('reads single codepoints and spans', () => {
    expect(parseUnicodeRange('U+0000-00FF,U+0131, U+4e2d')).toEqual([
      { start: 0, end: 0xff },
      { start: 0x131, end: 0x131 },
      { start: 0x4e2d, end: 0x4e2d },
    ]);
  });
  it('refuses anything else', () => {
    expect(() => parseUnicodeRange('U+00??')).toThrow(/not a unicode-range/);
  });
  it('coversCodepoint checks the spans', () => {
    expect(coversCodepoint(parseUnicodeRange('U+41-5A'), 0x4d)).toBe(true);
    expect(coversCodepoint(parseUnicodeRange('U+41-5A'), 0x61)).toBe(false);
  });
});

describe('subsetsFor', () => {
  it('names the subsets a text draws from, first match wins', () => {
    const subsets = { latin: 'U+0000-00FF', greek: 'U+0370-03FF', overlap: 'U+0041-0042' };
    expect(subsetsFor('Aθ', subsets)).toEqual(['latin', 'greek']);
    expect(subsetsFor('', subsets)).toEqual([]);
  });
  it("picks a handful of Noto Sans SC's 101 subsets for the basemap's Chinese labels", () => {
    const sc = JSON.parse(readFileSync('node_modules/@fontsource/noto-sans-sc/unicode.json', 'utf8'));
    const text = chineseLabelText();
    const chosen = subsetsFor(text, sc);
    expect(chosen.length).toBeGreaterThan(0);
    expect(chosen.length).toBeLessThanOrEqual(8);
    const ranges = chosen.flatMap((name) => parseUnicodeRange(sc[name]));
    for (const char of text) expect(coversCodepoint(ranges, char.codePointAt(0)!), char).toBe(true);
  });
});
