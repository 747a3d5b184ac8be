/**
 * Seeded, structured address fuzzing shared by the unit fuzz (`url-state.test.ts`, hundreds of
 * sets) and the browser fuzz (`e2e/trust-url-fuzz.spec.ts`, ~30 page loads): the contract's
 * parameters, names that reach for the prototype, tracking names, repeated names; values that are
 * valid, huge, non-finite, prototype-ish, Unicode, overlong, or percent-encoding garbage.
 */

import { URL_PARAMS } from '../url-state.ts';

export { seededRandom } from '../../../scripts/synth-incidents.ts';

const KNOWN = URL_PARAMS;
const ODD_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'Q',
  'q[]',
  'utm_source',
  'fbclid',
  '',
  '%00',
  'data%00',
  '%E2%80%AE',
  'map.zoom',
  '&',
];

/** Values a parameter could sensibly hold, by name (already percent-encoded where needed). */
const VALID: Record<string, string[]> = {
  data: ['/fixtures/share-incidents.json'],
  format: ['json', 'csv', 'geojson', 'CSV'],
  cols: ['date:when,title:what', 'order:day-first'],
  q: ['exchange', 'k%C3%B5uts', 'spy+ring'],
  country: ['EE', 'EE,FR', 'DE%2CFR', 'ZZ'],
  technique: ['cyber-intrusion', 'human-intelligence,insider'],
  status: ['convicted', 'charged,alleged'],
  org: ['NATO', 'European+Parliament'],
  from: ['2021-01-01', '2021', '2020-02', '1900-01-01'],
  to: ['2021-12-31', '2022', '2025-06'],
  map: ['4/50.1/14.4', '0/0/0', '24/89.9/179.9', '3.25/-45/-170'],
  lanes: ['technique', 'country', 'none'],
  id: ['ee-kouts-conviction-2021', 'no-such-id'],
  theme: ['auto', 'light', 'dark'],
};

const HOSTILE_VALUES = [
  '__proto__',
  'constructor',
  'prototype',
  '__proto__,constructor,toString',
  '1e309',
  '-1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '9'.repeat(400),
  '18446744073709551616',
  'NaN/NaN/NaN',
  'Infinity/0/0',
  '1e308/1e308/1e308',
  '-0/-0/-0',
  '4/90.0000000001/180',
  '4/50/14/2',
  '99999-01-01',
  '-0001-01-01',
  '2021-02-29',
  '2021-13-01',
  '+2021-01-01',
  '2021-01-01T00:00:00Z',
  '%E4%B8%AD%E6%96%87',
  '%F0%9F%98%80',
  '%E2%80%AE%E2%80%8B',
  '%C3%A9%CC%81',
  '%',
  '%Z',
  '%E0%A4%A',
  '%ED%A0%80',
  '%00',
  '%0A%0D',
  '%3Cb%3E',
  ',,,',
  '%5C%2C%5C',
  ' ',
  'a'.repeat(5000),
  'x,'.repeat(150),
];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

/** One random query string (without `?`), built of 1–10 parameters. */
export function randomQuery(rand: () => number): string {
  const count = 1 + Math.floor(rand() * 10);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const roll = rand();
    const name = roll < 0.8 ? pick(rand, KNOWN) : pick(rand, ODD_NAMES);
    const valid = VALID[name];
    const value = valid && rand() < 0.45 ? pick(rand, valid) : pick(rand, HOSTILE_VALUES);
    // Now and then a part without `=`, or a name given twice in a row.
    if (rand() < 0.05) parts.push(name);
    else parts.push(`${name}=${value}`);
    if (rand() < 0.05) parts.push(`${name}=${value}`);
  }
  return parts.join('&');
}
