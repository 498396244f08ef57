import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { redisKeys } from "../../src/store/keys.js";
import { exited, spawnPrfaq } from "../helpers/process.js";
import { startStack, type Stack } from "../helpers/stack.js";
import { getRun, newTally, scenarioSeed, sleep, submit, summaryLine, tallyRun, transcript, waitFinished } from "./common.js";

/**
 * Workers SIGKILLed at random points while many reviews are in flight: a fresh worker takes over each
 * killed job once its lock expires and resumes the run from its last checkpoint. Every run completes,
 * with a gapless, duplicate-free transcript.
 *
 * BullMQ fails a job that stalled more than `maxStalledCount` (3) times, so each wave of runs sees at
 * most KILLS_PER_WAVE kills; the waves together put 24 runs through 6 kills at random points.
 */
const WAVES = 2;
const RUNS_PER_WAVE = 12;
const KILLS_PER_WAVE = 3;

let api: Stack;
/** Both tests' runs; the summary line is printed at the end of the last test. */
const tally = newTally();
let workerEnv: Record<string, string>;
let redis: Redis;
const children: ReturnType<typeof spawnPrfaq>[] = [];

beforeAll(async () => {
  redis = new Redis(inject("redisUrl"));
  api = await startStack({ roles: { api: true, worker: false }, env: { PRFAQ_MAX_ACTIVE_RUNS: "1000", PRFAQ_RATE_LIMIT_PER_MIN: "1000000" } });
  workerEnv = {
    REDIS_URL: inject("redisUrl"),
    PRFAQ_PREFIX: api.prefix,
    PRFAQ_OFFLINE_PACE_MS: "35",
    PRFAQ_JOB_LOCK_MS: "2000",
    PRFAQ_WORKER_CONCURRENCY: "50",
    LOG_LEVEL: "silent",
  };
});
afterAll(async () => {
  for (const c of children) c.kill("SIGKILL");
  await Promise.all(children.map((c) => exited(c)));
  await api?.stop();
  redis?.disconnect();
});

/** Events the workers appended so far across `ids` (all but the API's run.queued): grows while a worker makes progress. */
async function eventCount(ids: string[]): Promise<number> {
  const keys = redisKeys(api.prefix);
  const lengths = await Promise.all(ids.map((id) => redis.xlen(keys.events(id))));
  return lengths.reduce((a, b) => a + Math.max(0, b - 1), 0);
}

/** Waits until the (new) worker has appended a few events: it is up and running the jobs. */
async function waitForProgress(ids: string[], timeoutMs = 20_000): Promise<void> {
  const start = await eventCount(ids);
  const deadline = Date.now() + timeoutMs;
  while ((await eventCount(ids)) < start + 3 && Date.now() < deadline) await sleep(50);
}

function spawnWorker() {
  const child = spawnPrfaq(["worker"], workerEnv);
  children.push(child);
  return child;
}

describe("fault: workers SIGKILLed mid-run", () => {
  it("every run completes with a gapless, duplicate-free transcript", async () => {
    const { between } = scenarioSeed("worker-kill", 10_001);
    let kills = 0;
    let interrupted = 0;
    let worker = spawnWorker();
    for (let wave = 0; wave < WAVES; wave++) {
      const ids: string[] = [];
      // Staggered submissions, so the kills land at different points of different runs.
      const submitting = (async () => {
        for (let i = 0; i < RUNS_PER_WAVE; i++) {
          ids.push(await submit(api.url, wave * RUNS_PER_WAVE + i, { rounds: 2 + (i % 2) }));
          await sleep(between(0, 250));
        }
      })();
      for (let k = 0; k < KILLS_PER_WAVE; k++) {
        // A random point of the runs, measured from when this worker got going (its start-up time varies with load).
        await waitForProgress(ids);
        await sleep(between(100, 1500));
        worker.kill("SIGKILL");
        await exited(worker);
        kills += 1;
        worker = spawnWorker();
      }
      await submitting;
      const records = await waitFinished(api.url, ids, 60_000);
      for (const id of ids) await tallyRun(api.url, id, records.get(id), tally, { allowFailed: false });
      // How many of these runs a kill actually interrupted: BullMQ counts a job's stalls in its hash.
      for (const id of ids) if (Number((await redis.hget(`bull:${redisKeys(api.prefix).queueName()}:${id}`, "stc")) ?? 0) > 0) interrupted += 1;
    }
    worker.kill("SIGTERM");
    await exited(worker);
    console.log(`faults worker-kill: kills=${kills} runsInterrupted=${interrupted}`);
    expect(tally.problems).toEqual([]);
    expect(tally.runs).toBe(WAVES * RUNS_PER_WAVE);
    expect(tally.completed).toBe(tally.runs);
    expect(interrupted).toBeGreaterThanOrEqual(RUNS_PER_WAVE);
  });

  it("a run whose worker dies more often than BullMQ allows (maxStalledCount 3) ends failed, never stuck running", async () => {
    const id = await submit(api.url, 0, { rounds: 6 });
    let worker = spawnWorker();
    let lastSeq = 0;
    for (let k = 0; k < 4; k++) {
      // Kill only once the (new) worker has made progress on the run, so each kill is a stall of a running job.
      const deadline = Date.now() + 20_000;
      for (;;) {
        const seq = (await transcript(api.url, id)).at(-1)?.seq ?? 0;
        if (seq > lastSeq + 1 || Date.now() > deadline) {
          lastSeq = seq;
          break;
        }
        await sleep(100);
      }
      worker.kill("SIGKILL");
      await exited(worker);
      worker = spawnWorker();
    }
    const records = await waitFinished(api.url, [id], 20_000);
    const record = records.get(id) ?? (await getRun(api.url, id));
    worker.kill("SIGTERM");
    await exited(worker);
    expect(record?.status).toBe("failed");
    expect(record?.error?.message).toMatch(/stalled/);
    await tallyRun(api.url, id, record, tally, { allowFailed: true });

    console.log(summaryLine("worker-kill", tally));
    expect(tally.problems).toEqual([]);
    expect(tally.lostEvents).toBe(0);
    expect(tally.duplicatedEvents).toBe(0);
    expect(tally.completed + tally.failedCleanly).toBe(tally.runs);
  });
});
