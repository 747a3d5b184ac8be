// The strict Content Security Policy holds through a whole session — load, filter, select, zoom
// and pan — in the app, the iframe embed on a host page, and the web component on a host page
// under the host's documented policy: zero `securitypolicyviolation` events, nothing from other
// hosts, no cookies, and no storage in either embed mode.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  atlasRoot,
  expectCleanPage,
  expectNoStorage,
  hostOrigin,
  resultCount,
  SEED_DATA,
  watchPage,
} from './helpers.ts';

/**
 * Every address the page requested. Playwright reports requests of frames and of workers to the
 * page, so `watchPage`'s foreign-request check covers them: these logs prove it sees them.
 */
function logRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(new URL(request.url()).pathname));
  return urls;
}

/** Drags across an element's middle by `dx` px, as a mouse user pans. */
async function drag(page: Page, target: Locator, dx: number): Promise<void> {
  const box = (await target.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, y, { steps: 6 });
  await page.mouse.up();
}

/** Load is done; filter, select, zoom and pan the timeline and the map inside one atlas. */
async function journey(page: Page, root: Locator): Promise<void> {
  await expect(root).toHaveAttribute('data-status', 'ready');
  // The violation watcher is installed in the atlas's own document too (an iframe's, here).
  expect(await root.evaluate(() => typeof (window as { __reportCspViolation?: unknown }).__reportCspViolation)).toBe(
    'function',
  );
  const map = root.getByTestId('map');
  const timeline = root.getByTestId('timeline');
  await expect(map).toHaveAttribute('data-map-state', 'idle');

  // Filter (embeds fold their filters away).
  const estonia = root.getByRole('group', { name: 'Country' }).getByRole('checkbox', { name: /Estonia/ });
  if (!(await estonia.isVisible())) await root.getByText(/^Filters/).click();
  const count = (await resultCount(root).textContent())!;
  await estonia.click();
  await expect(resultCount(root)).not.toHaveText(count);
  await estonia.click();
  await expect(resultCount(root)).toHaveText(count);

  // Select, from the list.
  await root.getByTestId('incident-table').locator('tbody tr[data-incident-id] button').first().click();
  await expect(root.getByTestId('incident-details')).toBeVisible();

  // Zoom and pan the timeline, by keyboard and by drag.
  const from = root.getByRole('group', { name: 'Visible range' }).getByLabel('From');
  const start = await from.inputValue();
  await timeline.press('+');
  await expect(from).not.toHaveValue(start);
  const zoomed = await from.inputValue();
  await drag(page, timeline.locator('canvas').first(), -150);
  await expect(from).not.toHaveValue(zoomed);

  // Zoom and pan the map, by its button and by drag; wait until it has drawn again.
  await map.getByRole('button', { name: 'Zoom in' }).click();
  await expect(map).toHaveAttribute('data-map-state', 'idle');
  await drag(page, map.locator('canvas'), 120);
  await expect(map).toHaveAttribute('data-map-state', 'idle');
}

test('the app serves the strict policy and raises no violation through load, filter, select, zoom and pan', async ({
  page,
}) => {
  const watch = await watchPage(page);
  const requests = logRequests(page);
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  const response = await page.goto(`?data=${SEED_DATA}`);
  // The policy the promise is about, as served: no unsafe-*, no blob: workers, no remote hosts,
  // and Trusted Types enforced.
  const policy = response!.headers()['content-security-policy'];
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    "require-trusted-types-for 'script'",
    'trusted-types svelte-trusted-html default',
  ])
    expect(policy.split('; ')).toContain(directive);
  expect(policy).not.toMatch(/unsafe-|\*/);
  await journey(page, atlasRoot(page));
  // The dataset is fetched by the parse worker, and MapLibre's worker script is ours.
  expect(requests).toContain(SEED_DATA);
  expect(requests.some((path) => /maplibre-gl-worker-.*\.js$/.test(path))).toBe(true);
  // Both workers started under Trusted Types: the parse worker did not fall back to the page.
  expect(
    workers.some((path) => /parse\.worker-.*\.js$/.test(path)),
    workers.join(),
  ).toBe(true);
  expect(
    workers.some((path) => /maplibre-gl-worker-.*\.js$/.test(path)),
    workers.join(),
  ).toBe(true);
  await expectNoStorage(page);
  expectCleanPage(watch);
});

test('the iframe embed on a host page raises no violation in either document through the same journey, and stores nothing', async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  const requests = logRequests(page);
  await page.goto(`${hostOrigin(baseURL)}/hosts/iframe.html`);
  const root = atlasRoot(page.frameLocator('#atlas').locator(':root'));
  await journey(page, root);
  // Requests made inside the iframe (and by its workers) are seen too.
  expect(requests).toContain('/embed.html');
  expect(requests).toContain(SEED_DATA);
  await expectNoStorage(page);
  expectCleanPage(watch);
});

test("the web component under the host's documented policy raises no violation through the same journey, and stores nothing", async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  const response = await page.goto(`${hostOrigin(baseURL)}/hosts/component.html`);
  // The host allows exactly what README and SECURITY.md ask of it: our origin, and blob: workers.
  expect(response!.headers()['content-security-policy']).toMatch(/worker-src blob: http:\/\/127\.0\.0\.1:\d+;/);
  await journey(page, page.locator('incident-atlas#first').locator('[data-status]').first());
  await expectNoStorage(page);
  expectCleanPage(watch);
});
