import { expect, test } from '@playwright/test';
import { clickMark, details, map, openAtlas, tableIds, watchPage, expectCleanPage } from './helpers.ts';

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
