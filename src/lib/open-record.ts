/**
 * Open mode: a user's own record, read as leniently as its meaning allows. Only a title and a
 * readable date are required; unknown categories are kept; a record is left out only when its date
 * or (if given) its coordinates cannot be read. Everything else that cannot be used is dropped with a
 * notice, so the user sees what happened to their data.
 */
import { parseIncidentTime } from './dates.ts';
import { readImportedDate, type DayMonthOrder } from './imported-dates.ts';
import type { Incident, PlaceRef, SourceRef } from './incident-schema.ts';
import { PLACE_PRECISIONS, type PlacePrecision } from './vocabulary.ts';

export interface OpenRecordIssue {
  field: string;
  reason: string;
  severity: 'error' | 'notice';
}

export type OpenRecordResult = { incident: Incident | null; issues: OpenRecordIssue[] };

export interface OpenRecordOptions {
  /** How to read `03/02/2021`-style dates, when the user (or the file's other dates) settled it. */
  dateOrder?: DayMonthOrder;
}

type Raw = Record<string, unknown>;

/** Keys read into the record; any other scalar key is kept in `extra`. */
const KNOWN_KEYS = new Set([
  'id',
  'title',
  'summary',
  'date',
  'end',
  'relatedDates',
  'places',
  'actors',
  'targets',
  'techniques',
  'status',
  'statusNote',
  'outcome',
  'sources',
  'discrepancies',
  'updated',
  'extra',
  'lat',
  'lon',
  'lng',
  'place',
  'country',
  'source_url',
]);

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text from a string or a number; anything else is absent. */
function maybeText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A list of strings from an array or a `;`-separated string. */
function maybeList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(maybeText).filter((item): item is string => item !== undefined);
  const single = maybeText(value);
  if (single === undefined) return [];
  return single
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);
}

function maybeNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') {
    const number = Number(value.trim().replace(',', '.'));
    return Number.isNaN(number) ? undefined : number;
  }
  return undefined;
}

function isWebAddress(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value);
}

/** A coordinate cell as the user wrote it, for messages about a flat row's lat/lon. */
function describeCoordinate(value: unknown): string {
  const text = maybeText(value);
  return text === undefined ? '(empty)' : `"${text}"`;
}

function readPlace(raw: unknown, field: string, issues: OpenRecordIssue[]): PlaceRef | null {
  if (!isRecord(raw)) {
    issues.push({ field, reason: 'a place must be an object with lngLat', severity: 'error' });
    return null;
  }
  const lngLat = Array.isArray(raw.lngLat) ? raw.lngLat : [raw.lng ?? raw.lon, raw.lat];
  const lng = maybeNumber(lngLat[0]);
  const lat = maybeNumber(lngLat[1]);
  if (lng === undefined || lat === undefined || Math.abs(lng) > 180 || Math.abs(lat) > 90) {
    const flat = !Array.isArray(raw.lngLat);
    issues.push({
      field: flat ? field : `${field}.lngLat`,
      reason: flat
        ? `latitude ${describeCoordinate(raw.lat)} and longitude ${describeCoordinate(raw.lng ?? raw.lon)} cannot be read as a point`
        : `coordinates ${JSON.stringify(lngLat)} cannot be read as longitude and latitude`,
      severity: 'error',
    });
    return null;
  }
  const precision = maybeText(raw.precision);
  const knownPrecision = PLACE_PRECISIONS.includes(precision as PlacePrecision);
  if (precision !== undefined && !knownPrecision) {
    issues.push({
      field: `${field}.precision`,
      reason: `unknown precision "${precision}", read as city`,
      severity: 'notice',
    });
  }
  const country = maybeText(raw.country)?.toUpperCase();
  return {
    name: maybeText(raw.name) ?? '',
    lngLat: [lng, lat],
    precision: knownPrecision ? (precision as PlacePrecision) : 'city',
    ...(country ? { country } : {}),
  };
}

function readPlaces(raw: Raw, issues: OpenRecordIssue[]): PlaceRef[] {
  if (Array.isArray(raw.places)) {
    return raw.places.map((place, i) => readPlace(place, `places[${i}]`, issues)).filter((p): p is PlaceRef => !!p);
  }
  const hasPoint = [raw.lat, raw.lon, raw.lng].some((value) => maybeText(value) !== undefined);
  if (!hasPoint) return [];
  // A flat row's `country` may list several target countries; its point lies in the first.
  const place = readPlace(
    { name: raw.place, lat: raw.lat, lng: raw.lng ?? raw.lon, country: maybeList(raw.country)[0] },
    'lat/lon',
    issues,
  );
  return place ? [place] : [];
}

