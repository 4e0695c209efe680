/**
 * Waits for what a test is about, never for a length of time. The per-element harnesses and the
 * tests use these with `waitUntil` and the elements' own promises (`updateComplete`).
 */

/**
 * Listens for `type` on `target`, then does `act`, and resolves with the event: the listener is
 * there before anything can fire it (no `setTimeout(() => act())` ahead of `oneEvent`).
 */
export async function firedBy<K extends keyof HTMLElementEventMap>(target: EventTarget, type: K, act: () => unknown): Promise<HTMLElementEventMap[K]> {
  const fired = new Promise<HTMLElementEventMap[K]>((resolve) => target.addEventListener(type, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }));
  await act();
  return fired;
}

/**
 * Resolves in a later task, once every promise job queued before it, and every job those queue,
 * has run. Not a delay: it is for absence checks, after waiting for the cause (a response read,
 * a chunk loaded, a call made), when what would go wrong is a chain of promise jobs that follows
 * it. A message, not a timer, so no clamping and no stray timer.
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
