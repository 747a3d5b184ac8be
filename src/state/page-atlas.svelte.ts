/**
 * An atlas that is a whole page — the app, or the iframe embed: its view kept in `host`'s
 * address, and its data loaded from what that address asks for (again when back/forward lands on
 * another dataset). Call during component initialisation.
 */
import type { UrlState } from '../lib/url-state.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { LoadOptions } from './load-dataset.ts';
import { syncUrl, type AddressHost, type UrlSync } from './url-sync.svelte.ts';
import { loadLink } from './view-params.svelte.ts';

export function syncAndLoad(atlas: AtlasState, host: AddressHost, options: Omit<LoadOptions, 'pageUrl'>): UrlSync {
  const load = (link: UrlState) => loadLink(atlas, () => link, { ...options, pageUrl: window.location.href });
  const url = syncUrl(atlas, host, { ondatasetchange: load });
  void load(url.link);
  return url;
}
