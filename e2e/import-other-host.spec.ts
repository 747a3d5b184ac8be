import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { atlasRoot, expectCleanPage, openAtlas, resultCount, tableIds, watchPage } from './helpers.ts';
import { expectReady } from './import-helpers.ts';

// The second origin of the e2e server (port + 1) serves the fixtures with CORS.
const otherOrigin = (baseURL: string | undefined) => {
  const url = new URL(baseURL ?? 'http://127.0.0.1:4173/');
  return `${url.protocol}//${url.hostname}:${Number(url.port) + 1}`;
};

test('data from another site is loaded only after the user agrees, under a permanent "not the curated dataset" banner', async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  const other = otherOrigin(baseURL);
  const host = new URL(other).host;
  // /open-data/ is the app served with connect-src widened to the other site, as such a deployment must.
  await page.goto(`open-data/?data=${other}/partly-broken.csv`);
  const question = page.getByRole('alertdialog', { name: `Load data from ${host}?` });
  await expect(question).toBeVisible();
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'loading');
  expect((await new AxeBuilder({ page }).include('[data-testid="host-question"]').analyze()).violations).toEqual([]);
  await question.getByRole('button', { name: `Load data from ${host}` }).click();
  await expectReady(page);
  await expect(resultCount(page)).toContainText('3 incidents in view');
  const banner = page.getByRole('complementary', { name: 'Data source' });
  await expect(banner).toContainText(`Not the curated dataset. Showing data from ${host}`);
  // Permanent: filtering and selecting leave it in place.
  await page.getByRole('checkbox', { name: /Estonia/ }).check();
  await expect(banner).toBeVisible();
  expectCleanPage(watch);
});

test('declining another site’s data shows the curated dataset and fetches nothing from it', async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  const other = otherOrigin(baseURL);
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(other)) fetched.push(request.url());
  });
  await page.goto(`open-data/?data=${other}/partly-broken.csv`);
  await page.getByRole('button', { name: 'Show the curated dataset' }).click();
  await expectReady(page);
  expect(await tableIds(page)).toContain('ee-kouts-conviction-2021');
  await expect(page.getByRole('list', { name: 'Notices' })).toContainText(
    `Data from ${new URL(other).host} was not loaded`,
  );
  await expect(page.getByTestId('data-origin')).toHaveCount(0);
  expect(fetched).toEqual([]);
  expectCleanPage(watch);
});

test('under the strict CSP, agreeing to another site explains that the connection was refused', async ({
  page,
  baseURL,
}) => {
  const other = otherOrigin(baseURL);
  await page.goto(`?data=${other}/partly-broken.csv`);
  await page.getByRole('button', { name: /^Load data from/ }).click();
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'error');
  await expect(page.getByRole('alert')).toContainText('security policy may not allow connecting to it');
});

test('a same-origin address needs no question', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/partly-broken.csv');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByTestId('data-origin')).toHaveCount(0);
  expectCleanPage(watch);
});
