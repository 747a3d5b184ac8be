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
    // Only once the shape is right, so a malformed value gets one message, not two.
    v.check(
      (value) => value === '..' || !new RegExp(pattern).test(value) || parseCalendarDate(value).ok,
      `${what} is not a real calendar date`,
    ),
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
    v.check((code) => !/^[A-Z]{2}$/.test(code) || isCountryCode(code), `${what} is not an ISO 3166-1 country code`),
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

export const PlaceSchema = v.pipe(
  v.strictObject({
    name: v.pipe(
      text('place name'),
      v.description('What the point marks, naming its city (checked against GeoNames): "Capel Street, Dublin".'),
    ),
    lngLat: v.pipe(
      v.tuple([longitude, latitude], 'lngLat must be [longitude, latitude]'),
      v.description('[longitude, latitude] in decimal degrees (WGS 84), longitude first as in GeoJSON and MapLibre.'),
    ),
    precision: v.pipe(
      v.picklist(PLACE_PRECISIONS, 'precision must be site, city or country'),
      v.description(
        'site: a named building, street or airport (to about 1 km); city: the city centre (GeoNames position); country: no point, a representative one (usually the capital).',
      ),
    ),
    country: v.pipe(
      countryCode('place country'),
      v.description('ISO 3166-1 alpha-2 code of the country the point lies in.'),
    ),
  }),
  v.description('A place on the map.'),
);

export const SourceSchema = v.strictObject({
  publisher: v.pipe(
    text('publisher'),
    v.description('Who published it; a republication names both ("Associated Press, via Yahoo News").'),
  ),
  title: v.pipe(
    text('source title'),
    v.description('The title as published; a [bracketed description] only where the title is unknown.'),
  ),
  date: v.pipe(calendarDate('source date', EDTF_DATE_PATTERN), v.description('Publication date, as precise as known.')),
  url: v.pipe(webAddress('source address'), v.description('The address of the piece (http or https).')),
  via: v.optional(
    v.pipe(webAddress('via address'), v.description('The copy actually read, when it differs from `url`.')),
  ),
  accessed: v.optional(isoDay('accessed')),
  archiveUrl: v.optional(webAddress('archive address')),
});

export const RelatedDateSchema = v.pipe(
  v.strictObject({
    label: text('related date label'),
    date: calendarDate('related date', EDTF_DATE_PATTERN),
    end: v.optional(
      v.pipe(
        calendarDate('related date end', EDTF_DATE_PATTERN),
        v.description('End of a related period (an intrusion, an activity), with its own precision.'),
      ),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['date'], ['end']],
      ({ date, end }) => end === undefined || !isBefore(end, date),
      'related date end is before its start',
    ),
    ['end'],
  ),
  v.description('Another dated event of the incident (arrest, verdict, disclosure…); drawn, never filtered on.'),
);

/** Whether calendar date `end` finishes before `start` does (both must parse). */
function isBefore(end: string, start: string): boolean {
  const a = parseCalendarDate(end);
  const b = parseCalendarDate(start);
  return a.ok && b.ok && a.date.endMs < b.date.endMs;
}

const techniqueValues = Object.keys(TECHNIQUES) as (keyof typeof TECHNIQUES)[];
const statusValues = Object.keys(STATUSES) as (keyof typeof STATUSES)[];
const outcomeValues = Object.keys(OUTCOMES) as (keyof typeof OUTCOMES)[];

/** A curated record: strict vocabularies and at least one complete source. */
export const IncidentRecordSchema = v.pipe(
  v.strictObject({
    id: v.pipe(
      v.string('id must be text'),
      v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be a lowercase slug like ee-kouts-conviction-2021'),
      v.description('Permanent slug, unique in the dataset: country-subject-year.'),
    ),
    title: v.pipe(text('title'), v.description('One line in our own words.')),
    summary: v.pipe(
      text('summary'),
      v.description('What happened, in our own words; short quotes marked and attributed.'),
    ),
    date: v.pipe(
      calendarDate('date', EDTF_DATE_PATTERN),
      v.description('The anchor on the timeline, EDTF: 2021, 2021-03 or 2021-03-02; ~ circa, ? uncertain.'),
    ),
    end: v.optional(
      v.pipe(calendarDate('end', EDTF_END_PATTERN), v.description('End of a period, or .. while it goes on.')),
    ),
    relatedDates: v.optional(v.array(RelatedDateSchema)),
    places: v.pipe(
      v.array(PlaceSchema, 'places must be a list'),
      v.minLength(1, 'at least one place is needed'),
      v.description('At least one; a law or national report is one place at country precision.'),
    ),
    actors: v.pipe(
      v.array(countryCode('actor'), 'actors must be a list of country codes'),
      v.description('The states named or suspected, ISO 3166-1 alpha-2.'),
    ),
    targets: v.strictObject({
      countries: v.pipe(
        v.array(countryCode('target country')),
        v.description('States affected, ISO 3166-1 alpha-2: what the country filter matches.'),
      ),
      orgs: v.pipe(
        v.array(v.picklist(ORGANISATIONS, `target organisation must be one of: ${ORGANISATIONS.join(', ')}`)),
        v.description('Organisations affected that are not states.'),
      ),
    }),
    techniques: v.pipe(
      v.array(v.picklist(techniqueValues, `technique must be one of: ${techniqueValues.join(', ')}`)),
      v.minLength(1, 'at least one technique is needed'),
      v.description('The first is primary (timeline lane and colour).'),
    ),
    status: v.pipe(
      v.picklist(statusValues, `status must be one of: ${statusValues.join(', ')}`),
      v.description('What the sources establish; see data/README.md.'),
    ),
    statusNote: v.optional(
      v.pipe(text('status note'), v.description('A qualification: "convicted in the United States".')),
    ),
    outcome: v.optional(
      v.pipe(
        v.picklist(outcomeValues, `outcome must be one of: ${outcomeValues.join(', ')}`),
        v.description('How a case ended where the status alone would mislead.'),
      ),
    ),
    sources: v.pipe(
      v.array(SourceSchema, 'sources must be a list'),
      v.minLength(1, 'at least one source is needed'),
      v.description('At least one, each with publisher, title, date and address.'),
    ),
    discrepancies: v.optional(
      v.pipe(
        v.array(text('discrepancy note')),
        v.description('Where sources disagree, and caveats about them; shown with the record.'),
      ),
    ),
    updated: v.pipe(isoDay('updated'), v.description('Last change to this record.')),
  }),
  v.description('One incident.'),
);

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
