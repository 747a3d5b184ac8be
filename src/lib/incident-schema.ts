/**
 * The incident record, v1: one valibot definition from which come the TypeScript types, the
 * curated-mode validation and the published JSON Schema (`static/incident.schema.json`).
 * Valibot validates without `eval`, so it runs under a strict CSP.
 */
import * as v from 'valibot';
import { EDTF_DATE_PATTERN, EDTF_END_PATTERN, parseCalendarDate } from './dates.ts';
import { isCountryCode } from './countries.ts';
import { ORGANISATIONS, OUTCOMES, PLACE_PRECISIONS, STATUSES, TECHNIQUES } from './vocabulary.ts';

export const SCHEMA_VERSION = 1;

const text = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.trim(), v.nonEmpty(`${what} must not be empty`));

const calendarDate = (what: string, pattern: string) =>
  v.pipe(
    v.string(`${what} must be a date string like 2021-03-02`),
    v.regex(new RegExp(pattern), `${what} must look like 2021, 2021-03 or 2021-03-02 (optionally ~ or ?)`),
    v.check((value) => value === '..' || parseCalendarDate(value).ok, `${what} is not a real calendar date`),
  );

const isoDay = (what: string) =>
  v.pipe(v.string(`${what} must be a date string`), v.isoDate(`${what} must be an ISO day like 2024-05-01`));

const webAddress = (what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.url(`${what} must be a full web address`),
    v.regex(/^https?:\/\//i, `${what} must start with http:// or https://`),
  );

const countryCode = (what: string) =>
  v.pipe(
    v.string(`${what} must be a two-letter country code`),
    v.regex(/^[A-Z]{2}$/, `${what} must be a two-letter ISO country code like FR`),
    v.check(isCountryCode, `${what} is not an ISO 3166-1 country code`),
  );

const longitude = v.pipe(
  v.number('longitude must be a number'),
  v.minValue(-180, 'longitude must be between -180 and 180'),
  v.maxValue(180, 'longitude must be between -180 and 180'),
);
const latitude = v.pipe(
  v.number('latitude must be a number'),
  v.minValue(-90, 'latitude must be between -90 and 90'),
  v.maxValue(90, 'latitude must be between -90 and 90'),
);

export const PlaceSchema = v.strictObject({
  name: text('place name'),
  lngLat: v.tuple([longitude, latitude], 'lngLat must be [longitude, latitude]'),
  precision: v.picklist(PLACE_PRECISIONS, 'precision must be site, city or country'),
  country: countryCode('place country'),
});

export const SourceSchema = v.strictObject({
  publisher: text('publisher'),
  title: text('source title'),
  date: calendarDate('source date', EDTF_DATE_PATTERN),
  url: webAddress('source address'),
  via: v.optional(webAddress('via address')),
  accessed: v.optional(isoDay('accessed')),
  archiveUrl: v.optional(webAddress('archive address')),
});

export const RelatedDateSchema = v.strictObject({
  label: text('related date label'),
  date: calendarDate('related date', EDTF_DATE_PATTERN),
});

const techniqueValues = Object.keys(TECHNIQUES) as (keyof typeof TECHNIQUES)[];
const statusValues = Object.keys(STATUSES) as (keyof typeof STATUSES)[];
const outcomeValues = Object.keys(OUTCOMES) as (keyof typeof OUTCOMES)[];

/** A curated record: strict vocabularies and at least one complete source. */
export const IncidentRecordSchema = v.strictObject({
  id: v.pipe(
    v.string('id must be text'),
    v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be a lowercase slug like ee-kouts-conviction-2021'),
  ),
  title: text('title'),
  summary: text('summary'),
  date: calendarDate('date', EDTF_DATE_PATTERN),
  end: v.optional(calendarDate('end', EDTF_END_PATTERN)),
  relatedDates: v.optional(v.array(RelatedDateSchema)),
  places: v.pipe(v.array(PlaceSchema, 'places must be a list'), v.minLength(1, 'at least one place is needed')),
  actors: v.array(countryCode('actor'), 'actors must be a list of country codes'),
  targets: v.strictObject({
    countries: v.array(countryCode('target country')),
    orgs: v.array(v.picklist(ORGANISATIONS, `target organisation must be one of: ${ORGANISATIONS.join(', ')}`)),
  }),
  techniques: v.pipe(
    v.array(v.picklist(techniqueValues, `technique must be one of: ${techniqueValues.join(', ')}`)),
    v.minLength(1, 'at least one technique is needed'),
  ),
  status: v.picklist(statusValues, `status must be one of: ${statusValues.join(', ')}`),
  statusNote: v.optional(text('status note')),
  outcome: v.optional(v.picklist(outcomeValues, `outcome must be one of: ${outcomeValues.join(', ')}`)),
  sources: v.pipe(v.array(SourceSchema, 'sources must be a list'), v.minLength(1, 'at least one source is needed')),
  discrepancies: v.optional(v.array(text('discrepancy note'))),
  updated: isoDay('updated'),
});

export const DatasetMetaSchema = v.strictObject({
  name: text('dataset name'),
  version: text('dataset version'),
  updated: isoDay('dataset updated'),
  license: v.optional(text('licence')),
  description: v.optional(text('description')),
});

/** The bundled dataset file: metadata plus records. */
export const DatasetFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  dataset: DatasetMetaSchema,
  incidents: v.array(v.unknown()),
});

export type IncidentRecord = v.InferOutput<typeof IncidentRecordSchema>;
export type Place = v.InferOutput<typeof PlaceSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type RelatedDate = v.InferOutput<typeof RelatedDateSchema>;
export type DatasetMeta = v.InferOutput<typeof DatasetMetaSchema>;

/** A source as the app holds it: curated sources are complete; an imported one may be only an address. */
export type SourceRef = Partial<Source>;

/** A place as the app holds it; an imported point may lack a name or a country. */
export interface PlaceRef {
  name: string;
  lngLat: [number, number];
  precision: Place['precision'];
  country?: string;
}

/**
 * The record as the app holds it, from either mode: curated records fit it as they are; an open
 * dataset's categories are kept as plain strings, and missing lists are empty.
 */
export interface Incident {
  id: string;
  title: string;
  summary: string;
  date: string;
  end?: string;
  relatedDates: RelatedDate[];
  places: PlaceRef[];
  actors: string[];
  targets: { countries: string[]; orgs: string[] };
  techniques: string[];
  status?: string;
  statusNote?: string;
  outcome?: string;
  sources: SourceRef[];
  discrepancies: string[];
  updated?: string;
  /** Columns of an imported file that the schema does not know, kept and shown as they are. */
  extra?: Record<string, string>;
}
