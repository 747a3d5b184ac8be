/**
 * Driving the pages under measurement: open one in a fresh context, wait for it to be ready, run a
 * gesture while sampling frames, change a filter and time the views. Shared by the benchmark
 * (run.ts) and the profiler (profile.ts).
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import { dragPan, READY_PROBE, startFrameSampling, stopFrameSampling, wheelZoom, type FrameStats } from './measure.ts';

export const READY_TIMEOUT_MS = 60_000;
export const APP_MAP = '[data-testid="map"]';
export const APP_TIMELINE = '[data-testid="timeline"]';

export interface Opened {
  context: BrowserContext;
  page: Page;
  client: CDPSession;
  /** Wall-clock ms when each finished request's response ended, by URL. */
  responseEnds: Map<string, number>;
  /** ms from each finished request's start to the end of its response, by URL. */
  downloads: Map<string, number>;
}

export async function openMeasured(browser: Browser, url: string): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    timezoneId: 'America/Los_Angeles',
  });
  const page = await context.newPage();
  await page.addInitScript(READY_PROBE);
  const client = await context.newCDPSession(page);
  const responseEnds = new Map<string, number>();
  const downloads = new Map<string, number>();
  // Requests from the page's workers (the parse worker fetches `?data=`) are reported here too.
  page.on('requestfinished', (request) => {
    const timing = request.timing();
    responseEnds.set(request.url(), timing.startTime + timing.responseEnd);
    downloads.set(request.url(), timing.responseEnd - timing.requestStart);
  });
  if (url !== 'about:blank') await page.goto(url);
  return { context, page, client, responseEnds, downloads };
}

/** Waits for `data-status="ready"` and a settled map; returns ms since navigation, or null if it did not finish. */
export async function readyTime(page: Page, mapSelector: string | null): Promise<number | null> {
  try {
    await waitSettled(page, mapSelector, READY_TIMEOUT_MS);
  } catch {
    return null;
  }
  return page.evaluate(() => (window as unknown as { __bench: { readyAt: number } }).__bench.readyAt);
}

/** Waits until the page says ready and its map (if any) is idle. */
export async function waitSettled(page: Page, mapSelector: string | null, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (selector) => {
      const root = document.querySelector('[data-status]');
      if (root?.getAttribute('data-status') !== 'ready') return false;
      if (!selector) return true;
      const state = document.querySelector(selector)?.getAttribute('data-map-state');
      return state === 'idle' || state === 'unavailable';
    },
    mapSelector,
    { timeout, polling: 50 },
  );
}

export interface LoadResponsiveness {
  /** The longest main-thread task between navigation and ready, ms. */
  longestTaskMs: number;
  /** Total blocking time: the sum over long tasks of their time past 50 ms. */
  blockingMs: number;
  /** Whether the import progress bar was on screen while the data loaded. */
  progressShown: boolean;
}

export async function loadResponsiveness(page: Page, readyMs: number): Promise<LoadResponsiveness> {
  return page.evaluate((ready) => {
    const bench = (window as unknown as { __bench: { longTasks: [number, number][]; progressSeen: boolean } }).__bench;
    const tasks = bench.longTasks.filter(([start]) => start <= ready).map(([, duration]) => duration);
    return {
      longestTaskMs: Math.max(0, ...tasks),
      blockingMs: tasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
      progressShown: bench.progressSeen,
    };
  }, readyMs);
}

/**
 * ms from the data file's arrival to ready. The app's parse worker fetches the file and marks when
 * its last byte came in (`atlas:data-fetched`, on the page's clock); Playwright does not always see
 * a worker's requests. For the bench pages, the request's own timing.
 */
export async function readyAfterFetch(opened: Opened, dataUrl: string, readyMs: number): Promise<number | null> {
  const fetchedAt = await opened.page.evaluate(
    () =>
      (window as unknown as { __bench: { marks: Record<string, number[]> } }).__bench.marks['atlas:data-fetched']?.[0],
  );
  if (fetchedAt !== undefined) return readyMs - fetchedAt;
  const ended = [...opened.responseEnds].find(([url]) => new URL(url).pathname === dataUrl)?.[1];
  if (ended === undefined) return null;
  const origin = await opened.page.evaluate(() => performance.timeOrigin);
  return origin + readyMs - ended;
}

