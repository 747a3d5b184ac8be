import { describe, expect, it } from 'vitest';
import { labelOf } from './vocabulary.ts';

describe('labelOf', () => {
  it('labelOf("human-intelligence") is the vocabulary label', () => {
    expect(labelOf('human-intelligence')).toBe('Human intelligence');
  });

  it('labelOf(value) of an unknown value is the value with dashes as spaces, capitalised', () => {
    expect(labelOf('balloon-surveillance')).toBe('Balloon surveillance');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'labelOf(%j) is text, never a property of Object.prototype',
    (value) => {
      expect(typeof labelOf(value)).toBe('string');
      expect(labelOf(value)).toBe(
        value
          .replace(/_+/g, ' ')
          .trim()
          .replace(/^./, (c) => c.toUpperCase()),
      );
    },
  );
});
