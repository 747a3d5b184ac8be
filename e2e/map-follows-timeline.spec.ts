import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { atlasRoot, expectCleanPage, map, openAtlas, renderedMap, watchPage, type RenderedMap } from './helpers.ts';

const FIXTURE = '?data=fixtures/map-incidents.json';

interface SketchedMark {
  kind: 'cluster' | 'incident' | 'secondary';
  x: number;
  y: number;
  count: number;
}

/** The marks sketched over the map while the timeline moves (the map container's test hook). */
async function sketchedMarks(page: Page): Promise<SketchedMark[]> {
  return map(page).evaluate((node) => [...(node as HTMLElement & { sketched(): SketchedMark[] }).sketched()]);
}

/** Clusters and incidents as comparable text: kind, count and position to the pixel, sorted. */
function markKeys(marks: readonly { kind: string; x: number; y: number; count: number }[]): string[] {
  return marks
    .filter((mark) => mark.kind !== 'secondary')
    .map((mark) => `${mark.kind} ${mark.count} at ${Math.round(mark.x)},${Math.round(mark.y)}`)
    .sort();
}

/** The colour of a screenshot's pixel at a point given relative to the map. */
async function mapPixel(page: Page, { x, y }: { x: number; y: number }, shot: Buffer): Promise<number[]> {
  const box = (await map(page).boundingBox())!;
  const image = PNG.sync.read(shot);
  const i = (Math.round(box.y + y) * image.width + Math.round(box.x + x)) * 4;
  return [image.data[i], image.data[i + 1], image.data[i + 2]];
}

const colourDistance = (a: number[], b: number[]) => Math.max(...a.map((value, i) => Math.abs(value - b[i])));

test('while the timeline is dragged the map follows it, and when it is let go the map draws the same marks itself', async ({
  page,
}) => {
  const watch = await watchPage(page);
  await openAtlas(page, FIXTURE);
  const before = await renderedMap(page);
  const beforeShot = await page.screenshot();
  expect(await sketchedMarks(page)).toEqual([]);

  // Drag the window a third of the way: the earliest incidents leave it. The button stays down.
  const plot = (await page.getByTestId('timeline').boundingBox())!;
  await page.mouse.move(plot.x + plot.width / 2, plot.y + 20);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width / 2 + plot.width / 3, plot.y + 20, { steps: 12 });

  // The map follows what the list shows, while the timeline is still held.
  // Each incident once: its other places are sketched too, as secondary marks.
  const inView = async () => Number((await page.getByTestId('result-count').textContent())!.match(/^\d+/)![0]);
  const sketchedIncidents = async () =>
    (await sketchedMarks(page)).filter((mark) => mark.kind !== 'secondary').reduce((sum, mark) => sum + mark.count, 0);
  await expect.poll(async () => (await sketchedIncidents()) === (await inView()) && (await inView()) < 7).toBe(true);
  const sketched = await sketchedMarks(page);
  await expect(page.locator('canvas.map-sketch')).toBeVisible();
  await expect(map(page)).toHaveAttribute('data-map-state', 'moving');

  // What left the window is gone from the map: MapLibre's own marks are not drawn under the sketch.
  const gone = before.marks.filter(
    (mark) => !sketched.some((drawn) => Math.hypot(drawn.x - mark.x, drawn.y - mark.y) < 30),
  );
  expect(gone.length).toBeGreaterThan(0);
  const heldShot = await page.screenshot();
  for (const mark of gone)
    expect(
      colourDistance(await mapPixel(page, mark, beforeShot), await mapPixel(page, mark, heldShot)),
      `the mark of ${mark.ids.join(', ')} is no longer drawn`,
    ).toBeGreaterThan(40);

  // Let go: MapLibre draws the same marks, and the sketch is gone.
  await page.mouse.up();
  const after: RenderedMap = await renderedMap(page);
  expect(markKeys(after.marks)).toEqual(markKeys(sketched));
  await expect(page.locator('canvas.map-sketch')).toBeHidden();
  expect(await sketchedMarks(page)).toEqual([]);
  expect(after.incidents.length).toBeLessThan(before.incidents.length);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  expectCleanPage(watch);
});

test("the map's key to its shades changes with the shades: when the timeline is let go, not while it moves", async ({
  page,
}) => {
  await openAtlas(page);
  const scale = page.getByText('Incidents per country:');
  await expect(scale).toContainText('8+');
  const before = await scale.textContent();

  // Drag the window towards the earliest years, where no country has eight incidents. Held down.
  const plot = (await page.getByTestId('timeline').boundingBox())!;
  await page.mouse.move(plot.x + plot.width * 0.2, plot.y + 20);
  await page.mouse.down();
  await page.mouse.move(plot.x + plot.width * 0.85, plot.y + 20, { steps: 12 });
  await expect(page.locator('canvas.map-sketch')).toBeVisible();
  await expect(page.getByTestId('result-count')).toContainText(/of 52/);
  // The shades on the map wait for the gesture's end, and so does their key.
  await page.waitForTimeout(300);
  expect(await scale.textContent()).toBe(before);

  await page.mouse.up();
  await expect(scale).not.toContainText('8+');
  await expect(page.locator('canvas.map-sketch')).toBeHidden();
});
