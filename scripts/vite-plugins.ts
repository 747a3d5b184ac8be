/**
 * Build steps for embedding: the web component's stylesheet (one file, linked from its shadow
 * root) and the oEmbed response with its discovery link. Used by vite.config.ts.
 */
import { readFileSync } from 'node:fs';
import type { HtmlTagDescriptor, Plugin, Rolldown } from 'vite';
import { DEFAULT_EMBED_HEIGHT_PX, embedSnippets } from '../src/lib/embed-snippets.ts';
import { EMPTY_URL_STATE } from '../src/lib/url-state.ts';

/** The web component's public files, at fixed addresses beside index.html. */
export const COMPONENT_ENTRY = 'incident-atlas';
export const COMPONENT_STYLESHEET = 'assets/incident-atlas.css';
export const COMPONENT_FONTS = 'assets/incident-atlas-fonts.css';

/** Where the site is published when PUBLIC_URL is not set: `npm start`'s address. */
export const DEFAULT_PUBLIC_URL = 'http://127.0.0.1:4173/';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

function chunksOf(bundle: OutputBundle): OutputChunk[] {
  return Object.values(bundle).filter((item): item is OutputChunk => item.type === 'chunk');
}

/** Every stylesheet an entry loads through its static imports, in import order. */
function cssOfEntry(bundle: OutputBundle, entry: OutputChunk): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  const visit = (chunk: OutputChunk) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const imported of chunk.imports) {
      const next = bundle[imported];
      if (next?.type === 'chunk') visit(next);
    }
    for (const css of chunk.viteMetadata?.importedCss ?? []) if (!files.includes(css)) files.push(css);
  };
  visit(entry);
  return files;
}

/**
 * Gathers the component's CSS into one stylesheet at a fixed address, which the component links
 * from its shadow root (Svelte's injected `<style>` would need 'unsafe-inline' on the host).
 * `@font-face` rules go to a second file that the component links on the host document: Chromium
 * ignores them inside shadow roots.
 */
export function componentStylesheet(): Plugin {
  return {
    name: 'incident-atlas:component-stylesheet',
    apply: 'build',
    generateBundle(_options, bundle) {
      const entry = chunksOf(bundle).find((chunk) => chunk.isEntry && chunk.name === COMPONENT_ENTRY);
      if (!entry) return;
      const sources = cssOfEntry(bundle, entry).map((file) => {
        const asset = bundle[file];
        return asset?.type === 'asset' ? String(asset.source) : '';
      });
      const css = sources.join('\n');
      const fontFaces = css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
      const rest = fontFaces.reduce((text, rule) => text.replace(rule, ''), css);
      this.emitFile({ type: 'asset', fileName: COMPONENT_STYLESHEET, source: rest });
      this.emitFile({
        type: 'asset',
        fileName: COMPONENT_FONTS,
        source: `/* Incident Atlas web component: font faces, declared on the host page. */\n${fontFaces.join('\n')}\n`,
      });
    },
  };
}

/** PUBLIC_URL as a folder address (ending in `/`), or the default. */
export function publicUrl(value: string | undefined): string {
  const url = new URL(value && value.trim() !== '' ? value : DEFAULT_PUBLIC_URL);
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** The map's chunks, by name, and the countries it draws first (world-atlas, imported `?url`). */
const FIRST_VIEW_MAP_CHUNKS = ['maplibre-gl', 'map-data'];
const FIRST_VIEW_BASEMAP = 'countries-110m.json';

/**
 * Asks for the map's code and first basemap with the page (index.html and embed.html), instead of
 * once the app has mounted and its map imports them: MapLibre (the largest chunk) is fetched and
 * compiled while the app starts, and the map starts about 0.2 s sooner (10k ready 1.74 → 1.66 s,
 * medians of 10 alternating loads). Every first view draws the map, so nothing is fetched that it
 * does not use.
 */
export function preloadFirstViewMap(): Plugin {
  return {
    name: 'incident-atlas:preload-first-view-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        return bundle ? firstViewMapPreloads(bundle) : [];
      },
    },
  };
}

export function firstViewMapPreloads(bundle: OutputBundle): HtmlTagDescriptor[] {
  const chunks = chunksOf(bundle).filter((chunk) => FIRST_VIEW_MAP_CHUNKS.includes(chunk.name));
  const basemap = Object.values(bundle).find(
    (item) => item.type === 'asset' && item.names.includes(FIRST_VIEW_BASEMAP),
  );
  if (chunks.length !== FIRST_VIEW_MAP_CHUNKS.length || !basemap)
    throw new Error(`preload: the map's chunks or ${FIRST_VIEW_BASEMAP} are not in the bundle`);
  return [
    ...chunks.map((chunk) => ({
      tag: 'link',
      attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
      injectTo: 'head' as const,
    })),
    // `fetch()` asks in CORS mode: a preload without `crossorigin` would not be reused.
    {
      tag: 'link',
      attrs: { rel: 'preload', as: 'fetch', crossorigin: true, href: `./${basemap.fileName}` },
      injectTo: 'head' as const,
    },
  ];
}

/**
 * oEmbed for the default view: a static `oembed.json` (type rich, the iframe snippet) and a
 * discovery `<link>` in index.html, both pointing at PUBLIC_URL, where the site is published.
 */
export function oembed(options: { publicUrl: string; datasetFile: string }): Plugin {
  const dataset = JSON.parse(readFileSync(options.datasetFile, 'utf8')) as { dataset?: { name?: string } };
  const title = `Incident Atlas: ${dataset.dataset?.name ?? 'incidents'}`;
  return {
    name: 'incident-atlas:oembed',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.filename.endsWith('index.html')) return [];
        return [
          {
            tag: 'link',
            attrs: {
              rel: 'alternate',
              type: 'application/json+oembed',
              href: new URL('oembed.json', options.publicUrl).href,
              title,
            },
            injectTo: 'head',
          },
        ];
      },
    },
    generateBundle() {
      const { iframe } = embedSnippets({ appUrl: options.publicUrl, view: EMPTY_URL_STATE, title });
      const response = {
        version: '1.0',
        type: 'rich',
        title,
        provider_name: 'Incident Atlas',
        provider_url: options.publicUrl,
        html: iframe,
        width: 960,
        height: DEFAULT_EMBED_HEIGHT_PX,
        cache_age: 86400,
      };
      this.emitFile({ type: 'asset', fileName: 'oembed.json', source: `${JSON.stringify(response, null, 2)}\n` });
    },
  };
}
