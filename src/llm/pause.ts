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
