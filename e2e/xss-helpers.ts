/**
 * Watching for hostile input that ran or became markup: a sentinel every payload of the corpus
 * would call, dialogs, CSP violations, and a scan of what the atlas rendered (in documents, frames
 * and shadow roots) for elements and attributes no text could have produced.
 */
import { expect, type Frame, type Page } from '@playwright/test';
import { expectCleanPage, watchPage, type PageWatch } from './helpers.ts';
import type { ShownText } from './fixtures/xss/payloads.ts';

export interface XssWatch extends PageWatch {
  dialogs: string[];
  /** Every request the page made, workers and frames included (their addresses). */
  requests: string[];
}

/** `watchPage`, plus a `__xss` sentinel in every frame, a dialog trap and a request log. */
export async function watchForXss(page: Page): Promise<XssWatch> {
  const watch: XssWatch = { ...(await watchPage(page)), dialogs: [], requests: [] };
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => watch.requests.push(request.url()));
  await page.addInitScript(() => {
    const target = window as unknown as { __xss: () => void; __xssCalls: number };
    target.__xssCalls = 0;
    target.__xss = () => void target.__xssCalls++;
  });
  return watch;
}

/** Whatever in one document or shadow root only markup (not text) could have made. */
function scanForMarkup(): string[] {
  const found: string[] = [];
  const DANGEROUS_URL = /^\s*(javascript|vbscript|data:text\/html|data:image\/svg)/i;
  const FORBIDDEN = new Set(['iframe', 'object', 'embed', 'base', 'math', 'marquee', 'noscript', 'foreignobject']);
  const URL_ATTRIBUTES = /^(href|xlink:href|src|action|formaction|data|poster|background)$/i;
  // Attributes that may carry a record's text; anything else holding a payload's code is injected.
  const TEXT_ATTRIBUTES = /^(data-|aria-|title$|value$|alt$|placeholder$|label$)/i;
  const roots: (Document | ShadowRoot)[] = [document];
  for (let r = 0; r < roots.length; r++) {
    for (const element of roots[r].querySelectorAll('*')) {
      const tag = element.localName.toLowerCase();
      const where = `${tag}${element.id ? `#${element.id}` : ''}`;
      if (element.shadowRoot) roots.push(element.shadowRoot);
      // The page around the atlas has its own <noscript> and a host page its own frames.
      const inAtlas = r > 0 || element.closest('[data-status]') !== null;
      if ((FORBIDDEN.has(tag) && inAtlas) || tag === 'base') found.push(`<${tag}> element`);
      if (tag === 'script' && !(element as HTMLScriptElement).src) found.push('inline <script>');
      if (tag === 'script' && element.closest('svg')) found.push('<script> in svg');
      if (tag === 'style' && /evil|__xss|javascript:/i.test(element.textContent ?? '')) found.push('injected <style>');
      if (tag === 'meta' && element.getAttribute('http-equiv')) found.push('<meta http-equiv>');
      if (tag === 'img' && element.getAttribute('src') === 'x') found.push('<img src=x>');
      if (tag === 'link' && /evil/.test(element.getAttribute('href') ?? '')) found.push('injected <link>');
      if (tag === 'a' && element.hasAttribute('href')) {
        const protocol = (element as HTMLAnchorElement).protocol;
        if (!['http:', 'https:', 'blob:'].includes(protocol)) found.push(`${where} href with ${protocol}`);
      }
      // The host page's own <incident-atlas> attributes are the test's input, not the atlas's output.
      if (tag === 'incident-atlas') continue;
      for (const attribute of element.attributes) {
        const { name, value } = attribute;
        if (/^on/i.test(name)) found.push(`${where}[${name}]`);
        if (name === 'srcdoc') found.push(`${where}[srcdoc]`);
        if (URL_ATTRIBUTES.test(name) && DANGEROUS_URL.test(value))
          found.push(`${where}[${name}=${value.slice(0, 40)}]`);
        // (An http(s) address may carry a payload in its query: "Open the full atlas" keeps the view,
        // a host's iframe gives it.)
        const encodedInLink = (name === 'href' || name === 'src') && /^https?:/i.test(value);
        if (!TEXT_ATTRIBUTES.test(name) && !encodedInLink && /__xss|evil\.example|expression\(/i.test(value))
          found.push(`${where}[${name}] holds a payload`);
      }
    }
  }
  return found;
}

/** Fails if any frame ran a payload or holds markup made from one; then the usual clean-page checks. */
export async function expectNothingRan(page: Page, watch: XssWatch): Promise<void> {
  for (const frame of page.frames()) {
    if (!frame.url().startsWith('http')) continue;
    expect(
      await frame.evaluate(() => (window as unknown as { __xssCalls?: number }).__xssCalls ?? 0),
      'sentinel calls',
    ).toBe(0);
    expect(await frame.evaluate(scanForMarkup), `markup made from data in ${frame.url()}`).toEqual([]);
  }
  expect(watch.dialogs, 'dialogs').toEqual([]);
  expectCleanPage(watch);
}

/** The texts each record must show, fetched by the page itself (so no string crosses the test protocol). */
export const shownUrl = (format: 'json' | 'csv' | 'geojson', origin = '') =>
  `${origin}/fixtures/generated/xss/shown-${format}.json`;

/**
 * Compares the table's rendered rows with what their records hold; returns the mismatches and how
 * many rows were compared. `scope` is an atlas root or the document.
 */
export async function tableMismatches(
  frame: Page | Frame,
  format: 'json' | 'csv' | 'geojson',
  rootSelector = 'body',
  /** The atlas's origin, where a host page of another origin must fetch the expectations. */
  origin = '',
): Promise<{ compared: number; mismatches: string[] }> {
  return frame.evaluate(
    async ([url, selector]) => {
      const shown = (await (await fetch(url)).json()) as Record<string, ShownText>;
      const host = document.querySelector(selector)!;
      const root = (host.shadowRoot ?? host) as ParentNode;
      const mismatches: string[] = [];
      let compared = 0;
      for (const row of root.querySelectorAll('[data-testid="incident-table"] tbody tr[data-incident-id]')) {
        const id = row.getAttribute('data-incident-id')!;
        const title = row.querySelector('td.title button')?.textContent?.trim();
        const status = row.querySelector('td:last-child')?.textContent?.trim();
        compared++;
        if (title !== shown[id]?.title) mismatches.push(`${id} title: ${JSON.stringify(title?.slice(0, 80))}`);
        if (status !== shown[id]?.status) mismatches.push(`${id} status: ${JSON.stringify(status?.slice(0, 80))}`);
      }
      return { compared, mismatches };
    },
    [shownUrl(format, origin), rootSelector] as const,
  );
}

/** Compares the open detail panel with what record `id` holds; returns the mismatches. */
export async function detailMismatches(
  frame: Page | Frame,
  format: 'json' | 'csv' | 'geojson',
  id: string,
  rootSelector = 'body',
): Promise<string[]> {
  return frame.evaluate(
    async ([url, recordId, selector]) => {
      const expected = ((await (await fetch(url)).json()) as Record<string, ShownText>)[recordId];
      const host = document.querySelector(selector)!;
      const root = (host.shadowRoot ?? host) as ParentNode;
      const panel = root.querySelector('[data-testid="incident-details"]');
      if (!panel) return ['no detail panel'];
      const texts = (selector: string) => [...panel.querySelectorAll(selector)].map((node) => node.textContent ?? '');
      const mismatches: string[] = [];
      const check = (what: string, ok: boolean) => ok || mismatches.push(`${recordId} ${what}`);
      check('title', panel.querySelector('h2')?.textContent === expected.title);
      check('summary', panel.querySelector('.summary')?.textContent === expected.summary);
      check(
        'place',
        texts('dd li').some((text) => text.trim().startsWith(expected.place)),
      );
      check('status', panel.querySelector('.pill')?.textContent === expected.status);
      if (expected.technique)
        check(
          'technique',
          texts('dd li').some((text) => text.trim() === expected.technique),
        );
      if (expected.org) check('organisation', texts('dd').includes(expected.org));
      if (expected.publisher) check('publisher', panel.querySelector('.publisher')?.textContent === expected.publisher);
      if (expected.sourceTitle)
        check(
          'source title',
          texts('.sources li a, .sources li > span:not(.publisher):not(.date)').includes(expected.sourceTitle),
        );
      if (expected.notes) check('notes column', texts('dd').includes(expected.notes));
      // Every link from the record: http(s) only, in a new tab that cannot reach back.
      for (const link of panel.querySelectorAll<HTMLAnchorElement>('.sources a')) {
        check(`link ${link.href} protocol`, ['http:', 'https:'].includes(link.protocol));
        check('link rel', link.rel === 'noopener noreferrer');
        check('link target', link.target === '_blank');
      }
      if (expected.refusedUrl) check('refused address has no link', panel.querySelectorAll('.sources a').length === 0);
      else check('source link', panel.querySelectorAll('.sources a').length === 1);
      return mismatches;
    },
    [shownUrl(format), id, rootSelector] as const,
  );
}
