import { describe, expect, it } from 'vitest';
import { colourKey } from './colour-key.ts';
import { techniqueColour } from './palette.ts';

const of = (...techniques: string[]) => ({ techniques });

describe('colourKey', () => {
  it('lists each first technique once with its colour, most marks first', () => {
    const { entries, more } = colourKey([
      of('cyber-intrusion'),
      of('human-intelligence', 'cyber-intrusion'),
      of('cyber-intrusion'),
    ]);
    expect(entries).toEqual([
      { label: 'Cyber intrusion', colour: techniqueColour('cyber-intrusion'), count: 2 },
      { label: 'Human intelligence', colour: techniqueColour('human-intelligence'), count: 1 },
    ]);
    expect(more).toBe(0);
  });

  it("keeps a file's own categories and names incidents without one", () => {
    const { entries } = colourKey([of('crop_burning'), of()]);
    expect(entries.map((entry) => entry.label)).toEqual(['Crop burning', 'No technique given']);
    expect(entries[0].colour).toBe(techniqueColour('crop_burning'));
    expect(entries[1].colour).toBe(techniqueColour(undefined));
  });

  it('stops at the limit and says how many more there are', () => {
    const incidents = Array.from({ length: 15 }, (_, i) => of(`category-${String(i).padStart(2, '0')}`));
    const { entries, more } = colourKey(incidents, 12);
    expect(entries).toHaveLength(12);
    expect(entries[0].label).toBe('Category 00');
    expect(more).toBe(3);
  });
});
