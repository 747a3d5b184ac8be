import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import {
  atlasRoot,
  clickMap,
  colourShare,
  details,
  expectCleanPage,
  map,
  mapIdle,
  mapPoint,
  markBox,
  openAtlas,
  renderedMap,
  renderedMapIncidents,
  resultCount,
  table,
  tableIds,
  watchPage,
} from './helpers.ts';

/**
 * The map journeys run on a fixed fixture (the seven seed incidents), so their counts and places
 * hold whatever the curated dataset grows into.
 */
const FIXTURE = '?data=fixtures/map-incidents.json';
const ALL_IDS = [
  'cn-national-intelligence-law-2017',
  'ee-kouts-conviction-2021',
  'exchange-joint-attribution-2021',
  'fbi-mi5-joint-address-2022',
  'fr-dgse-officers-convicted-2020',
  'ft-on-a-par-with-russians-2022',
  'ms-exchange-hafnium-2021',
];
const LAND: [number, number, number] = [247, 246, 242];
const LABEL: [number, number, number] = [70, 80, 91]; // #46505b, the light theme's label colour

/** Pixels of a colour (within a tolerance) in a region of a PNG. */
function countColour(
  png: Buffer,
  [r, g, b]: readonly [number, number, number],
  region: { x: number; y: number; width: number; height: number },
  tolerance = 40,
): number {
  const image = PNG.sync.read(png);
  let hits = 0;
  for (let y = Math.max(0, region.y); y < Math.min(image.height, region.y + region.height); y++) {
    for (let x = Math.max(0, region.x); x < Math.min(image.width, region.x + region.width); x++) {
      const i = (y * image.width + x) * 4;
      if (
        Math.abs(image.data[i] - r) <= tolerance &&
        Math.abs(image.data[i + 1] - g) <= tolerance &&
        Math.abs(image.data[i + 2] - b) <= tolerance
      )
        hits++;
    }
  }
  return hits;
}

/** The map's own zoom button (the timeline has one too). */
const zoomIn = (page: Page) => map(page).getByRole('button', { name: 'Zoom in' });

/** A point inside France away from any mark: a little south of its label. */
async function inFrance(page: Page): Promise<{ x: number; y: number }> {
  const label = (await renderedMap(page)).labels.find((candidate) => candidate.text === 'France')!;
  return { x: label.x, y: label.y + 12 };
}

/** Font files the page fetched, with where from and how it went. */
function watchFonts(page: Page): { url: URL; status: number }[] {
  const fonts: { url: URL; status: number }[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith('.woff2')) fonts.push({ url, status: response.status() });
  });
  return fonts;
}

test('the basemap draws countries and Latin and Chinese labels from font files on our own origin, fetching only the subsets drawn', async ({
  page,
}) => {
  const watch = await watchPage(page);
  const fonts = watchFonts(page);
  await openAtlas(page, FIXTURE);
  const drawn = await renderedMap(page);
  const labels = new Map(drawn.labels.map((label) => [label.text, label]));
  expect([...labels.keys()]).toEqual(expect.arrayContaining(['China\n中国', 'Beijing 北京', 'France']));

  // Pixels in the label colour where the labels sit: "Beijing 北京" is anchored left of its text,
  // whose first letter the fixture's ring at Beijing partly covers (how much depends on where the
  // map's size puts it, to the sub-pixel): counted from past the ring, its small text's
  // anti-aliased pixels included (no background colour is that near the label's).
  const shot = await map(page).screenshot();
  const beijing = labels.get('Beijing 北京')!;
  expect(countColour(shot, LABEL, { x: beijing.x + 14, y: beijing.y - 9, width: 90, height: 18 }, 60)).toBeGreaterThan(
    40,
  );
  const china = labels.get('China\n中国')!;
  expect(countColour(shot, LABEL, { x: china.x - 30, y: china.y - 20, width: 60, height: 40 })).toBeGreaterThan(40);
  // …and not everywhere: open water far from any label has none.
  expect(
    countColour(shot, LABEL, { x: 0, y: (await map(page).boundingBox())!.height - 60, width: 40, height: 30 }),
  ).toBe(0);

  // The fonts came from here, and only the subsets these labels use: Latin and a few Chinese ones.
  const files = fonts.map(({ url }) => url.pathname.split('/').pop()!);
  expect(fonts.every(({ url, status }) => url.hostname === '127.0.0.1' && status === 200)).toBe(true);
  expect(files.some((file) => file.startsWith('noto-sans-latin-400'))).toBe(true);
  const chinese = files.filter((file) => file.startsWith('noto-sans-sc-'));
  expect(chinese.length).toBeGreaterThan(0);
  expect(chinese.length).toBeLessThanOrEqual(5);
  expect(files.some((file) => file.startsWith('noto-sans-greek'))).toBe(false);
  // The browser really drew with them: MapLibre registers each file it loaded as a font face.
  const loadedFaces = await page.evaluate(
    () =>
      [...document.fonts].filter((face) => face.family.includes('maplibre-gl-font-face') && face.status === 'loaded')
        .length,
  );
  expect(loadedFaces).toBeGreaterThanOrEqual(2);
  expectCleanPage(watch);
});

