// The XSS corpus (e2e/fixtures/xss/payloads.ts) through every input path: our JSON, CSV and
// GeoJSON by ?data=, a dropped file, every address parameter, the search box, the iframe embed's
// parameters and the web component's attributes. Each path fails on any sentinel call, dialog,
// CSP violation or markup made from data, and checks the payloads read as literal text.
import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { describeMissingId, describeUrlErrors, parseUrlState, URL_PARAMS } from '../src/lib/url-state.ts';
import { atlasRoot, hostOrigin, notices } from './helpers.ts';
import { dropFile } from './import-helpers.ts';
import { PAYLOADS, recordId, wellFormed, writeXssFixtures, xssJsonText } from './fixtures/xss/payloads.ts';
import { detailMismatches, expectNothingRan, tableMismatches, watchForXss } from './xss-helpers.ts';

const DATA = {
  json: '/fixtures/generated/xss/xss.json',
  csv: '/fixtures/generated/xss/xss.csv',
  geojson: '/fixtures/generated/xss/xss.geojson',
} as const;
type Format = keyof typeof DATA;

test.beforeAll(() => writeXssFixtures());

test('the corpus holds at least 50 distinct payloads', () => {
  expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
  expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
});

/** Finds record `i` through the search box (by its summary's first words) and opens it. */
async function openRecord(scope: Page | Locator, i: number): Promise<void> {
  await scope.getByRole('searchbox', { name: 'Search' }).fill(`record ${recordId(i)}:`);
  const row = scope.locator(`[data-testid="incident-table"] tr[data-incident-id="${recordId(i)}"] button`);
  await expect(scope.locator('[data-testid="incident-table"] tbody tr[data-incident-id]')).toHaveCount(1);
  // By keyboard: a 20,000-character title makes a button far wider than its clipped cell.
  await row.press('Enter');
  await expect(scope.getByTestId('incident-details')).toBeVisible();
}

/** Opens each `step`-th record and compares its detail panel with what the record holds. */
async function expectDetailsLiteral(page: Page, format: Format, step: number): Promise<void> {
  const mismatches: string[] = [];
  for (let i = 0; i < PAYLOADS.length; i += step) {
    await openRecord(page, i);
    mismatches.push(...(await detailMismatches(page, format, recordId(i))));
  }
  expect(mismatches).toEqual([]);
}

async function expectTableLiteral(frame: Page | Frame, format: Format, root?: string, origin?: string): Promise<void> {
  // The list draws the rows in its window: bring it on screen (an embed scrolls inside its height).
  await frame
    .locator(root ?? 'body')
    .getByTestId('incident-table')
    .scrollIntoViewIfNeeded();
  await expect(
    frame
      .locator(root ?? 'body')
      .locator('[data-testid="incident-table"] tbody tr[data-incident-id]')
      .first(),
  ).toBeVisible();
  const { compared, mismatches } = await tableMismatches(frame, format, root, origin);
  expect(compared).toBeGreaterThan(5);
  expect(mismatches).toEqual([]);
}

for (const format of ['json', 'csv', 'geojson'] as const) {
  test(`the corpus as ${format} by ?data= renders as text in the list, details, filters and problem report, and runs nothing`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const watch = await watchForXss(page);
    await page.goto(`?data=${DATA[format]}`);
    await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('result-count')).toContainText(`${PAYLOADS.length} incidents in view`);
    // The parse worker fetched the file, and the request log saw it: worker requests are watched.
    expect(watch.requests.some((url) => url.endsWith(DATA[format]))).toBe(true);
    await expectTableLiteral(page, format);

    // The refused javascript:/data:/vbscript: addresses are named, as text, in the problem report.
    const report = page.getByTestId('problem-report');
    await report.locator('summary').click();
    await expect(report).toContainText('address "javascript:__xss()" is not an http(s) address');
    await expect(report).toContainText('address "vbscript:msgbox(1)" is not an http(s) address');

    if (format === 'json') {
      // Every technique, status and organisation became a filter whose label is the text itself.
      for (const name of ['Technique', 'Status', 'Organisation']) {
        const group = page.getByRole('group', { name });
        await group.getByRole('button', { name: /^Show all/ }).click();
        await expect(group.getByRole('checkbox')).toHaveCount(PAYLOADS.length);
      }
    }
    await expectDetailsLiteral(page, format, format === 'json' ? 1 : 4);
    await expectNothingRan(page, watch);
  });
}

test('the corpus dropped on the page as a file renders as text and runs nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchForXss(page);
  await page.goto('?data=/fixtures/share-incidents.json');
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await dropFile(page, 'corpus.json', xssJsonText());
  await expect(page.getByTestId('result-count')).toContainText(`${PAYLOADS.length} incidents in view`);
  await expectTableLiteral(page, 'json');
  await expectDetailsLiteral(page, 'json', 5);
  await expectNothingRan(page, watch);
});

/**
 * A payload as an address carries it: well-formed (a lone surrogate cannot be percent-encoded as
 * UTF-8) and at most 3,000 characters (still far past every limit; servers refuse ~16 kB request lines).
 */
const inAddress = (payload: string) => encodeURIComponent(wellFormed(payload).slice(0, 3000));

/** The view parameters of CONTRACTS §4 (`data` is given separately). */
const VIEW_PARAMS = URL_PARAMS.filter((name) => name !== 'data');
const ROUNDS = Math.ceil(PAYLOADS.length / VIEW_PARAMS.length);

/** Round `k`: a payload in every view parameter, and a few more as the names of parameters. */
function hostileQuery(k: number, data: string = DATA.json): string {
  const payload = (j: number) => PAYLOADS[(k * VIEW_PARAMS.length + j) % PAYLOADS.length];
  const named = [0, 1, 2].map((j) => `${inAddress(payload(j + 5))}=1`);
  return [`data=${data}`, ...VIEW_PARAMS.map((name, j) => `${name}=${inAddress(payload(j))}`), ...named].join('&');
}

