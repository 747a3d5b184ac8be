import { expect, test } from '@playwright/test';
import {
  expectCleanPage,
  openAtlas,
  renderedMapIncidents,
  resultCount,
  setVisibleRange,
  tableIds,
  visibleRange,
  watchPage,
} from './helpers.ts';

const FIXTURE = '?data=fixtures/timeline.json';
const YEAR_2020 = [...Array.from({ length: 10 }, (_, i) => `crowd-0${i}`), 'month-2020'];
test.use({ reducedMotion: 'reduce' });

test('dragging a new range on the overview sets the visible window, and the list and map follow', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  await page.getByTestId('timeline-overview').scrollIntoViewIfNeeded();
  const strip = (await page.getByTestId('timeline-overview').boundingBox())!;
  const before = await visibleRange(page);
  await page.mouse.move(strip.x + strip.width * 0.2, strip.y + strip.height / 2);
  await page.mouse.down();
  await page.mouse.move(strip.x + strip.width * 0.45, strip.y + strip.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect.poll(() => visibleRange(page)).not.toEqual(before);
  const after = await visibleRange(page);
  expect(after.from > before.from && after.to < before.to).toBe(true);

  // The incidents left are those overlapping the new window, in the list and on the map alike.
  await expect.poll(async () => (await tableIds(page)).length).toBeLessThan(16);
  const listed = (await tableIds(page)).sort();
  expect(listed.length).toBeGreaterThan(0);
  expect((await renderedMapIncidents(page)).sort()).toEqual(listed);
  await expect(resultCount(page)).toContainText(`${listed.length} incident`);
  expectCleanPage(watch);
});

test('the range inputs are the non-drag way to set the window', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  await setVisibleRange(page, '2020-01-01', '2020-12-31');
  await expect.poll(async () => (await tableIds(page)).sort()).toEqual(YEAR_2020.sort());
  expect((await renderedMapIncidents(page)).sort()).toEqual(YEAR_2020.sort());
  // The brush shows the new window: its selection is a small part of the strip.
  const selection = (await page.getByTestId('timeline-overview').locator('.selection').boundingBox())!;
  const strip = (await page.getByTestId('timeline-overview').boundingBox())!;
  expect(selection.width).toBeLessThan(strip.width / 4);
});

test('a click on the overview centres the window there, keeping its span', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  await setVisibleRange(page, '2020-01-01', '2020-12-31');
  const strip = (await page.getByTestId('timeline-overview').boundingBox())!;
  await page.mouse.click(strip.x + strip.width * 0.08, strip.y + strip.height / 2);
  await expect.poll(async () => (await visibleRange(page)).from < '2019-01-01').toBe(true);
  const moved = await visibleRange(page);
  const days = (Date.parse(moved.to) - Date.parse(moved.from)) / 86_400_000;
  expect(Math.abs(days - 365)).toBeLessThanOrEqual(1);
});
