// `npm run bench [-- --quick]`: measures the app at 1k, 10k and 100k synthetic incidents, and
// vis-timeline and bare MapLibre on the same incidents, in one run and one browser, then writes
// BENCHMARKS.md. See CONTRACTS §9 for what the numbers mean and the targets they are held to.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';
import {
  APP_MAP,
  APP_TIMELINE,
  downloadTime,
  filterLatency,
  gesture,
  loadResponsiveness,
  openMeasured,
  readyAfterFetch,
  readyTime,
  setMapDuringGestures,
} from './app-driver.ts';
import { countTransferredBytes, heapMb } from './measure.ts';
import { profileScenario, type Scenario } from './profiler.ts';
import {
  BARE_MAPLIBRE,
  evaluateTargets,
  formatReport,
  STYLED_MAPLIBRE,
  type BenchResult,
  type LoadedFile,
  type ReportInput,
} from './report.ts';
import { startServer } from './serve.ts';
import { ensureSynthData } from './synth-data.ts';

const ROOT = resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT ?? 4399);
const BASE = `http://127.0.0.1:${PORT}`;
const quick = process.argv.includes('--quick');
const COUNTS = process.env.BENCH_COUNTS
  ? process.env.BENCH_COUNTS.split(',').map(Number)
  : quick
    ? [1_000, 10_000]
    : [1_000, 10_000, 100_000];
const GESTURE_MS = quick ? 1_500 : 3_000;

function run(command: string) {
  execSync(command, { cwd: ROOT, stdio: 'inherit' });
}

async function measureApp(browser: Browser, count: number, dataUrl: string): Promise<BenchResult> {
  const opened = await openMeasured(browser, `${BASE}/?data=${dataUrl}`);
  const { page, client, context } = opened;
  const readyMs = await readyTime(page, APP_MAP);
  const result: BenchResult = { subject: 'Incident Atlas', count, readyMs };
  if (readyMs !== null) {
    result.afterFetchMs = await readyAfterFetch(opened, dataUrl, readyMs);
    result.downloadMs = await downloadTime(opened, dataUrl);
    result.loading = await loadResponsiveness(page, readyMs);
    // The default first: the map follows the timeline as it moves.
    await setMapDuringGestures(page, 'live');
    result.timelineZoomLive = await gesture(page, APP_TIMELINE, 'zoom', GESTURE_MS, APP_MAP);
    result.timelinePanLive = await gesture(page, APP_TIMELINE, 'pan', GESTURE_MS, APP_MAP);
    await setMapDuringGestures(page, 'deferred');
    result.timelineZoom = await gesture(page, APP_TIMELINE, 'zoom', GESTURE_MS, APP_MAP);
    result.timelinePan = await gesture(page, APP_TIMELINE, 'pan', GESTURE_MS, APP_MAP);
    await setMapDuringGestures(page, 'live');
    result.mapZoom = await gesture(page, `${APP_MAP} canvas`, 'zoom', GESTURE_MS, APP_MAP);
    result.mapPan = await gesture(page, `${APP_MAP} canvas`, 'pan', GESTURE_MS, APP_MAP);
    result.filter = await filterLatency(page);
    // Last: a forced full GC makes the next gesture slower (its code is compiled again), and a reader's
    // page never has one between loading and their first zoom.
    result.heapMb = await heapMb(client);
  }
  await context.close();
  return result;
}

async function measurePeer(
  browser: Browser,
  subject: string,
  path: string,
  count: number,
  dataUrl: string,
  mapLike: boolean,
): Promise<BenchResult> {
  const opened = await openMeasured(browser, `${BASE}/bench/${path}${path.includes('?') ? '&' : '?'}data=${dataUrl}`);
  const readyMs = await readyTime(opened.page, mapLike ? '#map' : null);
  const result: BenchResult = { subject, count, readyMs };
  if (readyMs !== null) {
    result.afterFetchMs = await readyAfterFetch(opened, dataUrl, readyMs);
    result.downloadMs = await downloadTime(opened, dataUrl);
    const selector = mapLike ? '#map canvas' : '#timeline';
    const settle = mapLike ? '#map' : null;
    const zoom = await gesture(opened.page, selector, 'zoom', GESTURE_MS, settle);
    const pan = await gesture(opened.page, selector, 'pan', GESTURE_MS, settle);
    if (mapLike) Object.assign(result, { mapZoom: zoom, mapPan: pan });
    else Object.assign(result, { timelineZoom: zoom, timelinePan: pan });
    result.heapMb = await heapMb(opened.client);
  }
  await opened.context.close();
  return result;
}

