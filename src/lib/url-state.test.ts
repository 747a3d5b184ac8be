import { describe, expect, it } from 'vitest';
import { utc } from './test/fixtures.ts';
import { randomQuery, seededRandom } from './test/url-fuzz.ts';
import {
  DATA_FORMATS,
  describeMissingId,
  describeUrlErrors,
  EMPTY_URL_STATE,
  formatUrlState,
  joinList,
  LANE_MODES,
  MAX_LENGTH,
  MAX_LIST_VALUES,
  parseUrlState,
  recordLink,
  splitList,
  THEMES,
  URL_PARAMS,
  type UrlState,
} from './url-state.ts';
import { isUrlWindow, MAX_ZOOM, roundMapView } from './url-values.ts';

const DAY_MS = 86_400_000;
const state = (overrides: Partial<UrlState>): UrlState => ({ ...structuredClone(EMPTY_URL_STATE), ...overrides });
const filters = (overrides: Partial<UrlState['filters']>) => ({ ...EMPTY_URL_STATE.filters, ...overrides });
const kinds = (search: string) => parseUrlState(search).errors.map((problem) => problem.kind);

describe('parseUrlState', () => {
  it('parseUrlState("") is the empty state with no errors', () => {
    expect(parseUrlState('')).toEqual({ state: EMPTY_URL_STATE, errors: [] });
    expect(parseUrlState('?')).toEqual({ state: EMPTY_URL_STATE, errors: [] });
  });

  it('reads every parameter of the contract', () => {
    const { state: parsed, errors } = parseUrlState(
      '?data=fixtures/a.json&format=csv&cols=date:d,lat:y&q=Kõuts+trial&country=EE,FR&technique=honey-trap' +
        '&status=convicted&org=European+Parliament,NATO&from=2021-01-01&to=2021-12-31&map=4.5/50.12/14.43' +
        '&lanes=country&id=ee-kouts-conviction-2021&theme=dark',
    );
    expect(errors).toEqual([]);
    expect(parsed).toEqual({
      data: 'fixtures/a.json',
      format: 'csv',
      cols: 'date:d,lat:y',
      filters: {
        query: 'Kõuts trial',
        countries: ['EE', 'FR'],
        techniques: ['honey-trap'],
        statuses: ['convicted'],
        orgs: ['European Parliament', 'NATO'],
      },
      fromMs: utc(2021, 1, 1),
      toMs: utc(2022, 1, 1),
      map: { zoom: 4.5, lat: 50.12, lng: 14.43 },
      lanes: 'country',
      id: 'ee-kouts-conviction-2021',
      theme: 'dark',
    });
  });

  it('to is inclusive: to=2021-03-02 ends at the start of 3 March', () => {
    expect(parseUrlState('to=2021-03-02').state.toMs).toBe(utc(2021, 3, 3));
    expect(parseUrlState('from=2021-03-02').state.fromMs).toBe(utc(2021, 3, 2));
  });

  it('reads years and months as whole periods: from=2020&to=2021-02 is [2020-01-01, 2021-03-01)', () => {
    const { state: parsed } = parseUrlState('from=2020&to=2021-02');
    expect(parsed.fromMs).toBe(utc(2020, 1, 1));
    expect(parsed.toMs).toBe(utc(2021, 3, 1));
    expect(formatUrlState(parsed)).toBe('from=2020-01-01&to=2021-02-28');
  });

  it('reads a comma inside a list value when escaped with a backslash', () => {
    expect(parseUrlState('org=Government\\,+military,NATO').state.filters.orgs).toEqual([
      'Government, military',
      'NATO',
    ]);
    // The same list with every character percent-encoded, as URLSearchParams would write it.
    expect(
      parseUrlState(new URLSearchParams({ org: 'Government\\, military,NATO' }).toString()).state.filters.orgs,
    ).toEqual(['Government, military', 'NATO']);
  });

  it('drops empty and repeated list items without complaint', () => {
    expect(parseUrlState('country=EE,,EE, FR ,').state.filters.countries).toEqual(['EE', 'FR']);
    expect(kinds('country=EE,,EE, FR ,')).toEqual([]);
  });

  it('ignores tracking parameters silently', () => {
    expect(parseUrlState('utm_source=x&fbclid=abc&q=spy')).toEqual({
      state: state({ filters: filters({ query: 'spy' }) }),
      errors: [],
    });
  });

  it('treats an empty value as not given', () => {
    expect(parseUrlState('theme=&q=&map=')).toEqual({ state: EMPTY_URL_STATE, errors: [] });
  });
});

