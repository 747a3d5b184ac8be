// Thirty seeded random and malformed addresses in the browser (the unit fuzz in
// src/lib/url-state.test.ts runs thousands): each page load reaches `ready` with a notice for what
// it ignored, or `error` with a sentence — never an uncaught exception or a blank page.
import { expect, test } from '@playwright/test';
import { parseUrlState } from '../src/lib/url-state.ts';
import { randomQuery, seededRandom } from '../src/lib/test/url-fuzz.ts';
import { atlasRoot, notices, watchPage } from './helpers.ts';

const rand = seededRandom(9);
const QUERIES = Array.from({ length: 30 }, () => randomQuery(rand));

for (let batch = 0; batch < 3; batch++) {
  test(`random addresses ${batch * 10 + 1}–${batch * 10 + 10} open ready with notices or fail in words, with no uncaught exception`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const watch = await watchPage(page);
    for (const query of QUERIES.slice(batch * 10, batch * 10 + 10)) {
      await page.goto(`?${query}`);
      const root = atlasRoot(page);
      await expect(root, query).toHaveAttribute('data-status', /^(ready|error)$/);
      if ((await root.getAttribute('data-status')) === 'error') {
        // Only a dataset address can fail the load, and the page says why.
        expect(new URLSearchParams(query).has('data'), query).toBe(true);
        await expect(page.getByRole('alert'), query).toContainText(
          /could not|not valid|empty|not a|header but no rows|server answered/,
        );
      } else if (parseUrlState(query).errors.length > 0) {
        await expect(notices(page).first(), query).toBeVisible();
      }
      expect(watch.pageErrors, query).toEqual([]);
      expect(watch.cspViolations, query).toEqual([]);
      expect(watch.foreignRequests, query).toEqual([]);
    }
  });
}
