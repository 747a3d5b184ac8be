// `npm run validate [file-or-folder…]`: checks every curated record (default: the JSON files in
// data/) and lists all problems at once, each naming the file, the record (position and id), the
// field and the reason. Includes the place checks (Natural Earth outlines, GeoNames). Exits 1 on any
// error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatRecordProblem } from '../src/lib/record-problem.ts';
import { validateCuratedFile } from '../src/lib/validate-curated.ts';
import { loadGeography } from './geography.ts';

const targets = process.argv.slice(2);
const files = (targets.length > 0 ? targets : ['data']).flatMap((target) =>
  statSync(target).isDirectory()
    ? readdirSync(target)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => join(target, name))
    : [target],
);

const geography = loadGeography();
let errorCount = 0;
let recordCount = 0;
let validCount = 0;

for (const path of files) {
  const result = validateCuratedFile(readFileSync(path, 'utf8'), geography);
  recordCount += result.recordCount;
  validCount += result.validCount;
  if (result.fatal) {
    errorCount++;
    console.log(`${path}: ${result.fatal}`);
  }
  for (const problem of result.problems) {
    if (problem.severity === 'error') errorCount++;
    console.log(`${path}: ${formatRecordProblem(problem)}`);
  }
}

if (errorCount > 0) {
  console.error(
    `\nvalidate: ${errorCount} problem(s); ${validCount} of ${recordCount} records in ${files.length} file(s) are valid.`,
  );
  process.exit(1);
}
console.log(`validate: ${recordCount} records in ${files.length} file(s) are valid.`);
