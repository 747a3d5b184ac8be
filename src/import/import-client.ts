/**
 * The page's side of an import: starts the parse worker, or — where no worker can start (a host
 * page whose CSP forbids it) — runs the same job on the main thread, and hands events to `onevent`.
 */
import type { ImportJob } from './import-job.ts';
import type { ImportEvent, ImportRequest } from './protocol.ts';

export class ImportClient {
  #worker: Worker | null = null;
  /** The job on the main thread, loaded only when needed (it brings the parsers with it). */
  #local: Promise<ImportJob> | null = null;
  #closed = false;
  /** Whether the worker has answered; a worker that fails before that never started. */
  #heard = false;
  #sent: ImportRequest[] = [];
  #deliver: (event: ImportEvent) => void;

  constructor(onevent: (event: ImportEvent) => void) {
    this.#deliver = (event) => {
      if (!this.#closed) onevent(event);
    };
    try {
      const worker = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module', name: 'parse' });
      worker.addEventListener('message', (message: MessageEvent<ImportEvent>) => {
        this.#heard = true;
        this.#deliver(message.data);
      });
      worker.addEventListener('error', (event) => {
        event.preventDefault();
        if (this.#heard) {
          this.#deliver({
            type: 'failed',
            message: `The file could not be read: the parser stopped (${event.message || 'no reason given'}).`,
          });
        } else {
          this.#runLocally();
        }
      });
      this.#worker = worker;
    } catch {
      this.#runLocally();
    }
  }

  #runLocally(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#local = import('./import-job.ts').then(({ ImportJob }) => new ImportJob(this.#deliver));
    for (const request of this.#sent) this.#runLocal(request);
  }

  #runLocal(request: ImportRequest): void {
    // The import resolves after a task, so the page paints its progress bar before getting busy.
    void this.#local?.then((job) => {
      if (this.#closed) return;
      if (request.type === 'read') void job.read(request);
      else job.apply(request.choice);
    });
  }

  send(request: ImportRequest): void {
    this.#sent.push(request);
    if (this.#worker) this.#worker.postMessage(request);
    else this.#runLocal(request);
  }

  /** Stops the import: no event is delivered after this. */
  close(): void {
    this.#closed = true;
    this.#worker?.terminate();
    this.#worker = null;
    this.#local = null;
  }
}
