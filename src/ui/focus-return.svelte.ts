/**
 * An attachment for a panel that opens in answer to a choice made elsewhere (the details of the
 * selected incident): when the panel goes away while focus is in it — Escape, its close button —
 * focus goes back to where that choice was made (the timeline, a row of the list, the map), or else
 * to `fallback`, rather than being dropped on the page (WCAG 2.4.3).
 */
import type { Attachment } from 'svelte/attachments';

interface ReturnsFocusOptions {
  /** The choice the panel shows (the selected id): each new one notes where focus is. */
  choice: () => unknown;
  /** Where focus goes when the element of the last choice is gone. */
  fallback: () => HTMLElement | null | undefined;
}

/** The focused element of the document or shadow root holding `node`. */
function focusedIn(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

export function returnsFocus({ choice, fallback }: ReturnsFocusOptions): Attachment<HTMLElement> {
  return (panel) => {
    let origin: HTMLElement | null = null;
    $effect.pre(() => {
      choice();
      // Before the panel updates: focus is still where the choice was made.
      const focused = focusedIn(panel);
      if (focused instanceof HTMLElement && focused !== document.body && !panel.contains(focused)) origin = focused;
    });
    return () => {
      const focused = focusedIn(panel);
      // Focus moved elsewhere on purpose (a click on the map, a filter) stays where it is.
      if (focused !== null && focused !== document.body && !panel.contains(focused)) return;
      const target = origin?.isConnected ? origin : fallback();
      // After the panel's nodes are gone, so the browser does not move focus again.
      queueMicrotask(() => target?.focus());
    };
  };
}
