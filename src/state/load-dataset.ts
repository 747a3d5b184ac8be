/** Fetching a dataset file from our own origin and turning any failure into a sentence a user can act on. */
import { describeJsonError } from '../lib/json-error.ts';
import { DatasetError, parseDataset, type LoadedDataset, type ValidationMode } from '../lib/parse-incidents.ts';
import type { AtlasState } from './atlas-state.svelte.ts';

/** Where a `?data=` address points, or why it cannot be used. */
export function resolveDataAddress(
  value: string,
  pageUrl: string,
): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return { ok: false, reason: `The data address "${value}" is not a valid address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `The data address must be an http(s) address, not "${url.protocol}".` };
  }
  if (url.origin !== new URL(pageUrl).origin) {
    return {
      ok: false,
      reason: `Loading data from another site (${url.host}) is not allowed here; the curated dataset is shown instead.`,
    };
  }
  return { ok: true, url };
}

export async function fetchDataset(url: string, mode: ValidationMode, signal?: AbortSignal): Promise<LoadedDataset> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new DatasetError(`The dataset could not be fetched from ${url}: the network request failed.`);
  }
  if (!response.ok)
    throw new DatasetError(`The dataset could not be fetched from ${url}: the server answered ${response.status}.`);
  const text = (await response.text()).replace(/^\uFEFF/, '');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(describeJsonError(error, text));
  }
  return parseDataset(json, mode);
}

export interface LoadOptions {
  /** The curated dataset shipped with the app. */
  bundledUrl: string;
  /** The page address: its `data` and `id` parameters are read. */
  pageUrl: string;
}

/** Loads the dataset the page asks for (`?data=`, else the bundled one) into an atlas. */
export async function loadIntoAtlas(atlas: AtlasState, { bundledUrl, pageUrl }: LoadOptions): Promise<void> {
  const params = new URL(pageUrl).searchParams;
  const requested = params.get('data');
  let url = bundledUrl;
  let mode: ValidationMode = 'curated';
  if (requested !== null) {
    const address = resolveDataAddress(requested, pageUrl);
    if (address.ok) {
      url = address.url.href;
      mode = 'open';
    } else {
      atlas.addNotice(address.reason);
    }
  }
  atlas.beginLoad();
  try {
    atlas.showDataset(await fetchDataset(url, mode));
    const id = params.get('id');
    if (id !== null) {
      if (atlas.byId.has(id)) atlas.select(id);
      else atlas.addNotice(`No incident has the id "${id}"; nothing is selected.`);
    }
  } catch (error) {
    atlas.failLoad(error instanceof DatasetError ? error.message : `The dataset could not be loaded: ${String(error)}`);
  }
}
