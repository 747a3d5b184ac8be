// A broken curated file: the app lists the same problems as `npm run validate` (less the place
// checks, which need reference data the browser does not load) and still shows the valid records.
// A user's own file (`?data=`) stays in open mode even when it carries a dataset header.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { formatRecordProblem } from '../src/lib/record-problem.ts';
import { validateCuratedFile } from '../src/lib/validate-curated.ts';
import { expectCleanPage, openAtlas, resultCount, tableIds, watchPage } from './helpers.ts';

const FIXTURE = new URL('fixtures/dataset-broken.json', import.meta.url);
const text = readFileSync(FIXTURE, 'utf8');

test('a broken curated dataset shows the same problem list as the validator, and its valid records', async ({
  page,
}) => {
  const watch = await watchPage(page);
  // Deploy the broken file in place of the bundled one: the app fetches its own dataset address
  // and validates it in curated mode, exactly as it would a bad file shipped by mistake.
  await page.route('**/assets/incidents-*.json', (route) =>
    route.fulfill({ path: FIXTURE.pathname, contentType: 'application/json' }),
  );
  await openAtlas(page);

  const expected = validateCuratedFile(text);
  expect(expected.validCount).toBe(4);
  await expect(resultCount(page)).toContainText(`${expected.validCount} incidents in view`);
  expect((await tableIds(page)).sort()).toEqual([
    'cn-national-intelligence-law-2017',
    'de-bkg-attribution-2024',
    'ee-kouts-conviction-2021',
    'fr-dgse-officers-convicted-2020',
  ]);

  const report = page.getByTestId('problem-report');
  await expect(report.locator('summary')).toContainText('3 records could not be read and are left out');
  await report.locator('summary').click();
  await expect(report.locator('li')).toHaveText(expected.problems.map(formatRecordProblem));
  await expect(report).toContainText(
    'record 2 (id fbi-mi5-joint-address-2022), field date: date is not a real calendar date',
  );
  await expect(report).toContainText(
    'record 4 (id ms-exchange-hafnium-2021), field sources[0].url: source address must start with http:// or https://',
  );
  // The footer still names the dataset the file says it is.
  await expect(page.locator('footer')).toContainText('Broken curated fixture · version 0.0.1-test');
  expectCleanPage(watch);
});

test('the same file loaded with ?data= is read in open mode, as a user file, and says it is not the curated dataset', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/dataset-broken.json');
  // Open mode keeps what it can read: only the impossible date is refused; the unknown status,
  // the unsafe address (dropped) and the repeated id (renamed) are notices.
  await expect(resultCount(page)).toContainText('6 incidents in view');
  const report = page.getByTestId('problem-report');
  await report.locator('summary').click();
  await expect(report).toContainText('record 2 (id fbi-mi5-joint-address-2022), field date:');
  await expect(report).toContainText('renamed ee-kouts-conviction-2021-2');

  await page.getByTestId('about-button').click();
  await expect(page.getByRole('dialog', { name: 'About this data' })).toContainText(
    'You are looking at a file loaded with ?data=, not the curated dataset.',
  );
  expectCleanPage(watch);
});
