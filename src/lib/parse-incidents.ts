/**
 * Raw dataset JSON → incidents the app can show, plus every problem found, each naming its record
 * and field. Curated mode (our `data/`) checks the strict schema; open mode (a user's file) reads
 * leniently. Valid records are always kept, whatever is wrong with the others.
 */
import * as v from 'valibot';
import { parseIncidentTime, type IncidentTime } from './dates.ts';
import { DatasetMetaSchema, IncidentRecordSchema, type DatasetMeta, type Incident } from './incident-schema.ts';
import type { DayMonthOrder } from './imported-dates.ts';
import { readOpenRecord } from './open-record.ts';
import type { RecordProblem } from './record-problem.ts';
import { normalizeForSearch } from './search.ts';

export type ValidationMode = 'curated' | 'open';

/** An incident with what the views need precomputed once. */
export interface LoadedIncident extends Incident {
  time: IncidentTime;
  /** Target countries, or the places' countries when a record names no target: what "country" filters match. */
  filterCountries: string[];
  /** Accent-free, lower-case text of the searchable fields. */
  searchText: string;
}

/**
 * Records read and checked, with their search texts (apart: see `encodeIncidents`): what the parse
 * worker sends the page.
 */
export interface CheckedBatch {
  records: Incident[];
  searchTexts: string[];
}

export interface LoadedDataset {
  meta: DatasetMeta | null;
  incidents: LoadedIncident[];
  problems: RecordProblem[];
  mode: ValidationMode;
}

type IssuePath = v.BaseIssue<unknown>['path'];

/** `sources[0].url` from a valibot issue path. */
export function formatIssuePath(path: IssuePath): string {
  if (!path) return '';
  return path
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.input !== undefined) return 'is not a field of the record schema';
  if (issue.expected === 'never' && issue.path?.length) return 'is not a field of the record schema';
  if (issue.input === undefined && issue.kind === 'schema') return 'is required';
  return issue.message;
}

function filterCountriesOf(incident: Incident): string[] {
  if (incident.targets.countries.length > 0) return incident.targets.countries;
  const fromPlaces = incident.places.map((place) => place.country).filter((code): code is string => !!code);
  return [...new Set(fromPlaces)];
}

function searchTextOf(incident: Incident): string {
  const parts = [
    incident.title,
    incident.summary,
    incident.statusNote ?? '',
    ...incident.places.map((place) => place.name),
    ...incident.sources.map((source) => `${source.publisher ?? ''} ${source.title ?? ''}`),
    ...Object.values(incident.extra ?? {}),
  ];
  return normalizeForSearch(parts.join(' \u0001 '));
}

/** Adds the precomputed fields; the time must already be known to parse. */
export function toLoadedIncident(incident: Incident, time: IncidentTime): LoadedIncident {
  // Not `{...incident, time, …}`: V8 gives each object built by a spread followed by more
  // properties a hidden class of its own, and 100,000 incidents of 100,000 shapes make every
  // property read in the views a slow, megamorphic lookup. Object.assign shares the shapes.
  return Object.assign({}, incident, {
    time,
    filterCountries: filterCountriesOf(incident),
    searchText: searchTextOf(incident),
  });
}

/**
 * A record already read and checked (by `parseIncidents`, e.g. in the parse worker) with the
 * precomputed fields added in place. The time and the countries are cheap to derive; the search
 * text comes with the record (the worker's time, not the page's).
 */
export function loadIncident(record: Incident, searchText: string): LoadedIncident {
  const time = parseIncidentTime(record.date, record.end);
  if (!time.ok) throw new DatasetError(`record ${record.id}: ${time.field}: ${time.reason}`);
  return Object.assign(record, { time: time.time, filterCountries: filterCountriesOf(record), searchText });
}

