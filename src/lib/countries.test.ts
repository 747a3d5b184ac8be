import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countryName, isCountryCode } from './countries.ts';

describe('countryName', () => {
  it('uses the short name people use, then the ISO name', () => {
    expect(countryName('CN')).toBe('China');
    expect(countryName('EE')).toBe('Estonia');
  });

  it('names countries as a map label would, not by a formal title or an inverted index form', () => {
    expect(countryName('MK')).toBe('North Macedonia');
    expect(countryName('GM')).toBe('Gambia');
    const formal = Object.keys(
      JSON.parse(readFileSync('node_modules/i18n-iso-countries/langs/en.json', 'utf8')).countries,
    )
      .map(countryName)
      .filter((name) => /^The |, [^,]* of$/.test(name));
    expect(formal).toEqual([]);
  });

  it('returns an unknown code as given, including names of object properties', () => {
    expect(countryName('XX')).toBe('XX');
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(countryName(key)).toBe(key);
  });
});

describe('isCountryCode', () => {
  it('accepts ISO 3166-1 alpha-2 codes only', () => {
    expect(isCountryCode('FR')).toBe(true);
    expect(isCountryCode('fr')).toBe(false);
    expect(isCountryCode('ZZ')).toBe(false);
  });
});
