import { expect, test } from '@playwright/test';
import { expectCleanPage, openAtlas, watchPage } from './helpers.ts';
import { exportPng } from './import-helpers.ts';

test('without WebGL the PNG snapshot holds the timeline, with a note that the map is missing', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  const { image } = await exportPng(page);
  expect(image.width).toBe(1600);
  await expect(page.getByTestId('export-status')).toHaveText(
    'Saved a picture of the timeline (the map is not available).',
  );
  expectCleanPage(watch);
});
