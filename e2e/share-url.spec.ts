import { expect, test, type Page } from '@playwright/test';
import {
  atlasRoot,
  details,
  expectCleanPage,
  notices,
  openAtlas,
  resultCount,
  SEED_DATA,
  timeline,
  watchPage,
} from './helpers.ts';

const search = (page: Page) => new URL(page.url()).search;
// Zooming jumps rather than glides, so the address settles at once.
test.use({ reducedMotion: 'reduce' });
const group = (page: Page, name: string) => page.getByRole('group', { name });
/** The seed dataset's parameter, as the address writes it, and the address it starts. */
const DATA = `data=${SEED_DATA}`;
const after = (rest: string) => new RegExp(`\\?${DATA.replaceAll('.', '\\.')}${rest}$`);

test('every piece of the view set through the page lands in the address, and reloading it opens the same view', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, `?${DATA}`);
  expect(search(page)).toBe(`?${DATA}`);

  await page.getByLabel('Search').fill('exchange');
  await expect(page).toHaveURL(after('&q=exchange'));
  await group(page, 'Country')
    .getByRole('checkbox', { name: /United Kingdom/ })
    .check();
  await group(page, 'Technique')
    .getByRole('checkbox', { name: /Public warning/ })
    .check();
  await group(page, 'Status')
    .getByRole('checkbox', { name: /Official statement/ })
    .check();
  await group(page, 'Organisation').getByRole('checkbox', { name: /NATO/ }).check();
  await page.getByRole('button', { name: 'UK, EU, NATO and partners attribute the Exchange compromise' }).click();
  // The keyboard's + zooms around the selected incident, so it stays in the window.
  await timeline(page).press('+');
  await timeline(page).press('+');
  await group(page, 'Theme').getByText('Dark').click();

  await expect(page).toHaveURL(
    after(
      '&q=exchange&country=GB&technique=public-warning&status=official-statement&org=NATO' +
        // The map may have moved to show the selection: its camera is part of the view then.
        '&from=\\d{4}-\\d\\d-\\d\\d&to=\\d{4}-\\d\\d-\\d\\d(&map=[\\d./-]+)?&id=exchange-joint-attribution-2021&theme=dark',
    ),
  );
  const shared = page.url();
  const axis = await timeline(page).locator('svg.axis text').allTextContents();

  await page.goto(shared);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  // The address read back is the address written: nothing was lost or rewritten.
  expect(page.url()).toBe(shared);
  await expect(page.getByLabel('Search')).toHaveValue('exchange');
  for (const [name, option] of [
    ['Country', /United Kingdom/],
    ['Technique', /Public warning/],
    ['Status', /Official statement/],
    ['Organisation', /NATO/],
  ] as const)
    await expect(group(page, name).getByRole('checkbox', { name: option })).toBeChecked();
  await expect(details(page)).toContainText('UK, EU, NATO and partners attribute the Exchange compromise');
  await expect(group(page, 'Theme').getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(atlasRoot(page)).toHaveAttribute('data-theme', 'dark');
  await expect(resultCount(page)).toContainText('1 incident in view');
  // The same days on the axis: the window came back from the address.
  await expect(timeline(page).locator('svg.axis text')).toHaveText(axis);
  expectCleanPage(watch);
});

test('lanes and the map camera round-trip through the address exactly', async ({ page }) => {
  // The lane switch and the map's camera sync come with their own features; the address keeps both.
  const link = '?from=2020-01-01&to=2021-12-31&map=4.25/50.1/14.42&lanes=country';
  await openAtlas(page, link);
  expect(search(page)).toBe(link);
  await page.reload();
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  expect(search(page)).toBe(link);
  await expect(notices(page)).toHaveCount(0);
});

test('a link in another spelling opens the same view and is rewritten in the canonical one', async ({ page }) => {
  await openAtlas(page, `?theme=auto&country=ee&map=4.254321/50.123456/14.4&from=2021&to=2021&${DATA}`);
  expect(search(page)).toBe(`?${DATA}&country=EE&from=2021-01-01&to=2021-12-31&map=4.25/50.12/14.4`);
  await expect(resultCount(page)).toContainText('1 incident in view');
  await expect(notices(page)).toHaveCount(0);
});

