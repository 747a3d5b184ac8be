/** Dropping files, catching downloads and recording progress, for the import and export journeys. */
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { atlasRoot } from './helpers.ts';

/**
 * Drops a file on the page as a user's drag from the desktop would: a real DataTransfer holding a
 * File, through dragenter, dragover and drop on the timeline.
 */
export async function dropFile(page: Page, name: string, text: string, type = ''): Promise<void> {
  await page.getByTestId('timeline').evaluate(
    (target, file) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([file.text], file.name, { type: file.type }));
      for (const kind of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    { name, text, type },
  );
}

/** Clicks something that saves a file; returns its suggested name and its text. */
export async function downloadOf(page: Page, trigger: Locator): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

export async function exportAs(page: Page, label: RegExp): Promise<{ name: string; text: string }> {
  await page.getByText('Export', { exact: true }).click();
  return downloadOf(page, page.getByRole('button', { name: label }));
}

/** Saves the PNG snapshot; returns its name and its decoded image. */
export async function exportPng(page: Page): Promise<{ name: string; png: Buffer; image: PNG }> {
  await page.getByText('Export', { exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^PNG/ }).click(),
  ]);
  const png = await readFile(await download.path());
  return { name: download.suggestedFilename(), png, image: PNG.sync.read(png) };
}

export async function expectReady(page: Page, timeout?: number): Promise<void> {
  await expect(atlasRoot(page)).toHaveAttribute('data-status', 'ready', timeout ? { timeout } : undefined);
}

/** Records every value the progress bar shows and the main thread's long tasks, from the first paint. */
export async function recordProgress(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const record = { values: [] as number[], longTasks: [] as number[] };
    (window as unknown as { __importRecord: typeof record }).__importRecord = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) record.longTasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
    new MutationObserver(() => {
      const value = document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow');
      if (value != null && Number(value) !== record.values.at(-1)) record.values.push(Number(value));
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

export async function recordedProgress(page: Page): Promise<{ values: number[]; longTasks: number[] }> {
  return page.evaluate(
    () => (window as unknown as { __importRecord: { values: number[]; longTasks: number[] } }).__importRecord,
  );
}
