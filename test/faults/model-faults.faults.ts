import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { startStack, type Stack } from "../helpers/stack.js";
import { getRun, newTally, scenarioSeed, sleep, submit, summaryLine, tallyRun, transcript } from "./common.js";

/**
 * The model engine against a flaky OpenAI-compatible server: 30% of calls get a random 429, 500,
 * malformed or schema-invalid JSON, truncated answer, or a hang longer than the client's timeout. Every
 * run either completes or fails cleanly (status failed, an {code, message} error on the record, a
 * run.failed event), and none runs past its deadline.
 */
const RUNS = 20;
const FAULT_RATE = 0.3;
const MODEL_TIMEOUT_MS = 1500;
/** From submission to a terminal status, per run. */
const RUN_DEADLINE_MS = 60_000;

const { seed } = scenarioSeed("model-faults", 30_003);
let fake: Awaited<ReturnType<typeof startFakeOpenAI>> | undefined;
let stack: Stack | undefined;

beforeAll(async () => {
  fake = await startFakeOpenAI({ faultRate: FAULT_RATE, seed, hangMs: MODEL_TIMEOUT_MS * 2, rounds: 2 });
  stack = await startStack({
    roles: { api: true, worker: true },
    env: {
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: "test-key",
      PRFAQ_MODEL_TIMEOUT_MS: String(MODEL_TIMEOUT_MS),
      PRFAQ_MODEL_MAX_RETRIES: "1",
      PRFAQ_WORKER_CONCURRENCY: "50",
      PRFAQ_MAX_ACTIVE_RUNS: "1000",
      PRFAQ_RATE_LIMIT_PER_MIN: "1000000",
      PRFAQ_SHUTDOWN_TIMEOUT_MS: "1000",
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  await fake?.close();
});

describe("fault: a flaky model server", () => {
  it("every run completes or fails cleanly with {code, message} and a run.failed event; none hangs", async () => {
    if (!stack || !fake) throw new Error("not started");
    const url = stack.url;
    const tally = newTally();
    const submitted = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) submitted.set(await submit(url, i, { engine: "openai", rounds: 2 }), Date.now());
    const finished = new Map<string, number>();
    const records = new Map<string, Awaited<ReturnType<typeof getRun>>>();
    const deadline = Date.now() + RUN_DEADLINE_MS;
    while (finished.size < RUNS && Date.now() < deadline) {
      for (const id of submitted.keys()) {
        if (finished.has(id)) continue;
        const run = await getRun(url, id);
        records.set(id, run);
        if (run && ["completed", "failed", "cancelled"].includes(run.status)) finished.set(id, Date.now());
      }
      await sleep(250);
    }
    const overdue = [...submitted.keys()].filter((id) => !finished.has(id));
    const failures: string[] = [];
    let retriesShown = 0;
    for (const [id, record] of records) {
      if (overdue.includes(id)) continue;
      await tallyRun(url, id, record, tally, { allowFailed: true });
      retriesShown += (await transcript(url, id)).filter((e) => e.type === "agent.retrying").length;
      if (record?.status === "failed") {
        const failed = (await transcript(url, id)).find((e) => e.type === "run.failed");
        failures.push(`${record.error?.code}: ${record.error?.message.slice(0, 100)}${failed ? "" : " (no run.failed event)"}`);
      }
    }
    const slowest = Math.max(...[...finished].map(([id, at]) => at - (submitted.get(id) ?? at)));
    console.log(`faults model-faults: faults injected ${JSON.stringify(fake.injected)} over ${fake.requests.length} calls; retries shown as agent.retrying: ${retriesShown}; slowest run ${slowest} ms`);
    for (const f of new Set(failures)) console.log(`faults model-faults: failed cleanly: ${f}`);
    tally.runs += overdue.length;
    console.log(summaryLine("model-faults", tally));
    expect(overdue, "runs still unfinished at the deadline").toEqual([]);
    expect(tally.problems).toEqual([]);
    expect(tally.runs).toBe(RUNS);
    expect(tally.lostEvents).toBe(0);
    expect(tally.duplicatedEvents).toBe(0);
    expect(tally.completed + tally.failedCleanly).toBe(tally.runs);
    // The retries of 429s, 500s and timeouts are in the transcripts, as they happened.
    expect(retriesShown).toBeGreaterThan(0);
    // Every kind of fault was tried.
    expect(Object.keys(fake.injected).sort()).toEqual(["429", "500", "invalid", "malformed", "timeout", "truncated"]);
  });
});
