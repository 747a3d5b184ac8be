/**
 * Curated-mode validation of a dataset file's text: JSON syntax (with line and column), the strict
 * schema for every record, unique ids, and end ≥ start. Every problem is reported, not just the first.
 */
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

export function validateCuratedFile(text: string): CuratedValidation {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { recordCount: 0, validCount: 0, problems: [], fatal: describeJsonError(error, text) };
  }
  try {
    const dataset = parseDataset(json, 'curated');
    const recordCount = (json as { incidents: unknown[] }).incidents.length;
    return { recordCount, validCount: dataset.incidents.length, problems: dataset.problems };
  } catch (error) {
    if (error instanceof DatasetError) return { recordCount: 0, validCount: 0, problems: [], fatal: error.message };
    throw error;
  }
}
