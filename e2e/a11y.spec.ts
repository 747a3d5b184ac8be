// axe-core over the whole page (not one region) in every state a reader meets: WCAG 2.2 AA, no
// rule turned off. Each state is reached the way a reader reaches it, then the page is checked.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations, filterByCountryAndTechnique } from './a11y-helpers.ts';
import { atlasRoot, clickMark, details, hostOrigin, openAtlas, resultCount, SEED_DATA } from './helpers.ts';

test.use({ reducedMotion: 'reduce' });

interface State {
  name: string;
  viewport?: { width: number; height: number };
  /** Brings the page into the state; the check runs when it returns. */
  reach: (page: Page, baseURL: string | undefined) => Promise<void>;
}

const STATES: State[] = [
  { name: 'loaded', reach: (page) => openAtlas(page) },
  {
    name: 'filtered by country and technique',
    reach: async (page) => {
      await openAtlas(page);
      await filterByCountryAndTechnique(page);
      await expect(resultCount(page)).toContainText(/^\s*\d incidents? in view/);
    },
  },
  {
    name: 'an incident selected on the timeline, its details open',
    reach: async (page) => {
      await openAtlas(page, `?data=${SEED_DATA}`);
      await clickMark(page, 'ee-kouts-conviction-2021');
      await expect(details(page)).toBeVisible();
    },
  },
  {
    name: 'details with discrepancies, scrolled to the sources',
    reach: async (page) => {
      await openAtlas(page, '?id=fr-dgse-officers-convicted-2020');
      await details(page).getByRole('link').first().scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'dark theme, filtered, with details',
    reach: async (page) => {
      await openAtlas(page, '?theme=dark&id=ee-kouts-conviction-2021');
      await expect(atlasRoot(page)).toHaveAttribute('data-theme', 'dark');
      await filterByCountryAndTechnique(page);
      await expect(resultCount(page)).toContainText(/^\s*\d incidents? in view/);
    },
  },
  {
    name: 'the iframe embed, filters open, an incident selected',
    reach: async (page) => {
      await page.goto('embed.html?id=ee-kouts-conviction-2021');
      await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
      await page.getByText('Filters', { exact: true }).click();
      await expect(details(page)).toBeVisible();
    },
  },
  {
    name: 'the iframe embed on a host page',
    reach: async (page, baseURL) => {
      await page.goto(`${hostOrigin(baseURL)}/hosts/iframe.html`);
      await expect(atlasRoot(page.frameLocator('#atlas').locator(':root'))).toHaveAttribute('data-status', 'ready');
    },
  },
  {
    name: 'two web components on their host page',
    reach: async (page, baseURL) => {
      await page.goto(`${hostOrigin(baseURL)}/hosts/component.html`);
      for (const id of ['first', 'second'])
        await expect(page.locator(`incident-atlas#${id}`)).toHaveAttribute('data-status', 'ready');
    },
  },
  {
    name: 'error: the dataset failed to load',
    reach: async (page) => {
      await page.goto('?data=/fixtures/no-such-file.json');
      await expect(atlasRoot(page)).toHaveAttribute('data-status', 'error');
      await expect(page.getByRole('alert')).toBeVisible();
    },
  },
  {
    name: '360 px wide, filters unfolded',
    viewport: { width: 360, height: 740 },
    reach: async (page) => {
      await openAtlas(page, '?id=ee-kouts-conviction-2021');
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      await expect(page.getByRole('group', { name: 'Country' })).toBeVisible();
    },
  },
  {
    name: '200% zoom of a 1280 px window (640 CSS px), an incident selected',
    viewport: { width: 640, height: 450 },
    reach: (page) => openAtlas(page, '?id=ee-kouts-conviction-2021'),
  },
  {
    name: 'the column mapping dialog of an import',
    reach: async (page) => {
      await page.goto('?data=fixtures/real-world.csv');
      await expect(page.getByRole('dialog', { name: 'Which columns hold what?' })).toBeVisible();
    },
  },
  {
    name: 'the Share / Embed dialog',
    reach: async (page) => {
      await openAtlas(page);
      await page.getByRole('button', { name: 'Share / Embed' }).click();
      await expect(page.getByRole('dialog', { name: 'Share or embed this view' })).toBeVisible();
    },
  },
  {
    name: "the map's Countries list",
    reach: async (page) => {
      await openAtlas(page);
      await page.getByText(/^Countries \(\d+\)$/).click();
      await expect(page.getByRole('list', { name: 'Countries on the map' })).toBeVisible();
    },
  },
];

for (const state of STATES) {
  test(`axe finds no WCAG 2.2 AA violation on the whole page: ${state.name}`, async ({ page, baseURL }) => {
    if (state.viewport) await page.setViewportSize(state.viewport);
    await state.reach(page, baseURL);
    expect(await axeViolations(page)).toEqual([]);
  });
}
