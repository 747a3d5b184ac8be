/**
 * The view in the address: pure `parseUrlState(search)` / `formatUrlState(state)` (CONTRACTS §4).
 * Each parameter declares how it is read and written, as timemap's URL schema did, but as typed
 * functions. Parsing never throws: anything it cannot use is dropped and reported as a `UrlError`,
 * so a hostile link shows a notice, never a broken page. A canonical address (what `format`
 * writes) round-trips exactly: `formatUrlState(parseUrlState(s).state) === s`.
 *
 * Time window: `from` and `to` are EDTF days, both **inclusive** — `from=2021-01-01&to=2021-12-31`
 * is the whole of 2021, the half-open interval [2021-01-01, 2022-01-01). Years and months are read
 * too (`from=2021` starts on 1 January, `to=2021` ends on 31 December) and written back as days.
 */
import type { Filters } from './filter.ts';
import { formatMapView, formatUrlDay, isUrlWindow, parseMapView, parseUrlDay, type UrlMapView } from './url-values.ts';

export const LANE_MODES = ['technique', 'country', 'none'] as const;
export type UrlLaneMode = (typeof LANE_MODES)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type UrlTheme = (typeof THEMES)[number];
export const DATA_FORMATS = ['json', 'csv', 'geojson'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** Everything a link can say; `null` (or an empty list / query) means "not given". */
export interface UrlState {
  data: string | null;
  format: DataFormat | null;
  cols: string | null;
  filters: Filters;
  /** Start of the first day shown, UTC epoch ms (a day boundary). */
  fromMs: number | null;
  /** End of the last day shown, exclusive, UTC epoch ms (a day boundary). */
  toMs: number | null;
  map: UrlMapView | null;
  lanes: UrlLaneMode | null;
  id: string | null;
  theme: UrlTheme | null;
}

export type UrlErrorKind = 'unknown' | 'repeated' | 'too-long' | 'too-many' | 'control' | 'markup' | 'invalid';

export interface UrlError {
  /** The parameter's name, made safe to show (truncated, no control characters). */
  param: string;
  kind: UrlErrorKind;
  /** One sentence for the notice. */
  message: string;
}

export const EMPTY_URL_STATE: UrlState = {
  data: null,
  format: null,
  cols: null,
  filters: { countries: [], techniques: [], statuses: [], orgs: [], query: '' },
  fromMs: null,
  toMs: null,
  map: null,
  lanes: null,
  id: null,
  theme: null,
};

/** Longest accepted value per parameter, in UTF-16 units. */
export const MAX_LENGTH = { data: 2048, cols: 1024, q: 200, id: 200, listValue: 120, list: 4096 } as const;
/** Most values one list parameter may carry. */
export const MAX_LIST_VALUES = 100;
/** Most parameters read from one address; the rest are ignored. */
export const MAX_PARAMS = 64;

const DAY_MS = 86_400_000;
const LIST_PARAMS = { country: 'countries', technique: 'techniques', status: 'statuses', org: 'orgs' } as const;
type ListParam = keyof typeof LIST_PARAMS;
/** The parameters of CONTRACTS §4, in the order they are written: the contract's table. */
export const URL_PARAMS: readonly string[] = [
  'data',
  'format',
  'cols',
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
];
/** Tracking parameters that messengers add to links: dropped without a notice (and without keeping them). */
const TRACKING = /^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid)$/i;

/** C0/C1 controls and the bidirectional overrides that can disguise text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Something a browser would read as the start of a tag. */
const MARKUP = /<[a-z!/?]/i;

/** A parameter name as it may appear in a notice. */
function safeName(name: string): string {
  const clean = name.replace(new RegExp(CONTROL.source, 'g'), '').replace(/[<>]/g, '');
  return clean.length > 24 ? `${clean.slice(0, 24)}…` : clean || '(unnamed)';
}

function error(param: string, kind: UrlErrorKind, detail: string): UrlError {
  const name = safeName(param);
  const messages: Record<UrlErrorKind, string> = {
    unknown: `The link setting "${name}" is not one the atlas knows; it was ignored.`,
    repeated: `The link gives "${name}" more than once; only the first was used.`,
    'too-long': `The link's "${name}" is too long (${detail}); it was ignored.`,
    'too-many': `The link ${detail}; the rest were ignored.`,
    control: `The link's "${name}" contains control characters; it was ignored.`,
    markup: `The link's "${name}" looks like markup; it was ignored.`,
    invalid: `The link's "${name}" was not understood (${detail}); it was ignored.`,
  };
  return { param: name, kind, message: messages[kind] };
}

