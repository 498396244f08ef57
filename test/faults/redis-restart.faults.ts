import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startPrivateRedis, type PrivateRedis } from "../../src/runtime/redis-server.js";
import { startStack, type Stack } from "../helpers/stack.js";
import { getRun, newTally, scenarioSeed, sleep, submit, summaryLine, tallyRun, waitFinished } from "./common.js";

/**
 * Redis SIGKILLed mid-run and restarted on the same port and data dir (AOF, fsync always): the API's
 * and worker's clients reconnect, runs in flight resume, queued jobs survive, and no transcript loses
 * or repeats an event. This scenario owns its redis-server (the suite's shared one is never killed).
 */
const RUNS = 15;
const RESTARTS = 3;

let dir: string;
let port: number;
let redis: PrivateRedis | undefined;
let stack: Stack | undefined;

const startRedis = () => startPrivateRedis({ dir, port, persist: true, appendfsync: "always" });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "prfaq-faults-redis-"));
  port = await freePort();
  redis = await startRedis();
  stack = await startStack({
    roles: { api: true, worker: true },
    env: {
      REDIS_URL: redis.url,
      PRFAQ_OFFLINE_PACE_MS: "25",
      // Two at a time, so most runs wait in the queue while Redis dies.
      PRFAQ_WORKER_CONCURRENCY: "2",
      PRFAQ_JOB_LOCK_MS: "5000",
      PRFAQ_MAX_ACTIVE_RUNS: "1000",
      PRFAQ_RATE_LIMIT_PER_MIN: "1000000",
      PRFAQ_SHUTDOWN_TIMEOUT_MS: "1000",
    },
  });
});
afterAll(async () => {
  await stack?.stop();
  redis?.kill();
  await redis?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("fault: Redis killed and restarted mid-run", () => {
  it("runs in flight and queued jobs all complete; transcripts have no gap and no duplicate", async () => {
    const { between } = scenarioSeed("redis-restart", 20_002);
    if (!stack || !redis) throw new Error("not started");
    const url = stack.url;
    const tally = newTally();
    const ids: string[] = [];
    for (let i = 0; i < RUNS - RESTARTS; i++) ids.push(await submit(url, i, { rounds: 1 + (i % 2) }));
    const submittedDuringOutage: Promise<string>[] = [];
    const atKill: string[] = [];
    let killsMidRun = 0;
    let refusedWhileDown = 0;
    for (let r = 0; r < RESTARTS; r++) {
      await sleep(between(400, 1500));
      // What the kill interrupts: runs in flight and runs waiting in the queue.
      const statuses = await Promise.all(ids.map((id) => getRun(url, id).then((run) => run?.status)));
      const running = statuses.filter((s) => s === "running").length;
      if (running > 0) killsMidRun += 1;
      atKill.push(`${running} running/${statuses.filter((s) => s === "queued").length} queued`);
      redis.kill();
      await redis.stop();
      // One more review submitted while Redis is down: 503 + Retry-After at once, accepted once it is back.
      submittedDuringOutage.push(submit(url, 100 + r, { rounds: 1 }, { retryForMs: 30_000, onRetry: () => (refusedWhileDown += 1) }));
      await sleep(between(200, 1200));
      redis = await startRedis();
    }
    ids.push(...(await Promise.all(submittedDuringOutage)));
    const records = await waitFinished(url, ids, 90_000);
    for (const id of ids) await tallyRun(url, id, records.get(id), tally, { allowFailed: false });
    console.log(`faults redis-restart: at each kill: ${atKill.join(", ")}; submits refused with 503 while Redis was down: ${refusedWhileDown}`);
    console.log(summaryLine("redis-restart", tally));
    expect(tally.problems).toEqual([]);
    expect(tally.runs).toBe(RUNS);
    expect(tally.lostEvents).toBe(0);
    expect(tally.duplicatedEvents).toBe(0);
    expect(tally.completed + tally.failedCleanly).toBe(tally.runs);
    expect(tally.completed).toBe(tally.runs);
    // The API said so while Redis was down, rather than hanging.
    expect(refusedWhileDown).toBeGreaterThan(0);
    // The scenario means something only if the kills hit runs in flight.
    expect(killsMidRun).toBeGreaterThanOrEqual(RESTARTS - 1);
  });
});
