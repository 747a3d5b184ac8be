// `npm run bench:profile -- --count 100000 --scenario load|timeline-zoom|timeline-pan|map-zoom|map-pan|filter [--live] [--no-build]`
// Records a Chrome trace while the app does one thing, saves it to bench/results/ (open it in
// DevTools' Performance panel) and prints where the time went: long main-thread tasks, main-thread
// time by kind, and the busiest functions per thread. Builds the app unminified first, so function
// names read as in the source.
import { execSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';
import { profileScenario, SCENARIOS, type Scenario } from './profiler.ts';
import { startServer } from './serve.ts';
import { ensureSynthData } from './synth-data.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 4399);

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '10000' },
    scenario: { type: 'string', default: 'load' },
    live: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    seconds: { type: 'string', default: '3' },
  },
});
const count = Number(values.count);
const scenario = values.scenario as Scenario;
if (!SCENARIOS.includes(scenario)) throw new Error(`--scenario must be one of ${SCENARIOS.join(', ')}`);

if (!values['no-build']) execSync('npm run --silent bench:build-profiled', { cwd: ROOT, stdio: 'inherit' });
ensureSynthData(count);
const server = await startServer(PORT);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
try {
  const result = await profileScenario(browser, {
    appUrl: `http://127.0.0.1:${PORT}/profiled/`,
    count,
    scenario,
    live: values.live,
    gestureMs: Number(values.seconds) * 1000,
    outDir: join(ROOT, 'bench', 'results'),
  });
  console.log(`${result.measured}\ntrace: ${result.tracePath}\n\n${result.summary}`);
} finally {
  await browser.close();
  server.close();
}
