// Event-loop time of adversarial request bodies: for each route that takes a body, the worst-case body
// (64 KiB of newlines as a markdown brief, 20,000 one-word paragraphs to lint) five at once, and a seeded
// sample of the property test's adversarial bodies one at a time. The API runs in this process, so the
// event-loop delay seen here is the API's: the longest stall, and /healthz latency while the five are
// in flight. Prints figures; never fails on time (the property test checks correctness).
// Usage: npx tsx bench/event-loop.ts [--samples 40] [--seed N]
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import fc from "fast-check";
import { adversarialText, BODY_LIMIT, jsonWithin, WORST_CASE } from "../test/helpers/adversarial.js";
import { benchRedis, inProcess, main, printTable, round, sleep, writeResults } from "./lib.js";

const { values } = parseArgs({ options: { samples: { type: "string", default: "40" }, seed: { type: "string", default: "17" } } });

type Body = { route: string; type: string; body: string };
const ROUTES: Record<string, (text: string) => Body> = {
  "POST /v1/reviews (markdown)": (text) => ({ route: "/v1/reviews", type: "text/markdown", body: text }),
  "POST /v1/reviews (json)": (text) => ({ route: "/v1/reviews", type: "application/json", body: jsonWithin(BODY_LIMIT, text, (t) => ({ brief: { title: "T", text: t } })) }),
  "POST /v1/lint (markdown)": (text) => ({ route: "/v1/lint", type: "text/markdown", body: text }),
  "POST /v1/lint (json)": (text) => ({ route: "/v1/lint", type: "application/json", body: jsonWithin(BODY_LIMIT, text, (t) => ({ text: t })) }),
  "POST /v1/reviews/{id}/cancel": (text) => ({ route: "/v1/reviews/rv_abcdefghijklmnopqrstuvwxyz01/cancel", type: "text/markdown", body: text }),
};

await main(async () => {
  const redis = await benchRedis("event-loop");
  const api = await inProcess({ REDIS_URL: redis.url, PRFAQ_RATE_LIMIT_PER_MIN: "1000000", PRFAQ_MAX_ACTIVE_RUNS: "1000000" }, { api: true, worker: false });
  const post = (b: Body) => fetch(`${api.url}${b.route}`, { method: "POST", headers: { "content-type": b.type }, body: b.body }).then(async (r) => ({ status: r.status, size: (await r.arrayBuffer()).byteLength }));
  // Warm up: the lint threads load the rubric, the routes compile.
  await post(ROUTES["POST /v1/lint (markdown)"]!("# Warm\n\nup"));
  await post(ROUTES["POST /v1/reviews (markdown)"]!("# Warm\n\nup"));

  const loop = monitorEventLoopDelay({ resolution: 5 });
  /** Runs `fn` with the loop monitor reset; returns its wall time and the longest event-loop stall in it. */
  async function measured<T>(fn: () => Promise<T>): Promise<{ result: T; wallMs: number; maxStallMs: number }> {
    loop.reset();
    loop.enable();
    const t0 = performance.now();
    const result = await fn();
    const wallMs = performance.now() - t0;
    loop.disable();
    return { result, wallMs, maxStallMs: loop.max / 1e6 };
  }

  const worst: Record<string, string | number>[] = [];
  for (const [name, text] of [
    ["POST /v1/reviews (markdown)", WORST_CASE.newlines],
    ["POST /v1/reviews (json)", WORST_CASE.newlines],
    ["POST /v1/lint (markdown)", WORST_CASE.paragraphs],
    ["POST /v1/lint (json)", WORST_CASE.paragraphs],
  ] as const) {
    const health: number[] = [];
    const { result, wallMs, maxStallMs } = await measured(async () => {
      let done = false;
      const inFlight = Promise.all(Array.from({ length: 5 }, () => post(ROUTES[name]!(text)))).finally(() => (done = true));
      while (!done) {
        const t = performance.now();
        await fetch(`${api.url}/healthz`).then((r) => r.arrayBuffer());
        health.push(performance.now() - t);
        await sleep(10);
      }
      return inFlight;
    });
    worst.push({
      route: name,
      body: text === WORST_CASE.newlines ? "64 KiB of newlines" : "20,000 one-word paragraphs",
      statuses: [...new Set(result.map((r) => r.status))].join(","),
      "5 at once, wall ms": round(wallMs, 0),
      "max event-loop stall ms": round(maxStallMs, 1),
      "/healthz max ms": round(Math.max(...health), 1),
      "/healthz answers": health.length,
    });
  }
  printTable("Worst-case bodies, five at once (the API in this process)", worst);

  const samples = fc.sample(fc.tuple(fc.constantFrom(...Object.keys(ROUTES)), adversarialText(BODY_LIMIT)), { numRuns: Number(values.samples), seed: Number(values.seed) });
  const byRoute = new Map<string, number[]>();
  for (const [name, text] of samples) {
    const { maxStallMs } = await measured(() => post(ROUTES[name]!(text)));
    byRoute.set(name, [...(byRoute.get(name) ?? []), maxStallMs]);
  }
  const sampled = [...byRoute].map(([route, stalls]) => ({ route, bodies: stalls.length, "max event-loop stall ms": round(Math.max(...stalls), 1) }));
  printTable(`Adversarial sample (seed ${values.seed}), one at a time`, sampled);
  console.log(`\nLongest event-loop stall over every body: ${round(Math.max(...worst.map((w) => Number(w["max event-loop stall ms"])), ...sampled.map((s) => s["max event-loop stall ms"])), 1)} ms (the goal: under 100 ms)`);
  await writeResults("event-loop", { worst, sampled });
});
