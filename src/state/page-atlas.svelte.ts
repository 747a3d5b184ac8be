/**
 * An atlas that is a whole page — the app, or the iframe embed: its state shared by context, its
 * view kept in `host`'s address, and its data loaded from what that address asks for. Call during
 * component initialisation.
 */
import type { UrlState } from '../lib/url-state.ts';
import { AtlasState, setAtlas } from './atlas-state.svelte.ts';
import { syncUrl, type AddressHost, type UrlSync } from './url-sync.svelte.ts';
import { loadLink } from './view-params.svelte.ts';

export function createPageAtlas(host: AddressHost, bundledUrl: string): { atlas: AtlasState; url: UrlSync } {
  const atlas = setAtlas(new AtlasState());
  const load = (link: UrlState) => loadLink(atlas, link, { bundledUrl, pageUrl: window.location.href });
  const url = syncUrl(atlas, host, { ondatasetchange: load });
  void load(url.link);
  return { atlas, url };
}
