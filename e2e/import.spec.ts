import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { writeGeneratedCsv } from './generate-csv.ts';
import {
  expectCleanPage,
  markBox,
  openAtlas,
  renderedMapIncidents,
  resultCount,
  table,
  tableIds,
  watchPage,
} from './helpers.ts';
import { downloadOf, dropFile, expectReady, recordedProgress, recordProgress } from './import-helpers.ts';

let thousand = '';
test.beforeAll(() => {
  thousand = writeGeneratedCsv(1000);
});

/** The 1,000-row file is in every view: the count, the list, the timeline's marks and the map. */
async function expectThousandShown(page: import('@playwright/test').Page) {
  await expect(resultCount(page)).toContainText('1,000 incidents in view');
  await expect(table(page)).toHaveAttribute('aria-rowcount', '1001');
  expect((await tableIds(page)).every((id) => id.startsWith('gen-'))).toBe(true);
  expect(await markBox(page, 'gen-1')).not.toBeNull();
  expect(await markBox(page, 'gen-1000')).not.toBeNull();
  expect((await renderedMapIncidents(page)).filter((id) => id.startsWith('gen-')).length).toBeGreaterThan(0);
  await table(page).locator('tbody tr[data-incident-id] button').first().click();
  await expect(page.getByTestId('incident-details')).toContainText(/Case number\s*C-\d+/);
}

test('a 1,000-row CSV given by ?data= renders in every view, its extra column shown', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, `?data=${thousand}`);
  await expectThousandShown(page);
  await expect(page.getByTestId('problem-report')).toHaveCount(0);
  expectCleanPage(watch);
});

test('a 1,000-row CSV dropped on the page replaces the curated dataset, and says it stays in the browser', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  const text = await readFile(`e2e/${thousand}`, 'utf8');
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await dropFile(page, 'my incidents.csv', text, 'text/csv');
  await expectReady(page);
  await expectThousandShown(page);
  await expect(page.getByTestId('data-origin')).toContainText('Showing your file my incidents.csv');
  expect((await new AxeBuilder({ page }).include('[data-testid="data-origin"]').analyze()).violations).toEqual([]);
  // The file never leaves the browser: nothing was sent anywhere while it loaded.
  // (The address changes when the file replaces the data, and Chromium asks for the icon again.)
  expect(requests.filter((url) => !url.includes('/assets/') && !/\/favicon\.\w+$/.test(url))).toEqual([]);
  expectCleanPage(watch);
});

test('the file picker is the keyboard route to import', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page);
  const button = page.getByRole('button', { name: 'Open a file…' });
  await button.focus();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await chooser.setFiles('e2e/fixtures/european.csv');
  await expectReady(page);
  await expect(resultCount(page)).toContainText('2 incidents in view');
  // A ;-delimited export with decimal commas and German day-first dates.
  await table(page).getByText('Ein Vorfall').click();
  await expect(page.getByTestId('incident-details')).toContainText('2 March 2021');
  expectCleanPage(watch);
});

test('a malformed CSV lists every bad row by row, line and field, still shows its valid rows, and the report downloads', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/partly-broken.csv');
  await expect(resultCount(page)).toContainText('3 incidents in view');
  expect((await tableIds(page)).sort()).toEqual(['ok-multiline', 'ok-tallinn', 'row-5']);
  const report = page.getByTestId('problem-report');
  await expect(report).toContainText('3 rows could not be read');
  await report.locator('summary').click();
  const expected = [
    'row 2 (line 3), field date: "2021-02-30" is not a date like 2021, 2021-03 or 2021-03-02',
    'row 4 (line 8), field lat/lon: latitude "95" and longitude "200" cannot be read as a point',
    'row 6 (line 10), field title: a title is required',
  ];
  for (const line of expected) await expect(report).toContainText(line);
  await expect(page.getByText('no source').first()).toBeVisible();
  const headerAxe = () =>
    new AxeBuilder({ page }).include('[data-testid="problem-report"]').include('header').analyze();
  expect((await headerAxe()).violations).toEqual([]);
  // The Export menu opens as the problem list closes (both open over the page, as menus do).
  await page.getByText('Export', { exact: true }).click();
  await expect(report.getByRole('button', { name: /Download the report/ })).toBeHidden();
  expect((await headerAxe()).violations).toEqual([]);
  await page.keyboard.press('Escape');
  await report.locator('summary').click();

  const saved = await downloadOf(page, report.getByRole('button', { name: /Download the report/ }));
  expect(saved.name).toBe('partly-broken-problems.txt');
  expect(saved.text.trim().split('\n')).toEqual(expected.map((line) => `partly-broken.csv: ${line}`));
  expectCleanPage(watch);
});

test('an unfamiliar CSV asks which columns hold what and how dates are written; the link then reproduces it', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await page.goto('?data=fixtures/real-world.csv');
  const dialog = page.getByRole('dialog', { name: 'Which columns hold what?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Title')).toHaveValue('Event');
  const axe = await new AxeBuilder({ page }).include('[data-testid="column-mapping"]').analyze();
  expect(axe.violations).toEqual([]);
  const load = dialog.getByRole('button', { name: 'Load the file' });
  await expect(load).toBeDisabled();
  await dialog.getByRole('radio', { name: /day first/ }).check();
  await dialog.getByLabel('Place name').selectOption('Notes');
  await load.click();
  await expectReady(page);
  await expect(resultCount(page)).toContainText('2 incidents in view');
  await table(page).getByText('First meeting').click();
  await expect(page.getByTestId('incident-details')).toContainText('3 February 2021');

  const cols = new URL(page.url()).searchParams.get('cols');
  expect(cols).toBe(
    'date:Occurred,title:Event,summary:Notes,place:Notes,lat:Latitude,lon:Longitude,techniques:Kind,order:day-first',
  );
  await page.reload();
  await expectReady(page);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await table(page).getByText('First meeting').click();
  await expect(page.getByTestId('incident-details')).toContainText('3 February 2021');
  expectCleanPage(watch);
});

test('a 100,000-row CSV parses off the main thread with a progress bar, and every row arrives', async ({ page }) => {
  test.setTimeout(180_000);
  const big = writeGeneratedCsv(100_000);
  const watch = await watchPage(page);
  await recordProgress(page);
  await page.goto(`?data=${big}`);
  await expect(page.getByRole('progressbar', { name: 'Loading data' })).toBeVisible();
  await expectReady(page, 150_000);
  await expect(resultCount(page)).toContainText('100,000 incidents in view');
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  const { values, longTasks } = await recordedProgress(page);
  // The bar moved through the load: the page painted while the worker parsed.
  expect(values.filter((value) => value > 25 && value < 90).length).toBeGreaterThan(3);
  expect(values).toEqual([...values].sort((a, b) => a - b));
  test.info().annotations.push({
    type: 'main-thread long tasks (ms)',
    description: `${longTasks.length}, longest ${Math.max(0, ...longTasks)}`,
  });
  expectCleanPage(watch);
});
