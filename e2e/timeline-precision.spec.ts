import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { expectCleanPage, markBox, openAtlas, timeline, watchPage } from './helpers.ts';

const FIXTURE = '?data=fixtures/timeline.json';
const DAY_MS = 86_400_000;
test.use({ reducedMotion: 'reduce' });

/** Pixels per day on the axis, from two day-precision marks (points sit at noon of their day). */
async function pixelsPerDay(page: import('@playwright/test').Page) {
  const early = (await markBox(page, 'day-2017'))!;
  const late = (await markBox(page, 'day-2021'))!;
  const days = (Date.UTC(2021, 2, 2) - Date.UTC(2017, 5, 27)) / DAY_MS;
  const perDay = (late.x + late.width / 2 - (early.x + early.width / 2)) / days;
  const xOf = (ms: number) => early.x + early.width / 2 + ((ms - Date.UTC(2017, 5, 27, 12)) / DAY_MS) * perDay;
  return { perDay, xOf, early };
}

test('a year-precision record is drawn across its whole year, a period from start to end, a day as a point', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  const { perDay, xOf, early } = await pixelsPerDay(page);
  expect(early.width).toBe(early.height);

  const year = (await markBox(page, 'year-2019'))!;
  expect(year.x).toBeCloseTo(xOf(Date.UTC(2019, 0, 1)), 0);
  expect(Math.abs(year.width - 365 * perDay)).toBeLessThan(1.5);

  const month = (await markBox(page, 'month-2020'))!;
  expect(Math.abs(month.width - 30 * perDay)).toBeLessThan(1.5);

  const period = (await markBox(page, 'period-2018'))!;
  expect(period.x).toBeCloseTo(xOf(Date.UTC(2018, 4, 1)), 0);
  expect(Math.abs(period.x + period.width - xOf(Date.UTC(2019, 2, 1)))).toBeLessThan(1.5);

  // An open period runs to the edge of the plot.
  const open = (await markBox(page, 'open-2021'))!;
  const plot = (await timeline(page).boundingBox())!;
  expect(open.x + open.width).toBeGreaterThanOrEqual(plot.x + plot.width - 2);
  expectCleanPage(watch);
});

test('hovering a mark shows its title, its date with the precision it is known to, and its status', async ({
  page,
}) => {
  await openAtlas(page, FIXTURE);
  const year = (await markBox(page, 'year-2019'))!;
  await page.mouse.move(year.x + year.width / 2, year.y + year.height / 2);
  const tooltip = page.getByTestId('timeline-tooltip');
  await expect(tooltip).toContainText('Ministry network breach known only to the year');
  await expect(tooltip).toContainText('2019 (known to the year)');
  await expect(tooltip).toContainText('Attributed · Cyber intrusion');

  const month = (await markBox(page, 'month-2020'))!;
  await page.mouse.move(month.x + month.width / 2, month.y + month.height / 2);
  await expect(tooltip).toContainText('June 2020 (known to the month)');
  await expect(tooltip).toContainText('Influence operation +1');
});

test('keyboard focus shows the same tooltip, and the focused element announces date, title and status', async ({
  page,
}) => {
  await openAtlas(page, FIXTURE);
  await timeline(page).focus();
  await page.keyboard.press('Home');
  const active = timeline(page).locator('[data-incident-id]');
  await expect(active).toHaveAttribute('data-incident-id', 'day-2017');
  await page.keyboard.press('ArrowRight');
  await expect(active).toHaveAttribute('data-incident-id', 'period-2018');
  await expect(active).toHaveAccessibleName(
    'May 2018 – February 2019 (period): Long-running intrusion at a telecoms firm, Reported',
  );
  await expect(timeline(page)).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id'))!);
  await expect(page.getByTestId('timeline-tooltip')).toContainText('Long-running intrusion at a telecoms firm');
});

test('the legend explains the marks, and the timeline region passes axe', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  const legend = page.getByRole('list', { name: 'Timeline legend' });
  await expect(legend).toContainText('Date known to the day');
  await expect(legend).toContainText('Known only to the month or year');
  await expect(legend).toContainText('Period from start to end');
  await expect(legend).toContainText('Ongoing');
  const results = await new AxeBuilder({ page }).include('section.timeline').analyze();
  expect(results.violations).toEqual([]);
});

test('the canvas redraws in the dark colour scheme', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  await page.getByRole('radio', { name: 'Technique' }).check();
  // The second lane (cyber intrusion) is banded in the theme's raised surface colour, drawn on the canvas.
  const plot = (await timeline(page).boundingBox())!;
  const y = (await markBox(page, 'year-2019'))!.y - plot.y + 1;
  const bandColour = () =>
    timeline(page)
      .locator('canvas')
      .evaluate((canvas: HTMLCanvasElement, cssY) => {
        const ratio = canvas.width / canvas.clientWidth;
        const pixel = canvas.getContext('2d')!.getImageData(canvas.width - 3, Math.round(cssY * ratio), 1, 1).data;
        return [pixel[0], pixel[1], pixel[2], pixel[3]];
      }, y);
  const light = await bandColour();
  expect(light).toEqual([0xf1, 0xf3, 0xf5, 255]);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(bandColour).toEqual([0x20, 0x25, 0x2b, 255]);
});

test.describe('on a high-density screen', () => {
  test.use({ deviceScaleFactor: 2 });
  test('the canvas is drawn at device resolution, so marks stay crisp', async ({ page }) => {
    await openAtlas(page, FIXTURE);
    const size = await timeline(page)
      .locator('canvas')
      .evaluate((canvas: HTMLCanvasElement) => ({ device: canvas.width, css: canvas.clientWidth }));
    expect(size.device).toBe(size.css * 2);
  });
});
