/**
 * A problem found in one record of a dataset, and the one formatter that names its position:
 * CSV rows read `row N (line M), field F: reason`; JSON records `record N (id X), field F: reason`.
 */

export interface RecordProblem {
  /** How the dataset arrived; decides how positions are named. */
  format: 'json' | 'csv' | 'geojson';
  /** 1-based position among the records (the first data row of a CSV is row 1); 0 for the file's header. */
  record: number;
  /** 1-based line in the file, where known (CSV). */
  line?: number;
  id?: string;
  /** The field in question, as a path (`sources[0].url`); empty for the record as a whole. */
  field: string;
  reason: string;
  /** `error`: the record was left out. `notice`: it was kept, and something in it was dropped or changed. */
  severity: 'error' | 'notice';
}

/** Where a problem is, in the words a dataset author needs to find it. */
export function formatProblemPosition(problem: RecordProblem): string {
  if (problem.record === 0) return 'dataset header';
  if (problem.format === 'csv') {
    const line = problem.line === undefined ? '' : ` (line ${problem.line})`;
    return `row ${problem.record}${line}`;
  }
  const noun = problem.format === 'geojson' ? 'feature' : 'record';
  const id = problem.id ? ` (id ${problem.id})` : '';
  return `${noun} ${problem.record}${id}`;
}

/** "row 3 (line 4), field date: …" or "record 2 (id ee-kouts), field sources[0].url: …". */
export function formatRecordProblem(problem: RecordProblem): string {
  const field = problem.field ? `, field ${problem.field}` : '';
  return `${formatProblemPosition(problem)}${field}: ${problem.reason}`;
}

/** A plain-text report, one problem per line, for download or the console. */
export function formatProblemReport(problems: readonly RecordProblem[], fileName?: string): string {
  const prefix = fileName ? `${fileName}: ` : '';
  return problems.map((problem) => `${prefix}${formatRecordProblem(problem)}`).join('\n');
}
