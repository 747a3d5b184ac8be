// How the atlas adapts to its reader: narrow screens and 200% zoom without sideways scrolling,
// targets large enough to hit, no motion for those who ask for none, and forced colours.
import { expect, test, type Page } from '@playwright/test';
import { techniqueColour } from '../src/lib/palette.ts';
import { filterByCountryAndTechnique } from './a11y-helpers.ts';
import { TECHNIQUES } from '../src/lib/vocabulary.ts';
import { colourShare, details, map, mapIdle, openAtlas, resultCount, SEED_DATA, table, timeline } from './helpers.ts';

test.use({ reducedMotion: 'reduce' });

/** Everything a reader can press, tick or type in, that is shown (in the page or the atlas's shadow roots). */
const CONTROLS = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [tabindex="0"]';

interface ControlBox {
  what: string;
  left: number;
  right: number;
  width: number;
  height: number;
  /** A link inside a sentence (WCAG 2.5.8's inline exception). */
  inline: boolean;
}

/**
 * The boxes of the shown controls. A checkbox or radio counts with its label, which takes the
 * same click (WCAG 2.5.8 measures the target, and the label is part of it).
 */
async function controlBoxes(page: Page): Promise<ControlBox[]> {
  return page.evaluate((selector) => {
    const boxes: ControlBox[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.tabIndex < 0 && element.localName === 'input' && element.getAttribute('aria-hidden') === 'true')
        continue; // the file input behind "Open a file…", never shown
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      if (element.closest('.visually-hidden, [aria-hidden="true"]')) continue;
      const labelled = element instanceof HTMLInputElement && ['checkbox', 'radio'].includes(element.type);
      const target = labelled && element.labels?.[0] ? element.labels[0] : element;
      const rect = target.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      const parentText = element.parentElement?.textContent?.replace(element.textContent ?? '', '').trim() ?? '';
      boxes.push({
        what: `${element.localName} "${(element.getAttribute('aria-label') ?? target.textContent ?? '').trim().slice(0, 40)}"`,
        left: rect.left,
        right: rect.right,
        width: rect.width,
        height: rect.height,
        inline: element.localName === 'a' && getComputedStyle(element).display === 'inline' && parentText.length > 0,
      });
    }
    return boxes;
  }, CONTROLS);
}

/** The map panel, the timeline and the list follow one another without overlapping. */
async function expectViewsApart(page: Page, when: string): Promise<void> {
  const boxes = await page.evaluate(() =>
    ['section.map-panel', 'section.timeline', 'section.list'].map((selector) => {
      const rect = document.querySelector(selector)!.getBoundingClientRect();
      return { selector, top: rect.top, bottom: rect.bottom };
    }),
  );
  for (let i = 1; i < boxes.length; i++)
    expect(boxes[i].top, `${boxes[i].selector} starts below ${boxes[i - 1].selector} ${when}`).toBeGreaterThanOrEqual(
      boxes[i - 1].bottom,
    );
}

async function expectNoSidewaysScroll(page: Page, when: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `page width ${when}`).toBeLessThanOrEqual(innerWidth);
  const outside = (await controlBoxes(page)).filter((box) => box.left < -1 || box.right > innerWidth + 1);
  expect(
    outside.map((box) => box.what),
    `controls cut off at the sides ${when}`,
  ).toEqual([]);
}

