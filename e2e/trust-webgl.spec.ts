// What e2e/map.spec.ts does not cover of "WebGL lost mid-session": the timeline itself (marks,
// selection, zoom) keeps working while the map has no context. Restoring it is proven there.
import { expect, test } from '@playwright/test';
import {
  atlasRoot,
  clickMark,
  details,
  expectCleanPage,
  map,
  openAtlas,
  timeline,
  visibleRange,
  watchPage,
} from './helpers.ts';

test('with the WebGL context lost, the timeline still selects, opens details and zooms', async ({ page }) => {
  const watch = await watchPage(page);
  await openAtlas(page, '?data=fixtures/map-incidents.json');
  await map(page)
    .locator('canvas')
    .evaluate((canvas: HTMLCanvasElement) =>
      canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!.loseContext(),
    );
  await expect(map(page)).toHaveAttribute('data-map-state', 'unavailable');

  await clickMark(page, 'ee-kouts-conviction-2021');
  await expect(details(page)).toContainText('Kõuts');
  const before = await visibleRange(page);
  await timeline(page).press('+');
  await expect.poll(() => visibleRange(page)).not.toEqual(before);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  expectCleanPage(watch);
});
