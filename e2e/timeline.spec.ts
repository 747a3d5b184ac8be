import { expect, test } from '@playwright/test';
import {
  clickMark,
  details,
  expectCleanPage,
  mapIdle,
  markBox,
  openAtlas,
  renderedMap,
  resultCount,
  tableIds,
  timeline,
  watchPage,
} from './helpers.ts';

test('wheel zoom on the timeline narrows the visible range, and the list and map follow', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  const ticksBefore = await timeline(page).locator('svg.axis text').allTextContents();
  const countBefore = (await tableIds(page)).length;

  // Zoom in over the Kõuts conviction (2 March 2021) until the axis shows months.
  const box = (await markBox(page, 'ee-kouts-conviction-2021'))!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);

  await expect(timeline(page).locator('svg.axis text')).not.toHaveText(ticksBefore);
  await expect.poll(async () => (await tableIds(page)).length).toBeLessThan(countBefore);
  const ticksAfter = await timeline(page).locator('svg.axis text').allTextContents();
  expect(
    ticksAfter.some((label) =>
      /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$|^\d{1,2} [A-Z][a-z]{2}/.test(label),
    ),
  ).toBe(true);
  expect(await tableIds(page)).toContain('ee-kouts-conviction-2021');
  await expect(resultCount(page)).not.toContainText(`${countBefore} incidents`);
  await mapIdle(page);
  expectCleanPage(watch);
});

test('dragging the timeline pans it', async ({ page }) => {
  await openAtlas(page);
  const before = await markBox(page, 'ee-kouts-conviction-2021');
  const plot = (await timeline(page).boundingBox())!;
  await page.mouse.move(plot.x + plot.width / 2, plot.y + 20);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width / 2 - 200, plot.y + 20, { steps: 8 });
  await page.mouse.up();
  const after = await markBox(page, 'ee-kouts-conviction-2021');
  expect(after!.x).toBeCloseTo(before!.x - 200, -1);
});

test('selecting an incident on the timeline highlights it on the map and opens its details with sources', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  await clickMark(page, 'ee-kouts-conviction-2021');

  const panel = details(page);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(
    'Estonian marine scientist Tarmo Kõuts convicted of spying for China',
  );
  await expect(panel).toContainText('2 March 2021');
  await expect(panel).toContainText('Convicted');
  await expect(panel).toContainText('Human intelligence');
  const source = panel.getByRole('link', {
    name: 'Court sentences Estonian marine scientist to prison for spying for China',
  });
  await expect(source).toHaveAttribute(
    'href',
    'https://news.err.ee/1608148489/court-sentences-estonian-marine-scientist-to-prison-for-spying-for-china',
  );
  await expect(source).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(source).toHaveAttribute('target', '_blank');

  await expect.poll(async () => (await renderedMap(page)).selection).toEqual(['ee-kouts-conviction-2021']);
  await expect(page.locator('tr[aria-current="true"]')).toHaveAttribute('data-incident-id', 'ee-kouts-conviction-2021');
  expectCleanPage(watch);
});

test('selecting from the list opens the details, and Escape closes them', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'China adopts the National Intelligence Law' }).click();
  await expect(details(page)).toContainText('27 June 2017');
  await page.keyboard.press('Escape');
  await expect(details(page)).toHaveCount(0);
});

test('the keyboard walks the timeline and Enter opens the incident', async ({ page }) => {
  await openAtlas(page);
  await timeline(page).focus();
  await page.keyboard.press('Home');
  await expect(timeline(page).locator('[data-incident-id]')).toHaveAttribute(
    'data-incident-id',
    'se-maihesuti-conviction-2010',
  );
  await page.keyboard.press('ArrowRight');
  await expect(timeline(page).locator('[data-incident-id]')).toHaveAttribute(
    'data-incident-id',
    'cn-national-intelligence-law-2017',
  );
  await page.keyboard.press('Enter');
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText(
    'China adopts the National Intelligence Law',
  );
});