for (const { name, viewport } of [
  { name: '320 px wide', viewport: { width: 320, height: 640 } },
  { name: '200% zoom of a 1280 px window (640 CSS px)', viewport: { width: 640, height: 450 } },
]) {
  test.describe(name, () => {
    test.use({ viewport });

    test('nothing scrolls sideways, and filters, timeline, map and list all work', async ({ page }) => {
      await openAtlas(page, `?data=${SEED_DATA}`);
      await expectNoSidewaysScroll(page, 'on load');
      await expectViewsApart(page, 'on load');

      const toggle = page.getByRole('button', { name: /^Filters/ });
      if (await toggle.isVisible()) await toggle.click();
      await page
        .getByRole('group', { name: 'Country' })
        .getByRole('checkbox', { name: /France/ })
        .check();
      await expect(resultCount(page)).toContainText('2 incidents in view');
      await expect(toggle).toHaveText(/Filters \(1 active\)|^Filters$/);
      await expectNoSidewaysScroll(page, 'with the filters open');

      const before = await timeline(page).locator('svg.axis text').allTextContents();
      await page.getByRole('button', { name: 'Zoom the timeline in' }).click();
      await expect(timeline(page).locator('svg.axis text')).not.toHaveText(before);

      await map(page).getByRole('button', { name: 'Zoom in' }).click();
      await mapIdle(page);

      await table(page).getByRole('button', { name: /DGSE/ }).click();
      await expect(details(page)).toBeVisible();
      await expectNoSidewaysScroll(page, 'with details open');
      await details(page).getByRole('button', { name: 'Close details' }).click();
      await expect(details(page)).toHaveCount(0);
    });
  });
}

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the filters fold behind one button, so the map and the timeline come first', async ({ page }) => {
    await openAtlas(page);
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('group', { name: 'Country' })).toBeHidden();
    // The map starts within the first screen.
    expect((await map(page).boundingBox())!.y).toBeLessThan(740);

    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await filterByCountryAndTechnique(page);
    await expect(page.getByRole('button', { name: 'Filters (2 active)' })).toBeVisible();
  });

  test('list dates are not cut short, and titles keep two lines', async ({ page }) => {
    await openAtlas(page);
    const cells = table(page).locator('tbody tr[data-incident-id] td:first-child');
    await expect(cells.first()).toBeVisible();
    const cut = await cells.evaluateAll((tds) =>
      tds
        .filter((td) => td.scrollWidth > td.clientWidth || td.scrollHeight > td.clientHeight)
        .map((td) => td.textContent),
    );
    expect(cut).toEqual([]);
    // "10 Dec 2017", not "10 Decem…"
    expect(await cells.first().innerText()).toMatch(/^\d{1,2} [A-Z][a-z]{2}\s\d{4}$/);
    const lines = await table(page)
      .locator('tbody tr[data-incident-id] .link')
      .first()
      .evaluate((link) =>
        Math.round(link.getBoundingClientRect().height / parseFloat(getComputedStyle(link).lineHeight)),
      );
    expect(lines).toBe(2);
  });

  test('the timeline legend takes at most two lines', async ({ page }) => {
    await openAtlas(page);
    const legend = page.getByRole('list', { name: 'Timeline legend' });
    const lineHeight = await legend
      .locator('li')
      .first()
      .evaluate((li) => li.getBoundingClientRect().height);
    const height = (await legend.boundingBox())!.height;
    expect(Math.round(height / lineHeight)).toBeLessThanOrEqual(2);
    // Screen readers still get the whole sentence.
    await expect(legend).toContainText('Known only to the month or year: faded over the whole period');
  });

  test("the map's Countries list leaves the zoom buttons free to press", async ({ page }) => {
    await openAtlas(page);
    await map(page).getByRole('button', { name: 'Zoom in' }).scrollIntoViewIfNeeded();
    await page.getByText(/^Countries \(\d+\)$/).click();
    await expect(page.getByRole('list', { name: 'Countries on the map' })).toBeVisible();
    for (const name of ['Zoom in', 'Zoom out']) {
      const button = map(page).getByRole('button', { name });
      const box = (await button.boundingBox())!;
      const hit = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label') ?? null,
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(hit, `${name} is not covered`).toBe(name);
    }
  });
});

for (const viewport of [
  { width: 1280, height: 900 },
  { width: 360, height: 740 },
]) {
  test(`every control is at least 24 × 24 px at ${viewport.width} px, links inside sentences aside (WCAG 2.5.8)`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openAtlas(page, '?id=fr-dgse-officers-convicted-2020');
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    if (await toggle.isVisible()) await toggle.click();
    await page.getByText(/^Countries \(\d+\)$/).click();
    const boxes = await controlBoxes(page);
    expect(boxes.length).toBeGreaterThan(60);
    const small = boxes
      .filter((box) => !box.inline && (box.width < 24 || box.height < 24))
      .map((box) => `${box.what}: ${box.width.toFixed(1)} × ${box.height.toFixed(1)}`);
    expect(small).toEqual([]);
  });
}

