import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { freePort, startPrivateRedis, type PrivateRedis } from "../../src/runtime/redis-server.js";
import { startServices } from "../../src/runtime/services.js";
import type { OpenApiDocument } from "../../src/server/openapi.js";
import { checkTranscript, submit, transcript, waitFinished } from "../faults/common.js";
import { startStack } from "../helpers/stack.js";

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `prfaq-${name}-`));
  dirs.push(dir);
  return dir;
}

/** Every route, with what it answers while Redis is away. */
const ROUTES: { method: string; path: string; whileDown: number; body?: string; type?: string }[] = [
  { method: "GET", path: "/healthz", whileDown: 200 },
  { method: "GET", path: "/", whileDown: 200 },
  { method: "GET", path: "/openapi.json", whileDown: 200 },
  { method: "GET", path: "/readyz", whileDown: 503 },
  { method: "GET", path: "/metrics", whileDown: 503 },
  { method: "GET", path: "/v1/personas", whileDown: 503 },
  { method: "GET", path: "/v1/reviews", whileDown: 503 },
  { method: "GET", path: "/v1/reviews/{id}", whileDown: 503 },
  { method: "GET", path: "/v1/reviews/{id}/events", whileDown: 503 },
  { method: "GET", path: "/v1/reviews/{id}/events?format=json", whileDown: 503 },
  { method: "GET", path: "/v1/reviews/{id}/memo", whileDown: 503 },
  { method: "GET", path: "/v1/reviews/{id}/prfaq", whileDown: 503 },
  { method: "POST", path: "/v1/reviews/{id}/cancel", whileDown: 503 },
  { method: "POST", path: "/v1/reviews", whileDown: 503, type: "text/markdown", body: "# Fetchly\n\nDog walkers in Leeds lose 3 hours a week to scheduling." },
  { method: "POST", path: "/v1/lint", whileDown: 503, type: "text/markdown", body: "# Fetchly\n\nA press release." },
];

/** Calls every route; a route that does not answer within 10 s fails the test as hung. */
async function callAll(url: string, id: string): Promise<{ route: string; status: number; retryAfter: string | null; type: string | null }[]> {
  return Promise.all(
    ROUTES.map(async (r) => {
      const res = await fetch(`${url}${r.path.replace("{id}", id)}`, {
        method: r.method,
        signal: AbortSignal.timeout(10_000),
        ...(r.body ? { body: r.body, headers: { "content-type": r.type ?? "text/plain" } } : {}),
      });
      await res.arrayBuffer();
      return { route: `${r.method} ${r.path}`, status: res.status, retryAfter: res.headers.get("retry-after"), type: res.headers.get("content-type") };
    }),
  );
}

describe("Redis unreachable", () => {
  it("every route answers at once, 503 problem+json with Retry-After where it needs Redis, and all recover by themselves", async () => {
    const dir = await tempDir("outage");
    const port = await freePort();
    let redis: PrivateRedis = await startPrivateRedis({ dir, port });
    const stack = await startStack({ env: { REDIS_URL: redis.url }, roles: { api: true, worker: false } });
    try {
      const id = await submit(stack.url, 0);
      // The document the service serves, generated from its routes.
      const DOC = (await (await fetch(`${stack.url}/openapi.json`)).json()) as OpenApiDocument;
      for (const signal of ["SIGKILL", "SIGSTOP"] as const) {
        // Killed: connections refused. Stopped: connections open, but nothing answers.
        process.kill(redis.pid, signal);
        if (signal === "SIGKILL") await redis.stop();
        const answers = await callAll(stack.url, id);
        for (const a of answers) {
          const expected = ROUTES.find((r) => `${r.method} ${r.path}` === a.route)?.whileDown;
          expect(`${signal} ${a.route} ${a.status}`).toBe(`${signal} ${a.route} ${expected}`);
          if (a.status === 503) {
            expect(a.type, a.route).toContain("application/problem+json");
            expect(Number(a.retryAfter), a.route).toBeGreaterThan(0);
            // The OpenAPI document says so, with its Retry-After.
            const [method = "", target = ""] = a.route.split(" ");
            const documented = DOC.paths[target.split("?")[0] ?? ""]?.[method.toLowerCase()]?.responses["503"];
            expect(documented?.headers, `${a.route} documents 503`).toHaveProperty("Retry-After");
          }
        }
        if (signal === "SIGKILL") redis = await startPrivateRedis({ dir, port });
        else process.kill(redis.pid, "SIGCONT");
        // Back by itself: no restart of the service.
        let statuses: number[] = [];
        for (let i = 0; i < 50; i++) {
          statuses = (await callAll(stack.url, id)).filter((a) => a.route !== "GET /readyz" && a.route !== "GET /v1/reviews/{id}/events").map((a) => a.status);
          if (statuses.every((s) => s < 500)) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        expect(statuses.filter((s) => s >= 500)).toEqual([]);
      }
    } finally {
      await stack.stop();
      await redis.stop();
    }
  });
});

describe("the private Redis under supervision", () => {
  it("is restarted from its AOF when it dies, and a running review completes without a restart of the service", async () => {
    const dataDir = await tempDir("supervised");
    const config = loadConfig({ PORT: "0", PRFAQ_DATA_DIR: dataDir, LOG_LEVEL: "silent", PRFAQ_OFFLINE_PACE_MS: "25", PRFAQ_JOB_LOCK_MS: "5000" });
    const running = await startServices(config, { api: true, worker: true }, { logger: pino({ level: "silent" }) });
    try {
      const url = running.url ?? "";
      const id = await submit(url, 1, { rounds: 2 });
      // Wait until the review is under way, then kill its Redis.
      for (let i = 0; i < 100 && (await transcript(url, id)).length < 6; i++) await new Promise((r) => setTimeout(r, 50));
      const firstPid = running.privateRedis?.pid ?? 0;
      process.kill(firstPid, "SIGKILL");
      const records = await waitFinished(url, [id], 60_000);
      expect(records.get(id)?.status).toBe("completed");
      expect(running.privateRedis?.pid).not.toBe(firstPid);
      const check = checkTranscript(await transcript(url, id));
      expect(check.problems).toEqual([]);
      expect(check.memos).toBe(1);
    } finally {
      await running.stop();
    }
  });
});