/** Checks a free-text value: length, control characters, markup. Returns the problem or null. */
function textProblem(name: string, value: string, maxLength: number): UrlError | null {
  if (value.length > maxLength) return error(name, 'too-long', `over ${maxLength} characters`);
  if (CONTROL.test(value)) return error(name, 'control', '');
  if (MARKUP.test(value)) return error(name, 'markup', '');
  return null;
}

/** Splits a comma-separated list; `\,` is a comma inside a value and `\\` a backslash. */
export function splitList(text: string): string[] {
  const values: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length) current += text[++i];
    else if (char === ',') {
      values.push(current);
      current = '';
    } else current += char;
  }
  values.push(current);
  return values;
}

export function joinList(values: readonly string[]): string {
  return values.map((value) => value.replace(/\\/g, '\\\\').replace(/,/g, '\\,')).join(',');
}

function parseList(name: string, value: string): { values: string[]; errors: UrlError[] } {
  if (value.length > MAX_LENGTH.list) return { values: [], errors: [error(name, 'too-long', 'too many characters')] };
  const errors: UrlError[] = [];
  const values: string[] = [];
  for (const item of splitList(value)) {
    const trimmed = item.trim();
    if (trimmed === '' || values.includes(trimmed)) continue;
    const problem = textProblem(name, trimmed, MAX_LENGTH.listValue);
    if (problem) {
      if (!errors.some((known) => known.kind === problem.kind)) errors.push(problem);
      continue;
    }
    if (values.length === MAX_LIST_VALUES) {
      errors.push(error(name, 'too-many', `lists more than ${MAX_LIST_VALUES} values for "${safeName(name)}"`));
      break;
    }
    values.push(trimmed);
  }
  return { values, errors };
}

