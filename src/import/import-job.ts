/**
 * One import, wherever it runs: in the parse worker (normally) or on the main thread (when no
 * worker can start, e.g. under a host page's CSP). Reads the bytes, parses, waits for a column
 * choice when one is needed, and emits the incidents in batches.
 */
import type { ColumnChoice } from '../lib/column-mapping.ts';
import { decodeText, type DecodedText } from '../lib/decode-text.ts';
import { startImport } from '../lib/import-dataset.ts';
import { readTable, type ImportTable, type TableInspection } from '../lib/import-table.ts';
import { DatasetError, DEFAULT_BATCH_SIZE, type CheckedRecord, type LoadedDataset } from '../lib/parse-incidents.ts';
import { encodeIncidents, type ImportEvent, type ReadRequest } from './protocol.ts';

/**
 * Incidents per message. The page decodes each on its main thread, between frames: measured with
 * 100,000 records in Chromium, one message blocked it for seconds, while 2,000 per message cost
 * ~10–30 ms each.
 */
export const BATCH_SIZE = DEFAULT_BATCH_SIZE;

type Emit = (event: ImportEvent) => void;

/** The whole body as one block of bytes, for `decodeText` (the encoding is told from the whole file). */
function joinChunks(chunks: Uint8Array[], length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function fetchText(url: string, emit: Emit): Promise<DecodedText & { contentType?: string }> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    const other = new URL(url).origin !== self.location.origin;
    throw new DatasetError(
      `The dataset could not be fetched from ${url}: the network request failed` +
        (other
          ? ' (the other site may not allow it, or this site’s security policy may not allow connecting to it).'
          : '.'),
    );
  }
  if (!response.ok) {
    throw new DatasetError(`The dataset could not be fetched from ${url}: the server answered ${response.status}.`);
  }
  const contentType = response.headers.get('content-type') ?? undefined;
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body) return { ...decodeText(new Uint8Array(await response.arrayBuffer())), contentType };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    chunks.push(value);
    emit({ type: 'progress', phase: 'downloading', share: total > 0 ? received / total : null });
  }
  return { ...decodeText(joinChunks(chunks, received)), contentType };
}

export class ImportJob {
  #emit: Emit;
  #table: ImportTable | null = null;
  #inspection: TableInspection | null = null;
  /** What the user should know about how the file was decoded. */
  #decodeNotices: string[] = [];

  constructor(emit: Emit) {
    this.#emit = emit;
  }

  async read(request: ReadRequest): Promise<void> {
    try {
      const { source } = request;
      const { text, notice, contentType } =
        source.kind === 'url'
          ? await fetchText(source.url, this.#emit).finally(() =>
              this.#emit({ type: 'fetched', at: performance.timeOrigin + performance.now() }),
            )
          : source.kind === 'file'
            ? {
                ...decodeText(new Uint8Array(await source.file.arrayBuffer())),
                contentType: source.file.type || undefined,
              }
            : { text: source.text, notice: undefined, contentType: undefined };
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
  #sendBatch = (records: CheckedRecord[]): void => {
    this.#emit({ type: 'batch', json: encodeIncidents(records) });
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
