/**
 * The benchmark's synthetic files (`bench/data/synth-N.json` and `.csv`, seed 42), made when missing
 * or when the generator has changed since they were made: a stamp beside each holds a hash of the
 * generator's source, so a run never measures data an older generator wrote.
 */
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const GENERATOR = join(ROOT, 'scripts', 'synth-incidents.ts');
const SEED = 42;

/** Makes sure `bench/data/synth-<count>.json` is the current generator's; returns its address on the bench server. */
export function ensureSynthData(count: number): string {
  const dir = join(ROOT, 'bench', 'data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `synth-${count}.json`);
  const stampFile = join(dir, `synth-${count}.stamp`);
  const stamp = `${createHash('sha256').update(readFileSync(GENERATOR)).digest('hex')} seed ${SEED}\n`;
  const current = existsSync(file) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (!current) {
    execSync(`npx tsx scripts/synth.ts --count ${count} --seed ${SEED} --out ${file}`, { cwd: ROOT, stdio: 'inherit' });
    writeFileSync(stampFile, stamp);
  }
  return `/bench-data/synth-${count}.json`;
}
