/** ISO 3166-1 alpha-2 codes: validity, names in English and Chinese, and numeric ids for world-atlas. */
import isoCountries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import chinese from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };

isoCountries.registerLocale(english);
isoCountries.registerLocale(chinese);

/** Shorter, current names where the package's default reads oddly in a filter list. */
const SHORT_NAMES: Record<string, string> = {
  CN: 'China',
  HK: 'Hong Kong',
  MO: 'Macao',
  IR: 'Iran',
  SY: 'Syria',
  VN: 'Vietnam',
  LA: 'Laos',
  BO: 'Bolivia',
  VE: 'Venezuela',
  TZ: 'Tanzania',
  MD: 'Moldova',
  CZ: 'Czechia',
  GB: 'United Kingdom',
  US: 'United States',
  RU: 'Russia',
  KR: 'South Korea',
  KP: 'North Korea',
  TW: 'Taiwan',
  MK: 'North Macedonia',
  GM: 'Gambia',
  FM: 'Micronesia',
  VA: 'Vatican City',
  VG: 'British Virgin Islands',
  VI: 'U.S. Virgin Islands',
};

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && isoCountries.isValid(code);
}

/** "Estonia" for `EE`; an unknown code is returned as given. */
export function countryName(code: string): string {
  // Own keys only: a category such as `constructor` from a user's file must not reach the prototype.
  if (Object.hasOwn(SHORT_NAMES, code)) return SHORT_NAMES[code]!;
  return isoCountries.getName(code, 'en', { select: 'official' }) ?? code;
}

export function countryNameZh(code: string): string | undefined {
  return isoCountries.getName(code, 'zh', { select: 'official' });
}

/** world-atlas features carry ISO 3166-1 numeric ids ("250"); this maps them to alpha-2. */
export function countryCodeFromNumeric(id: string | number): string | undefined {
  return isoCountries.numericToAlpha2(id);
}
