import { expect, test } from '@playwright/test';
import { clickMark, details, map, openAtlas, resultCount, tableIds, watchPage, expectCleanPage } from './helpers.ts';

test('without WebGL the app is still ready, says the map is unavailable, and the timeline and list work', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  await expect(map(page)).toHaveAttribute('data-map-state', 'unavailable');
  await expect(page.getByText('The map is not available in this browser.')).toBeVisible();
  expect((await tableIds(page)).length).toBeGreaterThanOrEqual(7);
  await clickMark(page, 'ee-kouts-conviction-2021');
  await expect(details(page)).toContainText('Tarmo Kõuts');
  expectCleanPage(watch);
});

test("without WebGL the map's camera buttons are off, and the country list still filters", async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/map-incidents.json');
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Fit to filtered' })).toBeDisabled();
  await page.getByText(/^Countries \(\d+\)$/).click();
  await page
    .getByRole('list', { name: 'Countries on the map' })
    .getByRole('button', { name: /Estonia/ })
    .click();
  await expect(resultCount(page)).toContainText('1 incident in view');
  expect(await tableIds(page)).toEqual(['ee-kouts-conviction-2021']);
  expectCleanPage(watch);
});