async function expectLinkHandled(page: Page | Frame, root: Locator, query: string): Promise<void> {
  const { state, errors } = parseUrlState(query);
  // The search box (folded away in an embed) shows the link's search as typed; a refused one leaves it empty.
  await expect(root.locator('input[type="search"]')).toHaveValue(state.filters.query);
  const shown = await notices(root).allTextContents();
  for (const message of describeUrlErrors(errors))
    expect(
      shown.some((text) => text.includes(message)),
      message,
    ).toBe(true);
  if (state.id !== null) expect(shown.some((text) => text.includes(describeMissingId(state.id!)))).toBe(true);
  expect(page.url()).toBeTruthy();
}

test(`payloads in every address parameter and as parameter names (${ROUNDS} links) are refused or shown as text, and run nothing`, async ({
  page,
}) => {
  test.setTimeout(120_000);
  const watch = await watchForXss(page);
  for (let k = 0; k < ROUNDS; k++) {
    const query = hostileQuery(k);
    await page.goto(`?${query}`);
    await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
    await expectLinkHandled(page, atlasRoot(page), query);
    await expectNothingRan(page, watch);
  }
});

test('payloads as the data address give a notice or a clear error, never a blank page, and run nothing', async ({
  page,
}) => {
  const watch = await watchForXss(page);
  for (const payload of PAYLOADS.filter((_, i) => i % 6 === 0)) {
    await page.goto(`?data=${inAddress(payload)}`);
    await expect(atlasRoot(page)).toHaveAttribute('data-status', /^(ready|error)$/);
    if ((await atlasRoot(page).getAttribute('data-status')) === 'error')
      await expect(page.getByRole('alert')).toContainText(/could not|not valid|empty|server answered/);
    else await expect(notices(page).first()).toBeVisible();
    await expectNothingRan(page, watch);
  }
});

test('payloads typed into the search box stay text and run nothing', async ({ page }) => {
  test.setTimeout(120_000);
  const watch = await watchForXss(page);
  await page.goto(`?data=${DATA.json}`);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const payload of PAYLOADS.filter((text) => wellFormed(text) === text && text.length < 500 && !/\n/.test(text))) {
    await search.fill(payload);
    await expect(search).toHaveValue(payload);
    // Every record holds its payload in its title, so each search finds at least its own record.
    await expect(page.getByTestId('result-count')).not.toContainText(/^0 incidents/);
  }
  await expect.poll(() => page.url()).toContain('q=');
  await expectNothingRan(page, watch);
});

test('the iframe embed, on its own and on a host page, takes the payloads in its parameters as text', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const watch = await watchForXss(page);
  for (const k of [1, 2]) {
    const query = hostileQuery(k);
    await page.goto(`embed.html?${query}`);
    await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
    await expectLinkHandled(page, atlasRoot(page), query);
    await expectNothingRan(page, watch);
  }
  // On a newsroom's page under its strict CSP, the same iframe with a hostile view.
  await page.goto(`${hostOrigin(baseURL)}/hosts/iframe.html`);
  // Round 0 refuses every filter, so the list shows every record.
  const query = hostileQuery(0);
  await page
    .locator('#atlas')
    .evaluate((frame, src) => frame.setAttribute('src', src), `${new URL(baseURL!).origin}/embed.html?${query}`);
  const frame = page.frameLocator('#atlas');
  await expect(atlasRoot(frame.locator('body'))).toHaveAttribute('data-status', 'ready');
  const embedFrame = page.frames().find((candidate) => candidate.url().includes('/embed.html?'))!;
  await expectLinkHandled(embedFrame, atlasRoot(frame.locator('body')), query);
  await expectTableLiteral(embedFrame, 'json');
  await expectNothingRan(page, watch);
});

test("the web component takes the payloads in every attribute as text, on a host page under the host's CSP", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const watch = await watchForXss(page);
  await page.goto(`${hostOrigin(baseURL)}/hosts/component.html`);
  const element = page.locator('incident-atlas#first');
  await expect(element).toHaveAttribute('data-status', 'ready');
  const setAttributes = (values: Record<string, string>) =>
    element.evaluate((node, entries) => {
      for (const [name, value] of Object.entries(entries)) node.setAttribute(name, value);
    }, values);

  await setAttributes({ data: `${new URL(baseURL!).origin}${DATA.json}` });
  await expect(element.getByTestId('result-count')).toContainText(`${PAYLOADS.length} incidents in view`);
  await expectTableLiteral(page, 'json', 'incident-atlas#first', new URL(baseURL!).origin);

  const attributes = [...VIEW_PARAMS.filter((name) => name !== 'id'), 'incident', 'label', 'height'];
  for (let k = 0; k < 3; k++) {
    const values = Object.fromEntries(
      attributes.map((name, j) => [name, wellFormed(PAYLOADS[(k * attributes.length + j) % PAYLOADS.length])]),
    );
    await setAttributes(values);
    await expect(notices(element).first()).toBeVisible();
    await expect(element).toHaveAttribute('data-status', 'ready');
    // The label names the region exactly as given.
    await expect(element.getByRole('region').first()).toHaveAttribute(
      'aria-label',
      values.label.trim() || 'Incident Atlas',
    );
    await expectNothingRan(page, watch);
  }
  // A payload as the data address of a component: refused with a notice or a clear error.
  await setAttributes({ data: `javascript:__xss()` });
  await expect(element).toHaveAttribute('data-status', /^(ready|error)$/);
  await expectNothingRan(page, watch);
});
