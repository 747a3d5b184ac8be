import { expect, test } from '@playwright/test';
import { distinctColours, expectCleanPage, openAtlas, resultCount, table, tableIds, watchPage } from './helpers.ts';
import { dropFile, expectReady, exportAs, exportPng } from './import-helpers.ts';
import { techniqueColour } from '../src/lib/palette.ts';
import type { PNG } from 'pngjs';

/** Pixels of `hex` (within a small tolerance) in the image's last `rows` rows. */
function pixelsOfColourAtBottom(image: PNG, hex: string, rows: number): number {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  let hits = 0;
  for (let i = (image.height - rows) * image.width * 4; i < image.data.length; i += 4) {
    const near = Math.abs(image.data[i] - r) + Math.abs(image.data[i + 1] - g) + Math.abs(image.data[i + 2] - b);
    if (near < 12) hits++;
  }
  return hits;
}

test('a CSV export escapes formula-looking cells, and reads back into the same records', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/formulas.csv');
  const first = await exportAs(page, /^CSV/);
  expect(first.name).toMatch(/^formulas-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = first.text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('id,date,end_date,title,summary,place,country,lat,lon,techniques,status,source_url,Note');
  // Each cell a spreadsheet would run starts with ' ; a western longitude stays a number.
  expect(first.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(first.text).toContain(`'+cmd|' /C calc'!A0`);
  expect(first.text).toContain(`'@SUM(1+1)`);
  expect(first.text).toContain(`,'-2+3,`);
  // A cell already written as '=… (a spreadsheet's own escape) reads as =… and is escaped again.
  expect(first.text).toContain(`,'=already quoted\r\n`);
  expect(first.text).toContain(',40.417,-3.704,');
  await expect(page.getByTestId('export-status')).toHaveText('Saved 2 incidents as CSV.');

  // Round trip: the exported file, dropped back in, gives the same records and the same export.
  const before = await tableIds(page);
  await dropFile(page, first.name, first.text, 'text/csv');
  await expectReady(page);
  await expect(page.getByTestId('data-origin')).toContainText(first.name);
  expect(await tableIds(page)).toEqual(before);
  await table(page).getByRole('button', { name: '=HYPERLINK("http://evil.example","click")' }).click();
  await expect(page.getByTestId('incident-details')).toContainText('@SUM(1+1)');
  const second = await exportAs(page, /^CSV/);
  expect(second.text).toBe(first.text);
  expectCleanPage(watch);
});

test('the export holds only the filtered view', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  await page.getByRole('checkbox', { name: /Estonia/ }).check();
  const count = Number((await resultCount(page).locator('strong').textContent())?.match(/\d+/)?.[0]);
  const csv = await exportAs(page, /^CSV/);
  expect(csv.text.trim().split('\r\n')).toHaveLength(count + 1);
  expect(csv.text).toContain('ee-kouts-conviction-2021');
  expectCleanPage(watch);
});

test('JSON and GeoJSON exports read back into the same view', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  const ids = await tableIds(page);
  for (const [label, pattern] of [
    [/^JSON/, /\.json$/],
    [/^GeoJSON/, /\.geojson$/],
  ] as const) {
    const saved = await exportAs(page, label);
    expect(saved.name).toMatch(pattern);
    await dropFile(page, saved.name, saved.text);
    await expectReady(page);
    expect(await tableIds(page)).toEqual(ids);
    await expect(page.getByTestId('problem-report')).toHaveCount(0);
  }
  expectCleanPage(watch);
});

test('a PNG snapshot holds map and timeline together, made under the strict CSP', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  const { name, png, image } = await exportPng(page);
  expect(name).toMatch(/\.png$/);
  expect(image.width).toBe(1600);
  expect(image.height).toBeGreaterThan(600);
  expect(distinctColours(png)).toBeGreaterThan(40);
  await expect(page.getByTestId('export-status')).toHaveText('Saved a picture of the map and timeline.');
  // Under the axis, above the attributions: the key to the marks' colours, one swatch per technique.
  for (const technique of ['cyber-intrusion', 'human-intelligence', 'honey-trap'])
    expect(pixelsOfColourAtBottom(image, techniqueColour(technique), 140), technique).toBeGreaterThan(40);
  expectCleanPage(watch);
});

test('the Export menu closes as a menu does: Escape, a press outside, focus moving on, a choice made', async ({
  page,
}) => {
  await openAtlas(page);
  const menu = page.locator('details.export');
  const summary = menu.locator('summary');
  const csv = page.getByRole('button', { name: /^CSV/ });
  await table(page).getByRole('button', { name: /DGSE/ }).click();
  const details = page.getByTestId('incident-details');
  await expect(details).toBeVisible();

  // Escape closes the menu only: the incident's details behind it stay open for the next Escape.
  await summary.click();
  await expect(csv).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(csv).toBeHidden();
  await expect(summary).toBeFocused();
  await expect(details).toBeVisible();

  // A press on the map (over which the menu opens) closes it.
  await summary.click();
  await expect(csv).toBeVisible();
  await page.getByTestId('timeline').click({ position: { x: 5, y: 5 } });
  await expect(csv).toBeHidden();

  // So does tabbing past its last choice.
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(csv).toBeVisible();
  const png = page.getByRole('button', { name: /^PNG/ });
  await png.focus();
  await page.keyboard.press('Tab');
  await expect(png).toBeHidden();

  // A choice closes it, and the focus stays on the menu rather than falling to the page.
  await summary.focus();
  await page.keyboard.press('Enter');
  const [download] = await Promise.all([page.waitForEvent('download'), csv.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  await expect(csv).toBeHidden();
  await expect(summary).toBeFocused();
});
