import { expect, test } from '@playwright/test';
import {
  expectCleanPage,
  markBox,
  openAtlas,
  renderedMapIncidents,
  resultCount,
  tableIds,
  timeline,
  watchPage,
} from './helpers.ts';

test('filtering by country narrows the timeline, the map and the list alike', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  await page
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /Estonia/ })
    .check();

  await expect(resultCount(page)).toContainText('1 incident in view');
  await expect.poll(() => tableIds(page)).toEqual(['ee-kouts-conviction-2021']);
  await expect.poll(() => renderedMapIncidents(page)).toEqual(['ee-kouts-conviction-2021']);
  expect(await markBox(page, 'ee-kouts-conviction-2021')).not.toBeNull();
  expect(await markBox(page, 'fr-dgse-officers-convicted-2020')).toBeNull();
  expectCleanPage(watch);
});

test("filtering by technique matches any of the record's techniques, and combining filters can leave none", async ({
  page,
}) => {
  await openAtlas(page);
  const techniques = page.getByRole('group', { name: 'Technique' });
  await techniques.getByRole('checkbox', { name: /Honey trap/ }).check();
  await expect.poll(() => tableIds(page)).toEqual(['fr-dgse-officers-convicted-2020']);
  await expect.poll(() => renderedMapIncidents(page)).toEqual(['fr-dgse-officers-convicted-2020']);

  await techniques.getByRole('checkbox', { name: /Technology transfer/ }).check();
  await expect.poll(() => tableIds(page)).toEqual(['fr-dgse-officers-convicted-2020', 'de-thomas-r-herwig-ina-f-2024']);

  await page
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /Estonia/ })
    .check();
  await expect(resultCount(page)).toContainText('0 incidents in view');
  await expect(page.getByText('No incidents match the filters in this time window.')).toBeVisible();
  await expect(timeline(page).getByText('No incidents match the filters.')).toBeVisible();
  await expect.poll(() => renderedMapIncidents(page)).toEqual([]);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(async () => (await tableIds(page)).length).toBeGreaterThanOrEqual(7);
});

test('search finds records regardless of accents', async ({ page }) => {
  await openAtlas(page);
  await page.getByLabel('Search').fill('kouts');
  await expect.poll(() => tableIds(page)).toEqual(['ee-kouts-conviction-2021']);
});