test('filters and selection add history entries, zooming rewrites the current one, and back/forward step through them', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, `?${DATA}`);
  const historyLength = () => page.evaluate(() => history.length);
  const start = await historyLength();

  await group(page, 'Country')
    .getByRole('checkbox', { name: /Estonia/ })
    .check();
  await expect(page).toHaveURL(after('&country=EE'));
  expect(await historyLength()).toBe(start + 1);

  await page
    .getByRole('button', { name: 'Estonian marine scientist Tarmo Kõuts convicted of spying for China' })
    .click();
  await expect(page).toHaveURL(after('&country=EE&id=ee-kouts-conviction-2021'));
  expect(await historyLength()).toBe(start + 2);

  await timeline(page).press('+');
  await expect(page).toHaveURL(after('&country=EE&from=[\\d-]+&to=[\\d-]+&id=ee-kouts-conviction-2021'));
  expect(await historyLength()).toBe(start + 2);
  const zoomedAxis = await timeline(page).locator('svg.axis text').allTextContents();

  await page.goBack();
  await expect(page).toHaveURL(after('&country=EE'));
  await expect(details(page)).toHaveCount(0);
  await expect(group(page, 'Country').getByRole('checkbox', { name: /Estonia/ })).toBeChecked();
  await expect(timeline(page).locator('svg.axis text')).not.toHaveText(zoomedAxis);

  await page.goBack();
  expect(search(page)).toBe(`?${DATA}`);
  await expect(group(page, 'Country').getByRole('checkbox', { name: /Estonia/ })).not.toBeChecked();
  await expect(resultCount(page)).toContainText('7 incidents in view');

  await page.goForward();
  await expect(group(page, 'Country').getByRole('checkbox', { name: /Estonia/ })).toBeChecked();
  await expect(resultCount(page)).toContainText('1 incident in view');

  await page.goForward();
  await expect(details(page)).toContainText('Tarmo Kõuts');
  await expect(timeline(page).locator('svg.axis text')).toHaveText(zoomedAxis);
  // Stepping through history wrote nothing new.
  expect(await historyLength()).toBe(start + 2);
  expectCleanPage(watch);
});

test('typing a search adds one history entry, not one per pause', async ({ page }) => {
  await openAtlas(page);
  const start = await page.evaluate(() => history.length);
  const box = page.getByLabel('Search');
  await box.fill('ex');
  await expect(page).toHaveURL(/\?q=ex$/);
  await box.fill('exchange');
  await expect(page).toHaveURL(/\?q=exchange$/);
  expect(await page.evaluate(() => history.length)).toBe(start + 1);
});

test('the address works under a sub-path too', async ({ page }) => {
  await openAtlas(page, `nested/atlas/?${DATA}&country=EE`);
  await expect(resultCount(page)).toContainText('1 incident in view');
  await group(page, 'Country')
    .getByRole('checkbox', { name: /France/ })
    .check();
  await expect(page).toHaveURL(/\/nested\/atlas\/\?data=[^&]+&country=EE,FR$/);
});

test('“Cite this record” gives a permalink that names the dataset and the record, and opens on it', async ({
  page,
}) => {
  await openAtlas(page, `nested/atlas/?${DATA}&country=EE,FR&theme=dark`);
  await page.getByRole('button', { name: 'Two former DGSE officers convicted of passing secrets to China' }).click();
  const citation = details(page).getByRole('region', { name: 'Cite this record' });
  const permalink = (await citation.textContent())!.match(/https?:\/\/\S+$/)![0];
  // The dataset and the record, not the filters or theme of the view it was copied from.
  expect(new URL(permalink).pathname).toBe('/nested/atlas/');
  expect(new URL(permalink).search).toBe(`?${DATA}&id=fr-dgse-officers-convicted-2020`);

  await page.goto(permalink);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await expect(details(page)).toContainText('Two former DGSE officers convicted');
  await expect(resultCount(page)).toContainText('7 incidents in view');
});
