import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { atlasRoot, expectCleanPage, openAtlas, parseSnippet, resultCount, SEED_DATA, watchPage } from './helpers.ts';

const SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Share / Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share or embed this view' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the Share / Embed dialog gives a link, an iframe and a web component for the current view, and each one opens that view', async ({
  page,
  context,
  baseURL,
}) => {
  const watch = await watchPage(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const view = `data=${SEED_DATA}&country=EE,FR&theme=dark`;
  await openAtlas(page, `?${view}`);
  const dialog = await openDialog(page);
  const origin = new URL(baseURL!).origin;

  const link = await dialog.getByLabel('Link to this view').inputValue();
  expect(link).toBe(`${origin}/?${view}`);

  const iframe = await parseSnippet(context, await dialog.getByLabel(/^Iframe/).inputValue());
  expect(iframe.map((element) => element.tag)).toEqual(['iframe', 'script']);
  expect(iframe[0].attributes).toMatchObject({
    src: `${origin}/embed.html?${view}`,
    title: 'Incident Atlas: Reported Chinese espionage and influence operations in Europe',
    sandbox: SANDBOX,
    'data-incident-atlas': '',
  });
  expect(iframe[1].attributes.src).toBe(`${origin}/embed-host.js`);

  const component = await parseSnippet(context, await dialog.getByLabel(/^Web component/).inputValue());
  expect(component.map((element) => element.tag)).toEqual(['script', 'incident-atlas']);
  expect(component[0].attributes).toEqual({ type: 'module', src: `${origin}/incident-atlas.js` });
  expect(component[1].attributes).toMatchObject({ data: `${origin}${SEED_DATA}`, country: 'EE,FR', theme: 'dark' });

  // Copy puts the snippet on the clipboard.
  await dialog.getByRole('button', { name: 'Copy' }).nth(1).click();
  await expect(dialog.getByText('Copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    await dialog.getByLabel(/^Iframe/).inputValue(),
  );

  // Escape closes it and gives focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Share / Embed' })).toBeFocused();

  // The iframe's address opens the same view.
  await page.goto(iframe[0].attributes.src);
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready');
  await expect(resultCount(page)).toContainText('3 incidents in view');
  await expect(atlasRoot(page)).toHaveAttribute('data-theme', 'dark');
  expectCleanPage(watch);
});

test('where the clipboard is refused, Copy selects the snippet for the reader to copy', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('Denied', 'NotAllowedError')) },
    });
  });
  await openAtlas(page);
  const dialog = await openDialog(page);
  await dialog.getByRole('button', { name: 'Copy' }).first().click();
  await expect(dialog.getByText('Selected: press Ctrl+C (⌘C on a Mac) to copy.')).toBeVisible();
  const field = dialog.getByLabel('Link to this view');
  await expect(field).toBeFocused();
  const selected = await field.evaluate((node: HTMLTextAreaElement) =>
    node.value.slice(node.selectionStart, node.selectionEnd),
  );
  expect(selected).toBe(await field.inputValue());
});

test('the dialog passes axe in both themes', async ({ page }) => {
  for (const theme of ['light', 'dark']) {
    await openAtlas(page, `?theme=${theme}`);
    await openDialog(page);
    const results = await new AxeBuilder({ page }).include('dialog').analyze();
    expect(results.violations, theme).toEqual([]);
  }
});

test('the theme switch changes the theme and says which is chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openAtlas(page);
  const theme = page.getByRole('group', { name: 'Theme' });
  await expect(theme.getByRole('radio', { name: 'Auto' })).toBeChecked();
  await expect(atlasRoot(page)).toHaveAttribute('data-theme', 'dark');
  await theme.getByText('Light').click();
  await expect(atlasRoot(page)).toHaveAttribute('data-theme', 'light');
  await expect(page).toHaveURL(/\?theme=light$/);
  await theme.getByRole('radio', { name: 'Auto' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(theme.getByRole('radio', { name: 'Light' })).toBeChecked();
});
