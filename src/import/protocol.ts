/**
 * Messages between the page and the parse worker. The worker reads a file (or fetches an address),
 * parses it, asks for a column choice when it must, and sends the incidents back in batches while
 * it reads on, each batch as JSON text: V8 writes and reads JSON text of plain records about twice
 * as fast as it structured-clones them (measured at 100,000 records), a string crosses to the page
 * as one block, and objects from `JSON.parse` share a few hidden classes, which keeps every view's
 * reads of them fast.
 */
import type { ColumnChoice } from '../lib/column-mapping.ts';
import type { ImportFormat } from '../lib/import-params.ts';
import type { TableInspection } from '../lib/import-table.ts';
import type { DatasetMeta } from '../lib/incident-schema.ts';
import type { Incident } from '../lib/incident-schema.ts';
import { loadIncident, type CheckedBatch, type LoadedIncident } from '../lib/parse-incidents.ts';
import type { RecordProblem } from '../lib/record-problem.ts';

export type ImportSource = { kind: 'url'; url: string } | { kind: 'file'; file: File } | { kind: 'text'; text: string };

export interface ReadRequest {
  type: 'read';
  source: ImportSource;
  /** File name or address: its extension may name the format. */
  name: string;
  format?: ImportFormat;
  /** A column choice given in advance (the address's `cols`). */
  choice?: ColumnChoice;
}

export interface ApplyRequest {
  type: 'apply';
  choice: ColumnChoice;
}

export type ImportRequest = ReadRequest | ApplyRequest;

export type ImportPhase = 'downloading' | 'parsing' | 'checking' | 'transferring';

export type ImportEvent =
  /** `share` of the phase done (0–1), or null when it cannot be told (a download of unknown size). */
  | { type: 'progress'; phase: ImportPhase; share: number | null }
  /**
   * The whole file has arrived, at `at` (epoch ms), asked for at `requestedAt` when it was fetched
   * from an address: marked on the page for profiles and the benchmark.
   */
  | { type: 'fetched'; at: number; requestedAt?: number }
  | { type: 'choose'; inspection: TableInspection }
  /** Records as JSON text and their search texts (`encodeIncidents`). */
  | ({ type: 'batch' } & EncodedIncidents)
  /** The batches sent so far are void: the file turned out to need reading whole, and is read again. */
  | { type: 'discard' }
  | {
      type: 'done';
      meta: DatasetMeta | null;
      problems: RecordProblem[];
      /** The column choice used, for a table (CSV or GeoJSON). */
      choice?: ColumnChoice;
      inspection?: TableInspection;
      notices: string[];
    }
  | { type: 'failed'; message: string };

export interface EncodedIncidents {
  json: string;
  /** The records' search texts, one per line (they hold no line breaks: white space is folded). */
  search: string;
}

/**
 * A batch of checked records as JSON text, and their search texts joined apart: the texts carry
 * control characters (field separators) that would send `JSON.stringify` down its slow, escaping
 * path — measured at 100,000 records, they cost more to stringify than the records themselves. The
 * page derives the time interval and the filter countries itself (`decodeIncidents`), cheap work
 * that keeps the text ~40% shorter and that it does while the worker reads the next batch.
 */
export function encodeIncidents(batch: CheckedBatch): EncodedIncidents {
  return { json: JSON.stringify(batch.records), search: batch.searchTexts.join('\n') };
}

/** The incidents of a batch, loaded. */
export function decodeIncidents({ json, search }: EncodedIncidents): LoadedIncident[] {
  const texts = search.split('\n');
  return (JSON.parse(json) as Incident[]).map((record, i) => loadIncident(record, texts[i]));
}

/** Where each phase sits on the one progress bar, in percent. */
const PHASE_SPAN: Record<ImportPhase, [number, number]> = {
  downloading: [0, 25],
  parsing: [25, 55],
  checking: [55, 90],
  transferring: [90, 100],
};

/** The whole load's progress in percent (0–100), for one bar across the phases. */
export function overallPercent(phase: ImportPhase, share: number | null): number {
  const [from, to] = PHASE_SPAN[phase];
  return Math.round(from + (to - from) * Math.min(1, Math.max(0, share ?? 0)));
}

export const PHASE_LABELS: Record<ImportPhase, string> = {
  downloading: 'Downloading',
  parsing: 'Reading rows',
  checking: 'Checking records',
  transferring: 'Preparing the views',
};