function readCuratedRecord(raw: unknown, position: number, problems: RecordProblem[]): Incident | null {
  const id =
    typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : undefined;
  const result = v.safeParse(IncidentRecordSchema, raw, { abortEarly: false });
  if (!result.success) {
    for (const issue of result.issues) {
      problems.push({
        format: 'json',
        record: position,
        id,
        field: formatIssuePath(issue.path),
        reason: describeIssue(issue),
        severity: 'error',
      });
    }
    return null;
  }
  return {
    relatedDates: [],
    discrepancies: [],
    ...result.output,
  };
}

/** How imported (non-JSON) records are named in problems, and how their dates are read. */
export interface ParseOptions {
  /** How the records arrived. @default 'json' */
  format?: RecordProblem['format'];
  /** Where each record sits in its file, by index: its row/feature number and line. @default index + 1 */
  positions?: readonly { record: number; line?: number }[];
  /** Day/month order for `03/02/2021`-style dates (open mode). */
  dateOrder?: DayMonthOrder;
  /** Called now and then with the number of records read, for progress. */
  onProgress?: (done: number) => void;
  /**
   * Hands the records over in batches as they are read and checked, with their search text,
   * instead of returning them (the returned list is then empty): the parse worker sends each batch
   * while it reads the next, and the page adds the other precomputed fields (`loadIncident`).
   */
  onBatch?: (batch: CheckedBatch) => void;
  /** Incidents per batch for `onBatch`. @default DEFAULT_BATCH_SIZE */
  batchSize?: number;
}

const PROGRESS_EVERY = 2000;
/**
 * Incidents per `onBatch` call unless told otherwise. Small enough that a batch's records die
 * young: with 2,000 per batch they outlived the young generation's collections, and reading
 * 100,000 records in Node took 2.4 s, a third of it collecting garbage (and `JSON.stringify` of
 * each batch's 1.2 MB slowed down past ~600 kB); with 500, 1.5 s. 250 and 100 were no faster.
 */
export const DEFAULT_BATCH_SIZE = 500;

/**
 * Reads raw records in the given mode, in one list or in several (`read` again continues the
 * numbering and the duplicate checks: a file read while it downloads). Duplicate ids are errors in
 * curated mode; in open mode the later record gets a suffixed id and a notice.
 */
export class IncidentReader {
  readonly incidents: LoadedIncident[] = [];
  readonly problems: RecordProblem[] = [];
  /** Records read so far, kept or not. */
  count = 0;
  readonly #mode: ValidationMode;
  readonly #options: ParseOptions;
  readonly #seen = new Set<string>();
  #batch: CheckedBatch = { records: [], searchTexts: [] };

  constructor(mode: ValidationMode, options: ParseOptions = {}) {
    this.#mode = mode;
    this.#options = options;
  }

  read(rawRecords: readonly unknown[]): void {
    for (const raw of rawRecords) this.#readOne(raw, this.count++);
  }

