// The list is the accessible alternative to the timeline and the map: it follows the filters, the
// time window and the selection, and the count of what is shown is announced politely, once per
// burst of changes.
import { expect, test, type Page } from '@playwright/test';
import { clickMark, openAtlas, resultCount, SEED_DATA, setVisibleRange, table, tableIds } from './helpers.ts';

test.use({ reducedMotion: 'reduce' });

const announcement = (page: Page) => page.getByTestId('count-announcement');

test('the list follows the filters, the time window and a selection made on the timeline', async ({ page }) => {
  await openAtlas(page, `?data=${SEED_DATA}`);
  expect(await tableIds(page)).toHaveLength(7);

  await clickMark(page, 'ee-kouts-conviction-2021');
  const row = table(page).locator('tr[data-incident-id="ee-kouts-conviction-2021"]');
  await expect(row).toHaveAttribute('aria-current', 'true');
  await expect(table(page).locator('tr[aria-current]')).toHaveCount(1);

  await clickMark(page, 'fr-dgse-officers-convicted-2020');
  await expect(table(page).locator('tr[data-incident-id="fr-dgse-officers-convicted-2020"]')).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(row).not.toHaveAttribute('aria-current', /.*/);

  await page
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /France/ })
    .check();
  await expect
    .poll(async () => (await tableIds(page)).sort())
    .toEqual(['fr-dgse-officers-convicted-2020', 'ms-exchange-hafnium-2021']);
  await expect(table(page)).toHaveAttribute('aria-rowcount', '3');
  await expect(resultCount(page)).toContainText('2 incidents in view');

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await setVisibleRange(page, '2021-01-01', '2021-12-31');
  await expect
    .poll(async () => (await tableIds(page)).sort())
    .toEqual(['ee-kouts-conviction-2021', 'exchange-joint-attribution-2021', 'ms-exchange-hafnium-2021']);
});

test('a burst of filter changes is announced once, politely, with the final count', async ({ page }) => {
  await openAtlas(page);
  await expect(announcement(page)).toHaveAttribute('aria-live', 'polite');
  await expect(announcement(page)).toHaveText(/^\s*\d+ incidents in view\s*$/);

  // Record every text the live region and the visible count take from here on.
  await page.evaluate(() => {
    const record = { spoken: [] as string[], shown: [] as string[] };
    (window as unknown as { __counts: typeof record }).__counts = record;
    const watch = (testId: string, into: string[]) => {
      const node = document.querySelector(`[data-testid="${testId}"]`)!;
      new MutationObserver(() => into.push(node.textContent!.replace(/\s+/g, ' ').trim())).observe(node, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    };
    watch('count-announcement', record.spoken);
    watch('result-count', record.shown);
  });

  // Three countries ticked in quick succession, each in its own frame, as fast hands would.
  await page.evaluate(async () => {
    const box = (name: string) =>
      [...document.querySelectorAll('fieldset[data-facet="countries"] label')]
        .find((label) => label.textContent!.includes(name))!
        .querySelector('input')!;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    for (const name of ['Germany', 'France', 'Belgium']) {
      box(name).click();
      await frame();
    }
  });
  const final = (await resultCount(page).textContent())!.replace(/\s+/g, ' ').trim();
  expect(final).toMatch(/^\d+ incidents in view of \d+$/);

  const counts = () =>
    page.evaluate(() => (window as unknown as { __counts: { spoken: string[]; shown: string[] } }).__counts);
  // The visible count changed with each tick; the live region speaks once, the final count.
  await expect.poll(async () => (await counts()).spoken).toEqual([final]);
  expect(new Set((await counts()).shown).size).toBeGreaterThanOrEqual(3);
});
