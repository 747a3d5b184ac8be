import { expect, test } from '@playwright/test';
import { details, expectCleanPage, markBox, openAtlas, timeline, watchPage } from './helpers.ts';

const DAY_MS = 86_400_000;
test.use({ reducedMotion: 'reduce' });

const related = (page: import('@playwright/test').Page) => timeline(page).getByTestId('related-dates');

test("the selected incident's related dates are drawn where they fall on the axis, labelled, and go with the selection", async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/map-incidents.json&from=2020-01-01&to=2021-12-31');
  await expect(related(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Two former DGSE officers convicted of passing secrets to China' }).click();
  await expect(details(page)).toBeVisible();
  // Only the dates inside the window: 1997, 2017 and 2018 are before it.
  await expect(related(page).locator('.chip')).toHaveText(['Trial opens in camera · 6 Jul 2020']);
  await expect(page.getByRole('list', { name: 'Timeline legend' })).toContainText(
    'Selected incident: its related dates',
  );

  // On the axis: the trial opened four and a half days before the conviction's mark (drawn at noon).
  const conviction = (await markBox(page, 'fr-dgse-officers-convicted-2020'))!;
  const later = (await markBox(page, 'ee-kouts-conviction-2021'))!;
  const perDay =
    (later.x + later.width / 2 - (conviction.x + conviction.width / 2)) /
    ((Date.UTC(2021, 2, 2) - Date.UTC(2020, 6, 10)) / DAY_MS);
  const guide = (await related(page).locator('.guide').first().boundingBox())!;
  // Within a day's width (≈ 1.4 px here): marks are drawn on whole pixels.
  expect(Math.abs(guide.x - (conviction.x + conviction.width / 2 - 4.5 * perDay))).toBeLessThan(perDay + 0.2);

  // Over the whole case, every date shows, in order.
  await openAtlas(
    page,
    '?data=fixtures/map-incidents.json&from=1995-01-01&to=2023-12-31&id=fr-dgse-officers-convicted-2020',
  );
  await expect(related(page).locator('.guide')).toHaveCount(4);
  const lefts = await related(page)
    .locator('.guide')
    .evaluateAll((guides) => guides.map((guide) => guide.getBoundingClientRect().left));
  expect(lefts).toEqual([...lefts].sort((a, b) => a - b));
  await expect(related(page)).toContainText('Henri M. posted to Beijing (per AFP) · 1997');

  await timeline(page).focus();
  await page.keyboard.press('Escape');
  await expect(details(page)).toHaveCount(0);
  await expect(related(page)).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Timeline legend' })).not.toContainText('related dates');
  expectCleanPage(watch);
});