  /** Hands over the last batch; the result, whose incidents are empty when they went in batches. */
  finish(): { incidents: LoadedIncident[]; problems: RecordProblem[] } {
    if (this.#options.onBatch && this.#batch.records.length > 0) this.#options.onBatch(this.#batch);
    this.#batch = { records: [], searchTexts: [] };
    return { incidents: this.incidents, problems: this.problems };
  }

  #readOne(raw: unknown, index: number): void {
    const { onBatch, onProgress, batchSize = DEFAULT_BATCH_SIZE } = this.#options;
    const mode = this.#mode;
    const problems = this.problems;
    if (onProgress && index % PROGRESS_EVERY === 0 && index > 0) onProgress(index);
    const where = this.#options.positions?.[index];
    const format = this.#options.format ?? 'json';
    const position = where?.record ?? index + 1;
    const line = where?.line;
    const at = line === undefined ? { format, record: position } : { format, record: position, line };
    let incident: Incident | null;
    if (mode === 'curated') {
      incident = readCuratedRecord(raw, position, problems);
    } else {
      const read = readOpenRecord(raw, position, { dateOrder: this.#options.dateOrder });
      const id =
        read.incident?.id ??
        (typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined);
      for (const issue of read.issues) problems.push({ ...at, id, ...issue });
      incident = read.incident;
    }
    if (!incident) return;
    const time = parseIncidentTime(incident.date, incident.end);
    if (!time.ok) {
      problems.push({
        ...at,
        id: incident.id,
        field: time.field,
        reason: time.reason,
        severity: 'error',
      });
      return;
    }
    if (this.#seen.has(incident.id)) {
      if (mode === 'curated') {
        problems.push({
          ...at,
          id: incident.id,
          field: 'id',
          reason: `id "${incident.id}" is used by an earlier record`,
          severity: 'error',
        });
        return;
      }
      const renamed = uniqueId(incident.id, this.#seen);
      problems.push({
        ...at,
        id: incident.id,
        field: 'id',
        reason: `id "${incident.id}" is used by an earlier record; renamed ${renamed}`,
        severity: 'notice',
      });
      incident = { ...incident, id: renamed };
    }
    this.#seen.add(incident.id);
    if (!onBatch) this.incidents.push(toLoadedIncident(incident, time.time));
    else {
      this.#batch.searchTexts.push(searchTextOf(incident));
      if (this.#batch.records.push(incident) === batchSize) {
        onBatch(this.#batch);
        this.#batch = { records: [], searchTexts: [] };
      }
    }
  }
}

/** Reads a list of raw records in the given mode (see `IncidentReader`). */
export function parseIncidents(
  rawRecords: readonly unknown[],
  mode: ValidationMode,
  options: ParseOptions = {},
): { incidents: LoadedIncident[]; problems: RecordProblem[] } {
  const reader = new IncidentReader(mode, options);
  reader.read(rawRecords);
  return reader.finish();
}

function uniqueId(id: string, seen: Set<string>): string {
  for (let n = 2; ; n++) {
    const candidate = `${id}-${n}`;
    if (!seen.has(candidate)) return candidate;
  }
}

export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** A dataset file's parts: its list of raw records and its metadata (with what is wrong with it). */
export interface DatasetParts {
  records: unknown[];
  meta: DatasetMeta | null;
  metaProblems: RecordProblem[];
}

/**
 * Splits a parsed file: `{dataset, incidents}` (our format) or a bare array of records. Throws
 * `DatasetError` with a plain-words message when it holds no list of records.
 */
export function datasetParts(json: unknown, mode: ValidationMode): DatasetParts {
  if (Array.isArray(json)) return { records: json, meta: null, metaProblems: [] };
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { incidents?: unknown }).incidents)) {
    throw new DatasetError(
      'The file is not a list of incidents: expected a JSON array or an object with an "incidents" array.',
    );
  }
  const file = json as { dataset?: unknown; incidents: unknown[] };
  const metaProblems: RecordProblem[] = [];
  let meta: DatasetMeta | null = null;
  const parsedMeta = v.safeParse(DatasetMetaSchema, file.dataset, { abortEarly: false });
  if (parsedMeta.success) meta = parsedMeta.output;
  else if (mode === 'curated') {
    for (const issue of parsedMeta.issues) {
      metaProblems.push({
        format: 'json',
        record: 0,
        field: `dataset.${formatIssuePath(issue.path)}`.replace(/\.$/, ''),
        reason: describeIssue(issue),
        severity: 'error',
      });
    }
  }
  return { records: file.incidents, meta, metaProblems };
}

export const NO_INCIDENTS = 'The file contains no incidents.';

/**
 * A whole dataset file (see `datasetParts`). Throws `DatasetError` with a plain-words message when
 * nothing in it can be read.
 */
export function parseDataset(
  json: unknown,
  mode: ValidationMode,
  options: Pick<ParseOptions, 'onBatch' | 'batchSize' | 'onProgress'> = {},
): LoadedDataset {
  const { records, meta, metaProblems } = datasetParts(json, mode);
  if (records.length === 0) throw new DatasetError(NO_INCIDENTS);
  const { incidents, problems } = parseIncidents(records, mode, options);
  return { meta, incidents, problems: [...metaProblems, ...problems], mode };
}
