import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  atlasRoot,
  expectCleanPage,
  expectNoStorage,
  hostOrigin,
  map,
  resultCount,
  SEED_DATA,
  watchPage,
} from './helpers.ts';

/** The iframe's height on the host page, and the height of the atlas inside it, in CSS px. */
async function heights(page: Page, frameId = 'atlas'): Promise<{ iframe: number; content: number }> {
  const iframe = await page.locator(`#${frameId}`).evaluate((node) => node.getBoundingClientRect().height);
  const content = await page
    .frameLocator(`#${frameId}`)
    .locator('.embed')
    .evaluate((node) => Math.ceil(node.getBoundingClientRect().height));
  return { iframe, content };
}

async function openHost(page: Page, baseURL: string | undefined, file: string): Promise<void> {
  await page.goto(`${hostOrigin(baseURL)}/hosts/${file}`);
  await expect(atlasRoot(page.frameLocator('#atlas').locator(':root'))).toHaveAttribute('data-status', 'ready');
}

test('on another site under a strict CSP, the iframe embed sizes itself to its content and follows it as it grows and shrinks', async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  await openHost(page, baseURL, 'iframe.html');
  const frame = page.frameLocator('#atlas');
  await expect(resultCount(frame.locator(':root'))).toContainText('3 incidents in view');

  // Starts at the snippet's 300 px, then takes the content's height exactly: no scrollbar, no gap.
  await expect.poll(async () => (await heights(page)).iframe).toBeGreaterThan(500);
  await expect.poll(() => heights(page)).toEqual(expect.objectContaining({ iframe: (await heights(page)).content }));
  const closed = await heights(page);
  expect(closed.iframe).toBe(closed.content);

  await frame.getByText('Filters (2 active)').click();
  await expect.poll(async () => (await heights(page)).iframe).toBeGreaterThan(closed.iframe + 200);
  const opened = await heights(page);
  expect(opened.iframe).toBe(opened.content);

  await frame.getByText('Filters (2 active)').click();
  await expect.poll(async () => (await heights(page)).iframe).toBe(closed.iframe);

  expectCleanPage(watch);
});

test('height messages from any other frame, origin or shape are ignored', async ({ page, baseURL }) => {
  await openHost(page, baseURL, 'iframe.html');
  // Both spoofers have spoken: one on the atlas's own origin, one in a frame declared as an atlas
  // that navigated to another origin.
  await expect(page.locator('#messages li[data-type="spoof-done"]')).toHaveCount(2);
  // And the page itself posts one.
  await page.evaluate(() => window.postMessage({ type: 'incident-atlas:height', height: 4321 }, '*'));
  await expect(page.locator('#messages li[data-type="incident-atlas:height"]').last()).toContainText(
    hostOrigin(baseURL),
  );

  const { iframe, content } = await heights(page);
  expect(iframe).toBe(content);
  expect(iframe).not.toBe(4321);
  // The host script never set a height on the spoofing frames.
  expect(await page.locator('#hijacked').evaluate((node) => (node as HTMLElement).style.height)).toBe('');
  expect(await page.locator('#spoof-same-origin').evaluate((node) => (node as HTMLElement).style.height)).toBe('');
});

test("the embed never writes the host page's address or history, nor any storage or cookie", async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  await openHost(page, baseURL, 'iframe.html');
  const address = page.url();
  const historyLength = await page.evaluate(() => history.length);
  const frame = page.frameLocator('#atlas');

  await frame.getByText('Filters (2 active)').click();
  await frame
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /France/ })
    .uncheck();
  await expect(resultCount(frame.locator(':root'))).toContainText('1 incident in view');
  await frame
    .getByRole('button', { name: 'Estonian marine scientist Tarmo Kõuts convicted of spying for China' })
    .click();
  await frame.getByTestId('timeline').press('+');
  await expect(frame.getByTestId('incident-details')).toBeVisible();

  expect(page.url()).toBe(address);
  // An iframe's pushState would add to the tab's joint history; the embed keeps its view in memory.
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  // "Open the full atlas" carries the embed's view to the app.
  await expect(frame.getByRole('link', { name: /Open the full atlas/ })).toHaveAttribute(
    'href',
    /\/\?data=[^&]+&country=EE&from=[\d-]+&to=[\d-]+&id=ee-kouts-conviction-2021$/,
  );
  await expectNoStorage(page);
  expectCleanPage(watch);
});

