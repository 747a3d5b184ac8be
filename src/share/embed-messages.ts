/**
 * The messages between the iframe embed and the host page's script (`static/embed-host.js`, which
 * checks the same shapes in plain JavaScript). Every message is a small object with a `type`;
 * anything else is ignored on both sides.
 */

/** Embed → host: the embed's content height in CSS px, sent whenever it changes. */
export interface HeightMessage {
  type: 'incident-atlas:height';
  height: number;
}

/** Host → embed: "tell me your height now" (the host script may start after the embed settled). */
export interface MeasureMessage {
  type: 'incident-atlas:measure';
}

/** Host → embed: "keep my address in step with yours" (the host opted in with `data-sync-url`). */
export interface SyncMessage {
  type: 'incident-atlas:sync';
}

/** Embed → host (after a sync): the view's query, and whether it is a new history entry. */
export interface StateMessage {
  type: 'incident-atlas:state';
  search: string;
  mode: 'push' | 'replace';
}

/** Host → embed (after a sync): back or forward on the host page landed on this view. */
export interface NavigateMessage {
  type: 'incident-atlas:navigate';
  search: string;
}

/** Longest query either side accepts in a message. */
export const MAX_MESSAGE_SEARCH = 8192;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isSyncMessage(value: unknown): value is SyncMessage {
  return isRecord(value) && value.type === 'incident-atlas:sync';
}

export function isMeasureMessage(value: unknown): value is MeasureMessage {
  return isRecord(value) && value.type === 'incident-atlas:measure';
}

export function isNavigateMessage(value: unknown): value is NavigateMessage {
  return (
    isRecord(value) &&
    value.type === 'incident-atlas:navigate' &&
    typeof value.search === 'string' &&
    value.search.length <= MAX_MESSAGE_SEARCH
  );
}
