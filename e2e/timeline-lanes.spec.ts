import { expect, test } from '@playwright/test';
import { daysBetween, expectCleanPage, markBox, openAtlas, timeline, visibleRange, watchPage } from './helpers.ts';

const FIXTURE = '?data=fixtures/timeline.json';
test.use({ reducedMotion: 'reduce' });

test('grouping by technique moves each mark into its labelled technique lane', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  const before = (await markBox(page, 'open-2021'))!;
  await page.getByRole('radio', { name: 'Technique' }).check();
  await expect(page.getByRole('radio', { name: 'Technique' })).toBeChecked();

  const label = timeline(page).getByText('Transnational repression · 1');
  await expect(label).toBeVisible();
  const labelBox = (await label.boundingBox())!;
  const after = (await markBox(page, 'open-2021'))!;
  expect(after.y).not.toBeCloseTo(before.y, 0);
  // The mark sits in the rows right under its lane's label.
  expect(after.y).toBeGreaterThan(labelBox.y);
  expect(after.y - labelBox.y).toBeLessThan(60);

  // Both cyber intrusions share a lane; the same-day crowd has its own, largest, lane at the top.
  const year = (await markBox(page, 'year-2019'))!;
  const period = (await markBox(page, 'period-2018'))!;
  const crowd = (await markBox(page, 'crowd-00'))!;
  expect(Math.abs(year.y - period.y)).toBeLessThan(40);
  expect(crowd.y).toBeLessThan(year.y);

  await page.getByRole('radio', { name: 'None' }).check();
  await expect(timeline(page).getByText('Transnational repression · 1')).toHaveCount(0);
  expect((await markBox(page, 'open-2021'))!.y).toBeCloseTo(before.y, 0);
  expectCleanPage(watch);
});

test('by country, an incident against two countries is in both lanes, and up and down move between lanes', async ({
  page,
}) => {
  await openAtlas(page, FIXTURE);
  await page.getByRole('radio', { name: 'Country' }).check();
  await expect(timeline(page).getByText('Germany · 12')).toBeVisible();
  await expect(timeline(page).getByText('France · 2')).toBeVisible();

  await timeline(page).focus();
  const active = timeline(page).locator('[data-incident-id]');
  await page.keyboard.press('Home');
  await expect(active).toHaveAttribute('data-incident-id', 'year-2019');
  await page.keyboard.press('ArrowDown');
  await expect(active).toHaveAccessibleName(/^France lane: June 2020 \(known to the month\): Influence campaign/);
  await page.keyboard.press('ArrowUp');
  await expect(active).toHaveAccessibleName(/^Germany lane: June 2020 \(known to the month\): Influence campaign/);
  await page.keyboard.press('ArrowLeft');
  await expect(active).toHaveAttribute('data-incident-id', 'crowd-09');
});

test('a crowd of same-day incidents stacks without hiding any: the rest is a "+N" cluster that zooms in on click', async ({
  page,
}) => {
  await openAtlas(page, FIXTURE);
  const shown = (await markBox(page, 'crowd-00'))!;
  const folded = (await markBox(page, 'crowd-09'))!;
  // Eight rows, then a cluster chip under them holding the others.
  expect(folded.y).toBeGreaterThan(shown.y + 100);
  const crowd = await Promise.all(Array.from({ length: 10 }, (_, i) => markBox(page, `crowd-0${i}`)));
  const inRows = crowd.filter((box) => box!.y < folded.y - 4).length;
  expect(inRows).toBeGreaterThanOrEqual(6);
  await page.mouse.move(folded.x + folded.width / 2, folded.y + folded.height / 2);
  await expect(page.getByTestId('timeline-tooltip')).toContainText(`${10 - inRows} incidents more here`);
  await page.mouse.click(folded.x + folded.width / 2, folded.y + folded.height / 2);
  // Framed as closely as the timeline zooms: two days around that one day.
  await expect
    .poll(async () => daysBetween((await visibleRange(page)).from, (await visibleRange(page)).to))
    .toBeLessThanOrEqual(2);
  const range = await visibleRange(page);
  expect(range.from <= '2020-01-15' && range.to >= '2020-01-15').toBe(true);
});