describe('parseUrlState drops each class of invalid value with an error', () => {
  const cases: [string, string, string][] = [
    ['unknown parameter', 'colour=red', 'unknown'],
    ['repeated key', 'theme=dark&theme=light', 'repeated'],
    ['huge search text', `q=${'a'.repeat(MAX_LENGTH.q + 1)}`, 'too-long'],
    ['huge data address', `data=${'a'.repeat(MAX_LENGTH.data + 1)}`, 'too-long'],
    ['huge list value', `country=${'A'.repeat(MAX_LENGTH.listValue + 1)}`, 'too-long'],
    [
      'too many list values',
      `country=${Array.from({ length: MAX_LIST_VALUES + 5 }, (_, i) => `C${i}`).join(',')}`,
      'too-many',
    ],
    ['too many parameters', Array.from({ length: 70 }, (_, i) => `p${i}=1`).join('&'), 'too-many'],
    ['control character', 'q=spy%00ware', 'control'],
    ['newline', 'id=a%0Ab', 'control'],
    ['bidi override', 'q=%E2%80%AEgnp.exe', 'control'],
    ['script payload', 'q=%3Cscript%3Ealert(1)%3C/script%3E', 'markup'],
    ['markup in a list', 'country=%3Cimg+src=x+onerror=alert(1)%3E', 'markup'],
    ['markup in an id', 'id=%3Csvg/onload=alert(1)%3E', 'markup'],
    ['theme outside the enum', 'theme=neon', 'invalid'],
    ['lanes outside the enum', 'lanes=actor', 'invalid'],
    ['format outside the enum', 'format=xml', 'invalid'],
    ['map with letters', 'map=abc/1/2', 'invalid'],
    ['map with two parts', 'map=4/50', 'invalid'],
    ['map with exponent', 'map=1e1/50/10', 'invalid'],
    ['map with hex', 'map=0x10/50/10', 'invalid'],
    ['map with NaN', 'map=NaN/50/10', 'invalid'],
    ['map with Infinity', 'map=Infinity/0/0', 'invalid'],
    ['map zoom too deep', `map=${MAX_ZOOM + 1}/0/0`, 'invalid'],
    ['map latitude beyond the pole', 'map=3/91/0', 'invalid'],
    ['map longitude beyond the antimeridian', 'map=3/0/181', 'invalid'],
    ['date that does not exist', 'from=2021-02-30', 'invalid'],
    ['month 13', 'from=2021-13', 'invalid'],
    ['date with a time', 'from=2021-03-02T10:00', 'invalid'],
    ['EDTF qualifier', 'from=2021~', 'invalid'],
    ['five-digit year', 'to=20210', 'invalid'],
    ['window running backwards', 'from=2022-01-01&to=2021-01-01', 'invalid'],
    ['window over three centuries', 'from=1600&to=2021', 'invalid'],
  ];
  it.each(cases)('%s (%s) → %s', (_name, search, kind) => {
    const { state: parsed, errors } = parseUrlState(search);
    expect(errors.map((problem) => problem.kind)).toContain(kind);
    // Whatever was dropped is gone: formatting the result gives an address that parses cleanly.
    expect(parseUrlState(formatUrlState(parsed)).errors).toEqual([]);
  });

  it('keeps the valid parameters next to invalid ones', () => {
    const { state: parsed } = parseUrlState('theme=neon&country=EE&map=x&q=%00');
    expect(parsed).toEqual(state({ filters: filters({ countries: ['EE'] }) }));
  });

  it('keeps the first of repeated keys', () => {
    expect(parseUrlState('country=EE&country=FR').state.filters.countries).toEqual(['EE']);
  });

  it('a window running backwards drops both ends', () => {
    const { state: parsed } = parseUrlState('from=2022-01-01&to=2021-01-01');
    expect([parsed.fromMs, parsed.toMs]).toEqual([null, null]);
  });

  it('names parameters safely in its messages', () => {
    const [problem] = parseUrlState(`%3Cb%3E${'x'.repeat(100)}%01=1`).errors;
    expect(problem.param).not.toMatch(/[<>]/);
    expect(problem.param).not.toContain('\u0001');
    expect(problem.param.length).toBeLessThanOrEqual(25);
    expect(problem.message).toContain('ignored');
  });
});

