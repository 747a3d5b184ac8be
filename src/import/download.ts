/**
 * A dataset address fetched by the import: the body is read as it arrives, and when it is our JSON
 * in UTF-8 its records are parsed, checked and sent on while the rest downloads
 * (`StreamingDatasetReader`). The reading runs in short tasks of its own, so the download is taken
 * from the network as fast as it comes. Anything else (CSV, GeoJSON, another encoding, a file the
 * stream cannot follow) is read whole when it has arrived, as before.
 */
import { decodeText, mayBeUtf8Text, type DecodedText } from '../lib/decode-text.ts';
import { declaredFormat } from '../lib/import-dataset.ts';
import type { ImportFormat } from '../lib/import-params.ts';
import { DatasetError, type CheckedBatch, type LoadedDataset } from '../lib/parse-incidents.ts';
import { StreamingDatasetReader } from '../lib/stream-dataset.ts';
import { nextTask } from '../lib/next-task.ts';
import type { ImportEvent } from './protocol.ts';

type Emit = (event: ImportEvent) => void;

export type Downloaded = (DecodedText & { contentType?: string }) | { dataset: LoadedDataset };

export interface DownloadOptions {
  emit: Emit;
  /** The address and the format asked for, which decide with the first bytes whether to stream. */
  name: string;
  format?: ImportFormat;
  onBatch: (batch: CheckedBatch) => void;
  /** When the request was made (epoch ms), told with the `fetched` event. */
  requestedAt?: number;
}

/** Characters of text read per task while streaming. */
const SLICE = 1 << 16;

export async function fetchDataset(url: string, options: DownloadOptions): Promise<Downloaded> {
  let response: Response;
  const requestedAt = performance.timeOrigin + performance.now();
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
  return readResponse(response, { ...options, requestedAt });
}

/** Starts with `{` or `[` after blanks (and a UTF-8 byte order mark): JSON, unless the address says otherwise. */
function opensLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  return bytes[i] === 0x7b || bytes[i] === 0x5b;
}

export async function readResponse(response: Response, options: DownloadOptions): Promise<Downloaded> {
  const { emit } = options;
  const contentType = response.headers.get('content-type') ?? undefined;
  const total = Number(response.headers.get('content-length')) || 0;
  const fetched = () =>
    emit({ type: 'fetched', at: performance.timeOrigin + performance.now(), requestedAt: options.requestedAt });
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    fetched();
    return { ...decodeText(bytes), contentType };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  let streaming: Streaming | null = null;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (received === 0) {
      const format = declaredFormat(options.name, options.format, contentType);
      if ((format === undefined || format === 'json') && mayBeUtf8Text(value) && opensLikeJson(value))
        streaming = new Streaming(options.onBatch);
    }
    received += value.byteLength;
    chunks.push(value);
    streaming?.push(value);
    emit({ type: 'progress', phase: 'downloading', share: total > 0 ? received / total : null });
  }
  fetched();
  if (streaming) {
    const dataset = await streaming.end((share) => emit({ type: 'progress', phase: 'checking', share }));
    if (dataset) return { dataset };
    if (streaming.sentBatches) emit({ type: 'discard' });
  }
  return { ...decodeText(joinChunks(chunks, received)), contentType };
}

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

/** The reading of a streamed body, in tasks of its own between the reads of the body. */
class Streaming {
  readonly #reader: StreamingDatasetReader;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true });
  readonly #queue: string[] = [];
  #failed = false;
  #running: Promise<void> | null = null;

  constructor(onBatch: (batch: CheckedBatch) => void) {
    this.#reader = new StreamingDatasetReader(onBatch);
  }

  get sentBatches(): boolean {
    return this.#reader.batchesSent > 0;
  }

  push(bytes: Uint8Array): void {
    if (this.#failed) return;
    try {
      this.#queue.push(this.#decoder.decode(bytes, { stream: true }));
    } catch {
      this.#failed = true;
      return;
    }
    this.#running ??= this.#run();
  }

  /** Once the body has arrived: the dataset, or null when the text must be read whole. */
  async end(onProgress: (share: number) => void): Promise<LoadedDataset | null> {
    if (!this.#failed) {
      try {
        this.#queue.push(this.#decoder.decode());
      } catch {
        this.#failed = true;
      }
    }
    const left = this.#waiting();
    if (left > 0) this.#onProgress = () => onProgress(1 - this.#waiting() / left);
    if (this.#queue.length > 0) this.#running ??= this.#run();
    await this.#running;
    if (this.#failed || !this.#reader.usable) return null;
    return this.#reader.end();
  }

  #onProgress: (() => void) | null = null;

  /** Characters received and not read yet. */
  #waiting(): number {
    return this.#queue.reduce((sum, text) => sum + text.length, 0);
  }

  async #run(): Promise<void> {
    while (this.#queue.length > 0) {
      // A task of its own, so the next piece of the body is taken in between.
      await nextTask();
      const text = this.#queue[0];
      if (text.length > SLICE) {
        this.#queue[0] = text.slice(SLICE);
        this.#reader.push(text.slice(0, SLICE));
      } else {
        this.#queue.shift();
        this.#reader.push(text);
      }
      if (!this.#reader.usable) {
        this.#queue.length = 0;
        this.#failed = true;
      }
      this.#onProgress?.();
    }
    this.#running = null;
  }
}
