import type { RunEvent } from "../domain/events.js";

type Read = (runId: string, after: number) => Promise<RunEvent[]>;

/**
 * Many SSE streams of one run wake on the same notification and ask for the same events: one read
 * answers them all. Concurrent reads with the same run and cursor share one Redis call and one parse,
 * but only within one `generation` (the event hub's notification count): a stream woken by news never
 * joins a read that started before that news, which might not hold it. Each event's SSE data is
 * serialised once (the events are never mutated). Nothing is kept once a read settles.
 */
export function coalesceReads(read: Read, generation: () => number): { read: Read; data: (event: RunEvent) => string } {
  const inFlight = new Map<string, Promise<RunEvent[]>>();
  const serialised = new WeakMap<RunEvent, string>();
  return {
    read(runId, after) {
      const key = `${runId}\u0000${after}\u0000${generation()}`;
      let pending = inFlight.get(key);
      if (!pending) {
        pending = read(runId, after).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      return pending;
    },
    data(event) {
      let text = serialised.get(event);
      if (text === undefined) serialised.set(event, (text = JSON.stringify(event)));
      return text;
    },
  };
}
