// `npm run validate`: checks every curated record in data/ and lists all problems at once, each
// naming the file, the record (position and id), the field and the reason. Exits 1 on any error.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCuratedFile } from '../src/lib/validate-curated.ts';
import { formatRecordProblem } from '../src/lib/record-problem.ts';

const DATA_DIR = 'data';
const files = readdirSync(DATA_DIR).filter((name) => name.endsWith('.json'));
let errorCount = 0;
let recordCount = 0;

for (const name of files) {
  const path = join(DATA_DIR, name);
  const result = validateCuratedFile(readFileSync(path, 'utf8'));
  recordCount += result.recordCount;
  for (const problem of result.problems) {
    if (problem.severity === 'error') errorCount++;
    console.log(`${path}: ${formatRecordProblem(problem)}`);
  }
  if (result.fatal) {
    errorCount++;
    console.log(`${path}: ${result.fatal}`);
  }
}

if (errorCount > 0) {
  console.error(`\nvalidate: ${errorCount} problem(s) in ${files.length} file(s).`);
  process.exit(1);
}
console.log(`validate: ${recordCount} records in ${files.length} file(s) are valid.`);
