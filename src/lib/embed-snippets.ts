/**
 * The copy-paste snippets for embedding a view: an iframe (with the tiny host script that sizes
 * it) and the `<incident-atlas>` web component. Pure: the app's address and the view in, text out.
 */
import { formatUrlState, joinList, type UrlState } from './url-state.ts';
import { formatMapView, formatUrlDay } from './url-values.ts';

/** The iframe sandbox the embed needs, and no more: scripts, its own origin (for its data and worker), source links in new tabs. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox';
/** The height an iframe starts at before the host script sizes it, in CSS px. @default 760 */
export const DEFAULT_EMBED_HEIGHT_PX = 760;

export interface EmbedSnippets {
  /** The app itself, showing this view. */
  link: string;
  iframe: string;
  component: string;
}

export interface EmbedOptions {
  /** Where the app lives, ending in `/` (the folder of index.html, embed.html and incident-atlas.js). */
  appUrl: string;
  /** The view to embed. */
  view: UrlState;
  /** Names the embed for screen readers (the iframe's `title`, the component's `label`). */
  title: string;
  heightPx?: number;
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The view as web component attributes: the address's names and values, unencoded (the selection is `incident`, as `id` is taken). */
export function componentAttributes(view: UrlState, appUrl: string): [string, string][] {
  const { filters } = view;
  const attributes: [string, string | null][] = [
    ['data', view.data === null ? null : new URL(view.data, appUrl).href],
    ['format', view.format],
    ['cols', view.cols],
    ['q', filters.query || null],
    ['country', filters.countries.length ? joinList(filters.countries) : null],
    ['technique', filters.techniques.length ? joinList(filters.techniques) : null],
    ['status', filters.statuses.length ? joinList(filters.statuses) : null],
    ['org', filters.orgs.length ? joinList(filters.orgs) : null],
    ['from', view.fromMs === null ? null : formatUrlDay(view.fromMs)],
    ['to', view.toMs === null ? null : formatUrlDay(view.toMs - 86_400_000)],
    ['map', view.map ? formatMapView(view.map) : null],
    ['lanes', view.lanes],
    ['incident', view.id],
    ['theme', view.theme],
  ];
  return attributes.filter((entry): entry is [string, string] => entry[1] !== null);
}

export function embedSnippets({
  appUrl,
  view,
  title,
  heightPx = DEFAULT_EMBED_HEIGHT_PX,
}: EmbedOptions): EmbedSnippets {
  const query = formatUrlState(view);
  const withQuery = (file: string) => `${new URL(file, appUrl).href}${query ? `?${query}` : ''}`;
  const iframe =
    `<iframe src="${escapeAttribute(withQuery('embed.html'))}" title="${escapeAttribute(title)}" ` +
    `width="100%" height="${heightPx}" loading="lazy" referrerpolicy="no-referrer" ` +
    `sandbox="${EMBED_SANDBOX}" data-incident-atlas></iframe>\n` +
    `<script src="${escapeAttribute(new URL('embed-host.js', appUrl).href)}" async></script>`;
  const attributes = componentAttributes(view, appUrl)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const component =
    `<script type="module" src="${escapeAttribute(new URL('incident-atlas.js', appUrl).href)}"></script>\n` +
    `<incident-atlas${attributes} label="${escapeAttribute(title)}"></incident-atlas>`;
  return { link: withQuery(''), iframe, component };
}
