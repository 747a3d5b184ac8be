// `npm run bench [-- --quick]`: measures the app at 1k, 10k and 100k synthetic incidents, and
// vis-timeline and bare MapLibre on the same incidents, in one run and one browser, then writes
// BENCHMARKS.md. See CONTRACTS §9 for what the numbers mean and the targets they are held to.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from '../e2e/browser.ts';
import {
  countTransferredBytes,
  dragPan,
  heapMb,
  READY_PROBE,
  startFrameSampling,
  stopFrameSampling,
  wheelZoom,
  type FrameStats,
} from './measure.ts';
import { formatReport, type BenchResult } from './report.ts';
import { startServer } from './serve.ts';

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
const READY_TIMEOUT_MS = 60_000;

function run(command: string) {
  execSync(command, { cwd: ROOT, stdio: 'inherit' });
}

function ensureData(count: number): string {
  const dir = join(ROOT, 'bench', 'data');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `synth-${count}.json`);
  if (!existsSync(file)) run(`npx tsx scripts/synth.ts --count ${count} --seed 42 --out ${file}`);
  return `/bench-data/synth-${count}.json`;
}

async function openMeasured(browser: Browser, url: string) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    timezoneId: 'America/Los_Angeles',
  });
  const page = await context.newPage();
  await page.addInitScript(READY_PROBE);
  const client = await context.newCDPSession(page);
  const started = Date.now();
  await page.goto(url);
  return { context, page, client, started };
}

/** Waits for `data-status="ready"` and a settled map; returns ms since navigation, or null if it did not finish. */
async function readyTime(page: Page, mapSelector: string | null): Promise<number | null> {
  try {
    await page.waitForFunction(
      (selector) => {
        const root = document.querySelector('[data-status]');
        if (root?.getAttribute('data-status') !== 'ready') return false;
        if (!selector) return true;
        const state = document.querySelector(selector)?.getAttribute('data-map-state');
        return state === 'idle' || state === 'unavailable';
      },
      mapSelector,
      { timeout: READY_TIMEOUT_MS, polling: 50 },
    );
  } catch {
    return null;
  }
  return page.evaluate(() => (window as unknown as { __bench: { readyAt: number } }).__bench.readyAt);
}

async function gesture(page: Page, selector: string, kind: 'zoom' | 'pan', modifier?: 'Control'): Promise<FrameStats> {
  console.log(`  ${kind} over ${selector}`);
  const target = page.locator(selector).first();
  await startFrameSampling(page);
  if (kind === 'zoom') await wheelZoom(page, target, GESTURE_MS, modifier);
  else await dragPan(page, target, GESTURE_MS);
  return stopFrameSampling(page);
}

/**
 * Time from a technique filter change to the count (and the timeline with it) redrawn, then to the
 * map settled. Picks the technique that changes the count most, so a change is always visible.
 */
async function filterLatency(page: Page) {
  return page.evaluate(async () => {
    const options = [...document.querySelectorAll<HTMLLabelElement>('fieldset[data-facet="techniques"] label')];
    const countOf = (label: HTMLLabelElement) =>
      Number(label.querySelector('.count')?.textContent?.replace(/,/g, '') ?? 0);
    const label = options.filter((option) => countOf(option) > 0).sort((a, b) => countOf(a) - countOf(b))[0];
    const box = label?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    const count = document.querySelector('[data-testid="result-count"]');
    const map = document.querySelector('[data-testid="map"]');
    if (!box || !count) return { viewsMs: NaN, mapMs: NaN };
    const before = count.textContent;
    const t0 = performance.now();
    const until = (done: () => boolean) =>
      new Promise<boolean>((resolve) => {
        const check = () =>
          done() ? resolve(true) : performance.now() - t0 > 10_000 ? resolve(false) : requestAnimationFrame(check);
        requestAnimationFrame(check);
      });
    box.click();
    if (!(await until(() => count.textContent !== before))) return { viewsMs: NaN, mapMs: NaN };
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const viewsMs = performance.now() - t0;
    await until(() => map?.getAttribute('data-map-state') !== 'moving');
    return { viewsMs, mapMs: performance.now() - t0 };
  });
}

