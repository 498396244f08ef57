import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WORST_CASE } from "../helpers/adversarial.js";
import { startStack, type Stack } from "../helpers/stack.js";
import { newTally, scenarioSeed, sleep, summaryLine, tallyRun, waitFinished } from "./common.js";

/**
 * One tenant attacks while another works: worst-case bodies on every route that takes one, more event
 * streams than its cap, a request flood past its rate, then key guessing. The other tenant's reviews all
 * complete with whole transcripts, /healthz keeps answering (its slowest answer is printed, a figure),
 * and the attacker gets 429s, 400s and 401s, never a 5xx.
 */
const GOOD = "hostile-good-key-0123456789";
const BAD = "hostile-bad-key-0123456789";
const RUNS = 5;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    env: { PRFAQ_API_KEYS: `${GOOD},${BAD}`, PRFAQ_OFFLINE_PACE_MS: "17", PRFAQ_MAX_STREAMS_PER_KEY: "10", PRFAQ_RATE_LIMIT_PER_MIN: "300", PRFAQ_AUTH_FAILURES_PER_MIN: "20" },
  });
});
afterAll(async () => {
  await stack?.stop();
});

const auth = (key: string) => ({ authorization: `Bearer ${key}` });

describe("fault: a hostile tenant", () => {
  it("cannot stall the service or the other tenant's reviews", async () => {
    const { between } = scenarioSeed("hostile-clients", 60_006);
    const url = stack.url;
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    const post = (path: string, type: string, body: string) => fetch(`${url}${path}`, { method: "POST", headers: { ...auth(BAD), "content-type": type }, body }).then(async (r) => (await r.arrayBuffer(), count(r.status)));

    // The good tenant's reviews.
    const ids: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const res = await fetch(`${url}/v1/reviews`, { method: "POST", headers: { ...auth(GOOD), "content-type": "text/markdown" }, body: `# Good run ${i}\n\n## Customer\nShift managers at 12,000 m2 warehouses.\n## Problem\nPickers walk 15 km a shift.` });
      expect(res.status).toBe(202);
      ids.push(((await res.json()) as { id: string }).id);
    }

    let attacking = true;
    const health: number[] = [];
    const healthLoop = (async () => {
      while (attacking) {
        const t = performance.now();
        const res = await fetch(`${url}/healthz`);
        await res.arrayBuffer();
        health.push(performance.now() - t);
        await sleep(50);
      }
    })();

    // Worst-case bodies, five at a time, on the routes that take a body.
    const bodies = (async () => {
      for (let wave = 0; wave < 3; wave++) {
        await Promise.all([
          ...Array.from({ length: 5 }, () => post("/v1/lint", "text/markdown", WORST_CASE.paragraphs)),
          ...Array.from({ length: 5 }, () => post("/v1/reviews", "text/markdown", WORST_CASE.newlines)),
        ]);
        await sleep(between(100, 500));
      }
    })();
    // More streams than the cap, held open.
    const own = await fetch(`${url}/v1/reviews`, { method: "POST", headers: { ...auth(BAD), "content-type": "text/markdown" }, body: "# Noise\n\nA brief to hold streams on." });
    const target = ((await own.json()) as { id: string }).id;
    const streams = Array.from({ length: 25 }, () => new AbortController());
    const opened = await Promise.all(streams.map((c) => fetch(`${url}/v1/reviews/${target}/events`, { headers: auth(BAD), signal: c.signal }).then((r) => r.status, () => 0)));
    for (const s of opened) count(s);
    // A flood past the rate limit.
    await Promise.all(Array.from({ length: 350 }, () => fetch(`${url}/v1/personas`, { headers: auth(BAD) }).then(async (r) => (await r.arrayBuffer(), count(r.status)))));
    await bodies;

    const records = await waitFinished(url, ids, 60_000, auth(GOOD));
    const tally = newTally();
    for (const id of ids) await tallyRun(url, id, records.get(id), tally, { allowFailed: false, headers: auth(GOOD) });
    for (const c of streams) c.abort();

    // Last, key guessing from the same address: 401s, then 429s.
    const guesses: number[] = [];
    for (let i = 0; i < 30; i++) guesses.push((await fetch(`${url}/v1/reviews`, { headers: { authorization: `Bearer guess-${i}-0123456789abcdef` } })).status);
    attacking = false;
    await healthLoop;

    console.log(`faults hostile-clients: attacker statuses ${JSON.stringify(Object.fromEntries(statuses))}; guesses ${guesses.filter((s) => s === 401).length}x401 then ${guesses.filter((s) => s === 429).length}x429; healthz answers=${health.length} slowestMs=${Math.round(Math.max(...health))}`);
    console.log(summaryLine("hostile-clients", tally));
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect(statuses.get(429) ?? 0).toBeGreaterThan(0);
    expect(guesses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(guesses.slice(20).every((s) => s === 429)).toBe(true);
    expect(tally.problems).toEqual([]);
    expect(tally.completed).toBe(RUNS);
  });
});