function readSources(raw: Raw, issues: OpenRecordIssue[]): SourceRef[] {
  const listed: unknown[] = Array.isArray(raw.sources)
    ? raw.sources
    : raw.source_url !== undefined
      ? [raw.source_url]
      : [];
  const sources: SourceRef[] = [];
  listed.forEach((entry, i) => {
    const field = Array.isArray(raw.sources) ? `sources[${i}]` : 'source_url';
    const source: Raw = isRecord(entry) ? entry : { url: entry };
    const url = maybeText(source.url);
    if (url !== undefined && !isWebAddress(url)) {
      issues.push({ field, reason: `address "${url}" is not an http(s) address and was left out`, severity: 'notice' });
    }
    const kept: SourceRef = {
      publisher: maybeText(source.publisher),
      title: maybeText(source.title),
      date: maybeText(source.date),
      url: url !== undefined && isWebAddress(url) ? url : undefined,
    };
    const archiveUrl = maybeText(source.archiveUrl);
    if (archiveUrl && isWebAddress(archiveUrl)) kept.archiveUrl = archiveUrl;
    const via = maybeText(source.via);
    if (via && isWebAddress(via)) kept.via = via;
    if (kept.url || kept.title || kept.publisher) sources.push(withoutUndefined(kept));
  });
  return sources;
}

function withoutUndefined<T extends object>(value: T): T {
  // A loop rather than Object.fromEntries: the result keeps a shared hidden class.
  const kept = {} as Record<string, unknown>;
  for (const key in value) if (value[key] !== undefined) kept[key] = value[key];
  return kept as T;
}

function readExtra(raw: Raw): Record<string, string> | undefined {
  const extra: Record<string, string> = isRecord(raw.extra)
    ? Object.fromEntries(
        Object.entries(raw.extra)
          .map(([key, value]) => [key, maybeText(value)] as const)
          .filter((entry): entry is [string, string] => entry[1] !== undefined),
      )
    : {};
  for (const [key, value] of Object.entries(raw)) {
    if (KNOWN_KEYS.has(key)) continue;
    const text = maybeText(value);
    if (text !== undefined) extra[key] = text;
  }
  return Object.keys(extra).length > 0 ? extra : undefined;
}

/** Reads one open-mode record; `position` (1-based) names it when it has no id (`row-N`). */
export function readOpenRecord(raw: unknown, position: number, options: OpenRecordOptions = {}): OpenRecordResult {
  const issues: OpenRecordIssue[] = [];
  if (!isRecord(raw)) {
    return { incident: null, issues: [{ field: '', reason: 'a record must be an object', severity: 'error' }] };
  }
  const title = maybeText(raw.title);
  if (title === undefined) issues.push({ field: 'title', reason: 'a title is required', severity: 'error' });

  const date = readImportedDate(raw.date, options.dateOrder);
  if (!date.ok) issues.push({ field: 'date', reason: date.reason, severity: 'error' });
  else if (date.notice) issues.push({ field: 'date', reason: date.notice, severity: 'notice' });

  let end: string | undefined;
  if (raw.end !== undefined && raw.end !== null && raw.end !== '') {
    const endDate =
      raw.end === '..' ? { ok: true as const, value: '..' } : readImportedDate(raw.end, options.dateOrder);
    if (!endDate.ok)
      issues.push({ field: 'end', reason: `${endDate.reason}; the end was left out`, severity: 'notice' });
    else end = endDate.value;
  }
  if (date.ok && end !== undefined && !parseIncidentTime(date.value, end).ok) {
    issues.push({
      field: 'end',
      reason: `end ${end} is before the date ${date.value}; the end was left out`,
      severity: 'notice',
    });
    end = undefined;
  }

  const places = readPlaces(raw, issues);
  if (issues.some((issue) => issue.severity === 'error') || !date.ok || title === undefined) {
    return { incident: null, issues };
  }
  const targets = isRecord(raw.targets) ? raw.targets : {};
  const targetCountries = isRecord(raw.targets) ? maybeList(targets.countries) : maybeList(raw.country);
  const incident: Incident = {
    id: maybeText(raw.id) ?? `row-${position}`,
    title,
    summary: maybeText(raw.summary) ?? '',
    date: date.value,
    ...(end !== undefined ? { end } : {}),
    relatedDates: Array.isArray(raw.relatedDates)
      ? raw.relatedDates.flatMap((entry) => {
          if (!isRecord(entry)) return [];
          const label = maybeText(entry.label);
          const value = readImportedDate(entry.date);
          // A related period keeps its end (what our JSON and GeoJSON exports write).
          const end = entry.end === undefined ? undefined : readImportedDate(entry.end);
          return label && value.ok ? [{ label, date: value.value, ...(end?.ok ? { end: end.value } : {}) }] : [];
        })
      : [],
    places,
    actors: maybeList(raw.actors).map((code) => code.toUpperCase()),
    targets: {
      countries: targetCountries.map((code) => code.toUpperCase()),
      orgs: maybeList(targets.orgs),
    },
    techniques: maybeList(raw.techniques),
    sources: readSources(raw, issues),
    discrepancies: maybeList(raw.discrepancies),
  };
  const status = maybeText(raw.status);
  if (status) incident.status = status;
  const statusNote = maybeText(raw.statusNote);
  if (statusNote) incident.statusNote = statusNote;
  const outcome = maybeText(raw.outcome);
  if (outcome) incident.outcome = outcome;
  const updated = maybeText(raw.updated);
  if (updated) incident.updated = updated;
  const extra = readExtra(raw);
  if (extra) incident.extra = extra;
  return { incident, issues };
}