describe('formatUrlState', () => {
  it('formatUrlState(EMPTY_URL_STATE) is empty', () => {
    expect(formatUrlState(EMPTY_URL_STATE)).toBe('');
  });

  it('writes in the contract order, with readable commas, slashes and spaces', () => {
    expect(
      formatUrlState(
        state({
          theme: 'light',
          map: { zoom: 3, lat: 48.5, lng: 2.25 },
          filters: filters({ orgs: ['European Parliament'], countries: ['FR', 'EE'], query: 'a&b=c' }),
          fromMs: utc(2020, 1, 1),
          toMs: utc(2021, 1, 1),
        }),
      ),
    ).toBe(
      'q=a%26b%3Dc&country=FR,EE&org=European+Parliament&from=2020-01-01&to=2020-12-31&map=3/48.5/2.25&theme=light',
    );
  });

  it('escapes commas and backslashes inside list values', () => {
    expect(joinList(['a,b', 'c\\d'])).toBe('a\\,b,c\\\\d');
    expect(splitList(joinList(['a,b', 'c\\d', '']))).toEqual(['a,b', 'c\\d', '']);
  });

  it('never throws on lone surrogates', () => {
    expect(() => formatUrlState(state({ id: 'a\uD800b' }))).not.toThrow();
  });
});

describe('recordLink', () => {
  it('keeps the dataset parameters and the id, and drops the rest of the view and any hash', () => {
    const view = state({
      data: 'https://example.org/app/data/mine.csv',
      format: 'csv',
      cols: 'date:when',
      theme: 'dark',
      map: { zoom: 3, lat: 48.5, lng: 2.25 },
      filters: filters({ countries: ['FR'] }),
      id: 'previously-open',
    });
    const link = new URL(recordLink('https://example.org/app/?theme=light#top', view, 'a&b'));
    expect(link.origin + link.pathname).toBe('https://example.org/app/');
    expect(link.hash).toBe('');
    expect([...link.searchParams]).toEqual([
      ['data', 'https://example.org/app/data/mine.csv'],
      ['format', 'csv'],
      ['cols', 'date:when'],
      ['id', 'a&b'],
    ]);
  });

  it('is the app address and the id alone on the bundled dataset', () => {
    expect(recordLink('https://example.org/atlas/', EMPTY_URL_STATE, 'ee-kouts-conviction-2021')).toBe(
      'https://example.org/atlas/?id=ee-kouts-conviction-2021',
    );
  });
});

describe('describeMissingId', () => {
  it('names a short id whole and cuts a long one', () => {
    expect(describeMissingId('no-such-incident')).toBe(
      'No incident has the id "no-such-incident"; nothing is selected.',
    );
    expect(describeMissingId('x'.repeat(200))).toBe(
      `No incident has the id "${'x'.repeat(60)}…"; nothing is selected.`,
    );
  });
});

describe('map view and days in the address', () => {
  it('reads a map with excess precision as the rounded camera', () => {
    const { state: parsed, errors } = parseUrlState('map=10.5/50.123456789/14.987654321');
    expect(errors).toEqual([]);
    expect(formatUrlState(parsed)).toBe('map=10.5/50.1235/14.9877');
  });

  it('handles years before 100 without mapping them to the 1900s', () => {
    const { state: parsed } = parseUrlState('from=0050-06-01&to=0060-01-01');
    expect(new Date(parsed.fromMs!).getUTCFullYear()).toBe(50);
    expect(formatUrlState(parsed)).toBe('from=0050-06-01&to=0060-01-01');
  });
});

