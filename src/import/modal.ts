import type { Attachment } from 'svelte/attachments';

/**
 * Shows a `<dialog>` as a modal while it is mounted: the browser traps focus, makes the page
 * behind it inert, and turns Escape into `oncancel`.
 */
export function modal(oncancel: () => void): Attachment<HTMLDialogElement> {
  return (dialog) => {
    dialog.showModal();
    const cancel = (event: Event) => {
      event.preventDefault();
      oncancel();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      dialog.close();
    };
  };
}
