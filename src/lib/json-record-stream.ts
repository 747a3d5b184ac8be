/**
 * Our JSON read while it downloads: finds the records — the elements of a top-level array, or of
 * the top-level object's `incidents` array — in text that arrives in pieces, and hands them over in
 * batches, each as the JSON text of an array, ready for `JSON.parse`. The rest of the document is
 * kept with the records array emptied (`{"dataset": {…}, "incidents": []}`), to be read at the end.
 *
 * It checks structure only as far as finding records needs: if every batch and the rest parse, the
 * document was valid JSON and holds exactly these records in this order (batches are cut at the
 * array's own commas). Anything it cannot follow (an escaped root key, a second `incidents` key, a
 * root that is neither array nor object) ends the stream's use (`usable` turns false): the caller
 * then reads the whole text the usual way, whose parser also describes any syntax error.
 */

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export class JsonRecordStream {
  /** False once the document turned out to be one the stream cannot follow. */
  usable = true;
  /** Whether a records array was found (and so `rest()` holds it emptied). */
  foundRecords = false;

  readonly #batchSize: number;
  readonly #onBatch: (json: string) => void;
  #depth = 0;
  #inString = false;
  /** The next character is escaped (a backslash ended the previous piece). */
  #escaped = false;
  /** 'array' or 'object' once the first character is seen. */
  #root: 'array' | 'object' | null = null;
  /** Root object: the next string at depth 1 is a key. */
  #expectKey = false;
  /** Root object: the key being read, and the last one read. */
  #key: string[] | null = null;
  #lastKey = '';
  /** The depth of the records array's elements' container while inside it, else -1. */
  #recordsDepth = -1;
  /** Commas seen at the records' depth since the batch started. */
  #commas = 0;
  /** Whether the current batch has a non-blank character yet (after a cut, one must follow). */
  #batchHasText = false;
  #afterCut = false;
  #batch: string[] = [];
  #rest: string[] = [];

  constructor(onBatch: (json: string) => void, batchSize: number) {
    this.#onBatch = onBatch;
    this.#batchSize = batchSize;
  }

  /** Reads the next piece of text. */
  push(text: string): void {
    if (!this.usable) return;
    const n = text.length;
    /** Start of the part of `text` not yet handed to the batch or the rest. */
    let from = 0;
    let i = 0;
    let nextBackslash = text.indexOf('\\');
    if (this.#escaped && this.#inString && n > 0) {
      this.#escaped = false;
      i = 1;
    }
    while (i < n) {
      if (this.#inString) {
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = text.indexOf('\\', i);
        const quote = text.indexOf('"', i);
        if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
          if (this.#key) this.#key.push(text.slice(i, nextBackslash + 1));
          if (nextBackslash + 1 >= n) this.#escaped = true;
          i = nextBackslash + 2;
          continue;
        }
        if (quote === -1) {
          this.#key?.push(text.slice(i));
          break;
        }
        this.#inString = false;
        if (this.#key) {
          this.#key.push(text.slice(i, quote));
          this.#endKey();
          if (!this.usable) return;
        }
        i = quote + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.#inString = true;
        this.#markText();
        if (this.#root === 'object' && this.#depth === 1 && this.#expectKey) this.#key = [];
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (this.#depth === 0) {
          if (this.#root !== null) return this.#give();
          this.#root = c === OPEN_BRACKET ? 'array' : 'object';
          this.#expectKey = this.#root === 'object';
        }
        this.#markText();
        this.#depth++;
        if (this.#depth === 1 && this.#root === 'array') {
          this.#startRecords(text, from, i + 1);
          from = i + 1;
        } else if (
          c === OPEN_BRACKET &&
          this.#depth === 2 &&
          this.#root === 'object' &&
          this.#lastKey === 'incidents'
        ) {
          if (this.foundRecords) return this.#give();
          this.#startRecords(text, from, i + 1);
          from = i + 1;
        }
        if (this.#depth === 2 && this.#root === 'object') this.#lastKey = '';
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (this.#depth === this.#recordsDepth && c === CLOSE_BRACKET) {
          this.#batch.push(text.slice(from, i));
          from = i;
          if (!this.#endBatch(true)) return;
          this.#recordsDepth = -1;
        } else {
          this.#markText();
        }
        this.#depth--;
        if (this.#depth < 0) return this.#give();
      } else if (c === COMMA) {
        if (this.#depth === this.#recordsDepth) {
          if (!this.#batchHasText) return this.#give();
          if (++this.#commas === this.#batchSize) {
            this.#batch.push(text.slice(from, i));
            from = i + 1;
            if (!this.#endBatch(false)) return;
          }
        } else if (this.#depth === 1 && this.#root === 'object') {
          this.#expectKey = true;
          this.#lastKey = '';
        }
      } else if (c === COLON) {
        if (this.#depth === 1 && this.#root === 'object') this.#expectKey = false;
      } else if (c > 0x20) {
        this.#markText();
        if (this.#depth === 0 && this.#root === null) return this.#give();
      }
      i++;
    }
    (this.#recordsDepth === -1 ? this.#rest : this.#batch).push(text.slice(from));
  }

  /** The document without its records (their array emptied), once all text is pushed. */
  rest(): string {
    if (this.#recordsDepth !== -1 || this.#inString) this.usable = false;
    return this.#rest.join('');
  }

  #markText(): void {
    if (this.#recordsDepth !== -1) this.#batchHasText = true;
  }

  #startRecords(text: string, from: number, end: number): void {
    this.#rest.push(text.slice(from, end));
    this.foundRecords = true;
    this.#recordsDepth = this.#depth;
    this.#commas = 0;
    this.#batchHasText = false;
    this.#afterCut = false;
  }

  #endKey(): void {
    const key = this.#key!.join('');
    this.#key = null;
    // Escapes could spell `incidents` another way; the usual reading handles such a file.
    if (key.includes('\\')) return this.#give();
    this.#lastKey = key;
  }

  /** Hands over the batch read so far; false when it is malformed (the stream is then given up). */
  #endBatch(last: boolean): boolean {
    const text = this.#batch.join('');
    this.#batch = [];
    if (!this.#batchHasText) {
      // `[]` is a valid empty list; a blank batch after a cut is a trailing comma.
      if (this.#afterCut || !last) this.#give();
      return this.usable;
    }
    this.#commas = 0;
    this.#batchHasText = false;
    this.#afterCut = !last;
    this.#onBatch(`[${text}]`);
    return this.usable;
  }

  #give(): void {
    this.usable = false;
    this.#batch = [];
    this.#rest = [];
  }
}
