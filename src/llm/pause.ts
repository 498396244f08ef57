/**
 * Waits `ms`, or rejects at once with the signal's reason when `signal` aborts (a cancelled run stops
 * waiting). Hand-written because node:timers/promises rejects with its own AbortError, not the reason
 * the run was cancelled with.
 */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 && !signal?.aborted) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Think time that takes turns: each call waits `steps × paceMs` after the previous call's wait ended,
 * so agents working in parallel (the reviewers) finish one after another instead of all at once. A
 * cancelled wait rejects with the signal's reason and lets the next caller take its turn. With
 * `paceMs` 0 it never waits.
 */
export function createPacer(paceMs: number): (steps: number, signal?: AbortSignal) => Promise<void> {
  let queue: Promise<void> = Promise.resolve();
  return (steps, signal) => {
    if (paceMs <= 0) return pause(0, signal);
    const turn = queue.then(() => pause(steps * paceMs, signal));
    queue = turn.catch(() => undefined);
    return turn;
  };
}
