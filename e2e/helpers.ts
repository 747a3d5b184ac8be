/** Locators, waits and watchers shared by the journeys. Wait on the app, never on the clock. */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';

export const APP_ORIGIN_HOSTS = ['127.0.0.1', 'localhost'];

export interface PageWatch {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  cspViolations: string[];
}

/** Records console errors, uncaught exceptions, requests to other hosts and CSP violations. */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { consoleErrors: [], pageErrors: [], foreignRequests: [], cspViolations: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http') && !APP_ORIGIN_HOSTS.includes(url.hostname))
      watch.foreignRequests.push(request.url());
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => watch.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return watch;
}

export function expectCleanPage(watch: PageWatch): void {
  expect(watch.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(watch.consoleErrors, 'console errors').toEqual([]);
  expect(watch.foreignRequests, 'requests to other hosts').toEqual([]);
  expect(watch.cspViolations, 'CSP violations').toEqual([]);
}

/** Where to look: a page, or a part of one (an iframe's document, a web component). */
type Scope = Page | Locator;

export const atlasRoot = (page: Scope): Locator => page.locator('[data-status]').first();
export const timeline = (page: Page): Locator => page.getByTestId('timeline');
export const map = (page: Page): Locator => page.getByTestId('map');
export const table = (page: Page): Locator => page.getByTestId('incident-table');
export const details = (page: Scope): Locator => page.getByTestId('incident-details');
export const resultCount = (page: Scope): Locator => page.getByTestId('result-count');

/** Opens the app and waits until it says it is ready (data shown, timeline drawn, map idle or unavailable). */
export async function openAtlas(page: Page, query = ''): Promise<void> {
  await page.goto(query);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
}

/** Waits for the map to be idle after whatever was just done. */
export async function mapIdle(page: Page): Promise<void> {
  await expect(map(page)).toHaveAttribute('data-map-state', 'idle');
}

/** Ids of the incidents the map drew, as the map reports them after `idle`. */
export async function renderedMapIncidents(page: Page): Promise<string[]> {
  return (await renderedMap(page)).incidents;
}

export interface RenderedMap {
  incidents: string[];
  selection: string[];
  arcs: string[];
  /** Incidents whose places are tied by links. */
  links: string[];
  /** Clusters and single incidents on screen, in CSS px relative to the map. */
  marks: { kind: 'cluster' | 'incident'; x: number; y: number; count: number; ids: string[] }[];
  labels: { text: string; x: number; y: number }[];
}

/** What a map drew, once it is idle (clusters with their members, labels, positions). */
export async function renderedMapOf(mapNode: Locator): Promise<RenderedMap> {
  await expect(mapNode).toHaveAttribute('data-map-state', 'idle');
  const rendered = await mapNode.evaluate((node) => (node as HTMLElement & { rendered(): unknown }).rendered());
  if (!rendered) throw new Error('the map has not drawn yet');
  return rendered as RenderedMap;
}

/** What the atlas's map drew, once it is idle. */
export const renderedMap = (page: Page): Promise<RenderedMap> => renderedMapOf(map(page));

/** Where the map draws a longitude and latitude now, in CSS px relative to the map. */
export async function mapPoint(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return map(page).evaluate(
    (node, at) => (node as HTMLElement & { project(lngLat: [number, number]): { x: number; y: number } }).project(at),
    lngLat,
  );
}

/** Clicks the map at a point given relative to it (as `renderedMap` reports marks and labels). */
export async function clickMap(page: Page, { x, y }: { x: number; y: number }): Promise<void> {
  const box = (await map(page).boundingBox())!;
  await page.mouse.click(box.x + x, box.y + y);
}

/** Ids of the table's rows (those rendered in its window). */
export async function tableIds(page: Page): Promise<string[]> {
  return table(page)
    .locator('tbody tr[data-incident-id]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-incident-id') ?? ''));
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The box of an incident's mark on the timeline, from the layout that drew it; null when not drawn. */
export async function markBox(page: Page, id: string): Promise<Box | null> {
  return timeline(page).evaluate((node, markId) => {
    const rect = (node as HTMLElement & { markRect(id: string): Box | null }).markRect(markId);
    if (!rect) return null;
    const origin = node.getBoundingClientRect();
    return { x: origin.left + rect.x, y: origin.top + rect.y, width: rect.width, height: rect.height };
  }, id);
}