function oneOf<T extends string>(values: readonly T[], value: string): T | null {
  return (values as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Reads an address's query (with or without the leading `?`). Never throws; whatever cannot be
 * used is left out of `state` and described in `errors`.
 */
export function parseUrlState(search: string): { state: UrlState; errors: UrlError[] } {
  const state: UrlState = structuredClone(EMPTY_URL_STATE);
  const errors: UrlError[] = [];
  const seen = new Set<string>();
  let count = 0;
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  for (const [name, value] of params) {
    if (TRACKING.test(name)) continue;
    if (++count > MAX_PARAMS) {
      errors.push(error('address', 'too-many', `has more than ${MAX_PARAMS} settings`));
      break;
    }
    if (!URL_PARAMS.includes(name)) {
      errors.push(error(name, 'unknown', ''));
      continue;
    }
    if (seen.has(name)) {
      if (!errors.some((known) => known.kind === 'repeated' && known.param === name))
        errors.push(error(name, 'repeated', ''));
      continue;
    }
    seen.add(name);
    if (value === '') continue;
    errors.push(...readParam(state, name, value));
  }
  if (state.fromMs !== null && state.toMs !== null && !isUrlWindow(state.fromMs, state.toMs)) {
    errors.push(error('from', 'invalid', 'the window must run forwards and span at most three centuries'));
    state.fromMs = null;
    state.toMs = null;
  }
  return { state, errors };
}

/** Reads one parameter into `state`; returns what went wrong. */
function readParam(state: UrlState, name: string, value: string): UrlError[] {
  if (Object.hasOwn(LIST_PARAMS, name)) {
    const { values, errors } = parseList(name, value);
    state.filters = { ...state.filters, [LIST_PARAMS[name as ListParam]]: values };
    return errors;
  }
  const limit =
    name === 'data' ? MAX_LENGTH.data : name === 'cols' ? MAX_LENGTH.cols : name === 'q' ? MAX_LENGTH.q : MAX_LENGTH.id;
  const problem = textProblem(name, value, limit);
  if (problem) return [problem];
  switch (name) {
    case 'data':
      state.data = value;
      return [];
    case 'cols':
      state.cols = value;
      return [];
    case 'q':
      state.filters = { ...state.filters, query: value };
      return [];
    case 'id':
      state.id = value;
      return [];
    case 'format':
      state.format = oneOf(DATA_FORMATS, value);
      return state.format ? [] : [error(name, 'invalid', 'expected json, csv or geojson')];
    case 'lanes':
      state.lanes = oneOf(LANE_MODES, value);
      return state.lanes ? [] : [error(name, 'invalid', 'expected technique, country or none')];
    case 'theme':
      state.theme = oneOf(THEMES, value);
      return state.theme ? [] : [error(name, 'invalid', 'expected auto, light or dark')];
    case 'map':
      state.map = parseMapView(value);
      return state.map ? [] : [error(name, 'invalid', 'expected zoom/latitude/longitude, e.g. 4/50.1/14.4')];
    case 'from':
    case 'to': {
      const day = parseUrlDay(value);
      if (!day) return [error(name, 'invalid', 'expected a date like 2021-03-02')];
      if (name === 'from') state.fromMs = day.startMs;
      else state.toMs = day.endMs;
      return [];
    }
  }
  return [];
}

/** Percent-encodes a value, keeping the characters that read well in an address. */
function encodeValue(value: string): string {
  // Lone surrogates cannot be encoded; a valid state never has them, but formatting must not throw.
  return encodeURIComponent(value.replace(/\p{Cs}/gu, '\uFFFD'))
    .replace(/%2C/g, ',')
    .replace(/%2F/g, '/')
    .replace(/%3A/g, ':')
    .replace(/%20/g, '+');
}

/** Writes a state as a query without the leading `?` (empty when nothing is set), in the contract's order. */
export function formatUrlState(state: UrlState): string {
  const { filters } = state;
  const entries: [string, string | null][] = [
    ['data', state.data],
    ['format', state.format],
    ['cols', state.cols],
    ['q', filters.query === '' ? null : filters.query],
    ['country', filters.countries.length ? joinList(filters.countries) : null],
    ['technique', filters.techniques.length ? joinList(filters.techniques) : null],
    ['status', filters.statuses.length ? joinList(filters.statuses) : null],
    ['org', filters.orgs.length ? joinList(filters.orgs) : null],
    ['from', state.fromMs === null ? null : formatUrlDay(state.fromMs)],
    ['to', state.toMs === null ? null : formatUrlDay(state.toMs - DAY_MS)],
    ['map', state.map ? formatMapView(state.map) : null],
    ['lanes', state.lanes],
    ['id', state.id],
    ['theme', state.theme],
  ];
  return entries
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== '')
    .map(([name, value]) => `${name}=${encodeValue(value)}`)
    .join('&');
}

/** What `loadIntoAtlas` reads from an address: the dataset parameters and the selection. */
export function formatLoadQuery(state: UrlState): string {
  const { data, format, cols, id } = state;
  return formatUrlState({ ...EMPTY_URL_STATE, data, format, cols, id });
}

/**
 * The address that opens `appUrl` on one record of the dataset `view` shows: the dataset parameters
 * and the id, nothing else of the view. A permalink must not depend on the page it was copied from
 * (an embed's host, an iframe's own address), and must keep `data=` so it names the same record.
 */
export function recordLink(appUrl: string, view: UrlState, id: string): string {
  const url = new URL(appUrl);
  url.search = formatLoadQuery({ ...view, id });
  url.hash = '';
  return url.href;
}

/** The notice for a link's `id` that names no record: long ids are cut, the notice stays one line. */
export function describeMissingId(id: string): string {
  return `No incident has the id "${id.length > 60 ? `${id.slice(0, 60)}…` : id}"; nothing is selected.`;
}

/** At most a few notices for a link's problems: each one, or a summary when there are many. */
export function describeUrlErrors(errors: readonly UrlError[], maxNotices = 3): string[] {
  if (errors.length <= maxNotices) return errors.map((problem) => problem.message);
  const names = [...new Set(errors.map((problem) => problem.param))];
  const shown = names.slice(0, 6).map((name) => `"${name}"`);
  return [
    `${errors.length} link settings were not understood and were ignored: ${shown.join(', ')}${names.length > shown.length ? ', …' : ''}.`,
  ];
}
