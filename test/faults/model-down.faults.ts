import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../src/runtime/redis-server.js";
import { startStack, type Stack } from "../helpers/stack.js";
import { newTally, scenarioSeed, submit, summaryLine, tallyRun, transcript, waitFinished } from "./common.js";

/**
 * The model server is down (nothing listens at OPENAI_BASE_URL): every run shows its retries as they
 * happen (agent.retrying, with attempt and wait) and fails cleanly with engine_unavailable naming the
 * endpoint's host:port and what to check, on its first job attempt. The slowest failure is printed (the
 * promise: within 20 s with the defaults).
 */
const RUNS = 6;
let stack: Stack;
let port: number;
beforeAll(async () => {
  port = await freePort();
  stack = await startStack({ env: { OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_API_KEY: "sk-test", PRFAQ_ENGINE: "openai", PRFAQ_MAX_ACTIVE_RUNS: "1000", PRFAQ_RATE_LIMIT_PER_MIN: "1000000" } });
});
afterAll(async () => {
  await stack?.stop();
});

describe("fault: the model server is down", () => {
  it("every run shows its retries and fails cleanly, naming the endpoint", async () => {
    scenarioSeed("model-down", 50_005);
    const tally = newTally();
    const started = Date.now();
    const ids: string[] = [];
    for (let i = 0; i < RUNS; i++) ids.push(await submit(stack.url, i, { rounds: 1 }));
    const records = await waitFinished(stack.url, ids, 60_000);
    const slowest = Date.now() - started;
    const wrong: string[] = [];
    for (const id of ids) {
      await tallyRun(stack.url, id, records.get(id), tally, { allowFailed: true });
      const events = await transcript(stack.url, id);
      const retries = events.filter((e) => e.type === "agent.retrying").map((e) => (e.type === "agent.retrying" ? e.attempt : 0));
      const error = records.get(id)?.error;
      if (retries.join(",") !== "1,2,3") wrong.push(`${id}: retries ${retries.join(",")}`);
      if (error?.code !== "engine_unavailable" || !error.message.includes(`127.0.0.1:${port} could not be reached`)) wrong.push(`${id}: ${JSON.stringify(error)}`);
    }
    console.log(`faults model-down: all ${RUNS} runs failed within ${slowest} ms of the first submission`);
    console.log(summaryLine("model-down", tally));
    expect(wrong).toEqual([]);
    expect(tally.problems).toEqual([]);
    expect(tally.failedCleanly).toBe(RUNS);
  });
});
