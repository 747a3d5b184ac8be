import { describe, expect, it } from 'vitest';
import { BATCH_SIZE, ImportJob, onePerPercent } from './import-job.ts';
import { decodeIncidents, overallPercent, type ImportEvent } from './protocol.ts';

/** Runs a job on the calling thread, as the page does where no worker can start. */
async function run(text: BlobPart, name: string, answer?: (events: ImportEvent[], job: ImportJob) => void) {
  const events: ImportEvent[] = [];
  const job = new ImportJob((event) => events.push(event));
  await job.read({ type: 'read', source: { kind: 'file', file: new File([text], name) }, name });
  answer?.(events, job);
  return events;
}

const rows = (count: number) =>
  [
    'date,title',
    ...Array.from({ length: count }, (_, i) => `2021-01-${String((i % 28) + 1).padStart(2, '0')},R${i}`),
  ].join('\n');

describe('ImportJob', () => {
  it('sends the incidents in batches, then the problems, with progress that only rises', async () => {
    const events = await run(rows(BATCH_SIZE * 2 + 1), 'x.csv');
    const batches = events.filter((event) => event.type === 'batch');
    expect(batches.map((batch) => decodeIncidents(batch).length)).toEqual([BATCH_SIZE, BATCH_SIZE, 1]);
    expect(events.at(-1)).toMatchObject({ type: 'done', problems: [], choice: { mapping: { date: 'date' } } });
    const phases = events.flatMap((event) => (event.type === 'progress' ? [event.phase] : []));
    expect([...new Set(phases)]).toEqual(['parsing', 'checking', 'transferring']);
  });

  it('asks for a column choice when it must, and reads the rows once it has one', async () => {
    const events = await run('when,what\n03/02/2021,A\n', 'x.csv', (events, job) => {
      expect(events.at(-1)).toMatchObject({ type: 'choose', inspection: { needsChoice: true } });
      job.apply({ mapping: { date: 'when', title: 'what' }, order: 'month-first' });
    });
    const batch = events.find((event) => event.type === 'batch');
    expect(batch?.type === 'batch' && decodeIncidents(batch)[0].date).toBe('2021-03-02');
  });

  it('fails with the parser’s sentence', async () => {
    expect(await run('{"incidents": [', 'x.json')).toEqual([
      { type: 'progress', phase: 'parsing', share: 0 },
      { type: 'failed', message: expect.stringContaining('The file is not valid JSON') },
    ]);
  });

  it('reads a UTF-16 file by its byte order mark and a Windows-1252 one with a notice', async () => {
    const csv = 'date,title\n2021-03-02,Tarmo Kõuts in Café\n';
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(csv, 'utf16le')]);
    const latin1 = new Uint8Array(Buffer.from(csv, 'latin1'));
    for (const [bytes, notices] of [
      [utf16, []],
      [latin1, [expect.stringContaining('read as Windows-1252')]],
    ] as const) {
      const events = await run(bytes, 'x.csv');
      const batch = events.find((event) => event.type === 'batch');
      expect(batch?.type === 'batch' && decodeIncidents(batch)[0].title).toBe('Tarmo Kõuts in Café');
      expect(events.at(-1)).toMatchObject({ type: 'done', notices });
    }
  });

  it('refuses a picture named .csv in words', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await run(png, 'x.csv')).at(-1)).toEqual({
      type: 'failed',
      message: 'This is not a text file: it looks like a PNG image.',
    });
  });
});

describe('onePerPercent', () => {
  it('passes progress on only when the bar moves, and every other event', () => {
    const passed: ImportEvent[] = [];
    const emit = onePerPercent((event) => passed.push(event));
    for (let received = 0; received <= 1000; received++) {
      emit({ type: 'progress', phase: 'downloading', share: received / 1000 });
    }
    emit({ type: 'fetched', at: 1 });
    emit({ type: 'fetched', at: 2 });
    emit({ type: 'progress', phase: 'checking', share: 0 });
    const bars = passed.flatMap((event) =>
      event.type === 'progress' ? [overallPercent(event.phase, event.share)] : [],
    );
    expect(bars).toEqual([...Array.from({ length: 26 }, (_, i) => i), 55]);
    expect(passed.filter((event) => event.type === 'fetched')).toHaveLength(2);
  });
});
