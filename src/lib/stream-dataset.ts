/**
 * Our JSON dataset read while it downloads: each batch of records the stream finds
 * (`JsonRecordStream`) is parsed and checked (`IncidentReader`) as it arrives, so little is left
 * to do when the last byte comes. `end` gives the dataset — the same one, with the same problems,
 * that reading the whole text would give — or null when the file must be read whole the usual way
 * (it is GeoJSON, or not valid JSON, or shaped in a way the stream does not follow); the batches
 * handed over until then are void.
 */
import { isFeatureCollection } from './geojson-import.ts';
import { JsonRecordStream } from './json-record-stream.ts';
import {
  datasetParts,
  DatasetError,
  IncidentReader,
  NO_INCIDENTS,
  type CheckedBatch,
  type LoadedDataset,
} from './parse-incidents.ts';

/** Records per `JSON.parse` while streaming: small enough that each step is a short task. */
export const STREAM_PARSE_SIZE = 500;

export class StreamingDatasetReader {
  /** Batches handed to `onBatch` so far. */
  batchesSent = 0;
  readonly #stream: JsonRecordStream;
  readonly #reader: IncidentReader;

  constructor(onBatch: (batch: CheckedBatch) => void, parseSize = STREAM_PARSE_SIZE) {
    this.#reader = new IncidentReader('open', {
      onBatch: (batch) => {
        this.batchesSent++;
        onBatch(batch);
      },
    });
    this.#stream = new JsonRecordStream((json) => this.#readRecords(json), parseSize);
  }

  /** Whether the file can still be read this way. */
  get usable(): boolean {
    return this.#stream.usable;
  }

  push(text: string): void {
    this.#stream.push(text);
  }

  /**
   * Once all text is pushed: the dataset, or null (read the whole text instead). Throws
   * `DatasetError` as reading the whole text would (a file that is not a list, or an empty one).
   */
  end(): LoadedDataset | null {
    const rest = this.#stream.rest();
    if (!this.#stream.usable || !this.#stream.foundRecords) return null;
    let json: unknown;
    try {
      json = JSON.parse(rest);
    } catch {
      return null;
    }
    if (isFeatureCollection(json)) return null;
    // Not the emptied list: a later `incidents` key, which JSON.parse takes instead.
    const list = Array.isArray(json) ? json : (json as { incidents?: unknown } | null)?.incidents;
    if (!Array.isArray(list) || list.length !== 0) return null;
    const parts = datasetParts(json, 'open');
    if (this.#reader.count === 0) throw new DatasetError(NO_INCIDENTS);
    const { incidents, problems } = this.#reader.finish();
    return { meta: parts.meta, incidents, problems: [...parts.metaProblems, ...problems], mode: 'open' };
  }

  #readRecords(json: string): void {
    let records: unknown[];
    try {
      records = JSON.parse(json) as unknown[];
    } catch {
      this.#stream.usable = false;
      return;
    }
    this.#reader.read(records);
  }
}
