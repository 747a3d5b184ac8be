/** Accessibility checks shared by the a11y journeys: axe over the whole page, and visible focus. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Ticks Germany among the countries and Human intelligence among the techniques. */
export async function filterByCountryAndTechnique(page: Page): Promise<void> {
  await page
    .getByRole('group', { name: 'Country' })
    .getByRole('checkbox', { name: /Germany/ })
    .check();
  await page
    .getByRole('group', { name: 'Technique' })
    .getByRole('checkbox', { name: /Human intelligence/ })
    .check();
}

/** WCAG 2.2 level AA, as axe-core tags it. */
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the whole page (frames and open shadow roots included), one line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
  );
}

export interface FocusReport {
  /** Tag, name and a bit of text, for failure messages. */
  element: string;
  /** Where the ring was found: the element itself or the label drawn for a visually hidden input. */
  ringOn: 'element' | 'label' | 'none';
  outlinePx: number;
  inViewport: boolean;
  /** Whether something else covers the element's centre (a sticky header, a popup). */
  obscured: boolean;
}

/**
 * Describes the keyboard focus: whether it draws a ring (an outline or a box shadow at least 2 px
 * wide), and whether the element is in the viewport and not covered. Inputs styled as segmented
 * buttons (an invisible radio with its label drawn) carry the ring on the label that follows them.
 */
export async function focusReport(page: Page): Promise<FocusReport | null> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return null;
    const ring = (element: Element) => {
      const style = getComputedStyle(element);
      const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
      const shadow =
        style.boxShadow === 'none'
          ? 0
          : Math.max(...[...style.boxShadow.matchAll(/(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1])));
      return Math.max(outline, shadow);
    };
    // An invisible input's own outline would not show: what counts is the label drawn for it.
    const proxy = active.nextElementSibling ?? active.parentElement;
    const invisible = active instanceof HTMLInputElement && getComputedStyle(active).opacity === '0' && proxy;
    const outlinePx = ring(invisible ? proxy : active);
    const ringOn = outlinePx < 2 ? 'none' : invisible ? 'label' : 'element';
    const rect = active.getBoundingClientRect();
    const inViewport = rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
    const x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(rect.top + rect.height / 2, 0), innerHeight - 1);
    const root = active.getRootNode() as Document | ShadowRoot;
    const hit = root.elementFromPoint(x, y);
    const obscured = !(
      hit &&
      (active.contains(hit) || hit.contains(active) || (ringOn === 'label' && proxy?.contains(hit)))
    );
    const name =
      active.getAttribute('aria-label') ||
      (active as HTMLInputElement).labels?.[0]?.textContent?.trim() ||
      active.textContent?.trim().slice(0, 40) ||
      '';
    const covering = obscured && hit ? ` (under ${hit.localName}.${hit.className})` : '';
    return { element: `${active.localName} "${name}"${covering}`, ringOn, outlinePx, inViewport, obscured };
  });
}

/** Fails unless the focused element shows a ring of ≥ 2 px, in the viewport, not covered. */
export async function expectVisibleFocus(page: Page): Promise<FocusReport> {
  const report = await focusReport(page);
  expect(report, 'something has keyboard focus').not.toBeNull();
  const where = report!.element;
  expect(report!.outlinePx, `focus ring of ${where}`).toBeGreaterThanOrEqual(2);
  expect(report!.inViewport, `${where} is in the viewport`).toBe(true);
  expect(report!.obscured, `${where} is not covered`).toBe(false);
  return report!;
}

/**
 * Presses Tab (or Shift+Tab) until `reached()` holds, checking visible focus at every stop on the way.
 * Fails after `max` presses.
 */
export async function tabUntil(
  page: Page,
  reached: () => Promise<boolean>,
  { backwards = false, max = 120 }: { backwards?: boolean; max?: number } = {},
): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    await expectVisibleFocus(page);
    if (await reached()) return presses;
  }
  throw new Error(`not reached after ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}
