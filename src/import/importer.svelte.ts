/**
 * Bringing your own data into an atlas: a dropped or picked file, or a `?data=` address. Holds what
 * the import UI shows — progress, the column-mapping question, the "load from another site?"
 * question and where the shown data came from — and drives the atlas's loading states.
 */
import { getContext, hasContext, setContext } from 'svelte';
import type { ColumnChoice } from '../lib/column-mapping.ts';
import { EMPTY_FILTERS } from '../lib/filter.ts';
import { DatasetIndexBuilder } from '../lib/dataset-index.ts';
import { nextTask } from '../lib/next-task.ts';
import { viewPreparation } from '../lib/prepare-views.ts';
import type { ImportFormat } from '../lib/import-params.ts';
import type { TableInspection } from '../lib/import-table.ts';
import type { LoadedIncident } from '../lib/parse-incidents.ts';
import type { AtlasState } from '../state/atlas-state.svelte.ts';
import { ImportClient } from './import-client.ts';
import {
  decodeIncidents,
  overallPercent,
  PHASE_LABELS,
  type ImportEvent,
  type ImportPhase,
  type ImportSource,
} from './protocol.ts';

export interface ImportProgress {
  phase: ImportPhase;
  label: string;
  /** 0–100. */
  percent: number;
}

/** Progress in a phase: its label and where it sits on the one bar. */
function progressOf(phase: ImportPhase, share: number | null): ImportProgress {
  return { phase, label: PHASE_LABELS[phase], percent: overallPercent(phase, share) };
}

/** Where the dataset on screen came from, when it is not the curated one. */
export interface DataOrigin {
  kind: 'file' | 'address' | 'other-site';
  /** File name or address. */
  name: string;
  /** The other site's host, for `other-site`. */
  host?: string;
}

export interface ImporterOptions {
  /** Called when the user chose columns for an address, so the page can put `cols` in its URL. */
  onchoice?: (choice: ColumnChoice) => void;
}

interface Pending {
  client: ImportClient;
  incidents: LoadedIncident[];
  /** Their index, built batch by batch while the worker reads on. */
  index: DatasetIndexBuilder;
  /** The dataset shown before, kept if this import is given up. */
  hadDataset: boolean;
  origin: DataOrigin;
  settle: (loaded: boolean) => void;
  /** The choice came from the user (not the file or the address). */
  chosenByUser: boolean;
  /** A new reading of the shown table: giving it up keeps the table ready to remap. */
  remap: boolean;
}

export class Importer {
  progress = $state.raw<ImportProgress | null>(null);
  /** A table whose columns the user must map, and its file's name; the mapping dialog is open while set. */
  question = $state.raw<{ inspection: TableInspection; name: string } | null>(null);
  /** Another site's host, while the user is asked whether to load data from it. */
  hostQuestion = $state<string | null>(null);
  origin = $state.raw<DataOrigin | null>(null);
  /** The name of the file or address shown, whatever its origin (for the problem report). */
  shownName = $state<string | null>(null);
  /** The table behind the shown dataset and the choice it was read with, so it can be remapped. */
  mapped = $state.raw<TableInspection | null>(null);

  #atlas: AtlasState;
  #options: ImporterOptions;
  #pending: Pending | null = null;
  /** The client of the shown dataset, kept for remapping. */
  #shown: ImportClient | null = null;
  #answerHost: ((load: boolean) => void) | null = null;

  constructor(atlas: AtlasState, options: ImporterOptions = {}) {
    this.#atlas = atlas;
    this.#options = options;
  }

  /** Reads a file the user dropped or picked. Resolves to whether it was loaded. */
  loadFile(file: File): Promise<boolean> {
    return this.#start({ kind: 'file', file }, file.name, { kind: 'file', name: file.name });
  }

  /** Loads a dataset address (already vetted: same origin, or another site the user agreed to). */
  loadAddress(
    url: string,
    options: { format?: ImportFormat; choice?: ColumnChoice; otherSite?: boolean } = {},
  ): Promise<boolean> {
    const host = new URL(url).host;
    const origin: DataOrigin = options.otherSite
      ? { kind: 'other-site', name: url, host }
      : { kind: 'address', name: url };
    return this.#start({ kind: 'url', url }, url, origin, options.format, options.choice);
  }

