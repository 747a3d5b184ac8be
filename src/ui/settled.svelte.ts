/**
 * A value that follows another once it has stopped changing for a while: what a polite live
 * region should say after a burst of changes (ticking five filters, dragging the timeline), so a
 * screen reader hears the result once rather than every step on the way.
 */
export class Settled<T> {
  current: T = $state() as T;

  /**
   * @param read the changing value (read in an effect, so call this while a component initialises)
   * @param delayMs how long the value must stay put before it is taken. @default 700
   */
  constructor(read: () => T, delayMs = 700) {
    this.current = read();
    $effect(() => {
      const next = read();
      // A timer is the outside world here: each change restarts the wait.
      const timer = setTimeout(() => (this.current = next), delayMs);
      return () => clearTimeout(timer);
    });
  }
}
