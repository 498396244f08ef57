import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunEventSchema, TERMINAL_EVENT_TYPES, type RunEvent } from "../../src/domain/events.js";
import { createSseParser, type SseMessage } from "../../src/cli/sse.js";
import { startStack, type Stack } from "../helpers/stack.js";
import { newTally, scenarioSeed, sleep, submit, summaryLine, tallyRun, transcript, waitFinished } from "./common.js";

/**
 * Many SSE clients follow live runs and drop the connection at random points (after a random number
 * of events, or mid-stream after a random time), then resume with Last-Event-ID or ?after=N, again and
 * again until the run ends. Each must end with exactly the transcript of ?format=json: the same ids,
 * the same data, nothing twice.
 */
const RUNS = 3;
const CLIENTS_PER_RUN = 10;

let stack: Stack | undefined;

beforeAll(async () => {
  stack = await startStack({
    roles: { api: true, worker: true },
    env: { PRFAQ_OFFLINE_PACE_MS: "20", PRFAQ_MAX_ACTIVE_RUNS: "1000", PRFAQ_RATE_LIMIT_PER_MIN: "1000000" },
  });
});
afterAll(async () => {
  await stack?.stop();
});

/**
 * One connection: reads frames until the stream ends, `maxMessages` complete events have arrived, or
 * `dropAfterMs` has passed (an abrupt drop, possibly mid-frame: a partial frame is discarded, as
 * EventSource does).
 */
async function connect(url: string, headers: Record<string, string>, maxMessages: number, dropAfterMs: number): Promise<{ messages: SseMessage[]; ended: boolean }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), dropAfterMs);
  const messages: SseMessage[] = [];
  try {
    const res = await fetch(url, { headers, signal: controller.signal });
    if (!res.ok || !res.body) throw new Error(`GET ${url}: ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { messages, ended: true };
      for (const m of parser.push(decoder.decode(value, { stream: true })).messages) {
        messages.push(m);
        if (messages.length >= maxMessages) {
          controller.abort();
          return { messages, ended: false };
        }
      }
    }
  } catch (error) {
    if (controller.signal.aborted) return { messages, ended: false };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

type ClientResult = { events: RunEvent[]; connections: number };

/** A client that follows a run to its end through random drops, resuming each time from the last id it saw. */
async function flakyClient(base: string, id: string, useAfter: boolean, between: (lo: number, hi: number) => number): Promise<ClientResult> {
  const received: SseMessage[] = [];
  let connections = 0;
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    connections += 1;
    const lastId = received.at(-1)?.id;
    const url = `${base}/v1/reviews/${id}/events${useAfter && lastId ? `?after=${lastId}` : ""}`;
    const headers: Record<string, string> = !useAfter && lastId ? { "last-event-id": lastId } : {};
    // Half the drops after a number of events, half after a time (which may cut a frame in two).
    const byCount = between(0, 2) === 0;
    const { messages, ended } = await connect(url, headers, byCount ? between(1, 12) : Number.MAX_SAFE_INTEGER, byCount ? 30_000 : between(50, 900));
    received.push(...messages);
    const last = received.at(-1);
    if (ended || (last && TERMINAL_EVENT_TYPES.includes(last.event as RunEvent["type"]))) break;
    await sleep(between(0, 400));
  }
  return { events: received.map((m) => RunEventSchema.parse(JSON.parse(m.data))), connections };
}

describe("fault: SSE clients dropping and resuming", () => {
  it("every client ends with exactly the ?format=json transcript", async () => {
    const { between } = scenarioSeed("sse-reconnect", 40_004);
    if (!stack) throw new Error("not started");
    const url = stack.url;
    const tally = newTally();
    const ids: string[] = [];
    for (let i = 0; i < RUNS; i++) ids.push(await submit(url, i, { rounds: 3 }));
    const clients = ids.flatMap((id) =>
      Array.from({ length: CLIENTS_PER_RUN }, (_, c) => {
        const useAfter = c % 3 === 0;
        return (async () => {
          await sleep(between(0, 1500)); // some join late, some after the run has ended
          return { id, useAfter, ...(await flakyClient(url, id, useAfter, between)) };
        })();
      }),
    );
    const results = await Promise.all(clients);
    const records = await waitFinished(url, ids, 30_000);
    for (const id of ids) await tallyRun(url, id, records.get(id), tally, { allowFailed: false });

    let clientLost = 0;
    let clientDuplicated = 0;
    let reconnects = 0;
    const mismatches: string[] = [];
    for (const r of results) {
      reconnects += r.connections - 1;
      const expected = await transcript(url, r.id);
      const got = r.events.map((e) => e.seq);
      const seen = new Set<number>();
      for (const s of got) {
        if (seen.has(s)) clientDuplicated += 1;
        seen.add(s);
      }
      clientLost += expected.filter((e) => !seen.has(e.seq)).length;
      try {
        expect(r.events).toEqual(expected);
      } catch {
        mismatches.push(`${r.id} (${r.useAfter ? "?after" : "Last-Event-ID"}, ${r.connections} connections): got seqs ${got.join(",")}`);
      }
    }
    tally.lostEvents += clientLost;
    tally.duplicatedEvents += clientDuplicated;
    console.log(`faults sse-reconnect: clients=${results.length} reconnects=${reconnects}`);
    console.log(summaryLine("sse-reconnect", tally));
    expect(mismatches).toEqual([]);
    expect(tally.problems).toEqual([]);
    expect(tally.runs).toBe(RUNS);
    expect(tally.lostEvents).toBe(0);
    expect(tally.duplicatedEvents).toBe(0);
    expect(tally.completed + tally.failedCleanly).toBe(tally.runs);
    expect(reconnects).toBeGreaterThanOrEqual(RUNS * CLIENTS_PER_RUN);
  });
});
