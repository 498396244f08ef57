// Throughput of model-engine reviews on one and on two worker processes (child processes), against the
// fake OpenAI server with a fixed latency per call: completed runs per minute at 10, 50 and 200 runs
// submitted at once, memory per active run, and 20 runs at once versus one alone.
// Prints figures; never fails on time.
// Usage: npx tsx bench/throughput.ts [--delay 200] [--rounds 2] [--sizes 10,50,200]
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { redisKeys } from "../src/store/keys.js";
import { RunStore } from "../src/store/runs.js";
import { benchRedis, cpuMsOf, inProcess, main, median, onCleanup, postReview, printTable, round, rssOf, sleep, spawnService, startFakeOpenAI, writeResults, type Child } from "./lib.js";

const { values } = parseArgs({ options: { delay: { type: "string", default: "200" }, rounds: { type: "string", default: "2" }, sizes: { type: "string", default: "10,50,200" } } });
const delayMs = Number(values.delay);
const rounds = Number(values.rounds);
const sizes = values.sizes.split(",").map(Number);
const maxSize = Math.max(...sizes, 20);
const TERMINAL = new Set(["completed", "failed", "cancelled"]);

type Batch = {
  runs: number;
  workers: number;
  seconds: number;
  runsPerMinute: number;
  failed: number;
  latencyP50Ms: number;
  latencyMaxMs: number;
  peakActive: number;
  rssDeltaMiB: number;
  rssPerActiveRunKiB: number;
  workerCpuMsPerRun: number;
  benchProcessCpuMsPerRun: number;
};

