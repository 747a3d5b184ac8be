import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDataset, type CheckedBatch } from '../lib/parse-incidents.ts';
import { nextTask } from '../lib/next-task.ts';
import { fetchDataset, readResponse, type Downloaded } from './download.ts';
import type { ImportEvent } from './protocol.ts';

const records = (count: number, from = 0) =>
  Array.from({ length: count }, (_, i) => ({ id: `r${from + i}`, title: `Record ${from + i}`, date: '2021-03-02' }));

/** A response whose body arrives when the test says so. */
function slowResponse(contentType: string) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  return {
    response: new Response(body, { headers: { 'content-type': contentType } }),
    send: (bytes: Uint8Array) => controller.enqueue(bytes),
    close: () => controller.close(),
  };
}

function download(response: Response, name: string) {
  const events: ImportEvent[] = [];
  const batches: CheckedBatch[] = [];
  const result = readResponse(response, {
    emit: (event) => events.push(event),
    name,
    onBatch: (batch) => {
      batches.push(batch);
      events.push({ type: 'batch', json: '', search: '' });
    },
  });
  return { events, batches, result };
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 1000 && !condition(); i++) await nextTask();
  expect(condition()).toBe(true);
}

describe('readResponse', () => {
  it('sends checked records of our JSON while the rest is still downloading', async () => {
    const text = JSON.stringify({ dataset: { title: 'Big' }, incidents: records(5000) });
    const bytes = new TextEncoder().encode(text);
    const body = slowResponse('application/json');
    const { events, batches, result } = download(body.response, 'big.json');
    body.send(bytes.subarray(0, bytes.length / 2));
    await until(() => batches.length > 0);
    expect(events.some((event) => event.type === 'fetched')).toBe(false);
    body.send(bytes.subarray(bytes.length / 2));
    body.close();
    const downloaded = await result;
    const whole: CheckedBatch[] = [];
    const expected = parseDataset(JSON.parse(text), 'open', { onBatch: (batch) => whole.push(batch) });
    expect(downloaded).toEqual({ dataset: expected });
    expect(batches).toEqual(whole);
    expect(events.filter((event) => event.type === 'fetched')).toHaveLength(1);
  });

  it('voids what it sent and reads the file whole when it turns out not to be UTF-8', async () => {
    const head = JSON.stringify({ incidents: [...records(3000), { id: 'x', title: 'Caf', date: '2021' }] });
    const cut = head.indexOf('"Caf"') + 4;
    // "Café" in Windows-1252: the byte 0xE9 is not UTF-8.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(head.slice(0, cut)),
      0xe9,
      ...new TextEncoder().encode(head.slice(cut)),
    ]);
    const body = slowResponse('application/json');
    const { events, result } = download(body.response, 'old.json');
    body.send(bytes.subarray(0, cut - 1000));
    await until(() => events.some((event) => event.type === 'batch'));
    body.send(bytes.subarray(cut - 1000));
    body.close();
    const downloaded = (await result) as Exclude<Downloaded, { dataset: unknown }>;
    expect(events.filter((event) => event.type === 'discard')).toHaveLength(1);
    expect(downloaded.text).toContain('"Café"');
    expect(downloaded.notice).toMatch(/Windows-1252/);
  });

  it('reads a CSV whole, once it has arrived', async () => {
    const body = slowResponse('text/csv');
    const { events, result } = download(body.response, 'rows.csv');
    body.send(new TextEncoder().encode('date,title\n2021-03-02,A\n'));
    body.close();
    expect(await result).toEqual({ text: 'date,title\n2021-03-02,A\n', contentType: 'text/csv' });
    expect(events.map((event) => event.type)).toEqual(['progress', 'fetched']);
  });

  describe('fetchDataset', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('says when the file was asked for and when it had all arrived, for the page to mark', async () => {
      const body = slowResponse('text/csv');
      vi.stubGlobal('fetch', async () => body.response);
      const events: ImportEvent[] = [];
      const before = performance.timeOrigin + performance.now();
      const result = fetchDataset('https://example.org/rows.csv', {
        emit: (event) => events.push(event),
        name: 'rows.csv',
        onBatch: () => {},
      });
      await nextTask();
      body.send(new TextEncoder().encode('date,title\n2021-03-02,A\n'));
      body.close();
      await result;
      const fetched = events.find((event) => event.type === 'fetched') as
        Extract<ImportEvent, { type: 'fetched' }> | undefined;
      expect(fetched?.requestedAt).toBeGreaterThanOrEqual(before);
      expect(fetched?.at).toBeGreaterThanOrEqual(fetched!.requestedAt!);
    });
  });
});