async function measureApp(browser: Browser, count: number, dataUrl: string): Promise<BenchResult> {
  const { context, page, client } = await openMeasured(browser, `${BASE}/?data=${dataUrl}`);
  const readyMs = await readyTime(page, '[data-testid="map"]');
  const result: BenchResult = { subject: 'Incident Atlas', count, readyMs };
  if (readyMs !== null) {
    result.afterFetchMs = await page.evaluate(
      ([ready, url]) => {
        const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(url as string)) as
          PerformanceResourceTiming | undefined;
        return entry ? (ready as number) - entry.responseEnd : null;
      },
      [readyMs, dataUrl] as const,
    );
    result.heapMb = await heapMb(client);
    result.timelineZoom = await gesture(page, '[data-testid="timeline"]', 'zoom');
    result.timelinePan = await gesture(page, '[data-testid="timeline"]', 'pan');
    result.mapZoom = await gesture(page, '[data-testid="map"] canvas', 'zoom');
    result.mapPan = await gesture(page, '[data-testid="map"] canvas', 'pan');
    result.filter = await filterLatency(page);
  }
  await context.close();
  return result;
}

async function measurePeer(
  browser: Browser,
  subject: string,
  page: string,
  count: number,
  dataUrl: string,
  mapLike: boolean,
): Promise<BenchResult> {
  const opened = await openMeasured(browser, `${BASE}/bench/${page}${page.includes('?') ? '&' : '?'}data=${dataUrl}`);
  const readyMs = await readyTime(opened.page, mapLike ? '#map' : null);
  const result: BenchResult = { subject, count, readyMs };
  if (readyMs !== null) {
    result.heapMb = await heapMb(opened.client);
    const selector = mapLike ? '#map canvas' : '#timeline';
    const zoom = await gesture(opened.page, selector, 'zoom');
    const pan = await gesture(opened.page, selector, 'pan');
    if (mapLike) Object.assign(result, { mapZoom: zoom, mapPan: pan });
    else Object.assign(result, { timelineZoom: zoom, timelinePan: pan });
  }
  await opened.context.close();
  return result;
}

async function defaultViewBytes(browser: Browser): Promise<number> {
  const { context, page, client } = await openMeasured(browser, 'about:blank');
  const bytes = await countTransferredBytes(client);
  await page.goto(`${BASE}/`);
  await readyTime(page, '[data-testid="map"]');
  const total = bytes();
  await context.close();
  return total;
}

async function main() {
  if (!process.argv.includes('--no-build')) {
    run('npm run build');
    run('npx vite build --config bench/vite.config.ts');
  }
  const datasets = new Map(COUNTS.map((count) => [count, ensureData(count)]));
  const server = await startServer(PORT);
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const results: BenchResult[] = [];
  try {
    for (const count of COUNTS) {
      const dataUrl = datasets.get(count)!;
      console.log(`\n${count.toLocaleString('en')} incidents`);
      for (const measure of [
        () => measureApp(browser, count, dataUrl),
        () => measurePeer(browser, 'vis-timeline', 'vis-timeline.html', count, dataUrl, false),
        () => measurePeer(browser, 'bare MapLibre (clustered, no basemap)', 'maplibre.html', count, dataUrl, true),
      ]) {
        const result = await measure();
        console.log(JSON.stringify(result));
        results.push(result);
      }
    }
    const bytes = await defaultViewBytes(browser);
    const report = formatReport({
      results,
      defaultViewBytes: bytes,
      browser: `Chromium ${browser.version()}`,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
      date: new Date().toISOString().slice(0, 10),
      quick,
      gestureMs: GESTURE_MS,
    });
    writeFileSync(join(ROOT, 'BENCHMARKS.md'), report);
    console.log('\nwrote BENCHMARKS.md');
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