/**
 * How long the data file took to download, ms. The app reads our JSON while it downloads, which
 * can slow the download itself; against the same file's download on a page that reads it only
 * once it has arrived, that tells how much "after the file arrived" owes to reading early.
 */
export async function downloadTime(opened: Opened, dataUrl: string): Promise<number | null> {
  // The app marks when its parse worker asked for the file and when the last byte came in:
  // Playwright does not always see a worker's requests.
  const marked = await opened.page.evaluate(() => {
    const marks = (window as unknown as { __bench: { marks: Record<string, number[]> } }).__bench.marks;
    const [requested, fetched] = [marks['atlas:data-requested']?.[0], marks['atlas:data-fetched']?.[0]];
    return requested === undefined || fetched === undefined ? null : fetched - requested;
  });
  return marked ?? [...opened.downloads].find(([url]) => new URL(url).pathname === dataUrl)?.[1] ?? null;
}

/** How the app's map follows a timeline gesture: at its end (the default) or while it runs. */
export type MapDuringGestures = 'deferred' | 'live';

/** Sets the atlas's `mapDuringGestures` through the map container's test hook. */
export async function setMapDuringGestures(page: Page, mode: MapDuringGestures): Promise<void> {
  await page.evaluate((value) => {
    const map = document.querySelector('[data-testid="map"]') as HTMLElement & {
      setMapDuringGestures?: (mode: string) => void;
    };
    if (!map.setMapDuringGestures) throw new Error('the map has no setMapDuringGestures hook');
    map.setMapDuringGestures(value);
  }, mode);
}

export interface UpdateCadence {
  /** Updates during the gesture. */
  count: number;
  /** Longest stretch without one, from the gesture's first input to the last update before it ended. */
  maxGapMs: number;
}

export interface GestureResult extends FrameStats {
  /** ms from the last input event to the map idle with the gesture's final window (the deferred map catching up). */
  settleMs?: number;
  /** How often the list and the map were updated during the gesture (the app's performance marks). */
  updates?: { list: UpdateCadence; map: UpdateCadence };
}

/** The app marks each time-window commit (the list and counts follow it) and each map data update. */
const LIST_MARK = 'atlas:window-commit';
const MAP_MARK = 'atlas:map-data';

interface GestureWatch {
  marks: Record<string, number[]>;
  firstInput?: number | null;
  stopWatchingInput?: () => void;
}

/**
 * Notes when the gesture's first input reaches the page: a wheel tick, or the press that starts a
 * drag. The harness's own steps before it (finding the target, moving the pointer there: 75–100 ms
 * of round trips here) are not a stretch the app could have updated in.
 */
async function watchFirstInput(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: GestureWatch }).__bench;
    bench.firstInput = null;
    const stop = new AbortController();
    const first = (event: Event) => {
      bench.firstInput ??= event.timeStamp;
      stop.abort();
    };
    for (const type of ['wheel', 'pointerdown'])
      addEventListener(type, first, { capture: true, passive: true, signal: stop.signal });
    bench.stopWatchingInput = () => stop.abort();
  });
}

async function updateCadence(page: Page, from: number, to: number): Promise<GestureResult['updates']> {
  return page.evaluate(
    ({ from: called, to, marks }) => {
      const bench = (window as unknown as { __bench: GestureWatch }).__bench;
      bench.stopWatchingInput?.();
      const from = Math.max(called, bench.firstInput ?? called);
      const cadence = (name: string) => {
        const marks = bench.marks;
        const times = (marks[name] ?? []).filter((t) => t >= from && t <= to);
        // The last stretch ends with the update the gesture's end brings, after `to`: not counted.
        const points = times.length > 0 ? [from, ...times] : [from, to];
        let maxGapMs = 0;
        for (let i = 1; i < points.length; i++) maxGapMs = Math.max(maxGapMs, points[i] - points[i - 1]);
        return { count: times.length, maxGapMs };
      };
      return { list: cadence(marks[0]), map: cadence(marks[1]) };
    },
    { from, to, marks: [LIST_MARK, MAP_MARK] },
  );
}