await main(async () => {
  const redis = await benchRedis("throughput");
  const fake = await startFakeOpenAI({ delayMs, rounds, completionTokens: 400 });
  const common = { REDIS_URL: redis.url, PRFAQ_ENGINE: "openai", OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: "bench", PRFAQ_MODEL_MAX_RETRIES: "0" };
  const api = await inProcess({ ...common, PRFAQ_MAX_ACTIVE_RUNS: "100000", PRFAQ_RATE_LIMIT_PER_MIN: "1000000" }, { api: true, worker: false });
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  onCleanup(() => void client.disconnect());
  const keys = redisKeys("prfaq");
  const runs = new RunStore(client, keys);

  /** Submits `n` runs at once and waits for all to end, sampling the workers' RSS and the active runs. */
  async function batch(n: number, workers: Child[]): Promise<Batch> {
    const sumOf = async (f: (pid: number) => Promise<number>) => (await Promise.all(workers.map((w) => f(w.pid)))).reduce((a, b) => a + b, 0);
    const idleRss = await sumOf(rssOf);
    const cpuBefore = await sumOf(cpuMsOf);
    const ownCpuBefore = process.cpuUsage();
    const t0 = performance.now();
    submitted += n;
    const ids = await Promise.all(Array.from({ length: n }, () => postReview(api.url, { rounds, engine: "openai" })));
    const pending = new Set(ids);
    let peakActive = 0;
    let rssAtPeak = idleRss;
    while (pending.size > 0) {
      await sleep(100);
      const list = [...pending];
      const statuses = (await client.pipeline(list.map((id) => ["hget", keys.run(id), "status"])).exec()) ?? [];
      let active = 0;
      statuses.forEach(([, status], i) => {
        if (TERMINAL.has(String(status))) pending.delete(list[i]!);
        else if (status === "running") active += 1;
      });
      if (active >= peakActive && active > 0) {
        const rss = await sumOf(rssOf);
        if (active > peakActive || rss > rssAtPeak) rssAtPeak = rss;
        peakActive = active;
      }
      if (performance.now() - t0 > 180_000) throw new Error(`${pending.size} of ${n} runs still unfinished after 180 s`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const workerCpu = (await sumOf(cpuMsOf)) - cpuBefore;
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const records = await Promise.all(ids.map((id) => runs.get(id)));
    const latencies = records.map((r) => Date.parse(r?.finishedAt ?? "") - Date.parse(r?.createdAt ?? ""));
    const rssDelta = Math.max(0, rssAtPeak - idleRss);
    return {
      runs: n,
      workers: workers.length,
      seconds: round(seconds, 2),
      runsPerMinute: round((n / seconds) * 60, 1),
      failed: records.filter((r) => r?.status !== "completed").length,
      latencyP50Ms: median(latencies),
      latencyMaxMs: Math.max(...latencies),
      peakActive,
      rssDeltaMiB: round(rssDelta / 2 ** 20, 1),
      rssPerActiveRunKiB: peakActive > 0 ? round(rssDelta / peakActive / 1024, 0) : 0,
      workerCpuMsPerRun: round(workerCpu / n, 1),
      benchProcessCpuMsPerRun: round((ownCpu.user + ownCpu.system) / 1000 / n, 1),
    };
  }

  async function startWorkers(count: number): Promise<Child[]> {
    const concurrency = String(Math.ceil(maxSize / count));
    const workers = await Promise.all(Array.from({ length: count }, () => spawnService("worker", { ...common, PRFAQ_WORKER_CONCURRENCY: concurrency })));
    // Warm up (module loading, JIT) with a few runs.
    await batch(2 * count, workers);
    await sleep(500);
    return workers;
  }

  let submitted = 0;
  const results: Batch[] = [];
  let together: { aloneMs: number; together20P50Ms: number; together20MaxMs: number; ratioP50: number; ratioMax: number } | undefined;
  for (const count of [1, 2]) {
    const workers = await startWorkers(count);
    if (count === 1) {
      // 20 reviews submitted together versus one alone, on one worker process.
      const alone: number[] = [];
      for (let i = 0; i < 3; i++) alone.push((await batch(1, workers)).latencyP50Ms);
      const twenty = await batch(20, workers);
      const aloneMs = median(alone);
      together = { aloneMs, together20P50Ms: twenty.latencyP50Ms, together20MaxMs: twenty.latencyMaxMs, ratioP50: round(twenty.latencyP50Ms / aloneMs, 2), ratioMax: round(twenty.latencyMaxMs / aloneMs, 2) };
    }
    for (const n of sizes) {
      const b = await batch(n, workers);
      results.push(b);
      console.log(`  ${count} worker(s), ${n} runs: ${b.runsPerMinute} runs/min (${b.seconds} s, ${b.failed} failed)`);
    }
    for (const w of workers) await w.stop();
  }

  printTable(`Throughput (model engine, ${rounds} rounds, fake model ${delayMs} ms per call; worker concurrency = ${maxSize} / workers)`, results.map((b) => ({
    workers: b.workers,
    "runs at once": b.runs,
    "runs/min": b.runsPerMinute,
    "batch s": b.seconds,
    failed: b.failed,
    "latency p50 ms": b.latencyP50Ms,
    "latency max ms": b.latencyMaxMs,
    "peak active": b.peakActive,
    "RSS delta MiB": b.rssDeltaMiB,
    "KiB per active run": b.rssPerActiveRunKiB,
    "worker CPU ms/run": b.workerCpuMsPerRun,
    "API+fake CPU ms/run": b.benchProcessCpuMsPerRun,
  })));
  if (together) {
    printTable("20 reviews submitted together vs one alone (one worker; latency = created → finished)", [
      { case: "one alone (median of 3)", "latency ms": together.aloneMs, ratio: 1, goal: "" },
      { case: "20 together, p50", "latency ms": together.together20P50Ms, ratio: together.ratioP50, goal: "≤ 2" },
      { case: "20 together, slowest", "latency ms": together.together20MaxMs, ratio: together.ratioMax, goal: "≤ 2" },
    ]);
  }
  await writeResults("throughput", { delayMs, rounds, modelCallsPerRun: round(fake.requests.length / submitted, 1), batches: results, together });
  await fake.close();
});
