/**
 * The parse worker: our own Vite worker module (same origin, emitted as `.js`), so papaparse runs
 * off the main thread without its built-in `blob:` worker, which a strict CSP forbids.
 */
import { ImportJob } from './import-job.ts';
import type { ImportEvent, ImportRequest } from './protocol.ts';

const job = new ImportJob((event: ImportEvent) => self.postMessage(event));

self.addEventListener('message', (message: MessageEvent<ImportRequest>) => {
  const request = message.data;
  if (request.type === 'read') void job.read(request);
  else job.apply(request.choice);
});
