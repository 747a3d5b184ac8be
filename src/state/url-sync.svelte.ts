/**
 * Keeps an atlas and an address in step, both ways. The address lives wherever its host says —
 * the page's own history for the app, the host page (only when it opts in) for the iframe embed,
 * nowhere for the web component — so this module never touches `location` or `history` itself:
 * the host is injected, as svelte-maplibre's `updateHash` is.
 *
 * Filter, selection, lane and theme changes add a history entry; pan and zoom rewrite the current
 * one, debounced, so the back button steps through what the reader chose rather than every frame.
 */
import { untrack } from 'svelte';
import { formatUrlState, parseUrlState, type UrlState } from '../lib/url-state.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import {
  applyUrlView,
  reportUrlErrors,
  urlStateOf,
  viewDefaults,
  watchDataset,
  type DatasetParams,
} from './view-params.svelte.ts';

export type HistoryMode = 'push' | 'replace';

/** Where an address lives and how it is written. */
export interface AddressHost {
  /** The query as it is now, with or without its `?`. */
  read(): string;
  /** Writes a query (without `?`): `push` adds a history entry, `replace` rewrites the current one. */
  write(search: string, mode: HistoryMode): void;
  /** Calls `onnavigate` when the address changes from outside (back, forward); returns a stop function. */
  listen(onnavigate: (search: string) => void): () => void;
}

/** The page's own address and history: what the standalone app uses. */
export function pageHistory(): AddressHost {
  return {
    read: () => location.search,
    write(search, mode) {
      const url = new URL(location.href);
      url.search = search;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(history.state, '', url);
    },
    listen(onnavigate) {
      const onpopstate = () => onnavigate(location.search);
      addEventListener('popstate', onpopstate);
      return () => removeEventListener('popstate', onpopstate);
    },
  };
}

export interface UrlSyncOptions {
  /** Wait after the last pan or zoom before rewriting the address, in ms. @default 400 */
  replaceDelayMs?: number;
  /** Search edits within this long of the previous one rewrite its entry instead of adding one, in ms. @default 1500 */
  typingWindowMs?: number;
  /** Called when back/forward lands on an address for another dataset (`data`, `format`, `cols`). */
  ondatasetchange?: (link: UrlState) => void;
}

const sameDataset = (a: DatasetParams, b: DatasetParams) =>
  a.data === b.data && a.format === b.format && a.cols === b.cols;

export interface UrlSync {
  /** The link as read at the start, for `loadLink`. */
  link: UrlState;
  /** The view as a link now (what the address says once written). */
  view: () => UrlState;
  /**
   * Changes the dataset parameters the address carries without reloading — e.g. the column
   * mapping a reader chose for a `?data=` file — rewriting the current entry.
   */
  setDataset: (params: Partial<DatasetParams>) => void;
}

/**
 * Reads the host's address into the atlas (with notices for what was ignored) and keeps the two
 * in step from then on. Call during component initialisation: it sets up effects that end with
 * the component.
 */
export function syncUrl(atlas: AtlasState, host: AddressHost, options: UrlSyncOptions = {}): UrlSync {
  const { replaceDelayMs = 400, typingWindowMs = 1500 } = options;
  const defaults = viewDefaults(atlas);
  const { state: link, errors } = parseUrlState(host.read());
  reportUrlErrors(atlas, errors);
  applyUrlView(atlas, link, defaults);
  watchDataset(atlas, defaults, link.map !== null);

  let dataset: DatasetParams = { data: link.data, format: link.format, cols: link.cols };
  /** The address as last written (or read). */
  let written = host.read().replace(/^\?/, '');
  /** The address minus the view (window and map), to tell a choice from a pan. */
  let writtenChoices: string | null = null;
  let writtenWithoutQuery: string | null = null;
  /** When the last entry written was a search edit (typing refines it rather than adding entries). */
  let lastQueryEditAt: number | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let pendingSearch: string | null = null;
  let readyOnce = false;

  const choicesOf = (state: UrlState) => formatUrlState({ ...state, fromMs: null, toMs: null, map: null });
  const withoutQuery = (state: UrlState) => choicesOf({ ...state, filters: { ...state.filters, query: '' } });
  const remember = (state: UrlState, search: string) => {
    written = search;
    writtenChoices = choicesOf(state);
    writtenWithoutQuery = withoutQuery(state);
  };
  const flushPending = () => {
    clearTimeout(pending);
    if (pendingSearch !== null) host.write(pendingSearch, 'replace');
    pendingSearch = null;
  };

  $effect(() => {
    if (atlas.status === 'ready') readyOnce = true;
    if (!readyOnce || atlas.loading || atlas.dataset === null) return;
    const state = urlStateOf(atlas, dataset, defaults);
    const search = formatUrlState(state);
    const choices = choicesOf(state);
    untrack(() => {
      if (writtenChoices === null) {
        // First look once ready: put the address in its canonical form, without a new entry.
        if (search !== written) host.write(search, 'replace');
        remember(state, search);
        return;
      }
      if (search === written) return;
      if (choices === writtenChoices) {
        written = search;
        clearTimeout(pending);
        pendingSearch = search;
        pending = setTimeout(flushPending, replaceDelayMs);
        return;
      }
      flushPending();
      const now = performance.now();
      const queryEdit = withoutQuery(state) === writtenWithoutQuery;
      const typing = queryEdit && lastQueryEditAt !== null && now - lastQueryEditAt < typingWindowMs;
      host.write(search, typing ? 'replace' : 'push');
      lastQueryEditAt = queryEdit ? now : null;
      remember(state, search);
    });
  });

  $effect(() => {
    const stop = host.listen((search) => {
      clearTimeout(pending);
      pendingSearch = null;
      lastQueryEditAt = null;
      const { state: next, errors: problems } = parseUrlState(search);
      reportUrlErrors(atlas, problems);
      const nextDataset = { data: next.data, format: next.format, cols: next.cols };
      if (!sameDataset(nextDataset, dataset)) {
        dataset = nextDataset;
        writtenChoices = null;
        written = search.replace(/^\?/, '');
        // Filters, window and selection wait for the other dataset (see loadLink).
        applyUrlView(atlas, next, defaults, ['map', 'lanes', 'theme']);
        options.ondatasetchange?.(next);
        return;
      }
      applyUrlView(atlas, next, defaults);
      const state = urlStateOf(atlas, dataset, defaults);
      remember(state, formatUrlState(state));
    });
    return () => {
      stop();
      clearTimeout(pending);
    };
  });

  return {
    link,
    view: () => urlStateOf(atlas, dataset, defaults),
    setDataset(params) {
      dataset = { ...dataset, ...params };
      if (writtenChoices === null) return; // the first write, once ready, includes it
      const state = urlStateOf(atlas, dataset, defaults);
      const search = formatUrlState(state);
      if (search !== written) host.write(search, 'replace');
      remember(state, search);
    },
  };
}
