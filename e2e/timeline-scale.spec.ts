import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatSynthJson, synthIncidents } from '../scripts/synth-incidents.ts';
import { expectCleanPage, markBox, openAtlas, timeline, visibleRange, watchPage } from './helpers.ts';

const COUNT = 10_000;
/** Served by e2e/server.mjs at /generated/; generated here, never committed. */
const FILE = join(import.meta.dirname, '..', 'test-results', 'generated', `timeline-${COUNT}.json`);

test.beforeAll(() => {
  mkdirSync(dirname(FILE), { recursive: true });
  const partial = `${FILE}.${process.pid}.part`;
  writeFileSync(partial, formatSynthJson(synthIncidents({ count: COUNT, seed: 11 }), 11));
  renameSync(partial, FILE);
});
test.use({ reducedMotion: 'reduce' });

test('10,000 synthetic incidents: bins with counts when zoomed out, single marks when zoomed in', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, `?data=generated/timeline-${COUNT}.json`);
  await expect(timeline(page)).toHaveAttribute('data-lod', 'bins');
  await expect(timeline(page)).toHaveAccessibleName(`Timeline, ${COUNT.toLocaleString('en')} incidents in view`);

  // A bin says what it counts, and a click zooms to its period.
  const plot = (await timeline(page).boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.6, plot.y + plot.height - 45);
  const tooltip = page.getByTestId('timeline-tooltip');
  await expect(tooltip).toContainText(/\d+ incidents? dated within it/);
  await expect(tooltip).toContainText('Click to zoom in');
  const before = await visibleRange(page);
  await page.mouse.click(plot.x + plot.width * 0.6, plot.y + plot.height - 45);
  await expect.poll(() => visibleRange(page)).not.toEqual(before);

  // Wheel in until single incidents are drawn, then one of them can be clicked open.
  await page.mouse.move(plot.x + plot.width / 2, plot.y + 40);
  await expect(async () => {
    await page.mouse.wheel(0, -600);
    await expect(timeline(page)).toHaveAttribute('data-lod', 'marks', { timeout: 500 });
  }).toPass();
  await expect(timeline(page).locator('svg.axis text').first()).toHaveText(
    /^\d{1,2} [A-Z][a-z]{2}|^[A-Z][a-z]{2}$|^\d{4}$/,
  );
  const first = timeline(page).locator('[data-incident-id]');
  await timeline(page).focus();
  await page.keyboard.press('ArrowRight');
  const id = (await first.getAttribute('data-incident-id'))!;
  const box = await markBox(page, id);
  expect(box).not.toBeNull();
  expectCleanPage(watch);
});