async function defaultView(browser: Browser): Promise<{ bytes: number; files: LoadedFile[] }> {
  const { context, page } = await openMeasured(browser, 'about:blank');
  const files = countTransferredBytes(page);
  await page.goto(`${BASE}/`);
  await readyTime(page, APP_MAP);
  const loaded = (await files()).map((file) => ({ ...file, url: file.url.replace(BASE, '') }));
  await context.close();
  return { bytes: loaded.reduce((sum, file) => sum + file.bytes, 0), files: loaded };
}

/** Traces the scenario behind each missed target on the unminified build, for BENCHMARKS.md. */
async function profileMisses(browser: Browser, results: BenchResult[], defaultViewBytes: number) {
  const profiles: ReportInput['profiles'] = [];
  const done = new Set<string>();
  for (const target of evaluateTargets(results, defaultViewBytes)) {
    if (target.met !== false || !target.scenario || !COUNTS.includes(target.scenario.count)) continue;
    const { count, scenario, live } = target.scenario;
    const command = `npm run bench:profile -- --count ${count} --scenario ${scenario}${live ? ' --live' : ''}`;
    if (done.has(command)) continue;
    done.add(command);
    console.log(`\nprofiling: ${command}`);
    const result = await profileScenario(browser, {
      appUrl: `${BASE}/profiled/`,
      count,
      scenario: scenario as Scenario,
      live,
      gestureMs: GESTURE_MS,
      outDir: join(ROOT, 'bench', 'results'),
    });
    profiles.push({ target: target.name, scenario: command, summary: `${result.measured}\n\n${result.summary}` });
  }
  return profiles;
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    run('npm run build');
    run('npx vite build --config bench/vite.config.ts');
    run('npm run --silent bench:build-profiled');
  }
  const datasets = new Map(COUNTS.map((count) => [count, ensureSynthData(count)]));
  const server = await startServer(PORT);
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const results: BenchResult[] = [];
  const loadAtStart = loadavg();
  try {
    for (const count of COUNTS) {
      const dataUrl = datasets.get(count)!;
      console.log(`\n${count.toLocaleString('en')} incidents`);
      const subjects = [
        () => measureApp(browser, count, dataUrl),
        () => measurePeer(browser, 'vis-timeline', 'vis-timeline.html', count, dataUrl, false),
        ...(count >= 100_000 && !quick
          ? [
              () =>
                measurePeer(
                  browser,
                  'vis-timeline with clustering',
                  'vis-timeline.html?cluster=1',
                  count,
                  dataUrl,
                  false,
                ),
            ]
          : []),
        () => measurePeer(browser, BARE_MAPLIBRE, 'maplibre.html', count, dataUrl, true),
        () => measurePeer(browser, STYLED_MAPLIBRE, 'maplibre.html?basemap=1', count, dataUrl, true),
      ];
      for (const measure of subjects) {
        const load = loadavg()[0];
        const result = { ...(await measure()), load };
        console.log(JSON.stringify(result));
        results.push(result);
      }
    }
    const view = await defaultView(browser);
    const profiles = process.argv.includes('--no-profiles') ? [] : await profileMisses(browser, results, view.bytes);
    const analysisPath = join(ROOT, 'bench', 'analysis.md');
    const report = formatReport({
      results,
      defaultView: view,
      browser: `Chromium ${browser.version()}`,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
      date: new Date().toISOString().slice(0, 10),
      quick,
      gestureMs: GESTURE_MS,
      load: { start: loadAtStart, end: loadavg() },
      profiles,
      analysis: existsSync(analysisPath) ? readFileSync(analysisPath, 'utf8') : '',
    });
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), report);
    console.log('\nwrote BENCHMARKS.md');
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
