// Malformed data files (e2e/fixtures/malformed.ts), each by ?data= and a few dropped on the page:
// every one ends in `ready` with its report or in a clear error naming what is wrong — never a
// blank page, never a page that stops answering, never an uncaught exception.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { atlasRoot, expectCleanPage, SEED_DATA, watchPage } from './helpers.ts';
import {
  MALFORMED,
  MALFORMED_DIR,
  MALFORMED_PATH,
  writeMalformedFixtures,
  type MalformedCase,
} from './fixtures/malformed.ts';

test.beforeAll(() => writeMalformedFixtures());

/** The page still answers: the theme switch turns the atlas dark. */
async function expectResponsive(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Theme' }).getByText('Dark', { exact: true }).click();
  await expect(atlasRoot(page)).toHaveAttribute('data-theme', 'dark');
}

async function expectOutcome(page: Page, { expect: outcome }: MalformedCase): Promise<void> {
  await expect(atlasRoot(page)).toHaveAttribute('data-status', outcome.status);
  if (outcome.status === 'error') await expect(page.getByRole('alert')).toBeVisible();
  for (const text of outcome.shows) await expect(page.locator('body')).toContainText(text);
  await expectResponsive(page);
}

for (const file of MALFORMED) {
  test(`${file.name} by ?data= ${file.expect.status === 'ready' ? 'is read' : 'gives a clear error'}, and the page stays usable`, async ({
    page,
  }) => {
    const watch = await watchPage(page);
    await page.goto(`?data=${MALFORMED_PATH}${file.file}`);
    await expectOutcome(page, file);
    expectCleanPage(watch);
  });
}

/** Drops a file's bytes on the timeline, as a drag from the desktop would. */
async function dropBytes(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId('timeline').evaluate(
    (target, file) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name));
      for (const kind of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    { name, base64: bytes.toString('base64') },
  );
}

for (const name of ['utf16le.csv', 'latin1.csv', 'picture.csv', 'one-line.csv']) {
  test(`${name} dropped on the page is read or refused in words, keeping the atlas usable`, async ({ page }) => {
    const watch = await watchPage(page);
    await page.goto(`?data=${SEED_DATA}`);
    await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
    const file = MALFORMED.find((candidate) => candidate.file === name)!;
    await dropBytes(page, name, readFileSync(join(MALFORMED_DIR, name)));
    if (file.expect.status === 'ready') {
      await expectOutcome(page, file);
    } else {
      // A file that cannot be read leaves the dataset shown before, with a notice saying why.
      await expect(page.getByRole('list', { name: 'Notices' })).toContainText(`${name} could not be loaded.`);
      for (const text of file.expect.shows)
        await expect(page.getByRole('list', { name: 'Notices' })).toContainText(text);
      await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
      await expectResponsive(page);
    }
    expectCleanPage(watch);
  });
}