test('the basemap draws sea as sea and land as land around Scandinavia, whatever crosses the antimeridian', async ({
  page,
}) => {
  // Russia's and Wrangel Island's shapes cross 180°; drawn as a sphere cuts them, they once laid
  // wedges of land over the Atlantic and of sea over Scandinavia.
  await openAtlas(page, `${FIXTURE}&map=2.2/62/-2`);
  await mapIdle(page);
  const shot = await map(page).screenshot();
  const colours = async (places: [number, number][]) =>
    Promise.all(
      places.map(async (lngLat) => {
        const { x, y } = await mapPoint(page, lngLat);
        return { lngLat, colour: pixel(shot, x, y) };
      }),
    );
  const WATER: [number, number, number] = [223, 232, 239];
  const atSea: [number, number][] = [
    [-14, 62],
    [-20, 58],
    [-5, 66],
    [3, 57],
    [-12, 69],
  ];
  const onLand: [number, number][] = [
    [9, 61.5],
    [20, 66],
    [36, 68],
    [25, 64.5],
  ];
  expect((await colours(atSea)).filter(({ colour }) => !near(colour, WATER, 8))).toEqual([]);
  expect((await colours(onLand)).filter(({ colour }) => !near(colour, LAND, 8))).toEqual([]);
});

test('the map keeps its size when nothing is left to count, so it neither jumps nor redraws whole', async ({
  page,
}) => {
  // The curated dataset: its scale of four classes takes a row of the legend of its own.
  await openAtlas(page);
  await mapIdle(page);
  const sizeOf = async () => {
    const { width, height } = (await map(page).boundingBox())!;
    return { width, height };
  };
  const shown = await sizeOf();
  // No incident in view: the choropleth's key has nothing to show, and keeps its place.
  await page.getByLabel('Search').fill('no incident is called this');
  await expect(resultCount(page)).toContainText('0 incidents in view');
  await mapIdle(page);
  expect(await sizeOf()).toEqual(shown);
  await page.getByLabel('Search').fill('');
  await expect(resultCount(page)).not.toContainText('0 incidents in view');
  expect(await sizeOf()).toEqual(shown);
});

test('the 50m countries are fetched only once the map is zoomed in', async ({ page }) => {
  const watch = await watchPage(page);
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await openAtlas(page, FIXTURE);
  await mapIdle(page);
  expect(requested.some((url) => url.includes('countries-110m'))).toBe(true);
  expect(requested.some((url) => url.includes('countries-50m'))).toBe(false);
  await zoomIn(page).click();
  await zoomIn(page).click();
  await expect.poll(() => requested.some((url) => url.includes('countries-50m'))).toBe(true);
  await mapIdle(page);
  expectCleanPage(watch);
});

test('small countries only the 50m map has are labelled once it is drawn', async ({ page }) => {
  await openAtlas(page, `${FIXTURE}&map=6/35.9/14.4`);
  await expect
    .poll(async () => (await renderedMap(page)).labels.map((label) => label.text))
    .toEqual(expect.arrayContaining(['Malta']));
});

