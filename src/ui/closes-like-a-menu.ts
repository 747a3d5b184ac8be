/**
 * An attachment for a `<details>` whose content opens over the page (the Export menu, the list of
 * a file's problems): it closes as a menu does — on Escape (focus back on its summary), on a press
 * anywhere outside it, and when the keyboard's focus moves on to something outside it — so that it
 * never stays open over the map or the list after the reader has turned to them.
 */
import type { Attachment } from 'svelte/attachments';

/**
 * Closes the menu. Focus inside it (on a choice that goes out of sight with it) moves to its
 * summary rather than falling to the page.
 */
export function closeMenu(details: HTMLDetailsElement): void {
  if (!details.open) return;
  const hadFocus = details.contains((details.getRootNode() as Document | ShadowRoot).activeElement);
  details.open = false;
  if (hadFocus) details.querySelector('summary')?.focus();
}

export const closesLikeAMenu: Attachment<HTMLDetailsElement> = (details) => {
  // The atlas may live in a shadow root (the web component): events are read by their composed path.
  const outside = (event: Event) => !event.composedPath().includes(details);
  const close = () => {
    details.open = false;
  };

  function onpointerdown(event: PointerEvent) {
    if (details.open && outside(event)) close();
  }
  function onkeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !details.open) return;
    // Handled here, so the atlas does not also close the incident's details behind the menu.
    event.preventDefault();
    closeMenu(details);
  }
  function onfocusout(event: FocusEvent) {
    const next = event.relatedTarget;
    // Focus leaving for nothing (a press on the page's background) is the press's to judge.
    if (details.open && next instanceof Node && !details.contains(next)) close();
  }

  const document = details.ownerDocument;
  document.addEventListener('pointerdown', onpointerdown, true);
  details.addEventListener('keydown', onkeydown);
  details.addEventListener('focusout', onfocusout);
  return () => {
    document.removeEventListener('pointerdown', onpointerdown, true);
    details.removeEventListener('keydown', onkeydown);
    details.removeEventListener('focusout', onfocusout);
  };
};
