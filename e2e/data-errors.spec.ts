import { expect, test } from '@playwright/test';
import {
  atlasRoot,
  expectCleanPage,
  openAtlas,
  renderedMapIncidents,
  resultCount,
  tableIds,
  watchPage,
} from './helpers.ts';

test('a dataset with some bad records shows its valid ones and lists each problem by record and field', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/partly-broken.json');
  await expect(resultCount(page)).toContainText('2 incidents in view');
  expect(await tableIds(page)).toEqual(['row-4', 'fine-one']);
  expect(await renderedMapIncidents(page)).toEqual(['fine-one']);
  const report = page.getByTestId('problem-report');
  await expect(report).toContainText('2 records could not be read');
  await report.locator('summary').click();
  await expect(report).toContainText(
    'record 2 (id bad-date), field date: "2021-02-30" is not a date like 2021, 2021-03 or 2021-03-02',
  );
  await expect(report).toContainText(
    'record 3 (id bad-point), field places[0].lngLat: coordinates [200,95] cannot be read',
  );
  // A category outside the curated vocabulary becomes a filter of its own.
  await expect(
    page.getByRole('group', { name: 'Technique' }).getByRole('checkbox', { name: /Balloon surveillance/ }),
  ).toBeVisible();
  await expect(page.getByText('no source').first()).toBeVisible();
  expectCleanPage(watch);
});

test('a truncated file gives a clear error, not a blank page', async ({ page }) => {
  await page.goto('?data=fixtures/truncated.json');
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'error');
  await expect(page.getByRole('alert')).toContainText('The file is not valid JSON');
});

test('a missing file gives a clear error', async ({ page }) => {
  await page.goto('?data=fixtures/missing.json');
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'error');
  await expect(page.getByRole('alert')).toContainText('the server answered 404');
});

test('an address that answers with a web page says so, not that the JSON is broken', async ({ page }) => {
  // What a server that answers every unknown path with its home page sends for a mistyped `?data=`.
  await page.goto('?data=fixtures/hosts/iframe.html');
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'error');
  await expect(page.getByRole('alert')).toContainText('The file is a web page (HTML), not JSON, CSV or GeoJSON');
  await expect(page.getByRole('alert')).toContainText('check the address');
  await expect(page.getByTestId('timeline')).toContainText('No incidents to show.');
});