test('a cluster shows how many incidents it holds and splits when clicked', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  const before = await renderedMap(page);
  const cluster = before.marks.find((mark) => mark.kind === 'cluster' && mark.count >= 3)!;
  expect(cluster, 'a cluster over western Europe').toBeDefined();
  expect(cluster.ids).toHaveLength(cluster.count);
  // Every incident is on the map, alone or inside a drawn cluster.
  expect(before.incidents).toEqual(ALL_IDS);
  const box = (await map(page).boundingBox())!;
  await page.mouse.move(box.x + cluster.x, box.y + cluster.y);
  await expect(page.locator('.map-panel .tooltip')).toHaveText(`${cluster.count} incidents · click to zoom in`);

  await clickMap(page, cluster);
  await expect
    .poll(
      async () =>
        (await renderedMap(page)).marks.filter((mark) => mark.ids.some((id) => cluster.ids.includes(id))).length,
    )
    .toBeGreaterThan(1);
  const after = await renderedMap(page);
  expect(after.marks.some((mark) => mark.kind === 'cluster' && mark.count === cluster.count)).toBe(false);
  expectCleanPage(watch);
});

test('the map clusters what is around the screen, and again wherever it is moved', async ({ page }) => {
  const watch = await watchPage(page);
  // Zoomed onto Paris: London, Brussels, Tallinn and Beijing are far outside what is clustered.
  await openAtlas(page, `${FIXTURE}&map=8/48.87/2.3`);
  const paris = await renderedMap(page);
  expect(paris.incidents).toEqual(['fr-dgse-officers-convicted-2020', 'ms-exchange-hafnium-2021']);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect.poll(() => renderedMapIncidents(page)).toEqual(ALL_IDS);
  // Every incident is drawn once: alone, or counted in one cluster.
  const marks = (await renderedMap(page)).marks;
  expect(marks.reduce((sum, mark) => sum + mark.count, 0)).toBe(ALL_IDS.length);
  expectCleanPage(watch);
});

/** The colour of one pixel of a PNG. */
function pixel(png: Buffer, x: number, y: number): [number, number, number] {
  const image = PNG.sync.read(png);
  const i = (Math.round(y) * image.width + Math.round(x)) * 4;
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

const near = (a: number[], b: number[], tolerance = 24) => a.every((value, i) => Math.abs(value - b[i]) <= tolerance);

test('a place is a filled dot, an incident known only at country level a ring, and every place of an incident selects it', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  const { marks } = await renderedMap(page);
  const shot = await map(page).screenshot();
  const tallinn = marks.find((mark) => mark.ids.includes('ee-kouts-conviction-2021'))!;
  const law = marks.find((mark) => mark.ids.includes('cn-national-intelligence-law-2017'))!;
  expect(near(pixel(shot, tallinn.x, tallinn.y), [0, 114, 178])).toBe(true); // human intelligence blue
  expect(near(pixel(shot, law.x, law.y), LAND)).toBe(true); // hollow
  await expect(page.getByText('Country only (no precise place)')).toBeVisible();

  // The Paris–Beijing case: its Beijing end is drawn and selects the incident too.
  await page
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /France/ })
    .check();
  await page.getByRole('button', { name: 'Fit to filtered' }).click();
  await expect.poll(async () => (await renderedMap(page)).incidents).toContain('fr-dgse-officers-convicted-2020');
  const box = (await map(page).boundingBox())!;
  const beijing = await mapPoint(page, [116.407, 39.904]);
  expect(beijing.x).toBeGreaterThan(0);
  expect(beijing.x).toBeLessThan(box.width);
  await clickMap(page, beijing);
  await expect(details(page)).toContainText('DGSE');
  await expect.poll(async () => (await renderedMap(page)).selection).toEqual(['fr-dgse-officers-convicted-2020']);
  expectCleanPage(watch);
});