describe('describeUrlErrors', () => {
  it('gives one notice per problem when there are few', () => {
    expect(describeUrlErrors(parseUrlState('theme=x&lanes=y').errors)).toHaveLength(2);
  });
  it('summarises many problems in one notice', () => {
    const notices = describeUrlErrors(parseUrlState('a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8').errors);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^8 link settings .*"a", "b".*, …\.$/);
  });
});

// Randomised inputs, from a seeded generator so a failure can be replayed.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [...'abcXYZ019 -_.,;:/\\?#&=+%~!*()[]{}\'"@$^|`', 'é', 'ß', 'Ω', '中', '😀', '\u00a0', '\u200b'];
const HOSTILE = [...ALPHABET, '<', '>', '\u0000', '\n', '\u202e', '%00', '%ZZ', '%E2%80', '&&', '==', 'script', '1e9'];

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)];
}

function text(rand: () => number, alphabet: readonly string[], maxLength: number): string {
  const length = Math.floor(rand() ** 2 * maxLength);
  let out = '';
  for (let i = 0; i < length; i++) out += pick(rand, alphabet);
  return out;
}

/** A state `parseUrlState` can produce: what a valid state is, written out once. */
function isValidState(value: UrlState): boolean {
  // Written out again rather than imported, so the test does not trust the code it tests.
  // eslint-disable-next-line no-control-regex -- control characters are what must be absent
  const control = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const clean = (s: string, max: number) => s.length <= max && !control.test(s) && !/<[a-z!/?]/i.test(s);
  const lists = [value.filters.countries, value.filters.techniques, value.filters.statuses, value.filters.orgs];
  return (
    lists.every(
      (list) =>
        list.length <= MAX_LIST_VALUES &&
        new Set(list).size === list.length &&
        list.every((item) => item !== '' && item === item.trim() && clean(item, MAX_LENGTH.listValue)),
    ) &&
    clean(value.filters.query, MAX_LENGTH.q) &&
    (value.data === null || (value.data !== '' && clean(value.data, MAX_LENGTH.data))) &&
    (value.cols === null || (value.cols !== '' && clean(value.cols, MAX_LENGTH.cols))) &&
    (value.id === null || (value.id !== '' && clean(value.id, MAX_LENGTH.id))) &&
    (value.format === null || DATA_FORMATS.includes(value.format)) &&
    (value.lanes === null || LANE_MODES.includes(value.lanes)) &&
    (value.theme === null || THEMES.includes(value.theme)) &&
    (value.map === null || JSON.stringify(roundMapView(value.map)) === JSON.stringify(value.map)) &&
    (value.fromMs === null || value.toMs === null || isUrlWindow(value.fromMs, value.toMs))
  );
}

function randomList(rand: () => number): string[] {
  const list = new Set<string>();
  const length = Math.floor(rand() * 4);
  while (list.size < length) {
    const item = text(rand, ALPHABET, 20).trim();
    if (item !== '' && !/<[a-z!/?]/i.test(item)) list.add(item);
  }
  return [...list];
}

function maybe<T>(rand: () => number, make: () => T): T | null {
  return rand() < 0.5 ? make() : null;
}

function randomState(rand: () => number): UrlState {
  const fromDay = Math.floor(rand() * 3000) * 365 + Math.floor(rand() * 365);
  const fromMs = utc(0) + fromDay * DAY_MS;
  const toMs = fromMs + (1 + Math.floor(rand() * 40_000)) * DAY_MS;
  const windowed = rand() < 0.5;
  return {
    data: maybe(rand, () => `fixtures/${text(rand, ALPHABET, 30)}.json`),
    format: maybe(rand, () => pick(rand, DATA_FORMATS)),
    cols: maybe(rand, () => `date:${text(rand, ALPHABET, 10)}`),
    filters: {
      query: text(rand, ALPHABET, 40).replace(/</g, ''),
      countries: randomList(rand),
      techniques: randomList(rand),
      statuses: randomList(rand),
      orgs: randomList(rand),
    },
    fromMs: windowed ? fromMs : null,
    toMs: windowed ? toMs : null,
    map: maybe(rand, () => roundMapView({ zoom: rand() * MAX_ZOOM, lat: rand() * 180 - 90, lng: rand() * 360 - 180 })),
    lanes: maybe(rand, () => pick(rand, LANE_MODES)),
    id: maybe(rand, () => `id-${text(rand, ALPHABET, 20)}`),
    theme: maybe(rand, () => pick(rand, THEMES)),
  };
}