test.describe('reduced motion', () => {
  /** Where the map draws Tallinn, straight after a click on `button` and again once the map is idle. */
  async function cameraAfter(page: Page, button: string): Promise<{ atOnce: number[]; settled: number[] }> {
    const atOnce = await map(page).evaluate((node, name) => {
      const target = [...node.closest('section')!.querySelectorAll('button')].find((b) => b.textContent === name)!;
      target.click();
      const { x, y } = (node as HTMLElement & { project(lngLat: [number, number]): { x: number; y: number } }).project([
        24.75, 59.44,
      ]);
      return [Math.round(x), Math.round(y)];
    }, button);
    await mapIdle(page);
    const settled = await map(page).evaluate((node) => {
      const { x, y } = (node as HTMLElement & { project(lngLat: [number, number]): { x: number; y: number } }).project([
        24.75, 59.44,
      ]);
      return [Math.round(x), Math.round(y)];
    });
    return { atOnce, settled };
  }

  async function zoomedIn(page: Page): Promise<void> {
    await openAtlas(page, `?data=${SEED_DATA}`);
    await page
      .getByRole('group', { name: 'Country' })
      .getByRole('checkbox', { name: /Estonia/ })
      .check();
    await mapIdle(page);
  }

  test('the map jumps where it is sent, without flying there', async ({ page }) => {
    await zoomedIn(page);
    for (const button of ['Fit to filtered', 'Reset view']) {
      const { atOnce, settled } = await cameraAfter(page, button);
      expect(atOnce, button).toEqual(settled);
    }
  });

  test('no transition or animation runs anywhere on the page', async ({ page }) => {
    await openAtlas(page, '?id=ee-kouts-conviction-2021');
    const moving = await page.evaluate(() =>
      [...document.querySelectorAll('*')].flatMap((element) => {
        const style = getComputedStyle(element);
        const longest = Math.max(
          ...`${style.transitionDuration},${style.animationDuration}`.split(',').map((value) => parseFloat(value) || 0),
        );
        return longest > 0 ? [`${element.localName}.${element.className}: ${longest}s`] : [];
      }),
    );
    expect(moving).toEqual([]);
  });

  test.describe('without the preference', () => {
    test.use({ reducedMotion: 'no-preference' });
    test('the same camera moves and switches do animate (what the checks above would catch)', async ({ page }) => {
      await zoomedIn(page);
      const { atOnce, settled } = await cameraAfter(page, 'Fit to filtered');
      expect(atOnce).not.toEqual(settled);
      const track = page.getByRole('switch', { name: /arcs/ }).locator('.track');
      expect(await track.evaluate((node) => parseFloat(getComputedStyle(node).transitionDuration))).toBeGreaterThan(0);
    });
  });
});

test.describe('forced colours', () => {
  test.use({ forcedColors: 'active' });

  /** The technique palette as RGB: its hues (a grey could be the edge of a black mark). */
  const PALETTE = Object.keys(TECHNIQUES)
    .map((technique) => {
      const hex = techniqueColour(technique);
      return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
    })
    .filter((rgb) => Math.max(...rgb) - Math.min(...rgb) > 40);

  async function systemColour(page: Page, keyword: string): Promise<[number, number, number]> {
    const rgb = await page.evaluate((colour) => {
      const probe = document.createElement('span');
      probe.style.color = colour;
      probe.style.forcedColorAdjust = 'none';
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    }, keyword);
    return rgb.match(/\d+/g)!.slice(0, 3).map(Number) as [number, number, number];
  }

  test('the timeline draws its marks in the system text colour, not the technique palette', async ({ page }) => {
    await openAtlas(page);
    const shot = await timeline(page).locator('canvas').screenshot();
    const paletteShare = PALETTE.reduce((sum, colour) => sum + colourShare(shot, colour, 10), 0);
    expect(paletteShare).toBeLessThan(0.0005);
    expect(colourShare(shot, await systemColour(page, 'CanvasText'), 10)).toBeGreaterThan(0.005);
  });

  test('the selected row, pressed toggles and the focus ring stay visible', async ({ page }) => {
    await openAtlas(page, `?data=${SEED_DATA}&id=ee-kouts-conviction-2021`);
    const backgrounds = await table(page)
      .locator('tbody tr[data-incident-id]')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.getAttribute('aria-current'),
          getComputedStyle((row as HTMLTableRowElement).cells[0]).backgroundColor,
        ]),
      );
    const selected = backgrounds.filter(([current]) => current === 'true').map(([, colour]) => colour);
    const others = new Set(backgrounds.filter(([current]) => current !== 'true').map(([, colour]) => colour));
    expect(selected).toHaveLength(1);
    expect(others.has(selected[0])).toBe(false);

    // The map keeps its colours, and so does its key: the choropleth's shades stay apart.
    const shades = await map(page)
      .locator('xpath=ancestor::section[1]')
      .locator('.swatch')
      .evaluateAll((swatches) => swatches.map((swatch) => getComputedStyle(swatch).backgroundColor));
    expect(new Set(shades).size).toBe(shades.length);
    expect(shades.length).toBeGreaterThan(1);

    const lanes = page.getByRole('group', { name: 'Group by' }).locator('label > span');
    const laneColours = await lanes.evaluateAll((spans) => spans.map((span) => getComputedStyle(span).backgroundColor));
    expect(new Set(laneColours).size).toBeGreaterThan(1);

    await timeline(page).focus();
    await page.keyboard.press('ArrowRight');
    const ring = await timeline(page).evaluate((node) => {
      const style = getComputedStyle(node);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), colour: style.outlineColor };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const highlight = await systemColour(page, 'Highlight');
    expect(ring.colour).toContain(highlight.join(', '));
  });
});
