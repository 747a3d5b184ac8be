// The core journey with the keyboard alone — Tab, Shift+Tab, arrows, Space, Enter and Escape, no
// pointer — and a visible focus ring on every element focus lands on along the way.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectVisibleFocus, tabUntil } from './a11y-helpers.ts';
import {
  APP_ORIGIN_HOSTS,
  details,
  expectCleanPage,
  openAtlas,
  resultCount,
  tableIds,
  timeline,
  watchPage,
} from './helpers.ts';

test.use({ reducedMotion: 'reduce' });

const isFocused = (locator: Locator) => () => locator.evaluate((element) => element === document.activeElement);

/** The incident the timeline's roving focus is on. */
async function activeIncident(page: Page): Promise<string | null> {
  return timeline(page).locator('[data-incident-id]').getAttribute('data-incident-id');
}

test('filter by country and technique, walk the timeline, open details, follow a source and close, all from the keyboard', async ({
  page,
  context,
}) => {
  const watch = await watchPage(page);
  // A followed source opens in a new tab; nothing may reach the internet, so other hosts are refused here.
  const refused: string[] = [];
  await context.route(
    (url) => !APP_ORIGIN_HOSTS.includes(url.hostname),
    (route) => {
      refused.push(route.request().url());
      return route.abort('blockedbyclient');
    },
  );
  await openAtlas(page);
  const total = (await resultCount(page).textContent())!.match(/\d+/)![0];

  // Filter by country: Tab to Germany, Space ticks it.
  const germany = page.getByRole('group', { name: 'Country' }).getByRole('checkbox', { name: /Germany/ });
  await tabUntil(page, isFocused(germany));
  await page.keyboard.press('Space');
  await expect(germany).toBeChecked();

  // Past it to a technique; one Shift+Tab back shows the way back works too.
  const humint = page.getByRole('group', { name: 'Technique' }).getByRole('checkbox', { name: /Human intelligence/ });
  await tabUntil(page, isFocused(humint));
  await page.keyboard.press('Shift+Tab');
  await expectVisibleFocus(page);
  await page.keyboard.press('Tab');
  await expect(humint).toBeFocused();
  await page.keyboard.press('Space');
  await expect(humint).toBeChecked();
  await expect(resultCount(page)).toContainText(`in view of ${total}`);
  const filtered = await tableIds(page);
  expect(filtered.length).toBeGreaterThanOrEqual(2);

  // On to the timeline; arrows walk its incidents, all of them among the filtered ones.
  await tabUntil(page, isFocused(timeline(page)));
  const visited = [await activeIncident(page)];
  for (let i = 0; i < filtered.length - 1; i++) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeIncident(page)).not.toBe(visited.at(-1));
    visited.push(await activeIncident(page));
    await expectVisibleFocus(page);
  }
  expect(new Set(visited)).toEqual(new Set(filtered));
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => activeIncident(page)).toBe(visited.at(-2));

  // Enter opens the details of the incident in focus.
  await page.keyboard.press('Enter');
  const panel = details(page);
  await expect(panel).toBeVisible();
  await expect(timeline(page).locator('[data-incident-id]')).toHaveAccessibleName(/selected$/);

  // Tab on into the details, to the first source link; its address, target and rel are what they should be.
  const source = panel.getByRole('list').last().getByRole('link').first();
  await tabUntil(page, isFocused(source));
  const href = (await source.getAttribute('href'))!;
  expect(href).toMatch(/^https:\/\//);
  expect(await source.getAttribute('target')).toBe('_blank');
  expect((await source.getAttribute('rel'))!.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));

  // Enter follows it: a new tab asks for that address (refused here, so nothing leaves this machine).
  const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
  await expect.poll(() => refused).toContain(href);
  await popup.close();

  // Escape closes the details; focus goes back to the timeline, where the details were opened.
  await expect(source).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(timeline(page)).toBeFocused();
  await expectVisibleFocus(page);
  expectCleanPage(watch);
});

test('the list is one tab stop whose arrows walk the rows; details opened from a row give focus back to it on Escape', async ({
  page,
}) => {
  await openAtlas(page);
  const list = page.getByTestId('incident-table');
  const firstRow = list.locator('tbody tr[data-incident-id]').first().getByRole('button');
  await tabUntil(page, isFocused(firstRow));
  // Arrows walk the rows (the list scrolls to keep the focused one in view) to the one wanted.
  const row = list.getByRole('button', { name: /Tarmo Kõuts/ });
  for (let presses = 0; !(await row.count()) || !(await isFocused(row)()); presses++) {
    expect(presses, 'arrow presses to reach the row').toBeLessThan(60);
    await page.keyboard.press('ArrowDown');
    await expectVisibleFocus(page);
  }
  await page.keyboard.press('Enter');
  const panel = details(page);
  await expect(panel).toBeVisible();
  await expect(row.locator('xpath=ancestor::tr')).toHaveAttribute('aria-current', 'true');
  // One Tab leaves the list (not a walk through every row after it) for the details.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('button', { name: 'Close details' })).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(row).toBeFocused();
  await expectVisibleFocus(page);
});
