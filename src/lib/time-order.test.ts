import { describe, expect, it } from 'vitest';
import { monthOf } from './time-order.ts';

describe('monthOf', () => {
  it('agrees with the calendar for every day across four centuries and before 1970', () => {
    for (let ms = Date.UTC(1600, 0, 1); ms < Date.UTC(2400, 0, 1); ms += 86_400_000 * 7 + 3_600_000) {
      const date = new Date(ms);
      expect(monthOf(ms)).toBe(date.getUTCFullYear() * 12 + date.getUTCMonth());
    }
  });
});
