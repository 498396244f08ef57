import type { RunEvent } from "../domain/events.js";

/**
 * An event's SSE data, serialised once: the streams of one run get the same event objects from the
 * ledger's shared reads (events are never mutated), so a hundred viewers cost one JSON.stringify.
 */
export function serialiseOnce(): (event: RunEvent) => string {
  const serialised = new WeakMap<RunEvent, string>();
  return (event) => {
    let text = serialised.get(event);
    if (text === undefined) serialised.set(event, (text = JSON.stringify(event)));
    return text;
  };
}
