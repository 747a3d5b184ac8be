import { expect, test } from '@playwright/test';
import { daysBetween, details, openAtlas, setVisibleRange, timeline, visibleRange } from './helpers.ts';

const FIXTURE = '?data=fixtures/timeline.json';
test.use({ reducedMotion: 'reduce' });

test('keys zoom and pan the timeline without a pointer: + and −, Page Up and Page Down', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  await timeline(page).focus();
  const start = await visibleRange(page);
  const span = daysBetween(start.from, start.to);

  await page.keyboard.press('+');
  await expect
    .poll(async () => daysBetween((await visibleRange(page)).from, (await visibleRange(page)).to))
    .toBeLessThan(span * 0.6);
  await page.keyboard.press('-');
  await expect
    .poll(async () => daysBetween((await visibleRange(page)).from, (await visibleRange(page)).to))
    .toBeGreaterThan(span * 0.9);

  const before = await visibleRange(page);
  await page.keyboard.press('PageDown');
  await expect.poll(async () => (await visibleRange(page)).from > before.from).toBe(true);
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect.poll(async () => (await visibleRange(page)).from < before.from).toBe(true);
});

test('the buttons zoom and pan as the keys do (no drag needed)', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  const start = await visibleRange(page);
  await page.getByRole('button', { name: 'Zoom the timeline in' }).click();
  await expect
    .poll(async () => daysBetween((await visibleRange(page)).from, (await visibleRange(page)).to))
    .toBeLessThan(daysBetween(start.from, start.to) * 0.6);
  const zoomed = await visibleRange(page);
  await page.getByRole('button', { name: 'Show later on the timeline' }).click();
  await expect.poll(async () => (await visibleRange(page)).from > zoomed.from).toBe(true);
  await page.getByRole('button', { name: 'Reset the timeline to all incidents' }).click();
  await expect.poll(() => visibleRange(page)).toEqual(start);
});

test('End and Home jump to the last and first incident; Enter opens it; Escape clears', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  await timeline(page).focus();
  const active = timeline(page).locator('[data-incident-id]');
  await page.keyboard.press('End');
  await expect(active).toHaveAttribute('data-incident-id', 'open-2021');
  await page.keyboard.press('Enter');
  await expect(details(page).getByRole('heading', { level: 2 })).toHaveText('Ongoing monitoring of a diaspora group');
  await expect(active).toHaveAccessibleName(/Ongoing monitoring of a diaspora group, Reported, selected$/);
  await page.keyboard.press('Escape');
  await expect(details(page)).toHaveCount(0);
  await expect(timeline(page)).toBeFocused();
});

test('walking to an incident outside the window brings it into view', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  await setVisibleRange(page, '2021-01-01', '2021-06-30');
  await timeline(page).focus();
  const active = timeline(page).locator('[data-incident-id]');
  await expect(active).toHaveAttribute('data-incident-id', 'day-2021');
  await page.keyboard.press('ArrowLeft');
  await expect(active).toHaveAttribute('data-incident-id', 'month-2020');
  const shown = await visibleRange(page);
  expect(shown.from <= '2020-06-01' && shown.to >= '2020-06-01').toBe(true);
});

test('with reduced motion, a zoom lands at once, without an animated transition', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  const start = await visibleRange(page);
  await page.getByRole('button', { name: 'Zoom the timeline in' }).click();
  // Read once, straight after the click: an animation would still be on its way.
  const zoomed = await visibleRange(page);
  expect(Math.abs(daysBetween(zoomed.from, zoomed.to) - daysBetween(start.from, start.to) / 2)).toBeLessThanOrEqual(1);
});

test.describe('with animations', () => {
  test.use({ reducedMotion: 'no-preference' });
  test('zooms animate to where they were asked to go, and presses during an animation add up', async ({ page }) => {
    await openAtlas(page, FIXTURE);
    const start = await visibleRange(page);
    await timeline(page).focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const quarter = daysBetween(start.from, start.to) / 4;
    const span = async () => daysBetween((await visibleRange(page)).from, (await visibleRange(page)).to);
    // Both presses count: it lands at a quarter of the span, not at some point of the first animation.
    await expect.poll(async () => Math.abs((await span()) - quarter) <= 1).toBe(true);
  });
});
