/**
 * A user's file, whatever its format, on its way to a dataset: the format is told from the address
 * or the content; our JSON is read at once; a CSV or GeoJSON becomes a table whose columns are
 * mapped (by name, by the address's `cols`, or by the user) before its rows are read. Pure: the
 * parse worker runs it, and so does the main thread where no worker can start.
 */
import { readCsv, type CsvTable } from './csv-parse.ts';
import { geojsonToTable, isFeatureCollection } from './geojson-import.ts';
import type { ColumnChoice } from './column-mapping.ts';
import { inspectTable, type ImportTable, type TableInspection } from './import-table.ts';
import { describeJsonError } from './json-error.ts';
import { DatasetError, parseDataset, type CheckedBatch, type LoadedDataset } from './parse-incidents.ts';
import type { ImportFormat } from './import-params.ts';
import type { RecordProblem } from './record-problem.ts';

const BY_EXTENSION: Record<string, ImportFormat> = {
  json: 'json',
  geojson: 'geojson',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
};

/** `text/html` of `text/HTML; charset=utf-8`; empty when there is no type. */
function mediaType(contentType: string | undefined): string {
  return contentType?.split(';')[0].trim().toLowerCase() ?? '';
}

/**
 * The format a file declares: the `format` parameter, else its name's extension, else its media
 * type. Undefined when none says; the content then decides (`sniffFormat`).
 */
export function declaredFormat(name: string, format?: ImportFormat, contentType?: string): ImportFormat | undefined {
  if (format) return format;
  const extension = /\.([a-z0-9]+)$/i.exec(name.replace(/[?#].*$/, ''))?.[1]?.toLowerCase();
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  const type = mediaType(contentType);
  if (type === 'application/geo+json') return 'geojson';
  if (type === 'text/csv' || type === 'text/tab-separated-values') return 'csv';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  return undefined;
}

/** JSON when the text opens like JSON, CSV otherwise (GeoJSON is told from the parsed JSON). */
export function sniffFormat(text: string): 'json' | 'csv' {
  return /^\uFEFF?\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** Gives every column a distinct, non-empty name: a second `date` becomes `date (2)`. */
export function uniqueColumns(header: readonly string[]): string[] {
  const seen = new Set<string>();
  // The next number to try per name, so a header of thousands of equal names stays linear.
  const next = new Map<string, number>();
  return header.map((name, i) => {
    const base = name === '' ? `column ${i + 1}` : name;
    let candidate = base;
    let n = next.get(base) ?? 2;
    while (seen.has(candidate)) candidate = `${base} (${n++})`;
    next.set(base, n);
    seen.add(candidate);
    return candidate;
  });
}

/** A parsed CSV as an import table; broken rows become problems, uneven ones notices. */
export function csvToTable(csv: CsvTable): ImportTable {
  const columns = uniqueColumns(csv.header);
  const rows = csv.rows.map(({ record, line, cells }) => {
    const byColumn: Record<string, unknown> = {};
    columns.forEach((column, i) => (byColumn[column] = cells[i] ?? ''));
    return { record, line, cells: byColumn };
  });
  const structural = (severity: RecordProblem['severity']) => (p: { record: number; line: number; reason: string }) =>
    ({ format: 'csv', record: p.record, line: p.line, field: '', reason: p.reason, severity }) satisfies RecordProblem;
  const problems = [...csv.problems.map(structural('error')), ...csv.notices.map(structural('notice'))];
  return { format: 'csv', columns, rows, problems };
}

export type ImportStart =
  { kind: 'dataset'; dataset: LoadedDataset } | { kind: 'table'; table: ImportTable; inspection: TableInspection };

export interface StartImportOptions {
  /** The file's name or address, for the format. */
  name: string;
  format?: ImportFormat;
  contentType?: string;
  /** A mapping from the address (`cols`). */
  choice?: ColumnChoice;
  /** Share of the text parsed so far (0–1), for CSV. */
  onProgress?: (share: number) => void;
  /** Our JSON: called with the records read so far, for progress. */
  onRecords?: (done: number, total: number) => void;
  /** Our JSON: hands the records over in batches as they are read (see `parseIncidents`). */
  onBatch?: (batch: CheckedBatch) => void;
}

/** How many records a parsed file holds (for progress), 0 when it is not a list of them. */
function recordCount(json: unknown): number {
  if (Array.isArray(json)) return json.length;
  const incidents = (json as { incidents?: unknown } | null)?.incidents;
  return Array.isArray(incidents) ? incidents.length : 0;
}

const WEB_PAGE_MESSAGE =
  'The file is a web page (HTML), not JSON, CSV or GeoJSON. If it came from an address, check the address: ' +
  'many servers answer an address they do not have with their home page instead of an error.';

/** An HTML document: by its declared type, or by how it opens (servers that answer every path with their app). */
function isWebPage(text: string, contentType?: string): boolean {
  if (mediaType(contentType) === 'text/html') return true;
  return /^\uFEFF?\s*<(!doctype\s+html|html)[\s>]/i.test(text);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DatasetError(describeJsonError(error, text));
  }
}

/**
 * Reads a file's text: our JSON straight into a dataset; a CSV or GeoJSON into a table with the
 * mapping to propose. Throws `DatasetError` with a plain-words message when nothing can be read.
 */
export function startImport(text: string, options: StartImportOptions): ImportStart {
  if (text.trim() === '') throw new DatasetError('The file is empty.');
  if (isWebPage(text, options.contentType)) throw new DatasetError(WEB_PAGE_MESSAGE);
  const format = declaredFormat(options.name, options.format, options.contentType) ?? sniffFormat(text);
  let table: ImportTable;
  if (format === 'csv') {
    try {
      table = csvToTable(readCsv(text, { onProgress: options.onProgress }));
    } catch (error) {
      throw new DatasetError(error instanceof Error ? error.message : String(error));
    }
  } else {
    const json = parseJson(text);
    if (isFeatureCollection(json)) {
      try {
        table = geojsonToTable(json);
      } catch (error) {
        throw new DatasetError(error instanceof Error ? error.message : String(error));
      }
    } else if (format === 'geojson') {
      throw new DatasetError('The file is not a GeoJSON FeatureCollection.');
    } else {
      const total = recordCount(json);
      const dataset = parseDataset(json, 'open', {
        onBatch: options.onBatch,
        onProgress: options.onRecords && ((done) => options.onRecords!(done, total)),
      });
      return { kind: 'dataset', dataset };
    }
  }
  if (table.rows.length === 0 && table.problems.length === 0) {
    throw new DatasetError(
      table.format === 'csv' ? 'The file has a header but no rows.' : 'The FeatureCollection has no features.',
    );
  }
  return { kind: 'table', table, inspection: inspectTable(table, options.choice) };
}