/** 150 incidents each at a European city and in Beijing; one in five is an insider case. */
function manyTwoPlaceIncidents() {
  const cities: [string, string, [number, number]][] = [
    ['Paris', 'FR', [2.352, 48.857]],
    ['Berlin', 'DE', [13.405, 52.52]],
    ['Tallinn', 'EE', [24.754, 59.437]],
    ['Rome', 'IT', [12.496, 41.903]],
    ['Warsaw', 'PL', [21.012, 52.23]],
  ];
  return {
    dataset: { name: 'Two places each', version: '0.1.0', updated: '2026-11-29', license: 'CC BY 4.0' },
    incidents: Array.from({ length: 150 }, (_, i) => {
      const [city, country, lngLat] = cities[i % cities.length];
      return {
        id: `two-places-${i}`,
        title: `Incident ${i} in ${city} and Beijing`,
        date: `${2010 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
        places: [
          { name: city, lngLat, precision: 'city', country },
          { name: 'Beijing', lngLat: [116.2 + (i % 10) / 20, 39.8 + (i % 7) / 20], precision: 'city', country: 'CN' },
        ],
        actors: ['CN'],
        targets: { countries: [country], orgs: [] },
        techniques: [i % 5 === 0 ? 'insider' : 'cyber-intrusion'],
        status: 'alleged',
        sources: [{ publisher: 'Example', title: `Report ${i}`, date: '2024-01-01', url: `https://example.org/${i}` }],
      };
    }),
  };
}

test('the map ties the places of at most 100 incidents together, so a dataset of two-place incidents stays readable and fast', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await page.route('**/fixtures/two-places.json', (route) => route.fulfill({ json: manyTwoPlaceIncidents() }));
  await openAtlas(page, '?data=fixtures/two-places.json');
  await expect(resultCount(page)).toHaveText(/^150 incidents/);
  const all = await renderedMap(page);
  expect(all.links).toHaveLength(100);
  expect(all.links.every((id) => id.startsWith('two-places-'))).toBe(true);

  // Fewer in view: every one of them is linked.
  await page
    .getByRole('group', { name: 'Technique' })
    .getByRole('checkbox', { name: /Insider/ })
    .check();
  await expect(resultCount(page)).toHaveText(/^30 incidents/);
  await expect
    .poll(async () => (await renderedMap(page)).links)
    .toEqual(Array.from({ length: 30 }, (_, k) => `two-places-${k * 5}`).sort());
  expectCleanPage(watch);
});

test('clicking a country filters the timeline and the list by it, and clicking it again clears the filter', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  const france = await inFrance(page);
  const checkbox = page.getByRole('group', { name: 'Country' }).getByRole('checkbox', { name: /France/ });

  await clickMap(page, france);
  await expect(checkbox).toBeChecked();
  await expect(resultCount(page)).toContainText('2 incidents in view');
  expect(await tableIds(page)).toEqual(['fr-dgse-officers-convicted-2020', 'ms-exchange-hafnium-2021']);
  expect(await markBox(page, 'ee-kouts-conviction-2021')).toBeNull();
  await expect
    .poll(() => renderedMapIncidents(page))
    .toEqual(['fr-dgse-officers-convicted-2020', 'ms-exchange-hafnium-2021']);

  await clickMap(page, france);
  await expect(checkbox).not.toBeChecked();
  await expect.poll(async () => (await tableIds(page)).length).toBe(7);

  // A country no incident concerns is not a filter: clicking Spain changes nothing.
  const spain = (await renderedMap(page)).labels.find((label) => label.text === 'Spain')!;
  await clickMap(page, spain);
  await mapIdle(page);
  await expect(resultCount(page)).toContainText('7 incidents in view');
  expectCleanPage(watch);
});

test('hovering a country shows its name and count', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  const france = await inFrance(page);
  const box = (await map(page).boundingBox())!;
  await page.mouse.move(box.x + france.x, box.y + france.y);
  await expect(page.locator('.map-panel .tooltip')).toHaveText('France · 2 incidents');
});

test('the country list works from the keyboard: focus names the country and its count, Enter filters', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  const summary = page.getByText(/^Countries \(\d+\)$/);
  await summary.focus();
  await page.keyboard.press('Enter');
  const list = page.getByRole('list', { name: 'Countries on the map' });
  const uk = list.getByRole('button', { name: /United Kingdom\s*3 incidents/ });
  await expect(uk).toBeVisible();
  await uk.focus();
  await expect(page.locator('.map-panel .tooltip')).toHaveText('United Kingdom · 3 incidents');
  await page.keyboard.press('Enter');
  await expect(uk).toHaveAttribute('aria-pressed', 'true');
  await expect(resultCount(page)).toContainText('3 incidents in view');
  await page.keyboard.press('Enter');
  await expect(uk).toHaveAttribute('aria-pressed', 'false');

  const axe = await new AxeBuilder({ page }).include('section[aria-label="Incident map"]').analyze();
  expect(axe.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  expectCleanPage(watch);
});

