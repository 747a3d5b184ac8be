/**
 * An attachment for panels that open in answer to something else (the details of an incident):
 * when the panel goes away while focus is in it — Escape, its close button — focus goes back to
 * where the user last was outside it (the timeline, a row of the list), or else to `fallback`,
 * rather than being dropped on the page (WCAG 2.4.3).
 */
import type { Attachment } from 'svelte/attachments';

/** The focused element of the document or shadow root holding `node`. */
function focusedIn(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

export function returnsFocus(fallback: () => HTMLElement | null | undefined): Attachment<HTMLElement> {
  return (panel) => {
    const root = panel.getRootNode() as Document | ShadowRoot;
    const atFirst = focusedIn(panel);
    let opener: HTMLElement | null = atFirst instanceof HTMLElement && atFirst !== document.body ? atFirst : null;
    const onfocusin = (event: Event) => {
      const target = event.target;
      if (target instanceof HTMLElement && !panel.contains(target)) opener = target;
    };
    root.addEventListener('focusin', onfocusin);
    return () => {
      root.removeEventListener('focusin', onfocusin);
      const focused = focusedIn(panel);
      // Focus left elsewhere on purpose (a click on the map, a filter) stays where it is.
      const lost = focused === null || focused === document.body || panel.contains(focused);
      if (!lost) return;
      const target = opener?.isConnected ? opener : fallback();
      // After the panel's nodes are gone, so the browser does not move focus again.
      queueMicrotask(() => target?.focus());
    };
  };
}
