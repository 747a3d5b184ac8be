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
