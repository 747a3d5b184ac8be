/**
 * Which dataset a page shows, and loading it: the curated one shipped with the app, or the one
 * its `?data=` address names (our JSON, CSV or GeoJSON, read in the parse worker). Another site's
 * address is loaded only when the user agrees (CONTRACTS §7); every failure becomes a sentence a
 * user can act on.
 */
import { describeJsonError } from '../lib/json-error.ts';
import { parseImportParams } from '../lib/import-params.ts';
import { DatasetError, parseDataset, type LoadedDataset, type ValidationMode } from '../lib/parse-incidents.ts';
import { describeMissingId } from '../lib/url-state.ts';
import { Importer } from '../import/importer.svelte.ts';
import type { AtlasState } from './atlas-state.svelte.ts';

export type DataAddress = { ok: true; url: URL; otherSite: boolean } | { ok: false; reason: string };

/** Where a `?data=` address points, or why it cannot be used. */
export function resolveDataAddress(value: string, pageUrl: string): DataAddress {
  let url: URL;
  try {
    url = new URL(value, pageUrl);
  } catch {
    return { ok: false, reason: `The data address "${value}" is not a valid address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `The data address must be an http(s) address, not "${url.protocol}".` };
  }
  return { ok: true, url, otherSite: url.origin !== new URL(pageUrl).origin };
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
  /** The page address: its `data`, `format`, `cols` and `id` parameters are read. */
  pageUrl: string;
  /**
   * The page's importer, which can ask the user about another site. Without one (an embed), only
   * same-origin addresses load.
   */
  importer?: Importer;
}

async function loadCurated(atlas: AtlasState, bundledUrl: string): Promise<boolean> {
  atlas.beginLoad();
  try {
    atlas.showDataset(await fetchDataset(bundledUrl, 'curated'));
    return true;
  } catch (error) {
    atlas.failLoad(error instanceof DatasetError ? error.message : `The dataset could not be loaded: ${String(error)}`);
    return false;
  }
}

/** Loads the dataset the page asks for (`?data=`, else the bundled one) into an atlas. */
export async function loadIntoAtlas(atlas: AtlasState, { bundledUrl, pageUrl, importer }: LoadOptions): Promise<void> {
  const query = new URL(pageUrl).searchParams;
  const { params, notices } = parseImportParams(query);
  for (const notice of notices) atlas.addNotice(notice);
  const address = params.data === undefined ? null : resolveDataAddress(params.data, pageUrl);
  if (address && !address.ok) atlas.addNotice(address.reason);
  let loaded: boolean;
  if (address?.ok) {
    const loader = importer ?? new Importer(atlas);
    let allowed = !address.otherSite;
    if (address.otherSite && importer) allowed = await importer.askHost(address.url.host);
    else if (address.otherSite) {
      atlas.addNotice(
        `Loading data from another site (${address.url.host}) is not allowed here; the curated dataset is shown instead.`,
      );
    }
    loaded = allowed
      ? await loader.loadAddress(address.url.href, {
          format: params.format,
          choice: params.choice,
          otherSite: address.otherSite,
        })
      : await loadCurated(atlas, bundledUrl);
    if (!allowed && importer)
      atlas.addNotice(`Data from ${address.url.host} was not loaded; the curated dataset is shown.`);
  } else {
    loaded = await loadCurated(atlas, bundledUrl);
  }
  // `loadLink` builds this address from a parsed link: an id the parser refused is not in it.
  const id = query.get('id');
  if (loaded && id !== null) {
    if (atlas.byId.has(id)) atlas.select(id);
    else atlas.addNotice(describeMissingId(id));
  }
}
