import { expect, test } from '@playwright/test';
import { atlasRoot, expectCleanPage, notices, watchPage } from './helpers.ts';

// Each payload would set window.__pwned if anything ever ran it.
const PWN = 'window.__pwned=1';
const encode = encodeURIComponent;

/** Hostile or broken links: each must open the atlas, ready, with a notice, and run nothing. */
const HOSTILE: [string, string][] = [
  ['script tag in the search', `q=${encode(`<script>${PWN}</script>`)}`],
  ['image with onerror in a filter', `country=${encode(`<img src=x onerror="${PWN}">`)}`],
  ['svg onload as the selection', `id=${encode(`<svg/onload=${PWN}>`)}`],
  ['attribute breakout in an organisation', `org=${encode(`"><script>${PWN}</script>`)}`],
  ['markup in the column mapping', `cols=${encode('<b>date</b>:x')}`],
  ['javascript: as the theme', `theme=${encode(`javascript:${PWN}`)}`],
  ['javascript: as the data address', `data=${encode(`javascript:${PWN}`)}`],
  ['a data address with a line break', `data=${encode('fixtures/x.json\nhttps://evil.example/')}`],
  ['a data address that is far too long', `data=${'a'.repeat(3000)}.json`],
  // 10,000 characters: well past the limit, within what a server accepts in a request line.
  ['a 10,000-character search', `q=${'A'.repeat(10_000)}`],
  ['NaN camera', 'map=NaN/NaN/NaN'],
  ['overflowing camera', 'map=1e308/1e308/1e308'],
  ['zoom beyond the map', 'map=99/0/0'],
  ['latitude beyond the pole', 'map=3/-91/0'],
  ['four-part camera', 'map=3/0/0/0'],
  ['30 February', 'from=2021-02-30'],
  ['window running backwards', 'from=9999-12-31&to=0001-01-01'],
  ['negative year', 'from=-1000-01-01'],
  ['month 13', 'to=2021-13-01'],
  ['date with a time', 'from=2021-01-01T00:00:00Z'],
  ['prototype names as modes', 'lanes=__proto__&theme=constructor'],
  ['prototype names as filter values', 'country=__proto__,constructor,toString'],
  ['repeated keys', 'theme=dark&theme=light&map=4/50/10&map=5/1/1'],
  ['control characters in the selection', 'id=%00%01%02'],
  ['bidirectional override in the search', 'q=%E2%80%AEgnp.exe'],
  ['malformed percent-encoding', 'q=%ZZ%E0%A4%A&country=%'],
  ['200 filter values', `country=${Array.from({ length: 200 }, (_, i) => `C${i}`).join(',')}`],
  ['100 unknown parameters', Array.from({ length: 100 }, (_, i) => `p${i}=${i}`).join('&')],
  ['a selection that does not exist', 'id=no-such-incident'],
  ['an unknown format', 'format=exe'],
  ['a path as a technique', `technique=${encode('../../etc/passwd')}`],
];

for (const [name, query] of HOSTILE) {
  test(`a link with ${name} opens the atlas with a notice and runs nothing`, async ({ page }) => {
    const watch = await watchPage(page);
    page.on('dialog', (dialog) => {
      watch.pageErrors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(`?${query}`);
    await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
    await expect(notices(page).first()).toBeVisible();
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // The only scripts are our own; no payload became an element.
    expect(await page.locator('body script, body img, body svg:not([aria-hidden]) script').count()).toBe(0);
    expectCleanPage(watch);
  });
}

test('a selection the link parser refuses is reported once, and never echoed back', async ({ page }) => {
  const long = 'x'.repeat(300);
  await page.goto(`?id=${long}`);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await expect(notices(page)).toHaveText([/The link's "id" is too long \(over 200 characters\); it was ignored\./]);

  await page.goto(`?id=${encode('<b>bold</b>')}`);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await expect(notices(page)).toHaveText([/The link's "id" looks like markup; it was ignored\./]);
});
