import type { RunEvent } from "../domain/events.js";

type Read = (runId: string, after: number) => Promise<RunEvent[]>;

/**
 * Many followers of one run wake on the same notification and ask for the same events: one read
 * answers them all. Concurrent reads with the same run and cursor share one Redis call and one parse,
 * but only within one `generation` (the event hub's notification count): a follower woken by news never
 * joins a read that started before that news, which might not hold it. Nothing is kept once a read
 * settles. The followers get the same event objects, so a serialisation cached per object serves all.
 */
export function coalesceReads(read: Read, generation: () => number): Read {
  const inFlight = new Map<string, Promise<RunEvent[]>>();
  return (runId, after) => {
    const key = `${runId}\u0000${after}\u0000${generation()}`;
    let pending = inFlight.get(key);
    if (!pending) {
      pending = read(runId, after).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    return pending;
  };
}