  /** Asks the user whether to load data from another site. */
  askHost(host: string): Promise<boolean> {
    this.#answerHost?.(false);
    this.hostQuestion = host;
    return new Promise((resolve) => (this.#answerHost = resolve));
  }

  answerHost(load: boolean): void {
    this.hostQuestion = null;
    this.#answerHost?.(load);
    this.#answerHost = null;
  }

  /** The mapping dialog's answer; null gives the import up. */
  choose(choice: ColumnChoice | null): void {
    this.question = null;
    const pending = this.#pending;
    if (!pending) return;
    if (choice === null) {
      this.#finish(pending, false, !pending.remap);
      if (pending.remap) this.#shown = pending.client;
      if (pending.hadDataset) this.#atlas.cancelLoad();
      else this.#atlas.failLoad('No columns were chosen, so the file was not read.');
      return;
    }
    pending.chosenByUser = true;
    this.progress = progressOf('checking', 0);
    pending.client.send({ type: 'apply', choice });
  }

  /** Opens the mapping dialog again for the shown table. */
  remap(): void {
    if (!this.mapped || !this.#shown || this.#pending) return;
    const client = this.#shown;
    this.#shown = null;
    this.#atlas.beginLoad();
    this.#pending = { ...this.#track(client, this.origin ?? { kind: 'file', name: '' }, true), remap: true };
    this.question = { inspection: this.mapped, name: this.#pending.origin.name };
  }

  #start(
    source: ImportSource,
    name: string,
    origin: DataOrigin,
    format?: ImportFormat,
    choice?: ColumnChoice,
  ): Promise<boolean> {
    if (this.#pending) this.#finish(this.#pending, false);
    this.#shown?.close();
    this.#shown = null;
    this.question = null;
    const hadDataset = this.#atlas.dataset !== null && this.#atlas.loadError === null;
    this.#atlas.beginLoad();
    this.progress = progressOf(source.kind === 'url' ? 'downloading' : 'parsing', 0);
    let client: ImportClient | null = null;
    const promise = new Promise<boolean>((settle) => {
      client = new ImportClient((event) => this.#onevent(event));
      this.#pending = { ...this.#track(client, origin, hadDataset), settle };
    });
    client!.send({ type: 'read', source, name, format, choice });
    return promise;
  }

  #track(client: ImportClient, origin: DataOrigin, hadDataset: boolean): Pending {
    return {
      client,
      incidents: [],
      index: new DatasetIndexBuilder(),
      hadDataset,
      origin,
      settle: () => {},
      chosenByUser: false,
      remap: false,
    };
  }

  #onevent(event: ImportEvent): void {
    const pending = this.#pending;
    if (!pending) return;
    switch (event.type) {
      case 'fetched':
        // On the page's clock, for profiles and the benchmark ("ready after the file arrived").
        performance.mark('atlas:data-fetched', { startTime: Math.max(0, event.at - performance.timeOrigin) });
        if (event.requestedAt !== undefined)
          performance.mark('atlas:data-requested', {
            startTime: Math.max(0, event.requestedAt - performance.timeOrigin),
          });
        break;
      case 'progress':
        this.progress = progressOf(event.phase, event.share);
        break;
      case 'choose':
        this.progress = null;
        this.question = { inspection: event.inspection, name: pending.origin.name };
        break;
      case 'batch': {
        const incidents = decodeIncidents(event);
        for (const incident of incidents) pending.incidents.push(incident);
        pending.index.add(incidents);
        break;
      }
      case 'discard':
        pending.incidents = [];
        pending.index = new DatasetIndexBuilder();
        break;
      case 'done':
        void this.#present(pending, event);
        break;
      case 'failed':
        this.#finish(pending, false);
        if (pending.hadDataset) {
          this.#atlas.cancelLoad();
          this.#atlas.addNotice(`${pending.origin.name} could not be loaded. ${event.message}`);
        } else {
          this.#atlas.failLoad(event.message);
        }
        break;
    }
  }

  /**
   * Shows a finished import. Its indexes are built first, in tasks of about a frame's length, so a
   * 100,000-row file does not stall the page for their sum (the progress bar says "Preparing the
   * views"), while a small one is not sent behind the map's frames between its quick steps.
   */
  async #present(pending: Pending, event: Extract<ImportEvent, { type: 'done' }>): Promise<void> {
    if (pending.index.count === pending.incidents.length) pending.index.finish(pending.incidents);
    const steps = viewPreparation(pending.incidents);
    let taskStart = performance.now();
    for (const [i, step] of steps.entries()) {
      if (performance.now() - taskStart > PREPARATION_TASK_MS) {
        this.progress = progressOf('transferring', i / steps.length);
        await nextTask();
        if (this.#pending !== pending) return;
        taskStart = performance.now();
      }
      step();
    }
    const atlas = this.#atlas;
    if (pending.hadDataset) {
      atlas.filters = EMPTY_FILTERS;
      atlas.select(null);
    }
    atlas.showDataset({ meta: event.meta, incidents: pending.incidents, problems: event.problems, mode: 'open' });
    for (const notice of event.notices) atlas.addNotice(notice);
    this.origin = pending.origin.kind === 'address' ? null : pending.origin;
    this.shownName = pending.origin.name;
    this.mapped = event.inspection ?? null;
    if (event.choice && pending.chosenByUser && pending.origin.kind !== 'file') this.#options.onchoice?.(event.choice);
    this.#shown = event.inspection ? pending.client : null;
    this.#finish(pending, true, !event.inspection);
  }

  #finish(pending: Pending, loaded: boolean, closeClient = !loaded): void {
    if (closeClient) pending.client.close();
    if (this.#pending === pending) this.#pending = null;
    this.progress = null;
    pending.settle(loaded);
  }
}

/** Preparation steps run in one task until it has lasted this long. */
const PREPARATION_TASK_MS = 16;

const KEY = Symbol('importer');

export function setImporter(importer: Importer): Importer {
  return setContext(KEY, importer);
}

/** The page's importer, or null where the page offers no import (an embed). */
export function getImporter(): Importer | null {
  return hasContext(KEY) ? getContext<Importer>(KEY) : null;
}
