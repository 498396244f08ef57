import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startServices, type Running } from "../../src/runtime/services.js";
import { getRun, newTally, scenarioSeed, sleep, submit, summaryLine, tallyRun, waitFinished } from "./common.js";

/**
 * `npm start`'s own private Redis SIGKILLed again and again mid-run (AOF, fsync every second, as
 * `npm start` runs it): its supervisor starts it again from the AOF on the same port, the clients
 * reconnect, and every review completes with a gapless, duplicate-free transcript, without any restart
 * of the service.
 */
const RUNS = 10;
const KILLS = 3;

let dataDir: string;
let running: Running | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "prfaq-faults-supervised-"));
  const config = loadConfig({
    PORT: "0",
    PRFAQ_DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    PRFAQ_OFFLINE_PACE_MS: "40",
    PRFAQ_WORKER_CONCURRENCY: "3",
    PRFAQ_JOB_LOCK_MS: "5000",
    PRFAQ_MAX_ACTIVE_RUNS: "1000",
    PRFAQ_RATE_LIMIT_PER_MIN: "1000000",
    PRFAQ_SHUTDOWN_TIMEOUT_MS: "1000",
  });
  running = await startServices(config, { api: true, worker: true }, { logger: pino({ level: "silent" }) });
});
afterAll(async () => {
  await running?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("fault: the private Redis dies under supervision", () => {
  it("is restarted from its AOF each time, and every review completes without restarting the service", async () => {
    const { between } = scenarioSeed("redis-supervised", 30_003);
    if (!running?.url || !running.privateRedis) throw new Error("not started");
    const url = running.url;
    const redis = running.privateRedis;
    const tally = newTally();
    const ids: string[] = [];
    for (let i = 0; i < RUNS; i++) ids.push(await submit(url, i, { rounds: 2 }));
    const pids = new Set<number>([redis.pid]);
    let killsMidRun = 0;
    for (let k = 0; k < KILLS; k++) {
      await sleep(between(300, 1200));
      if ((await Promise.all(ids.map((id) => getRun(url, id)))).some((r) => r?.status === "running")) killsMidRun += 1;
      process.kill(redis.pid, "SIGKILL");
      // The supervisor brings it back (a new pid) before the next kill.
      for (let i = 0; i < 100 && pids.has(redis.pid); i++) await sleep(50);
      pids.add(redis.pid);
    }
    const records = await waitFinished(url, ids, 90_000);
    for (const id of ids) await tallyRun(url, id, records.get(id), tally, { allowFailed: false });
    console.log(`faults redis-supervised: kills=${KILLS} killsMidRun=${killsMidRun} redisPids=${pids.size}`);
    console.log(summaryLine("redis-supervised", tally));
    expect(tally.problems).toEqual([]);
    expect(pids.size).toBe(KILLS + 1);
    expect(tally.completed).toBe(RUNS);
    expect(tally.lostEvents + tally.duplicatedEvents).toBe(0);
    expect(killsMidRun).toBeGreaterThanOrEqual(KILLS - 1);
  });
});
