/**
 * CSV text → header and rows, each row with the line it starts on, so a problem can be named
 * `row N (line M)` even when quoted cells span several lines. Parsing is papaparse's; this module
 * adds what it leaves to us: the BOM, the delimiter of European exports (`;`), line numbers, and
 * problems in our words. It runs wherever it is called — the app calls it inside its own worker,
 * never papaparse's `blob:` worker, which a strict CSP forbids.
 */
import Papa from 'papaparse';

export interface CsvRow {
  /** 1-based among data rows (blank lines are not rows). */
  record: number;
  /** 1-based line of the file on which the row starts. */
  line: number;
  cells: string[];
}

export interface CsvStructureProblem {
  record: number;
  line: number;
  reason: string;
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
  delimiter: string;
  /** Rows whose structure is broken (an unterminated quote…); they are left out of `rows`. */
  problems: CsvStructureProblem[];
  /** Rows with more or fewer cells than the header; kept, with what happened to them. */
  notices: CsvStructureProblem[];
}

const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/**
 * The delimiter of a CSV from its first line: the candidate seen most often outside quotes.
 * Header names rarely contain delimiters, while European numbers (`52,5`) often hold commas, so the
 * header is a better witness than the data. A file with one column falls back to `,`.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(CANDIDATE_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const delimiter of CANDIDATE_DELIMITERS) {
    if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  }
  return best;
}

/** Counts line breaks (`\r\n`, `\n` or a lone `\r`) in `text[from, to)`. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 13 && text.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

function describePapaError(error: Papa.ParseError): string {
  switch (error.code) {
    case 'MissingQuotes':
      return 'a quoted cell is never closed (a " is missing), so the rest of the file ran into it';
    case 'InvalidQuotes':
      return 'a quoted cell has text after its closing quote';
    default:
      return error.message;
  }
}

export interface ReadCsvOptions {
  /** Called now and then with the share of the text read (0–1). */
  onProgress?: (share: number) => void;
}

/** Reads a whole CSV text. Throws `Error` with a plain message when there is no header at all. */
export function readCsv(input: string, options: ReadCsvOptions = {}): CsvTable {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const rows: CsvRow[] = [];
  const problems: CsvStructureProblem[] = [];
  const notices: CsvStructureProblem[] = [];
  let header: string[] | null = null;
  let rowStart = 0;
  /** The line on which `scanned` lies; lines are counted once, up to each row's start. */
  let line = 1;
  let scanned = 0;
  let record = 0;
  let lastReport = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    step(result) {
      const start = rowStart;
      rowStart = result.meta.cursor;
      line += countLineBreaks(text, scanned, start);
      scanned = start;
      const cells = result.data;
      const blank = cells.length === 1 && cells[0].trim() === '';
      if (blank && result.errors.length === 0) return;
      if (header === null) {
        header = cells.map((cell) => cell.trim());
        return;
      }
      record++;
      if (options.onProgress && rowStart - lastReport > 250_000) {
        lastReport = rowStart;
        options.onProgress(rowStart / text.length);
      }
      if (result.errors.length > 0) {
        problems.push({ record, line, reason: describePapaError(result.errors[0]) });
        return;
      }
      if (cells.length !== header.length) {
        notices.push({
          record,
          line,
          reason:
            cells.length > header.length
              ? `the row has ${cells.length} cells but the header ${header.length}; the cells past the last column were left out`
              : `the row has ${cells.length} cells but the header ${header.length}; the missing cells were read as empty`,
        });
      }
      rows.push({ record, line, cells });
    },
  });
  if (header === null) throw new Error('The file is empty: it has no header row.');
  return { header, rows, delimiter, problems, notices };
}
