/** In-page probes and gesture drivers for the benchmark: frame intervals, readiness, heap. */
import type { CDPSession, Locator, Page } from '@playwright/test';

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** Share of frame intervals above 16.7 ms and above 50 ms. */
  over16: number;
  over50: number;
}

/** Installed before any page script: records when the atlas root first says `ready`. */
export const READY_PROBE = `
  // tsx compiles this script's page functions with esbuild's keepNames, which calls __name().
  window.__name = (fn) => fn;
  window.__bench = { readyAt: null, frames: null, marks: {}, longTasks: [], progressSeen: false };
  // Main-thread tasks over 50 ms, for how responsive the page stays while it loads.
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) window.__bench.longTasks.push([task.startTime, task.duration]);
  }).observe({ type: 'longtask', buffered: true });
  // The app keeps only its latest mark of each name; an observer sees them all.
  new PerformanceObserver((list) => {
    for (const mark of list.getEntries()) (window.__bench.marks[mark.name] ??= []).push(mark.startTime);
  }).observe({ type: 'mark' });
  new MutationObserver(() => {
    const root = document.querySelector('[data-status]');
    if (window.__bench.readyAt === null && root && root.getAttribute('data-status') === 'ready') {
      window.__bench.readyAt = performance.now();
    }
    const progress = document.querySelector('[data-testid="import-progress"]');
    if (progress) window.__bench.progressSeen = true;
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'], childList: true });
`;

export async function startFrameSampling(page: Page): Promise<void> {
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { frames: number[] | null; stop?: boolean } }).__bench;
    bench.frames = [];
    bench.stop = false;
    let last = performance.now();
    const tick = (now: number) => {
      if (bench.stop) return;
      bench.frames!.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(tick);
    });
  });
}

export async function stopFrameSampling(page: Page): Promise<FrameStats> {
  const frames = await page.evaluate(() => {
    const bench = (window as unknown as { __bench: { frames: number[]; stop: boolean } }).__bench;
    bench.stop = true;
    return bench.frames;
  });
  return frameStats(frames);
}

export function frameStats(intervals: number[]): FrameStats {
  const sorted = [...intervals].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
  return {
    frames: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? NaN,
    over16: sorted.filter((ms) => ms > 16.7).length / Math.max(1, sorted.length),
    over50: sorted.filter((ms) => ms > 50).length / Math.max(1, sorted.length),
  };
}

/** Input events arrive about once per display frame, as from a mouse or trackpad. */
const EVENT_INTERVAL_MS = 16;

/** Calls `step` every `EVENT_INTERVAL_MS` for `durationMs` (later when the page is too busy to take input). */
async function paced(durationMs: number, step: (elapsedMs: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  for (let k = 0; ; k++) {
    const elapsed = performance.now() - started;
    if (elapsed >= durationMs) break;
    await step(elapsed);
    const wait = started + (k + 1) * EVENT_INTERVAL_MS - performance.now();
    if (wait > 0) await new Promise((done) => setTimeout(done, wait));
  }
}

/**
 * How long a wheel zoom goes one way before it turns. The first leg (in) is longer than the rest,
 * so the zoom swings between about 1.4× and 7× the starting scale and never reaches the zoomed-out
 * limit, where the window would stop changing.
 */
const ZOOM_LEG_MS = 500;
const FIRST_LEG_MS = 600;

function zoomingIn(elapsedMs: number): boolean {
  return elapsedMs < FIRST_LEG_MS || Math.floor((elapsedMs - FIRST_LEG_MS) / ZOOM_LEG_MS) % 2 === 1;
}

/** Continuous wheel zoom over an element for `durationMs`, in and out by turns. */
export async function wheelZoom(page: Page, target: Locator, durationMs: number, modifier?: 'Control'): Promise<void> {
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 60));
  if (modifier) await page.keyboard.down(modifier);
  await paced(durationMs, (elapsed) => page.mouse.wheel(0, zoomingIn(elapsed) ? -40 : 40));
  if (modifier) await page.keyboard.up(modifier);
}

/** Continuous drag-pan over an element for `durationMs`, left then right. */
export async function dragPan(page: Page, target: Locator, durationMs: number): Promise<void> {
  const box = (await target.boundingBox())!;
  const y = box.y + Math.min(box.height / 2, 60);
  const centre = box.x + box.width / 2;
  await page.mouse.move(centre, y);
  await page.mouse.down();
  let x = centre;
  let direction = -1;
  await paced(durationMs, async () => {
    x += direction * 8;
    if (Math.abs(x - centre) > box.width / 3) direction = -direction;
    await page.mouse.move(x, y);
  });
  await page.mouse.up();
}

export async function heapMb(client: CDPSession): Promise<number> {
  await client.send('HeapProfiler.collectGarbage');
  const { usedSize } = await client.send('Runtime.getHeapUsage');
  return usedSize / 1024 / 1024;
}

/**
 * Counts the bytes the page receives over the network (compressed, as sent, headers included) from
 * now on, by URL. Playwright reports the requests of the page's workers too (MapLibre's worker
 * script, the parse worker's fetch), which the page's own CDP session does not see.
 */
export function countTransferredBytes(page: Page): () => Promise<{ url: string; bytes: number }[]> {
  const pending: Promise<{ url: string; bytes: number }>[] = [];
  page.on('requestfinished', (request) => {
    if (request.url().startsWith('data:')) return;
    pending.push(
      request
        .sizes()
        .then((sizes) => ({ url: request.url(), bytes: sizes.responseBodySize + sizes.responseHeadersSize })),
    );
  });
  return () => Promise.all(pending);
}
