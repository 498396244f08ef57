import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startPrivateRedis, type PrivateRedis } from "../../src/runtime/redis-server.js";
import { startStack, type Stack } from "../helpers/stack.js";
import { scenarioSeed, sleep, submit } from "./common.js";

/**
 * An external Redis (REDIS_URL) that goes away, killed (connections refused) or frozen with SIGSTOP
 * (connections open, no answer), for seeded stretches: every route keeps answering, 503 problem+json with
 * Retry-After where it needs Redis, and the service recovers by itself each time Redis is back. The
 * longest answer during the outages is printed (a figure, not asserted: under 2 s is the promise).
 */
const OUTAGES = 4;
const ROUTES: [method: string, path: string, needsRedis: boolean][] = [
  ["GET", "/healthz", false],
  ["GET", "/", false],
  ["GET", "/docs", false],
  ["GET", "/readyz", true],
  ["GET", "/metrics", true],
  ["GET", "/v1/personas", true],
  ["GET", "/v1/reviews?status=completed", true],
  ["GET", "/v1/reviews/{id}", true],
  ["GET", "/v1/reviews/{id}/events", true],
  ["GET", "/v1/reviews/{id}/memo", true],
  ["POST", "/v1/reviews/{id}/cancel", true],
  ["POST", "/v1/reviews", true],
  ["POST", "/v1/lint", true],
];

let dir: string;
let port: number;
let redis: PrivateRedis;
let stack: Stack;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "prfaq-faults-outage-"));
  port = await freePort();
  redis = await startPrivateRedis({ dir, port });
  stack = await startStack({ env: { REDIS_URL: redis.url }, roles: { api: true, worker: true } });
});
afterAll(async () => {
  await stack?.stop();
  await redis?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function call(method: string, route: string, id: string): Promise<{ status: number; ms: number; problem: boolean; retryAfter: boolean }> {
  const started = performance.now();
  const res = await fetch(`${stack.url}${route.replace("{id}", id)}`, {
    method,
    signal: AbortSignal.timeout(15_000),
    ...(method === "POST" ? { headers: { "content-type": "text/markdown" }, body: "# Fetchly\n\nDog walkers in Leeds lose 3 hours a week to scheduling." } : {}),
  });
  await res.arrayBuffer();
  return { status: res.status, ms: performance.now() - started, problem: (res.headers.get("content-type") ?? "").includes("problem+json"), retryAfter: Number(res.headers.get("retry-after")) > 0 };
}

describe("fault: Redis unreachable", () => {
  it("every route answers during each outage (503 + Retry-After where Redis is needed) and recovers by itself", async () => {
    const { between, random } = scenarioSeed("redis-outage", 40_004);
    const id = await submit(stack.url, 0, { rounds: 1 });
    // Warm up: the web page is bundled on its first request, which has nothing to do with Redis.
    for (const [method, route] of ROUTES) await call(method, route, id);
    let slowestMs = 0;
    let slowest = "";
    let answered = 0;
    let recoveredWithin = 0;
    const wrong: string[] = [];
    for (let o = 0; o < OUTAGES; o++) {
      const frozen = random() < 0.5;
      if (frozen) process.kill(redis.pid, "SIGSTOP");
      else {
        redis.kill();
        await redis.stop();
      }
      const until = Date.now() + between(1500, 4000);
      while (Date.now() < until) {
        const sweep = await Promise.all(ROUTES.map(async ([method, route, needsRedis]) => ({ method, route, needsRedis, a: await call(method, route, id) })));
        for (const { method, route, needsRedis, a } of sweep) {
          answered += 1;
          if (a.ms > slowestMs) [slowestMs, slowest] = [a.ms, `${frozen ? "frozen" : "killed"} ${method} ${route}`];
          const ok = needsRedis ? a.status === 503 && a.problem && a.retryAfter : a.status === 200;
          if (!ok) wrong.push(`${frozen ? "frozen" : "killed"} ${method} ${route}: ${a.status}`);
        }
      }
      if (frozen) process.kill(redis.pid, "SIGCONT");
      else redis = await startPrivateRedis({ dir, port });
      const back = Date.now();
      for (;;) {
        const statuses = await Promise.all(ROUTES.filter(([, r]) => !r.includes("events") && r !== "/readyz").map(([m, r]) => call(m, r, id)));
        if (statuses.every((s) => s.status < 500)) break;
        if (Date.now() - back > 20_000) throw new Error(`not recovered 20 s after Redis came back: ${statuses.map((s) => s.status).join(",")}`);
        await sleep(100);
      }
      recoveredWithin = Math.max(recoveredWithin, Date.now() - back);
    }
    console.log(`faults redis-outage: outages=${OUTAGES} answers=${answered} wrong=${wrong.length} slowestAnswerMs=${Math.round(slowestMs)} (${slowest}) recoveredWithinMs=${recoveredWithin}`);
    expect(wrong).toEqual([]);
  });
});
