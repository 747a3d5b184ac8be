/**
 * Which column of an imported table feeds which field of a record. Real files rarely use our
 * header, so common names are recognised (`latitude`, `event_date`, `category`…); the rest is
 * chosen by the user in the mapping dialog, or given in the address as `cols=date:death_date,lat:y`
 * so that a shared link reproduces the same reading.
 */
import type { DayMonthOrder } from './imported-dates.ts';

/** The fields an imported row can feed, named as in our CSV header. */
export const IMPORT_FIELDS = [
  'id',
  'date',
  'end_date',
  'title',
  'summary',
  'place',
  'country',
  'lat',
  'lon',
  'techniques',
  'status',
  'source_url',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Field → the column that feeds it. Columns no field uses are kept as `extra`. */
export type ColumnMapping = Partial<Record<ImportField, string>>;

/** A mapping as the address or the dialog gives it: columns, and the day/month order if chosen. */
export interface ColumnChoice {
  mapping: ColumnMapping;
  order?: DayMonthOrder;
}

/** What each field means, for the mapping dialog. */
export const FIELD_LABELS: Record<ImportField, string> = {
  id: 'Identifier',
  date: 'Date (or start)',
  end_date: 'End date',
  title: 'Title',
  summary: 'Summary',
  place: 'Place name',
  country: 'Country',
  lat: 'Latitude',
  lon: 'Longitude',
  techniques: 'Technique or category',
  status: 'Status',
  source_url: 'Source address',
};

/** Fields a record cannot do without (open mode). */
export const REQUIRED_FIELDS: readonly ImportField[] = ['date', 'title'];

/**
 * Column names recognised for each field, best first, compared after `normalizeColumnName`.
 * A category column stands in for the technique.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  id: ['id', 'identifier', 'uid', 'uuid', 'event_id', 'record_id', 'incident_id', 'key', 'slug'],
  date: [
    'date',
    'start_date',
    'date_start',
    'start',
    'event_date',
    'incident_date',
    'begin',
    'from',
    'datetime',
    'date_time',
    'timestamp',
    'time',
    'when',
    'day',
    'occurred',
    'occurred_at',
    'occurred_on',
    'year',
  ],
  end_date: ['end_date', 'end', 'date_end', 'until', 'to', 'finish', 'stop', 'end_time', 'ended'],
  title: ['title', 'name', 'headline', 'event', 'event_name', 'label', 'subject', 'incident'],
  summary: ['summary', 'description', 'desc', 'details', 'notes', 'note', 'text', 'body', 'abstract'],
  place: ['place', 'location', 'city', 'town', 'site', 'locality', 'place_name', 'location_name', 'address'],
  country: ['country', 'country_code', 'iso2', 'iso_2', 'iso_a2', 'countries', 'nation', 'country_name'],
  lat: ['lat', 'latitude', 'lat_dd', 'y', 'breite'],
  lon: ['lon', 'lng', 'long', 'longitude', 'lon_dd', 'x', 'laenge'],
  techniques: [
    'techniques',
    'technique',
    'category',
    'categories',
    'type',
    'types',
    'event_type',
    'kind',
    'tags',
    'tactic',
    'tactics',
  ],
  status: ['status', 'verdict', 'outcome_status'],
  // Not `sources`: that is our record's list of source objects, read as it is.
  source_url: ['source_url', 'source', 'url', 'link', 'source_link', 'reference', 'references'],
};

/** Extra names accepted as field keys in `cols` (e.g. `lng:x`, `category:type`). */
const FIELD_ALIASES: Record<string, ImportField> = {
  end: 'end_date',
  lng: 'lon',
  long: 'lon',
  longitude: 'lon',
  latitude: 'lat',
  technique: 'techniques',
  category: 'techniques',
  source: 'source_url',
  url: 'source_url',
  name: 'title',
  description: 'summary',
};

/** `Event Date ` → `event_date`; accents and case ignored. */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

function isImportField(key: string): key is ImportField {
  return (IMPORT_FIELDS as readonly string[]).includes(key);
}

/** Recognises columns by their names; each column feeds at most one field. */
export function detectColumns(columns: readonly string[]): ColumnMapping {
  const byName = new Map<string, string>();
  for (const column of columns) {
    const key = normalizeColumnName(column);
    if (!byName.has(key)) byName.set(key, column);
  }
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  // Exact field names first, so `end` is never taken as a date synonym before `end_date` is seen.
  for (const field of IMPORT_FIELDS) {
    const column = byName.get(field);
    if (column !== undefined && !used.has(column)) {
      mapping[field] = column;
      used.add(column);
    }
  }
  for (const field of IMPORT_FIELDS) {
    if (mapping[field] !== undefined) continue;
    for (const synonym of SYNONYMS[field]) {
      const column = byName.get(synonym);
      if (column !== undefined && !used.has(column)) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return mapping;
}

/** Finds a column by its exact name, else by its normalised name. */
export function findColumn(columns: readonly string[], name: string): string | undefined {
  if (columns.includes(name)) return name;
  const wanted = normalizeColumnName(name);
  return columns.find((column) => normalizeColumnName(column) === wanted);
}

function decodePart(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const ORDER_NAMES: Record<string, DayMonthOrder> = {
  'day-first': 'day-first',
  dmy: 'day-first',
  'month-first': 'month-first',
  mdy: 'month-first',
};

/**
 * Reads a `cols` value: `date:death_date,lat:latitude,order:day-first`. Column names may be
 * percent-encoded (for commas or colons in them). Unknown fields are reported, not guessed.
 */
export function parseColumnMapping(text: string): { choice: ColumnChoice; errors: string[] } {
  const mapping: ColumnMapping = {};
  const errors: string[] = [];
  let order: DayMonthOrder | undefined;
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const colon = part.indexOf(':');
    const key = (colon < 0 ? part : part.slice(0, colon)).trim().toLowerCase();
    const value = colon < 0 ? '' : decodePart(part.slice(colon + 1)).trim();
    if (key === 'order') {
      if (ORDER_NAMES[value.toLowerCase()]) order = ORDER_NAMES[value.toLowerCase()];
      else errors.push(`cols: unknown date order "${value}" (use day-first or month-first)`);
      continue;
    }
    const field = isImportField(key) ? key : FIELD_ALIASES[key];
    if (field === undefined) {
      errors.push(`cols: "${key}" is not a field (fields: ${IMPORT_FIELDS.join(', ')})`);
    } else if (value === '') {
      errors.push(`cols: no column given for ${field}`);
    } else {
      mapping[field] = value;
    }
  }
  return { choice: order ? { mapping, order } : { mapping }, errors };
}

/** The `cols` value for a choice, in field order; the inverse of `parseColumnMapping`. */
export function formatColumnMapping({ mapping, order }: ColumnChoice): string {
  const parts = IMPORT_FIELDS.filter((field) => mapping[field] !== undefined).map(
    (field) => `${field}:${encodeURIComponent(mapping[field]!)}`,
  );
  if (order) parts.push(`order:${order}`);
  return parts.join(',');
}

/**
 * The mapping to use for a table: what the address asked for (where such a column exists) over
 * what the names suggest. Requested columns that do not exist are reported.
 */
export function resolveColumnMapping(
  columns: readonly string[],
  requested: ColumnMapping = {},
): { mapping: ColumnMapping; errors: string[] } {
  const detected = detectColumns(columns);
  const errors: string[] = [];
  const chosen: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const wanted = requested[field];
    if (wanted === undefined) continue;
    const column = findColumn(columns, wanted);
    if (column === undefined) errors.push(`cols: the file has no column "${wanted}" for ${field}`);
    else chosen[field] = column;
  }
  // A column chosen explicitly is not also used by a detected field.
  const taken = new Set(Object.values(chosen));
  const mapping: ColumnMapping = { ...chosen };
  for (const field of IMPORT_FIELDS) {
    const column = detected[field];
    if (mapping[field] === undefined && column !== undefined && !taken.has(column)) {
      mapping[field] = column;
      taken.add(column);
    }
  }
  return { mapping, errors };
}

/** Required fields with no column. */
export function missingFields(mapping: ColumnMapping): ImportField[] {
  return REQUIRED_FIELDS.filter((field) => mapping[field] === undefined);
}