test('the arcs switch draws actor → target arcs for the filtered incidents only', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  const arcs = page.getByRole('switch', { name: 'Actor → target arcs' });
  await expect(arcs).toHaveAttribute('aria-checked', 'false');
  expect((await renderedMap(page)).arcs).toEqual([]);
  const ARC: [number, number, number] = [195, 87, 86]; // the light arc colour over land
  const plainShot = await map(page).screenshot();

  await arcs.click();
  await expect(arcs).toHaveAttribute('aria-checked', 'true');
  await expect
    .poll(async () => (await renderedMap(page)).arcs)
    .toEqual(expect.arrayContaining(['CN>EE', 'CN>FR', 'CN>GB']));
  const arcShot = await map(page).screenshot();
  expect(colourShare(arcShot, ARC, 30)).toBeGreaterThan(colourShare(plainShot, ARC, 30) + 0.001);

  await page
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /Estonia/ })
    .check();
  await expect.poll(async () => (await renderedMap(page)).arcs).toEqual(['CN>EE']);

  await arcs.click();
  await expect.poll(async () => (await renderedMap(page)).arcs).toEqual([]);
  expectCleanPage(watch);
});

test('selecting an incident in the list brings it into view on the map', async ({ page }) => {
  const watch = await watchPage(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openAtlas(page, FIXTURE);
  for (let i = 0; i < 3; i++) await zoomIn(page).click();
  await expect.poll(() => renderedMapIncidents(page)).not.toContain('ee-kouts-conviction-2021');

  await table(page)
    .getByRole('button', { name: /Tarmo Kõuts/ })
    .click();
  await expect.poll(() => renderedMapIncidents(page)).toContain('ee-kouts-conviction-2021');
  await expect.poll(async () => (await renderedMap(page)).selection).toEqual(['ee-kouts-conviction-2021']);

  // Reset view goes back to Europe and China together.
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect.poll(() => renderedMapIncidents(page)).toEqual(ALL_IDS);
  expectCleanPage(watch);
});

test('"Fit to filtered" frames the incidents that pass the filters', async ({ page }) => {
  await openAtlas(page, FIXTURE);
  await page
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /Estonia/ })
    .check();
  await mapIdle(page);
  await page.getByRole('button', { name: 'Fit to filtered' }).click();
  const box = (await map(page).boundingBox())!;
  await expect
    .poll(async () => {
      const mark = (await renderedMap(page)).marks.find((m) => m.ids.includes('ee-kouts-conviction-2021'));
      return mark ? Math.hypot(mark.x - box.width / 2, mark.y - box.height / 2) : Infinity;
    })
    .toBeLessThan(5);
});

test('the dark theme repaints the same map, without rebuilding it', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  await map(page)
    .locator('canvas')
    .evaluate((canvas) => (canvas.dataset.original = 'yes'));
  expect(colourShare(await map(page).screenshot(), LAND)).toBeGreaterThan(0.1);

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(atlasRoot(page)).toHaveAttribute('data-theme', 'dark');
  await expect.poll(async () => colourShare(await map(page).screenshot(), [42, 47, 54])).toBeGreaterThan(0.1);
  expect(colourShare(await map(page).screenshot(), LAND)).toBeLessThan(0.01);
  await expect(map(page).locator('canvas[data-original="yes"]')).toHaveCount(1);
  expectCleanPage(watch);
});

