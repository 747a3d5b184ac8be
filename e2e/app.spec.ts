import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  colourShare,
  distinctColours,
  expectCleanPage,
  map,
  openAtlas,
  renderedMapIncidents,
  resultCount,
  table,
  tableIds,
  watchPage,
} from './helpers.ts';

const RECORD_COUNT = JSON.parse(readFileSync(new URL('../data/incidents.json', import.meta.url), 'utf8')).incidents
  .length;
const FOUNDING_IDS = [
  'cn-national-intelligence-law-2017',
  'ee-kouts-conviction-2021',
  'exchange-joint-attribution-2021',
  'fbi-mi5-joint-address-2022',
  'fr-dgse-officers-convicted-2020',
  'ft-on-a-par-with-russians-2022',
  'ms-exchange-hafnium-2021',
];

test('the atlas opens ready on the bundled dataset, with timeline, map and list all drawn and nothing leaving this machine', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page);

  await expect(resultCount(page)).toContainText(/\d+ incidents in view/);
  // The list is windowed: it announces every row and renders those in view.
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(RECORD_COUNT + 1));
  expect((await tableIds(page)).length).toBeGreaterThan(0);

  const drawn = await renderedMapIncidents(page);
  expect(drawn).toEqual(expect.arrayContaining(FOUNDING_IDS));

  // The map's pixels: the basemap's land colour covers a good part, and there is more than a blank canvas.
  const shot = await map(page).screenshot();
  expect(distinctColours(shot)).toBeGreaterThan(20);
  expect(colourShare(shot, [247, 246, 242])).toBeGreaterThan(0.1);

  expectCleanPage(watch);
});

test('the built app works under a sub-path', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, 'nested/atlas/');
  await expect(table(page).locator('tbody tr[data-incident-id]').first()).toBeVisible();
  expect(await renderedMapIncidents(page)).toEqual(expect.arrayContaining(FOUNDING_IDS));
  expectCleanPage(watch);
});
