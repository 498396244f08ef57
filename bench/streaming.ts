// Streaming latency: the time from an event being appended to the run's log (EventLog.append, exactly as
// a worker does) to an SSE client receiving it, with 1, 100 and 1000 clients on one API process (a child
// process), and the time from POST /v1/reviews to the first events of the run (offline engine, one worker).
// Prints figures; never fails on time.
// Usage: npx tsx bench/streaming.ts [--clients 1,100,1000] [--events 30] [--gap 100] [--posts 20]
// BENCH_DEBUG=1 prints the latency of each event separately.
import { parseArgs } from "node:util";
import { Redis } from "ioredis";
import { EventLog } from "../src/store/event-log.js";
import { redisKeys } from "../src/store/keys.js";
import { eventKey } from "../src/domain/events.js";
import { benchRedis, cpuMsOf, main, onCleanup, pct, postReview, printTable, round, rssOf, sleep, spawnService, streamSse, until, writeResults } from "./lib.js";

const { values } = parseArgs({ options: { clients: { type: "string", default: "1,100,1000" }, events: { type: "string", default: "30" }, gap: { type: "string", default: "100" }, posts: { type: "string", default: "20" } } });
const clientCounts = values.clients.split(",").map(Number);
const eventsPerCase = Number(values.events);
const gapMs = Number(values.gap);
const posts = Number(values.posts);
const TEXT = "The refill queue removes a real daily pain for front-desk staff. ".repeat(8); // ~500 characters, a mid-size event

type FanOut = { clients: number; events: number; deliveries: number; p50Ms: number; p99Ms: number; maxMs: number; connectSeconds: number; apiCpuMsPerDelivery: number; apiCpuPct: number; clientCpuPct: number; apiRssMiB: number; over1s: number };