export async function clickMark(page: Page, id: string): Promise<void> {
  const box = await markBox(page, id);
  if (!box) throw new Error(`no timeline mark for ${id}`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** How many distinct colours a screenshot holds: a blank canvas has one or two. */
export function distinctColours(png: Buffer): number {
  const image = PNG.sync.read(png);
  const colours = new Set<number>();
  for (let i = 0; i < image.data.length; i += 4 * 7) {
    colours.add((image.data[i] << 16) | (image.data[i + 1] << 8) | image.data[i + 2]);
  }
  return colours.size;
}

/** Share of pixels of a screenshot that match a colour within a tolerance. */
export function colourShare(png: Buffer, [r, g, b]: [number, number, number], tolerance = 12): number {
  const image = PNG.sync.read(png);
  let hits = 0;
  const total = image.data.length / 4;
  for (let i = 0; i < image.data.length; i += 4) {
    if (
      Math.abs(image.data[i] - r) <= tolerance &&
      Math.abs(image.data[i + 1] - g) <= tolerance &&
      Math.abs(image.data[i + 2] - b) <= tolerance
    )
      hits++;
  }
  return hits / total;
}

/** The timeline's visible range as its date inputs show it (`yyyy-mm-dd`, the end day included). */
export async function visibleRange(page: Page): Promise<{ from: string; to: string }> {
  const range = page.getByRole('group', { name: 'Visible range' });
  return {
    from: await range.getByLabel('From').inputValue(),
    to: await range.getByLabel('to', { exact: true }).inputValue(),
  };
}

/** Sets the timeline's visible range through its date inputs (the non-drag way) and waits for it. */
export async function setVisibleRange(page: Page, from: string, to: string): Promise<void> {
  const range = page.getByRole('group', { name: 'Visible range' });
  await range.getByLabel('From').fill(from);
  await range.getByLabel('to', { exact: true }).fill(to);
  await expect.poll(() => visibleRange(page)).toEqual({ from, to });
}

/** Days between two `yyyy-mm-dd` strings. */
export function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * The seven seed records, frozen for journeys that count what they see (the curated dataset keeps
 * growing). An absolute path, so it also resolves from under the sub-path.
 */
export const SEED_DATA = '/fixtures/share-incidents.json';

/** The second origin (port + 1), which serves the host pages of e2e/fixtures/hosts/. */
export function hostOrigin(baseURL: string | undefined): string {
  const url = new URL(baseURL ?? 'http://127.0.0.1:4173/');
  url.port = String(Number(url.port) + 1);
  return url.origin;
}

/** The notices an atlas shows (ignored link settings and the like). */
export const notices = (root: Scope): Locator => root.getByRole('list', { name: 'Notices' }).getByRole('listitem');

/** Fails when any frame of the page wrote cookies, local or session storage, or IndexedDB. */
export async function expectNoStorage(page: Page): Promise<void> {
  const state = await page.context().storageState({ indexedDB: true });
  expect(state.cookies, 'cookies').toEqual([]);
  const written = state.origins.filter(
    (origin) => origin.localStorage.length > 0 || ((origin as { indexedDB?: unknown[] }).indexedDB ?? []).length > 0,
  );
  expect(written, 'local storage or IndexedDB').toEqual([]);
  for (const frame of page.frames()) {
    if (frame.url().startsWith('http'))
      expect(await frame.evaluate(() => sessionStorage.length), 'session storage').toBe(0);
  }
}

/**
 * A snippet's top-level elements and their attributes, as a browser parses them. Parsed in a blank
 * page of its own: the atlas's pages enforce Trusted Types, which rightly refuse markup from a string.
 */
export async function parseSnippet(
  context: BrowserContext,
  html: string,
): Promise<{ tag: string; attributes: Record<string, string> }[]> {
  const scratch = await context.newPage();
  try {
    return await scratch.evaluate((text) => {
      const parsed = new DOMParser().parseFromString(text, 'text/html');
      return [...parsed.head.children, ...parsed.body.children].map((element) => ({
        tag: element.localName,
        attributes: Object.fromEntries([...element.attributes].map((attribute) => [attribute.name, attribute.value])),
      }));
    }, html);
  } finally {
    await scratch.close();
  }
}
