/**
 * A reader starts looking (and aiming) before the data arrives: the page must not jump when it does.
 * Measured as the browser does for Cumulative Layout Shift: every shift not caused by input, summed.
 */
import { expect, test, type Page } from '@playwright/test';
import { writeGeneratedCsv } from './generate-csv.ts';
import { atlasRoot, expectCleanPage, map, openAtlas, resultCount, watchPage } from './helpers.ts';

/** Sums the page's layout shifts from the first paint on (those within 500 ms of input excepted). */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts = { total: 0 };
    (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) shifts.total += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const layoutShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { __shifts: { total: number } }).__shifts.total);

/** Well under the 0.1 the web's guidance calls good; a masthead growing a line, alone, is 0.5 here. */
const STILL = 0.05;

test('the bundled dataset arrives without moving the page', async ({ page }) => {
  await recordLayoutShifts(page);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/incidents-*.json', async (route) => {
    await released;
    await route.continue();
  });
  await page.goto('');
  // Beside the dataset's name and above the filters' lists, which arrive with the data.
  const about = page.getByRole('button', { name: 'About this data' });
  const clearFilters = page.getByRole('button', { name: 'Clear filters' });
  await expect(page.getByTestId('timeline')).toContainText('Loading incidents…');
  const aboutBefore = await about.boundingBox();
  const clearBefore = await clearFilters.boundingBox();

  release();
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await expect(page.getByRole('banner')).toContainText('Reported Chinese espionage');
  expect(await about.boundingBox()).toEqual(aboutBefore);
  expect(await clearFilters.boundingBox()).toEqual(clearBefore);
  // Whatever settles after ready (the map's idle, the live region) counts too.
  await expect(map(page)).toHaveAttribute('data-map-state', 'idle');
  expect(await layoutShift(page)).toBeLessThan(STILL);
});

test('a file read with `?data=`: progress where the count will be, then the data, and the page stays put', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await recordLayoutShifts(page);
  const file = writeGeneratedCsv(1000);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/${file}`, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`?data=${file}`);

  const progress = page.getByRole('banner').getByRole('progressbar', { name: 'Loading data' });
  await expect(progress).toBeVisible();
  await expect(resultCount(page)).toHaveCount(0);
  // Everything else is laid out and drawn (the basemap too) while the file is held back.
  await expect(page.getByTestId('timeline')).toContainText('Loading incidents…');
  await expect(map(page)).toHaveAttribute('data-map-state', 'idle');
  const before = await map(page).boundingBox();

  release();
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await expect(resultCount(page)).toContainText('1,000 incidents in view');
  await expect(progress).toHaveCount(0);
  expect(await map(page).boundingBox()).toEqual(before);
  expect(await layoutShift(page)).toBeLessThan(STILL);
  expectCleanPage(watch);
});

test('problems with a file are a line in the masthead whose list opens over the page and closes as a menu does', async ({
  page,
}) => {
  await openAtlas(page, '?data=fixtures/partly-broken.json');
  const report = page.getByRole('banner').getByTestId('problem-report');
  const summary = report.locator('summary');
  await expect(summary).toContainText('2 records could not be read and are left out');
  const mapBox = await map(page).boundingBox();

  await summary.click();
  const list = report.getByRole('listitem').first();
  await expect(list).toContainText('record 2 (id bad-date), field date');
  // Open, the list lies over the views instead of pushing them down, and is the thing under the pointer there.
  expect(await map(page).boundingBox()).toEqual(mapBox);
  const download = report.getByRole('button', { name: /Download the report/ });
  const downloadBox = (await download.boundingBox())!;
  expect(downloadBox.y).toBeGreaterThan(mapBox!.y);
  const onTop = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x, y)?.textContent ?? '',
    [downloadBox.x + downloadBox.width / 2, downloadBox.y + downloadBox.height / 2],
  );
  expect(onTop).toContain('Download the report');

  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(summary).toBeFocused();

  // A press on the map, which the open list covers in part, closes it too.
  await summary.click();
  await expect(list).toBeVisible();
  await map(page).click({ position: { x: mapBox!.width - 20, y: mapBox!.height - 20 } });
  await expect(list).toBeHidden();
});

for (const width of [400, 600]) {
  test(`at ${width} px wide, the open problem list stays within the page`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openAtlas(page, '?data=fixtures/partly-broken.json');
    const report = page.getByRole('banner').getByTestId('problem-report');
    await report.locator('summary').click();
    const download = report.getByRole('button', { name: /Download the report/ });
    await expect(download).toBeVisible();
    const box = (await download.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
