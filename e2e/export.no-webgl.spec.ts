import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { readFile } from 'node:fs/promises';
import { expectCleanPage, openAtlas, watchPage } from './helpers.ts';

test('without WebGL the PNG snapshot holds the timeline, with a note that the map is missing', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  await page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^PNG/ }).click(),
  ]);
  const image = PNG.sync.read(await readFile(await download.path()));
  expect(image.width).toBe(1600);
  await expect(page.getByTestId('export-status')).toHaveText(
    'Saved a picture of the timeline (the map is not available).',
  );
  expectCleanPage(watch);
});
