/**
 * The iframe embed's address host. An iframe must not write history: its entries join the host
 * tab's session history, so the reader's back button would step through the embed instead of
 * leaving the page. So the embed keeps its view in memory, and reports it to the host page only
 * when that page's script asks (`data-sync-url`), so deep links can live in the host's address.
 */
import type { AddressHost } from '../state/url-sync.svelte.ts';
import { isNavigateMessage, isSyncMessage, MAX_MESSAGE_SEARCH, type StateMessage } from './embed-messages.ts';

export function parentAddress(): AddressHost {
  let current = location.search;
  /** The host page's origin, once its script has asked to be told about changes. */
  let hostOrigin: string | null = null;
  const listeners = new Set<(search: string) => void>();

  const embedded = window.parent !== window;
  if (embedded) {
    addEventListener('message', (event) => {
      if (event.source !== window.parent) return;
      if (isSyncMessage(event.data)) {
        // Only a real origin can be written to; an opaque ("null") host cannot opt in.
        if (/^https?:\/\//.test(event.origin)) hostOrigin = event.origin;
      } else if (isNavigateMessage(event.data) && event.origin === hostOrigin) {
        current = event.data.search;
        for (const listener of listeners) listener(current);
      }
    });
  }

  return {
    read: () => current,
    write(search, mode) {
      current = search;
      if (!hostOrigin || search.length > MAX_MESSAGE_SEARCH) return;
      const message: StateMessage = { type: 'incident-atlas:state', search, mode };
      window.parent.postMessage(message, hostOrigin);
    },
    listen(onnavigate) {
      listeners.add(onnavigate);
      return () => listeners.delete(onnavigate);
    },
  };
}