await main(async () => {
  const redis = await benchRedis("streaming");
  const env = { REDIS_URL: redis.url, PRFAQ_MAX_ACTIVE_RUNS: "100000", PRFAQ_RATE_LIMIT_PER_MIN: "1000000" };
  const api = await spawnService("serve", env);
  const url = api.url;
  if (!url) throw new Error("the API did not say where it listens");
  const client = new Redis(redis.url, { maxRetriesPerRequest: null });
  onCleanup(() => void client.disconnect());
  const log = new EventLog(client, redisKeys("prfaq"));

  async function fanOut(clients: number): Promise<FanOut> {
    // A queued run (no worker yet) whose log we append to ourselves.
    const id = await postReview(url!, { rounds: 1, engine: "offline" });
    const receipts: { seq: number; at: number }[] = [];
    let ready = 0;
    const t0 = performance.now();
    const streams = Array.from({ length: clients }, () =>
      streamSse(`${url}/v1/reviews/${id}/events`, (e) => {
        if (e.id === 1) ready += 1;
        else receipts.push({ seq: e.id, at: e.receivedAt });
      }),
    );
    await until(() => ready === clients, 60_000, 20, `${clients} SSE clients to connect`);
    const connectSeconds = (performance.now() - t0) / 1000;
    await sleep(300);
    const cpuBefore = await cpuMsOf(api.pid);
    const ownCpuBefore = process.cpuUsage();
    const windowStart = performance.now();
    const appendedAt = new Map<number, number>();
    for (let i = 0; i < eventsPerCase; i++) {
      const started = performance.now();
      const { seq } = await log.append(id, { type: "agent.retrying", key: eventKey("agent.retrying", 1, "bench", String(i)), round: 1, agent: "bench", attempt: i + 1, waitMs: 0, reason: TEXT });
      appendedAt.set(seq, started);
      await sleep(gapMs);
    }
    // The last event is delivered, then end the streams: cancelling a queued run appends run.cancelled.
    const lastSeq = Math.max(...appendedAt.keys());
    await until(() => receipts.filter((r) => r.seq === lastSeq).length === clients, 60_000, 20, "the last event to reach every client");
    const apiCpu = (await cpuMsOf(api.pid)) - cpuBefore;
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const windowMs = performance.now() - windowStart;
    const apiRss = await rssOf(api.pid);
    const cancel = await fetch(`${url}/v1/reviews/${id}/cancel`, { method: "POST" });
    if (cancel.status !== 202) throw new Error(`cancel answered ${cancel.status}`);
    await Promise.all(streams.map((s) => s.done));
    if (process.env.BENCH_DEBUG) {
      for (const [seq, at] of [...appendedAt.entries()].sort((a, b) => a[0] - b[0])) {
        const l = receipts.filter((r) => r.seq === seq).map((r) => r.at - at);
        console.log(`    seq ${seq}: p50 ${pct(l, 50).toFixed(1)} p90 ${pct(l, 90).toFixed(1)} max ${Math.max(...l).toFixed(1)} over1s ${l.filter((x) => x > 1000).length}`);
      }
    }
    const latencies = receipts.filter((r) => appendedAt.has(r.seq)).map((r) => r.at - appendedAt.get(r.seq)!);
    return {
      clients,
      events: eventsPerCase,
      deliveries: latencies.length,
      p50Ms: round(pct(latencies, 50), 1),
      p99Ms: round(pct(latencies, 99), 1),
      maxMs: round(Math.max(...latencies), 1),
      // Deliveries that waited for a stream's 2 s fallback poll rather than the pub/sub wake-up.
      over1s: latencies.filter((l) => l > 1000).length,
      connectSeconds: round(connectSeconds, 2),
      apiCpuMsPerDelivery: round(apiCpu / Math.max(1, latencies.length), 3),
      apiCpuPct: round((apiCpu / windowMs) * 100, 0),
      clientCpuPct: round(((ownCpu.user + ownCpu.system) / 1000 / windowMs) * 100, 0),
      apiRssMiB: round(apiRss / 2 ** 20, 0),
    };
  }

  // Warm the API up (routes, zod, Redis connections) before measuring.
  await fanOut(10);
  const fanOuts: FanOut[] = [];
  for (const n of clientCounts) {
    const r = await fanOut(n);
    fanOuts.push(r);
    console.log(`  ${n} client(s): p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms over ${r.deliveries} deliveries`);
  }

  // POST /v1/reviews to the first events, one review at a time, with an offline-engine worker.
  const worker = await spawnService("worker", { ...env, PRFAQ_WORKER_CONCURRENCY: "4" });
  const firsts: { queued: number; started: number; agent: number; completed: number }[] = [];
  for (let i = 0; i < posts + 2; i++) {
    const t0 = performance.now();
    const id = await postReview(url, { rounds: 1, engine: "offline" });
    const seen: Record<string, number> = {};
    await streamSse(`${url}/v1/reviews/${id}/events`, (e) => {
      seen[e.event] ??= e.receivedAt - t0;
    }).done;
    if (i >= 2) firsts.push({ queued: seen["run.queued"] ?? NaN, started: seen["run.started"] ?? NaN, agent: seen["agent.started"] ?? NaN, completed: seen["run.completed"] ?? NaN });
  }
  await worker.stop();
  const firstRows = (["queued", "started", "agent", "completed"] as const).map((k) => ({
    from: "POST /v1/reviews",
    to: { queued: "first event (run.queued)", started: "run.started (worker took the job)", agent: "first agent.started", completed: "run.completed (offline engine, 1 round)" }[k],
    p50Ms: round(pct(firsts.map((f) => f[k]), 50), 1),
    p99Ms: round(pct(firsts.map((f) => f[k]), 99), 1),
  }));

  printTable(`Event appended (EventLog.append) → received by SSE clients on one API process (${eventsPerCase} events of ~${TEXT.length} chars, one every ${gapMs} ms)`, fanOuts.map((r) => ({
    clients: r.clients,
    deliveries: r.deliveries,
    "p50 ms": r.p50Ms,
    "p99 ms": r.p99Ms,
    "max ms": r.maxMs,
    "> 1 s": r.over1s,
    "connect all s": r.connectSeconds,
    "API CPU ms/delivery": r.apiCpuMsPerDelivery,
    "API CPU %": r.apiCpuPct,
    "client process CPU %": r.clientCpuPct,
    "API RSS MiB": r.apiRssMiB,
  })));
  printTable(`POST /v1/reviews → events received (${posts} reviews one after another, client reads SSE right after the POST)`, firstRows.map((r) => ({ from: r.from, to: r.to, "p50 ms": r.p50Ms, "p99 ms": r.p99Ms })));
  await writeResults("streaming", { eventsPerCase, gapMs, eventChars: TEXT.length, fanOuts, postToEvents: firstRows });
});
