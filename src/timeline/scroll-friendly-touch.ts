/**
 * Lets the page scroll past a gesture surface on touch screens. d3-zoom and d3-brush cancel every
 * touchmove they see, which would trap a reader scrolling the page with a finger on the timeline.
 * This decides once per touch, at its first move: a one-finger swipe that is more vertical than
 * horizontal belongs to the page, so its moves are kept from d3 (capture phase, before d3's own
 * listeners) and the browser scrolls (the surface has `touch-action: pan-y`). Horizontal swipes
 * and two-finger pinches go to d3 as before.
 */
export function scrollFriendlyTouch(node: HTMLElement | SVGElement): () => void {
  let origin: { x: number; y: number } | null = null;
  let pageScroll = false;

  const onstart = (event: TouchEvent) => {
    if (event.touches.length === 1) {
      origin = { x: event.touches[0].clientX, y: event.touches[0].clientY };
      pageScroll = false;
    } else {
      origin = null;
      pageScroll = false;
    }
  };
  const onmove = (event: TouchEvent) => {
    if (origin && event.touches.length === 1) {
      const dx = Math.abs(event.touches[0].clientX - origin.x);
      const dy = Math.abs(event.touches[0].clientY - origin.y);
      if (dx + dy > 0) {
        pageScroll = dy > dx;
        origin = null;
      }
    }
    if (pageScroll) event.stopImmediatePropagation();
  };
  const onend = (event: TouchEvent) => {
    if (event.touches.length === 0) pageScroll = false;
  };

  node.addEventListener('touchstart', onstart as EventListener, { capture: true, passive: true });
  node.addEventListener('touchmove', onmove as EventListener, { capture: true, passive: true });
  node.addEventListener('touchend', onend as EventListener, { capture: true, passive: true });
  return () => {
    node.removeEventListener('touchstart', onstart as EventListener, { capture: true });
    node.removeEventListener('touchmove', onmove as EventListener, { capture: true });
    node.removeEventListener('touchend', onend as EventListener, { capture: true });
  };
}
