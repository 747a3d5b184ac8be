/**
 * Records a Chrome trace (with the V8 sampling profiler on every thread) while the app does one
 * thing, and summarises where the time went. Used by `npm run bench:profile` and by the benchmark
 * for each missed target.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import {
  APP_MAP,
  APP_TIMELINE,
  filterLatency,
  gesture,
  openMeasured,
  readyTime,
  setMapDuringGestures,
  waitSettled,
} from './app-driver.ts';
import { formatTraceSummary, summariseTrace } from './trace-summary.ts';

export const SCENARIOS = ['load', 'timeline-zoom', 'timeline-pan', 'map-zoom', 'map-pan', 'filter'] as const;
export type Scenario = (typeof SCENARIOS)[number];

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'v8',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

export interface ProfileOptions {
  /** Where the app is served, e.g. `http://127.0.0.1:4399/profiled/`. */
  appUrl: string;
  count: number;
  scenario: Scenario;
  /** Map live during timeline gestures (default: deferred). */
  live?: boolean;
  gestureMs?: number;
  /** Directory for the raw trace (open it in DevTools' Performance panel). */
  outDir: string;
}

/** Runs one scenario under tracing; returns the measurement, the trace's path and its summary. */
export async function profileScenario(
  browser: Browser,
  options: ProfileOptions,
): Promise<{ measured: string; tracePath: string; summary: string }> {
  const url = `${options.appUrl}?data=/bench-data/synth-${options.count}.json`;
  const opened = await openMeasured(browser, 'about:blank');
  const { page } = opened;
  let measured: string;
  try {
    if (options.scenario === 'load') {
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.goto(url);
      const ready = await readyTime(page, APP_MAP);
      measured = `ready after ${ready?.toFixed(0)} ms`;
    } else {
      await page.goto(url);
      await readyTime(page, APP_MAP);
      await setMapDuringGestures(page, options.live ? 'live' : 'deferred');
      await browser.startTracing(page, { categories: CATEGORIES });
      if (options.scenario === 'filter') measured = JSON.stringify(await filterLatency(page));
      else {
        const [where, kind] = options.scenario.split('-') as ['timeline' | 'map', 'zoom' | 'pan'];
        const selector = where === 'map' ? `${APP_MAP} canvas` : APP_TIMELINE;
        const stats = await gesture(page, selector, kind, options.gestureMs ?? 3000, APP_MAP);
        measured = JSON.stringify(stats);
      }
      await waitSettled(page, APP_MAP);
    }
    const trace = (await browser.stopTracing()).toString('utf8');
    mkdirSync(options.outDir, { recursive: true });
    const tracePath = join(
      options.outDir,
      `${options.scenario}${options.live ? '-live' : ''}-${options.count}.trace.json`,
    );
    writeFileSync(tracePath, trace);
    return { measured, tracePath, summary: formatTraceSummary(summariseTrace(trace)) };
  } finally {
    await opened.context.close();
  }
}
