/**
 * One import, wherever it runs: in the parse worker (normally) or on the main thread (when no
 * worker can start, e.g. under a host page's CSP). Reads the bytes, parses, waits for a column
 * choice when one is needed, and emits the incidents in batches.
 */
import type { ColumnChoice } from '../lib/column-mapping.ts';
import { decodeText } from '../lib/decode-text.ts';
import { startImport } from '../lib/import-dataset.ts';
import { readTable, type ImportTable, type TableInspection } from '../lib/import-table.ts';
import { DatasetError, DEFAULT_BATCH_SIZE, type CheckedBatch, type LoadedDataset } from '../lib/parse-incidents.ts';
import { fetchDataset } from './download.ts';
import { encodeIncidents, overallPercent, type ImportEvent, type ReadRequest } from './protocol.ts';

/**
 * Incidents per message. The page decodes each on its main thread, between frames: measured with
 * 100,000 records in Chromium, one message blocked it for seconds, while 2,000 per message cost
 * ~10–30 ms each (500, the size the worker reads fastest, a few ms).
 */
export const BATCH_SIZE = DEFAULT_BATCH_SIZE;

type Emit = (event: ImportEvent) => void;

/**
 * Passes progress on only when the page's bar would move: the page redraws it for each event, and
 * a 60 MB download arrives in about a thousand pieces.
 */
export function onePerPercent(emit: Emit): Emit {
  let shown = '';
  return (event) => {
    if (event.type === 'progress') {
      const bar = `${event.phase} ${event.share === null ? '' : overallPercent(event.phase, event.share)}`;
      if (bar === shown) return;
      shown = bar;
    }
    emit(event);
  };
}

export class ImportJob {
  #emit: Emit;
  #table: ImportTable | null = null;
  #inspection: TableInspection | null = null;
  /** What the user should know about how the file was decoded. */
  #decodeNotices: string[] = [];

  constructor(emit: Emit) {
    this.#emit = onePerPercent(emit);
  }

  async read(request: ReadRequest): Promise<void> {
    try {
      const { source } = request;
      const read =
        source.kind === 'url'
          ? await fetchDataset(source.url, {
              emit: this.#emit,
              name: request.name,
              format: request.format,
              onBatch: this.#sendBatch,
            })
          : source.kind === 'file'
            ? {
                ...decodeText(new Uint8Array(await source.file.arrayBuffer())),
                contentType: source.file.type || undefined,
              }
            : { text: source.text, notice: undefined, contentType: undefined };
      if ('dataset' in read) {
        this.#finish(read.dataset, []);
        return;
      }
      const { text, notice, contentType } = read;
      this.#decodeNotices = notice ? [notice] : [];
      this.#emit({ type: 'progress', phase: 'parsing', share: 0 });
      const start = startImport(text, {
        name: request.name,
        format: request.format,
        contentType,
        choice: request.choice,
        onProgress: (share) => this.#emit({ type: 'progress', phase: 'parsing', share }),
        onRecords: (done, total) => this.#emit({ type: 'progress', phase: 'checking', share: done / total }),
        onBatch: this.#sendBatch,
      });
      if (start.kind === 'dataset') {
        this.#finish(start.dataset, []);
        return;
      }
      this.#table = start.table;
      this.#inspection = start.inspection;
      if (start.inspection.needsChoice) this.#emit({ type: 'choose', inspection: start.inspection });
      else this.apply(start.inspection.choice);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Reads the table's rows through a column choice (again, when the user changes it). */
  apply(choice: ColumnChoice): void {
    const table = this.#table;
    if (!table || !this.#inspection) {
      this.#emit({ type: 'failed', message: 'There is no file to read the columns of.' });
      return;
    }
    try {
      const total = table.rows.length;
      this.#emit({ type: 'progress', phase: 'checking', share: 0 });
      const dataset = readTable(table, choice, {
        onProgress: (done) => this.#emit({ type: 'progress', phase: 'checking', share: done / total }),
        onBatch: this.#sendBatch,
      });
      this.#finish(dataset, this.#inspection.notices, choice);
    } catch (error) {
      this.#fail(error);
    }
  }

  /** Each batch goes as soon as it is read, so the page decodes it while the next is read. */
  #sendBatch = (batch: CheckedBatch): void => {
    this.#emit({ type: 'batch', ...encodeIncidents(batch) });
  };

  /** The incidents have all been sent (`dataset.incidents` is empty): the rest of the dataset. */
  #finish(dataset: LoadedDataset, notices: string[], choice?: ColumnChoice): void {
    this.#emit({ type: 'progress', phase: 'transferring', share: 0 });
    this.#emit({
      type: 'done',
      meta: dataset.meta,
      problems: dataset.problems,
      notices: [...this.#decodeNotices, ...notices],
      ...(choice && this.#inspection ? { choice, inspection: { ...this.#inspection, choice } } : {}),
    });
  }

  #fail(error: unknown): void {
    const message =
      error instanceof DatasetError
        ? error.message
        : `The dataset could not be read: ${error instanceof Error ? error.message : String(error)}`;
    this.#emit({ type: 'failed', message });
  }
}