describe('round trip and fuzz', () => {
  it('parseUrlState(formatUrlState(s)) gives back s for 3,000 random valid states', () => {
    const rand = random(20260101);
    for (let i = 0; i < 3000; i++) {
      const original = randomState(rand);
      if (original.fromMs !== null && !isUrlWindow(original.fromMs, original.toMs!)) {
        original.fromMs = null;
        original.toMs = null;
      }
      expect(isValidState(original)).toBe(true);
      const search = formatUrlState(original);
      const { state: parsed, errors } = parseUrlState(search);
      expect(errors, search).toEqual([]);
      expect(parsed, search).toEqual(original);
      // URL → state → URL is exact for what format writes.
      expect(formatUrlState(parsed)).toBe(search);
    }
  });

  it('parseUrlState never throws on 5,000 random strings, and what it returns is valid and canonical', () => {
    const rand = random(7);
    const names = [
      'q',
      'country',
      'technique',
      'status',
      'org',
      'from',
      'to',
      'map',
      'lanes',
      'id',
      'theme',
      'data',
      'x',
    ];
    for (let i = 0; i < 5000; i++) {
      const search =
        rand() < 0.3
          ? text(rand, HOSTILE, 300)
          : Array.from(
              { length: 1 + Math.floor(rand() * 6) },
              () => `${pick(rand, names)}=${text(rand, HOSTILE, 60)}`,
            ).join('&');
      const { state: parsed, errors } = parseUrlState(search);
      expect(isValidState(parsed), search).toBe(true);
      expect(errors.every((problem) => problem.message.length > 0)).toBe(true);
      const canonical = formatUrlState(parsed);
      expect(parseUrlState(canonical), canonical).toEqual({ state: parsed, errors: [] });
    }
  });

  it('on 1,000 structured hostile addresses, never throws, writes canonical addresses, and reports every parameter it ignores', () => {
    const rand = seededRandom(20261128);
    const lists = new Set(['country', 'technique', 'status', 'org']);
    for (let i = 0; i < 1000; i++) {
      const search = randomQuery(rand);
      const { state: parsed, errors } = parseUrlState(search);
      expect(isValidState(parsed), search).toBe(true);
      const canonical = formatUrlState(parsed);
      expect(parseUrlState(canonical), canonical).toEqual({ state: parsed, errors: [] });
      expect(formatUrlState(parseUrlState(canonical).state)).toBe(canonical);

      // Every parameter given and not kept has a notice: unknown, repeated, or a value not used.
      const kept = new Set(new URLSearchParams(canonical).keys());
      const seen = new Set<string>();
      for (const [name, value] of new URLSearchParams(search)) {
        if (/^(utm_|fbclid)/.test(name)) continue;
        const about = (param: string) => errors.some((problem) => problem.param === param);
        if (!URL_PARAMS.includes(name)) {
          expect(
            errors.some((problem) => problem.kind === 'unknown'),
            search,
          ).toBe(true);
          continue;
        }
        if (seen.has(name)) {
          expect(
            errors.some((problem) => problem.kind === 'repeated' && problem.param === name),
            search,
          ).toBe(true);
          continue;
        }
        seen.add(name);
        const nothingToKeep = value === '' || (lists.has(name) && splitList(value).every((item) => !item.trim()));
        if (!kept.has(name) && !nothingToKeep)
          expect(about(name) || (name === 'to' && about('from')), `${name} in ${search}`).toBe(true);
      }
    }
  });

  it('handles a megabyte of input', () => {
    const search = `q=${'x'.repeat(1_000_000)}&${'a=1&'.repeat(10_000)}`;
    const { state: parsed, errors } = parseUrlState(search);
    expect(parsed).toEqual(EMPTY_URL_STATE);
    expect(errors.map((problem) => problem.kind)).toEqual(expect.arrayContaining(['too-long', 'too-many']));
  });
});
