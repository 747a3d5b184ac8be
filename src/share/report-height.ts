/**
 * Attachment for the iframe embed: tells the host page how tall the atlas is whenever that
 * changes (and when the host script asks), so the script can size the iframe: no inner
 * scrollbar, no gap. The height is no secret, so any host may read it; the host script checks who
 * sent it.
 */
import { isMeasureMessage, type HeightMessage } from './embed-messages.ts';

export function reportHeight(node: HTMLElement): (() => void) | void {
  if (window.parent === window) return;
  let last = 0;
  const post = () => {
    const message: HeightMessage = { type: 'incident-atlas:height', height: last };
    window.parent.postMessage(message, '*');
  };
  const observer = new ResizeObserver(() => {
    const height = Math.ceil(node.getBoundingClientRect().height);
    if (height === last || height === 0) return;
    last = height;
    post();
  });
  const onmessage = (event: MessageEvent) => {
    if (event.source === window.parent && isMeasureMessage(event.data) && last > 0) post();
  };
  observer.observe(node);
  addEventListener('message', onmessage);
  return () => {
    observer.disconnect();
    removeEventListener('message', onmessage);
  };
}
