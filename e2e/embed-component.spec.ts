import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  expectCleanPage,
  expectNoStorage,
  hostOrigin,
  notices,
  renderedMapOf,
  resultCount,
  watchPage,
} from './helpers.ts';

// Playwright's locators pierce open shadow roots, so these reach inside each <incident-atlas>.
const first = (page: Page) => page.locator('incident-atlas#first');
const second = (page: Page) => page.locator('incident-atlas#second');

async function openHost(page: Page, baseURL: string | undefined): Promise<void> {
  await page.goto(`${hostOrigin(baseURL)}/hosts/component.html`);
  await expect(first(page)).toHaveAttribute('data-status', 'ready');
  await expect(second(page)).toHaveAttribute('data-status', 'ready');
}

async function setAttribute(element: Locator, name: string, value: string | null): Promise<void> {
  await element.evaluate(
    (node, [key, next]) => (next === null ? node.removeAttribute(key!) : node.setAttribute(key!, next)),
    [name, value],
  );
}

/** Events the host page recorded, as `type` and `detail`, for one element. */
async function events(page: Page, source: string, type: string): Promise<unknown[]> {
  return page
    .locator(`#events li[data-source="${source}"][data-type="${type}"]`)
    .evaluateAll((items) => items.map((item) => JSON.parse((item as HTMLElement).dataset.detail ?? 'null')));
}

test('two web components on a foreign page under a strict CSP render, filter by attribute, and stay independent', async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  await openHost(page, baseURL);
  await expect(resultCount(first(page))).toContainText('7 incidents in view');
  await expect(resultCount(second(page))).toContainText('7 incidents in view');
  // Each draws its own map (through the blob: worker wrapper the host allows).
  for (const atlas of [first(page), second(page)])
    await expect
      .poll(async () => (await renderedMapOf(atlas.getByTestId('map'))).incidents)
      .toContain('ee-kouts-conviction-2021');

  await setAttribute(first(page), 'country', 'EE');
  await expect(resultCount(first(page))).toContainText('1 incident in view');
  await expect(resultCount(second(page))).toContainText('7 incidents in view');

  await second(page).getByRole('button', { name: 'China adopts the National Intelligence Law' }).click();
  await expect(second(page).getByTestId('incident-details')).toBeVisible();
  await expect(first(page).getByTestId('incident-details')).toHaveCount(0);

  await setAttribute(first(page), 'country', null);
  await expect(resultCount(first(page))).toContainText('7 incidents in view');

  await setAttribute(first(page), 'from', '2021-01-01');
  await setAttribute(first(page), 'to', '2021-12-31');
  await expect(resultCount(first(page))).toContainText('3 incidents in view');
  await expect(resultCount(second(page))).toContainText('7 incidents in view');

  await expect(second(page).locator('[data-status]').first()).toHaveAttribute('data-theme', 'dark');
  await expect(first(page).locator('[data-status]').first()).toHaveAttribute('data-theme', /light|dark/);
  expectCleanPage(watch);
});

test("the component's events reach the host page with useful details, and it never touches the host's address or storage", async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  await openHost(page, baseURL);
  const address = page.url();
  const historyLength = await page.evaluate(() => history.length);

  await setAttribute(first(page), 'country', 'EE,FR');
  await expect
    .poll(() => events(page, 'first', 'filterchange'))
    .toEqual([
      {
        filters: { country: ['EE', 'FR'], technique: [], status: [], org: [], q: '' },
        count: 3,
        total: 7,
      },
    ]);

  // A reader's own choice inside the component is reported the same way.
  await first(page).getByText('Filters (2 active)').click();
  await first(page)
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /France/ })
    .uncheck();
  await expect.poll(async () => (await events(page, 'first', 'filterchange')).length).toBe(2);

  await first(page)
    .getByRole('button', { name: 'Estonian marine scientist Tarmo Kõuts convicted of spying for China' })
    .click();
  await expect
    .poll(() => events(page, 'first', 'incidentselect'))
    .toEqual([
      {
        id: 'ee-kouts-conviction-2021',
        incident: {
          id: 'ee-kouts-conviction-2021',
          title: 'Estonian marine scientist Tarmo Kõuts convicted of spying for China',
          date: '2021-03-02',
          status: 'convicted',
        },
      },
    ]);
  // The citation's permalink opens the full atlas on our origin, not the host page it was read on,
  // with the element's dataset.
  const origin = new URL(baseURL!).origin;
  await expect(first(page).getByRole('region', { name: 'Cite this record' })).toContainText(
    `${origin}/?data=${origin}/fixtures/share-incidents.json&id=ee-kouts-conviction-2021`,
  );

  await first(page).getByTestId('timeline').press('+');
  await expect
    .poll(() => events(page, 'first', 'viewchange'))
    .toEqual([expect.objectContaining({ from: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), lanes: 'none' })]);

  // Nothing came from the other element, which nobody touched.
  expect(await page.locator('#events li[data-source="second"]').count()).toBe(0);
  expect(page.url()).toBe(address);
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  await expectNoStorage(page);
  expectCleanPage(watch);
});

