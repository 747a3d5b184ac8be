/**
 * Curated-mode validation of a dataset file's text: JSON syntax (with line and column), the strict
 * schema for every record, unique ids, end ≥ start, a dataset header, and — when the reference
 * geography is given — where every place is. Every problem is reported, not just
 * the first, in record order.
 */
import { checkRecordPlaces, type Geography } from './check-places.ts';
import { describeJsonError } from './json-error.ts';
import { DatasetError, parseDataset } from './parse-incidents.ts';
import type { RecordProblem } from './record-problem.ts';

export interface CuratedValidation {
  recordCount: number;
  validCount: number;
  problems: RecordProblem[];
  /** Set when the file as a whole cannot be read. */
  fatal?: string;
}

/**
 * Validates a curated dataset file. Without `geography` it lists exactly the problems the app
 * lists when it loads a bundled dataset with a header (the app cannot tell a missing header from a
 * user's bare list); with it, also the place checks of `check-places.ts`.
 */
export function validateCuratedFile(text: string, geography?: Geography): CuratedValidation {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { recordCount: 0, validCount: 0, problems: [], fatal: describeJsonError(error, text) };
  }
  let dataset;
  try {
    dataset = parseDataset(json, 'curated');
  } catch (error) {
    if (error instanceof DatasetError) return { recordCount: 0, validCount: 0, problems: [], fatal: error.message };
    throw error;
  }
  if (!dataset.meta && !dataset.problems.some((problem) => problem.record === 0)) {
    dataset.problems.unshift({
      format: 'json',
      record: 0,
      field: 'dataset',
      reason: 'a curated file needs a "dataset" header with name, version and updated',
      severity: 'error',
    });
  }
  const records: unknown[] = Array.isArray(json) ? json : (json as { incidents: unknown[] }).incidents;
  const problems = [...dataset.problems];
  if (geography) problems.push(...checkRecordPlaces(records, geography));
  const invalid = new Set(problems.filter((p) => p.severity === 'error' && p.record > 0).map((p) => p.record));
  return {
    recordCount: records.length,
    validCount: records.length - invalid.size,
    // Stable sort: each record's problems stay in field order, the geography ones after the schema's.
    problems: problems.sort((a, b) => a.record - b.record),
  };
}