test('a host that opts in keeps the embed’s view in its own address: deep links and back/forward work', async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  await openHost(page, baseURL, 'sync.html');
  const frame = page.frameLocator('#atlas');
  await expect(resultCount(frame.locator(':root'))).toContainText('7 incidents in view');

  await frame.getByText('Filters', { exact: true }).click();
  await frame
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /Estonia/ })
    .check();
  await expect(page).toHaveURL(/\/hosts\/sync\.html\?atlas=data%3D%2Ffixtures%2Fshare-incidents\.json%26country%3DEE$/);

  await page.reload();
  await expect(atlasRoot(frame.locator(':root'))).toHaveAttribute('data-status', 'ready');
  await expect(resultCount(frame.locator(':root'))).toContainText('1 incident in view');

  await page.goBack();
  await expect(page).toHaveURL(/\/hosts\/sync\.html$/);
  await expect(resultCount(frame.locator(':root'))).toContainText('7 incidents in view');
  await expectNoStorage(page);
  expectCleanPage(watch);
});

test('the embed page works under a sub-path, with the same parameters', async ({ page }) => {
  const watch = await watchPage(page);
  await page.goto(`nested/atlas/embed.html?data=${SEED_DATA}&country=EE&theme=dark`);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await expect(resultCount(page)).toContainText('1 incident in view');
  await expect(atlasRoot(page)).toHaveAttribute('data-theme', 'dark');
  expectCleanPage(watch);
});

test('the embed page passes axe in both themes', async ({ page }) => {
  for (const theme of ['light', 'dark']) {
    await page.goto(`embed.html?theme=${theme}&id=ee-kouts-conviction-2021`);
    await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
    await page.getByText('Filters', { exact: true }).click();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations, theme).toEqual([]);
  }
});

test('in the embed a plain wheel scrolls the host page, with a hint, and Ctrl + wheel zooms the timeline', async ({
  page,
  baseURL,
}) => {
  await openHost(page, baseURL, 'iframe.html');
  const frame = page.frameLocator('#atlas');
  const plot = frame.getByTestId('timeline');
  const axis = await plot.locator('svg.axis text').allTextContents();
  const box = (await plot.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);

  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect(plot.getByText(/Use Ctrl \+ scroll/)).toBeVisible();
  await expect(plot.locator('svg.axis text')).toHaveText(axis);

  const moved = (await plot.boundingBox())!;
  await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2);
  await page.keyboard.down('Control');
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  await expect(plot.locator('svg.axis text')).not.toHaveText(axis);
});

test("a link to the host page that carries the embed's view opens that view, without adding history", async ({
  page,
  baseURL,
}) => {
  const watch = await watchPage(page);
  await openHost(page, baseURL, 'sync.html');
  const before = await page.evaluate(() => history.length);
  const view = encodeURIComponent(`data=${SEED_DATA}&country=EE&theme=dark`);
  await page.goto(`${hostOrigin(baseURL)}/hosts/sync.html?atlas=${view}`);
  const root = page.frameLocator('#atlas').locator(':root');
  await expect(resultCount(root)).toContainText('1 incident in view');
  await expect(atlasRoot(root)).toHaveAttribute('data-status', 'ready');
  await expect(atlasRoot(root)).toHaveAttribute('data-theme', 'dark');
  // One entry for the new page; opening the embed on that view added none.
  expect(await page.evaluate(() => history.length)).toBe(before + 1);
  expectCleanPage(watch);
});

test('the embed page stacks its map panel and its timeline without overlap, wide and narrow', async ({ page }) => {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto('embed.html');
    await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
    const mapPanel = (await page.getByRole('region', { name: 'Incident map' }).boundingBox())!;
    const legend = (await page.getByText('Incidents per country:').boundingBox())!;
    const timelineHeading = (await page.getByRole('heading', { name: 'Timeline', exact: true }).boundingBox())!;
    // The legend is inside its panel, and the panel ends before the timeline begins.
    expect(legend.y + legend.height, `${width} px`).toBeLessThanOrEqual(mapPanel.y + mapPanel.height + 0.5);
    expect(mapPanel.y + mapPanel.height, `${width} px`).toBeLessThanOrEqual(timelineHeading.y);
    expect((await map(page).boundingBox())!.height, `${width} px`).toBeGreaterThanOrEqual(200);
  }
});
