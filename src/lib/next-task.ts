/** Tasks to run soon, without holding up what the reader sees. */

/**
 * Resolves in a new task, after the page has had the chance to paint. A message to oneself rather
 * than `setTimeout`: browsers clamp timers (to a second or more in background tabs), not messages.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** `scheduler.postTask` where the browser has it (Chromium), typed here as TypeScript's DOM library lacks it. */
const scheduler = (
  globalThis as { scheduler?: { postTask: (task: () => void, options: { priority: string }) => unknown } }
).scheduler;

/**
 * Runs `task` after the frame being drawn, behind anything more urgent: called from an animation
 * frame callback, a background task waits for that frame to be rendered, and for input and timers.
 */
export function afterThisFrame(task: () => void): void {
  if (scheduler) void scheduler.postTask(task, { priority: 'background' });
  else setTimeout(task);
}