export async function gesture(
  page: Page,
  selector: string,
  kind: 'zoom' | 'pan',
  durationMs: number,
  settleSelector: string | null,
): Promise<GestureResult> {
  console.log(`  ${kind} over ${selector}`);
  const target = page.locator(selector).first();
  await startFrameSampling(page);
  await watchFirstInput(page);
  const from = await page.evaluate(() => performance.now());
  if (kind === 'zoom') await wheelZoom(page, target, durationMs);
  else await dragPan(page, target, durationMs);
  const to = await page.evaluate(() => performance.now());
  const stats: GestureResult = await stopFrameSampling(page);
  stats.updates = await updateCadence(page, from, to);
  const ended = Date.now();
  try {
    // Let the page settle before anything else is measured. In the app, the map's last update
    // comes when the gesture ends (a wheel gesture ends 150 ms after its last tick): wait for it,
    // then for the map to be idle.
    if (settleSelector === APP_MAP && selector === APP_TIMELINE)
      await page.waitForFunction(
        ([mark, after]) =>
          ((window as unknown as { __bench: { marks: Record<string, number[]> } }).__bench.marks[mark] ?? []).some(
            (t) => t > after,
          ),
        [MAP_MARK, to] as const,
        { timeout: 10_000, polling: 20 },
      );
    await waitSettled(page, settleSelector);
    if (settleSelector) stats.settleMs = Date.now() - ended;
  } catch {
    // Reported as no settle time.
  }
  return stats;
}

export interface FilterLatency {
  /** Click → the count, the table caption and the timeline updated and painted. */
  viewsMs: number;
  /** Click → the map idle with the new clusters. */
  mapMs: number;
}

/**
 * Time from a technique filter change to the count, the table and the timeline updated and a frame
 * painted, then to the map settled. Picks the rarest technique with incidents in view, so the
 * change is always visible.
 */
export async function filterLatency(page: Page): Promise<FilterLatency> {
  return page.evaluate(async () => {
    const options = [...document.querySelectorAll<HTMLLabelElement>('fieldset[data-facet="techniques"] label')];
    const countOf = (label: HTMLLabelElement) =>
      Number(label.querySelector('.count')?.textContent?.replace(/,/g, '') ?? 0);
    const label = options.filter((option) => countOf(option) > 0).sort((a, b) => countOf(a) - countOf(b))[0];
    const box = label?.querySelector<HTMLInputElement>('input[type="checkbox"]');
    const count = document.querySelector('[data-testid="result-count"]');
    const caption = document.querySelector('[data-testid="incident-table"] caption');
    const map = document.querySelector('[data-testid="map"]');
    if (!box || !count || !caption) return { viewsMs: NaN, mapMs: NaN };
    const before = [count.textContent, caption.textContent];
    const t0 = performance.now();
    const until = (done: () => boolean) =>
      new Promise<boolean>((resolve) => {
        const check = () =>
          done() ? resolve(true) : performance.now() - t0 > 10_000 ? resolve(false) : requestAnimationFrame(check);
        requestAnimationFrame(check);
      });
    // The count and the caption change in the same update; the timeline paints in the next
    // animation frame (its callback was queued before ours), and a task queued from that frame
    // runs once the frame has been rendered.
    const updated = new Promise<boolean>((resolve) => {
      const observer = new MutationObserver(() => {
        if (count.textContent === before[0] || caption.textContent === before[1]) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => resolve(true)));
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      setTimeout(() => resolve(false), 10_000);
    });
    let mapMoved = false;
    const mapObserver = new MutationObserver(() => {
      if (map?.getAttribute('data-map-state') === 'moving') mapMoved = true;
    });
    if (map) mapObserver.observe(map, { attributes: true, attributeFilter: ['data-map-state'] });
    box.click();
    if (!(await updated)) return { viewsMs: NaN, mapMs: NaN };
    const viewsMs = performance.now() - t0;
    await until(() => mapMoved && map?.getAttribute('data-map-state') === 'idle');
    mapObserver.disconnect();
    return { viewsMs, mapMs: performance.now() - t0 };
  });
}
