import { expect, test, type Page } from '@playwright/test';
import { daysBetween, openAtlas, timeline, visibleRange } from './helpers.ts';

const FIXTURE = '?data=fixtures/timeline.json';
test.use({ hasTouch: true, viewport: { width: 900, height: 700 }, reducedMotion: 'reduce' });

type Point = { x: number; y: number };

/** Moves fingers from `from` to `to` in small steps through the browser's real touch input. */
async function swipe(page: Page, from: Point[], to: Point[], steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const at = (t: number) =>
    from.map((start, i) => ({ x: start.x + (to[i].x - start.x) * t, y: start.y + (to[i].y - start.y) * t, id: i }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (let step = 1; step <= steps; step++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(step / steps) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

async function plotPoint(page: Page, fx: number, fy: number): Promise<Point> {
  await timeline(page).scrollIntoViewIfNeeded();
  const box = (await timeline(page).boundingBox())!;
  return { x: box.x + box.width * fx, y: box.y + box.height * fy };
}

test('a vertical swipe over the timeline scrolls the page and leaves the timeline alone', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  const start = await plotPoint(page, 0.5, 0.6);
  const range = await visibleRange(page);
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await swipe(page, [start], [{ x: start.x + 4, y: start.y - 160 }]);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrollBefore + 40);
  expect(await visibleRange(page)).toEqual(range);
});

test('a horizontal swipe pans the timeline, and a pinch zooms it', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  const start = await plotPoint(page, 0.6, 0.5);
  const range = await visibleRange(page);
  await swipe(page, [start], [{ x: start.x - 200, y: start.y + 3 }]);
  await expect.poll(async () => (await visibleRange(page)).from > range.from).toBe(true);

  const panned = await visibleRange(page);
  const middle = await plotPoint(page, 0.5, 0.5);
  await swipe(
    page,
    [
      { x: middle.x - 30, y: middle.y },
      { x: middle.x + 30, y: middle.y },
    ],
    [
      { x: middle.x - 180, y: middle.y },
      { x: middle.x + 180, y: middle.y },
    ],
  );
  await expect
    .poll(async () => daysBetween((await visibleRange(page)).from, (await visibleRange(page)).to))
    .toBeLessThan(daysBetween(panned.from, panned.to) / 2);
});
