import { expect, test, type Page } from '@playwright/test';
import { expectCleanPage, openAtlas, table, watchPage } from './helpers.ts';

/** Opens an imported file's only record and proves its markup stayed text and ran nothing. */
async function expectInert(page: Page, id: string) {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await table(page).getByRole('button', { name: '<img src=x onerror=alert(1)>' }).click();
  const details = page.getByTestId('incident-details');
  await expect(details).toContainText('<img src=x onerror=alert(1)>');
  await expect(details).toContainText('<script>alert(2)</script>');
  await expect(details).toContainText('javascript:alert(6)');
  await expect(page.locator(`[data-incident-id="${id}"]`).first()).toBeVisible();
  // Nothing became markup: no injected image, script, frame or svg, and no javascript: link.
  expect(await page.locator('img[src="x"], iframe, svg[onload], script:not([src])').count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(await page.evaluate(() => document.querySelectorAll('[onerror], [onload]').length)).toBe(0);
  expect(dialogs).toEqual([]);
}

test('a CSV whose cells hold markup and javascript: addresses shows them as text and runs nothing', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/xss.csv');
  await expectInert(page, 'xss-1');
  // The javascript: source address was refused, so the record has no source.
  await expect(page.getByTestId('incident-details')).toContainText('This record names no source');
  expectCleanPage(watch);
});

test('a GeoJSON whose properties hold markup shows them as text and runs nothing', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/xss.geojson');
  await expectInert(page, 'xss-geo');
  expectCleanPage(watch);
});
