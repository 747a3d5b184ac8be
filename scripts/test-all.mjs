// `npm test`: every check in order, stopping at the first failure, with the time each took.
import { spawnSync } from 'node:child_process';

const STEPS = [
  ['browser', 'node scripts/ensure-browser.mjs'],
  ['validate', 'npm run --silent validate'],
  ['check', 'npm run --silent check'],
  ['lint', 'npm run --silent lint'],
  ['unit', 'npm run --silent test:unit'],
  ['e2e', 'npm run --silent test:e2e'],
];

const timings = [];
for (const [name, command] of STEPS) {
  console.log(`\n▶ ${name}: ${command}`);
  const started = performance.now();
  const { status } = spawnSync(command, { shell: true, stdio: 'inherit' });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  timings.push(`${name.padEnd(9)} ${seconds.padStart(7)} s  ${status === 0 ? 'ok' : 'FAILED'}`);
  if (status !== 0) {
    console.log(`\nTimings:\n${timings.join('\n')}`);
    process.exit(status ?? 1);
  }
}
console.log(`\nTimings:\n${timings.join('\n')}`);