test("styles don't leak in or out of the shadow root, and the font faces are declared on the host document once", async ({
  page,
  baseURL,
}) => {
  await openHost(page, baseURL);
  const style = (locator: Locator, property: string) =>
    locator.evaluate((node, name) => getComputedStyle(node).getPropertyValue(name), property);

  // The host's `button` and `.atlas` rules and its inherited text styles stay out…
  const fit = first(page).getByRole('button', { name: 'Fit to results' });
  expect(await style(fit, 'background-color')).not.toBe('rgb(255, 0, 255)');
  expect(await style(fit, 'font-family')).not.toContain('Comic Sans');
  const root = first(page).locator('[data-status]').first();
  expect(await style(root, 'color')).not.toBe('rgb(0, 128, 0)');
  expect(await style(root, 'letter-spacing')).toBe('normal');
  expect(await style(root, 'font-family')).not.toContain('Georgia');
  // …and the atlas's own `button`, `h1` and theme rules stay in.
  const hostButton = page.locator('#host-button');
  expect(await style(hostButton, 'background-color')).toBe('rgb(255, 0, 255)');
  expect(await style(page.locator('h1').first(), 'background-color')).toBe('rgb(0, 0, 128)');
  expect(await style(page.locator('body'), 'background-color')).toBe('rgb(250, 250, 240)');

  // The stylesheet is a <link> inside each shadow root; font faces go to the host document, once.
  expect(
    await first(page).evaluate((node) => node.shadowRoot?.querySelector('link[rel=stylesheet]')?.getAttribute('href')),
  ).toMatch(/\/assets\/incident-atlas\.css$/);
  await expect(page.locator('head link[href$="assets/incident-atlas-fonts.css"]')).toHaveCount(1);
});

test('invalid attributes are ignored with a notice inside that component only', async ({ page, baseURL }) => {
  const watch = await watchPage(page);
  await openHost(page, baseURL);
  await setAttribute(first(page), 'theme', 'neon');
  await setAttribute(first(page), 'country', 'EE,<img src=x>,XX');
  await expect(notices(first(page))).toHaveCount(3);
  await expect(notices(first(page)).first()).toContainText('"theme"');
  await expect(resultCount(first(page))).toContainText('1 incident in view');
  await expect(notices(second(page))).toHaveCount(0);
  await expect(first(page)).toHaveAttribute('data-status', 'ready');
  expectCleanPage(watch);
});

test('a component given another dataset of ours loads it', async ({ page, baseURL }) => {
  await openHost(page, baseURL);
  await setAttribute(first(page), 'data', `${new URL(baseURL!).origin}/fixtures/partly-broken.json`);
  await expect(resultCount(first(page))).toContainText('2 incidents in view');
  await expect(first(page)).toHaveAttribute('data-status', 'ready');
  await expect(resultCount(second(page))).toContainText('7 incidents in view');
});

test('the components pass axe', async ({ page, baseURL }) => {
  await openHost(page, baseURL);
  // With the details open in both, every landmark of each has its twin in the other.
  for (const atlas of [first(page), second(page)])
    await atlas.getByRole('button', { name: 'China adopts the National Intelligence Law' }).click();
  await expect(first(page).getByTestId('incident-details')).toBeVisible();
  await expect(second(page).getByTestId('incident-details')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('incident-atlas').analyze();
  expect(results.violations).toEqual([]);
  // Each atlas's landmarks carry its label, so a landmark list tells them apart.
  await expect(first(page).getByRole('region', { name: 'Incident map, First atlas' })).toBeVisible();
  await expect(second(page).getByRole('region', { name: 'Incident map, Second atlas' })).toBeVisible();
  await expect(second(page).getByRole('region', { name: 'Cite this record Second atlas' })).toBeVisible();
  // A new label renames them, the map's canvas too.
  await setAttribute(first(page), 'label', 'Renamed atlas');
  await expect(first(page).getByRole('region', { name: 'Incident map, Renamed atlas' })).toBeVisible();
  await expect(first(page).getByRole('region', { name: 'Map, Renamed atlas', exact: true })).toBeVisible();
});
