/**
 * A table of imported rows — CSV rows or GeoJSON features — read into incidents through a column
 * mapping. Mapped columns feed the record's fields; every other column is kept as `extra` and
 * shown; problems name the row (and line) and the user's own column, not our field.
 */
import isoCountries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import {
  IMPORT_FIELDS,
  missingFields,
  resolveColumnMapping,
  type ColumnChoice,
  type ColumnMapping,
  type ImportField,
} from './column-mapping.ts';
import { inferDayMonthOrder, type DayMonthEvidence } from './imported-dates.ts';
import { parseIncidents, type CheckedBatch, type LoadedDataset } from './parse-incidents.ts';
import type { RecordProblem } from './record-problem.ts';

isoCountries.registerLocale(english);

export interface ImportRow {
  /** 1-based row (CSV) or feature (GeoJSON) number. */
  record: number;
  /** 1-based line where the row starts (CSV). */
  line?: number;
  /** Column → value; CSV values are strings, GeoJSON properties anything. */
  cells: Record<string, unknown>;
  /** A feature's point, already read from its geometry (GeoJSON). */
  lngLat?: [number, number];
}

export interface ImportTable {
  format: 'csv' | 'geojson';
  columns: string[];
  rows: ImportRow[];
  /** Problems found before mapping (broken CSV rows, unreadable geometries). */
  problems: RecordProblem[];
}

/**
 * Record keys an imported table may hold as they are (a GeoJSON we exported carries `places`,
 * `sources`…); those that need structure pass only as objects or lists, never as a CSV's text.
 */
const PASSED_AS_TEXT = new Set(['actors', 'discrepancies', 'statusNote', 'outcome', 'updated']);
const PASSED_AS_STRUCTURE = new Set(['places', 'sources', 'relatedDates', 'targets', 'extra']);

function passesThrough(column: string, value: unknown): boolean {
  return PASSED_AS_TEXT.has(column) || (PASSED_AS_STRUCTURE.has(column) && typeof value === 'object' && value !== null);
}

/** The record key each field feeds (the CSV header says `end_date`, the record `end`). */
const RECORD_KEY: Record<ImportField, string> = {
  ...Object.fromEntries(IMPORT_FIELDS.map((f) => [f, f])),
  end_date: 'end',
} as Record<ImportField, string>;

/** A cell we exported with a `'` before a formula character reads back as it was (see export-csv). */
export function unescapeFormulaCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** `Germany` → `DE`; codes are upper-cased; other values are kept as they are. */
export function normalizeCountry(value: string): string {
  const text = value.trim();
  if (/^[A-Za-z]{2}$/.test(text)) return text.toUpperCase();
  return isoCountries.getAlpha2Code(text, 'en') ?? text;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** One row as a raw record for the open-mode reader; CSV cells lose their formula escape. */
export function rowToRecord(
  row: ImportRow,
  mapping: ColumnMapping,
  format: ImportTable['format'],
): Record<string, unknown> {
  const cellValue = (value: unknown) =>
    format === 'csv' && typeof value === 'string' ? unescapeFormulaCell(value) : value;
  const raw: Record<string, unknown> = {};
  const extra: Record<string, string> = {};
  const mapped = new Set(Object.values(mapping));
  for (const [column, value] of Object.entries(row.cells)) {
    if (mapped.has(column)) continue;
    if (passesThrough(column, value)) raw[column] = value;
    else {
      const text = textOf(cellValue(value));
      if (text !== undefined) extra[column] = text;
    }
  }
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column === undefined) continue;
    const value = cellValue(row.cells[column]);
    raw[RECORD_KEY[field]] =
      field === 'country' && typeof value === 'string' ? value.split(';').map(normalizeCountry).join(';') : value;
  }
  if (row.lngLat && !Array.isArray(raw.places)) {
    raw.lon = row.lngLat[0];
    raw.lat = row.lngLat[1];
  }
  if (Object.keys(extra).length > 0) {
    raw.extra = typeof raw.extra === 'object' && raw.extra !== null ? { ...raw.extra, ...extra } : extra;
  }
  return raw;
}

/** The user's column for a problem's field: `date` → `death_date`, `lat/lon` → `latitude/longitude`. */
function columnOfField(field: string, mapping: ColumnMapping): string {
  if (field === 'lat/lon') {
    return mapping.lat || mapping.lon ? `${mapping.lat ?? 'lat'}/${mapping.lon ?? 'lon'}` : 'geometry';
  }
  const importField = field === 'end' ? 'end_date' : (field as ImportField);
  return mapping[importField] ?? field;
}

export interface TableInspection {
  format: 'csv' | 'geojson';
  columns: string[];
  /** The first rows, as text, for the mapping dialog's preview. */
  sample: string[][];
  rowCount: number;
  /** What the address asked for and the names suggest; the order when the dates settle it. */
  choice: ColumnChoice;
  /** Required fields with no column. */
  missing: ImportField[];
  /** What the date columns say about day/month order. */
  dates: DayMonthEvidence;
  /** The user must choose before the rows can be read. */
  needsChoice: boolean;
  /** Columns the address named that the file lacks, and the like. */
  notices: string[];
}

const SAMPLE_ROWS = 4;

/** Looks at a table to propose a mapping and to tell whether the user must be asked. */
export function inspectTable(table: ImportTable, requested?: ColumnChoice): TableInspection {
  const { mapping, errors } = resolveColumnMapping(table.columns, requested?.mapping);
  const dateColumns = [mapping.date, mapping.end_date].filter((c): c is string => c !== undefined);
  const dates = inferDayMonthOrder(
    (function* () {
      for (const row of table.rows) for (const column of dateColumns) yield row.cells[column];
    })(),
  );
  const order = requested?.order ?? dates.order;
  const missing = missingFields(mapping);
  return {
    format: table.format,
    columns: table.columns,
    sample: table.rows
      .slice(0, SAMPLE_ROWS)
      .map((row) => table.columns.map((column) => textOf(row.cells[column]) ?? '')),
    rowCount: table.rows.length,
    choice: order ? { mapping, order } : { mapping },
    missing,
    dates,
    needsChoice: missing.length > 0 || (dates.ambiguousExample !== undefined && order === undefined),
    notices: errors,
  };
}

export interface ReadTableOptions {
  onProgress?: (done: number) => void;
  /** Hands the records over in batches as they are read (see `parseIncidents`). */
  onBatch?: (batch: CheckedBatch) => void;
}

/** Reads every row of a table through a column choice into a dataset (open mode). */
export function readTable(table: ImportTable, choice: ColumnChoice, options: ReadTableOptions = {}): LoadedDataset {
  const records = table.rows.map((row) => rowToRecord(row, choice.mapping, table.format));
  const { incidents, problems } = parseIncidents(records, 'open', {
    format: table.format,
    positions: table.rows,
    dateOrder: choice.order,
    onProgress: options.onProgress,
    onBatch: options.onBatch,
  });
  const named = problems.map((problem) => ({ ...problem, field: columnOfField(problem.field, choice.mapping) }));
  const all = [...table.problems, ...named].sort((a, b) => a.record - b.record);
  return { meta: null, incidents, problems: all, mode: 'open' };
}