test('a lost WebGL context shows a notice, keeps the app usable, and the map comes back when it is restored', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  await map(page)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) => {
      const gl = canvas.getContext('webgl2')!;
      const extension = gl.getExtension('WEBGL_lose_context')!;
      (window as unknown as { loseContext: WEBGL_lose_context }).loseContext = extension;
      extension.loseContext();
    });
  await expect(map(page)).toHaveAttribute('data-map-state', 'unavailable');
  await expect(page.getByText('The graphics context was lost')).toBeVisible();
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await page
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /Estonia/ })
    .check();
  expect(await tableIds(page)).toEqual(['ee-kouts-conviction-2021']);

  await page.evaluate(() => (window as unknown as { loseContext: WEBGL_lose_context }).loseContext.restoreContext());
  await mapIdle(page);
  await expect(page.getByText('The graphics context was lost')).toHaveCount(0);
  expect(await renderedMapIncidents(page)).toEqual(['ee-kouts-conviction-2021']);
  const shot = await map(page).screenshot();
  expect(colourShare(shot, LAND)).toBeGreaterThan(0.1);
  // The choropleth came back too: Estonia's class colour is drawn.
  expect(colourShare(shot, [146, 131, 191], 6)).toBeGreaterThan(0);
  expectCleanPage(watch);
});

test('on a 360 px wide screen the first view still shows Europe and China together', async ({ page }) => {
  const watch = await watchPage(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await openAtlas(page, FIXTURE);
  const drawn = await renderedMap(page);
  expect(drawn.incidents).toEqual(ALL_IDS);
  expect(drawn.labels.map((label) => label.text)).toEqual(expect.arrayContaining(['China\n中国']));
  await expect(page.getByRole('button', { name: 'Reset view' })).toBeVisible();
  expectCleanPage(watch);
});

test('incidents at one place, which never split however far one zooms, are listed to choose from', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/same-place.json');
  const cluster = (await renderedMap(page)).marks.find((mark) => mark.kind === 'cluster')!;
  expect(cluster.count).toBe(3);
  const view = (await renderedMap(page)).incidents;
  const box = (await map(page).boundingBox())!;
  await page.mouse.move(box.x + cluster.x, box.y + cluster.y);
  await expect(page.locator('.map-panel .tooltip')).toHaveText('3 incidents · at one place, click to list them');

  await clickMap(page, cluster);
  const stack = page.getByRole('dialog', { name: '3 incidents at this place' });
  await expect(stack.getByRole('button', { name: /^(?!Close)/ })).toHaveText([
    /Exchange compromise .*2021/,
    /FBI and MI5 heads .*2022/,
    /on a par with the Russians.*2022/,
  ]);
  const axe = await new AxeBuilder({ page }).include('[data-testid="map-stack"]').analyze();
  expect(axe.violations).toEqual([]);
  // The list takes the focus, and Escape closes it without moving the map.
  await expect(stack.getByRole('button', { name: /Exchange compromise/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(stack).toHaveCount(0);
  await expect(map(page).locator('canvas')).toBeFocused();
  expect((await renderedMap(page)).incidents).toEqual(view);

  // A filter changes what the map shows: the list of what it showed goes.
  await clickMap(page, cluster);
  await expect(stack).toBeVisible();
  await page.getByRole('checkbox', { name: /Estonia/ }).check();
  await expect(stack).toHaveCount(0);
  await page.getByRole('checkbox', { name: /Estonia/ }).uncheck();

  // Only once the map draws the cluster again is there anything at that point to click.
  await mapIdle(page);
  await clickMap(page, cluster);
  await stack.getByRole('button', { name: /FBI and MI5 heads/ }).click();
  await expect(stack).toHaveCount(0);
  await expect(details(page)).toContainText('FBI and MI5 heads give their first joint public warning on China');
  expectCleanPage(watch);
});

test('zoomed in past clustering, a click on dots drawn over each other lists them all', async ({ page }) => {
  // Two incidents in London at the same point: the FT report, and the second place of the joint attribution.
  await openAtlas(page, `${FIXTURE}&map=11/51.507/-0.128`);
  const london = (await renderedMap(page)).marks.find((mark) => mark.ids.includes('ft-on-a-par-with-russians-2022'))!;
  await clickMap(page, london);
  const stack = page.getByRole('dialog', { name: '2 incidents at this place' });
  await stack.getByRole('button', { name: /attribute the Exchange compromise/ }).click();
  await expect(details(page)).toContainText('UK, EU, NATO and partners attribute the Exchange compromise to China');
  await expect.poll(async () => (await renderedMap(page)).selection).toEqual(['exchange-joint-attribution-2021']);
});
