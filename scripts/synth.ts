// `npm run synth -- --count N [--seed S] [--out path]`: writes N synthetic incidents as the
// project's JSON (`path`, default `synthetic-N.json`) and the bring-your-own-data CSV beside it
// (same name, `.csv`). Deterministic for a seed; see scripts/synth-incidents.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { formatSynthCsv, formatSynthJson, synthIncidents } from './synth-incidents.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});

const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1) {
  console.error(`synth: --count must be a positive whole number, not "${values.count}"`);
  process.exit(1);
}
if (!Number.isInteger(seed)) {
  console.error(`synth: --seed must be a whole number, not "${values.seed}"`);
  process.exit(1);
}

const jsonPath = values.out ?? `synthetic-${count}.json`;
const csvPath = jsonPath.replace(/\.json$/i, '') + '.csv';
const records = synthIncidents({ count, seed });
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, formatSynthJson(records, seed));
writeFileSync(csvPath, formatSynthCsv(records));
console.log(`synth: ${count.toLocaleString('en')} incidents (seed ${seed}) → ${jsonPath}, ${csvPath}`);
