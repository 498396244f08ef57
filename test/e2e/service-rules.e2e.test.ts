import { Redis } from "ioredis";
import { describe, expect, inject, it } from "vitest";
import { ZERO_USAGE, type RunRecord } from "../../src/domain/run.js";
import { MemoSchema } from "../../src/domain/memo.js";
import { redisKeys } from "../../src/store/keys.js";
import { RedisRunLedger } from "../../src/store/redis-ledger.js";
import { readSse } from "../helpers/sse.js";
import { startStack, useStack } from "../helpers/stack.js";

const A = "key-alpha-0123456789";
const B = "key-bravo-9876543210";
const brief = (title = "RefillReady") => ({ brief: { title, text: "## Customer\nFront-desk staff at 18,000 US vet clinics.\n## Problem\nRefill calls are 31% of calls." }, options: { rounds: 1 } });

const stack = useStack({ env: { PRFAQ_API_KEYS: `${A},${B}`, PRFAQ_MAX_ROUNDS: "3", PRFAQ_BODY_LIMIT_BYTES: "4096", PRFAQ_RETENTION_DAYS: "2" } });

function call(path: string, init: { key?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(`${stack().url}${path}`, {
    method: init.method ?? (init.body ? "POST" : "GET"),
    headers: {
      ...(init.key ? { authorization: `Bearer ${init.key}` } : {}),
      ...(init.body ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
    ...(init.body ? { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) } : {}),
  });
}

async function created(key: string, body: unknown = brief(), headers: Record<string, string> = {}) {
  const res = await call("/v1/reviews", { key, body, headers });
  expect(res.status).toBe(202);
  return { res, run: (await res.json()) as { id: string; status: string } };
}

describe("API keys", () => {
  it("401 problem without a key or with a wrong one, on every /v1 route and /metrics; health stays open", async () => {
    for (const [path, method] of [["/v1/reviews", "POST"], ["/v1/reviews", "GET"], ["/v1/personas", "GET"], ["/v1/lint", "POST"], ["/v1/reviews/rv_abcdefghijklmnop/events", "GET"]] as const) {
      const none = await call(path, { method });
      expect(none.status).toBe(401);
      expect(none.headers.get("content-type")).toContain("application/problem+json");
      expect(none.headers.get("www-authenticate")).toContain("Bearer");
      expect((await call(path, { method, key: "wrong" })).status).toBe(401);
    }
    expect((await call("/healthz")).status).toBe(200);
    expect((await call("/metrics")).status).toBe(401);
    expect((await call("/metrics", { key: B })).status).toBe(200);
  });

  it("a key sees only its own runs: another key's run is a 404 on every route", async () => {
    const { run } = await created(A);
    for (const [path, method] of [
      [`/v1/reviews/${run.id}`, "GET"],
      [`/v1/reviews/${run.id}/events`, "GET"],
      [`/v1/reviews/${run.id}/events?format=json`, "GET"],
      [`/v1/reviews/${run.id}/memo`, "GET"],
      [`/v1/reviews/${run.id}/prfaq`, "GET"],
      [`/v1/reviews/${run.id}/cancel`, "POST"],
    ] as const) {
      const res = await call(path, { method, key: B });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
    }
    expect((await call(`/v1/reviews/${run.id}`, { key: A })).status).toBe(200);
    const listB = (await (await call("/v1/reviews", { key: B })).json()) as { items: { id: string }[] };
    expect(listB.items.map((r) => r.id)).not.toContain(run.id);
  });
});

describe("limits and errors", () => {
  it("413 over the configured body limit, 415 for other media types, 400 with paths over the configured rounds", async () => {
    const big = await call("/v1/reviews", { key: A, body: { brief: { title: "T", text: "x".repeat(5000) } } });
    expect(big.status).toBe(413);
    const xml = await call("/v1/reviews", { key: A, body: "<brief/>", headers: { "content-type": "application/xml" } });
    expect(xml.status).toBe(415);
    const rounds = await call("/v1/reviews", { key: A, body: { ...brief(), options: { rounds: 5 } } });
    expect(rounds.status).toBe(400);
    expect(((await rounds.json()) as { errors: unknown[] }).errors).toEqual([{ path: "options.rounds", message: "at most 3 on this server" }]);
  });

  it("Idempotency-Key: the same key and body return the same run; another body is a 409", async () => {
    const first = await created(A, brief("Idem"), { "idempotency-key": "order-42" });
    const again = await created(A, brief("Idem"), { "idempotency-key": "order-42" });
    expect(again.run.id).toBe(first.run.id);
    expect(again.res.headers.get("idempotent-replayed")).toBe("true");
    const other = await call("/v1/reviews", { key: A, body: brief("Other"), headers: { "idempotency-key": "order-42" } });
    expect(other.status).toBe(409);
    // Keys are per API key: B's "order-42" is its own.
    const forB = await created(B, brief("Idem"), { "idempotency-key": "order-42" });
    expect(forB.run.id).not.toBe(first.run.id);
  });

  it("lists the caller's runs newest first with a cursor and a status filter", async () => {
    const key = "key-list-only-0123456789";
    const own = await startStack({ env: { PRFAQ_API_KEYS: key }, roles: { api: true, worker: false } });
    try {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${own.url}/v1/reviews`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(brief(`Run ${i}`)) });
        ids.push(((await res.json()) as { id: string }).id);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = (await (await fetch(`${own.url}/v1/reviews?limit=2${cursor ? `&cursor=${cursor}` : ""}`, { headers: { authorization: `Bearer ${key}` } })).json()) as { items: { id: string }[]; nextCursor: string | null };
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
      const queued = (await (await fetch(`${own.url}/v1/reviews?status=queued`, { headers: { authorization: `Bearer ${key}` } })).json()) as { items: unknown[] };
      expect(queued.items).toHaveLength(5);
      const done = (await (await fetch(`${own.url}/v1/reviews?status=completed`, { headers: { authorization: `Bearer ${key}` } })).json()) as { items: unknown[] };
      expect(done.items).toHaveLength(0);
      const bad = await fetch(`${own.url}/v1/reviews?cursor=nonsense`, { headers: { authorization: `Bearer ${key}` } });
      expect(bad.status).toBe(400);
    } finally {
      await own.stop();
    }
  });

  it("429 with Retry-After past the per-minute rate and past the active-runs limit", async () => {
    const limited = await startStack({ env: { PRFAQ_RATE_LIMIT_PER_MIN: "5", PRFAQ_MAX_ACTIVE_RUNS: "2" }, roles: { api: true, worker: false } });
    try {
      const post = () => fetch(`${limited.url}/v1/reviews`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(brief()) });
      expect((await post()).status).toBe(202);
      expect((await post()).status).toBe(202);
      const third = await post();
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBe("30");
      expect(((await third.json()) as { detail: string }).detail).toMatch(/already has 2 reviews queued or running/);
      let rateLimited: Response | undefined;
      for (let i = 0; i < 5 && !rateLimited; i++) {
        const res = await fetch(`${limited.url}/v1/personas`);
        if (res.status === 429) rateLimited = res;
      }
      expect(rateLimited?.status).toBe(429);
      expect(Number(rateLimited?.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(rateLimited?.headers.get("content-type")).toContain("application/problem+json");
    } finally {
      await limited.stop();
    }
  });
});

describe("metrics and retention", () => {
  it("counts finished runs and model calls by role; a finished run's keys expire after the retention period", async () => {
    const { run } = await created(A);
    await readSse(`${stack().url}/v1/reviews/${run.id}/events`, { headers: { authorization: `Bearer ${A}` } });
    const text = await (await call("/metrics", { key: A })).text();
    expect(text).toMatch(/^prfaq_runs_finished_total\{status="completed"\} [1-9]/m);
    expect(text).toMatch(/^prfaq_model_calls_total\{role="drafter"\} [1-9]/m);
    expect(text).toMatch(/^prfaq_queue_depth\{state="waiting"\} \d+/m);
    expect(text).toMatch(/^prfaq_step_duration_seconds_count\{node="reviewer"\} [1-9]/m);
    expect(text).toMatch(/^# TYPE prfaq_sse_clients gauge$/m);
    const redis = new Redis(inject("redisUrl"));
    try {
      for (const suffix of ["", ":events", ":memo"]) {
        const ttl = await redis.ttl(`${stack().prefix}:run:${run.id}${suffix}`);
        expect(ttl).toBeGreaterThan(2 * 86_400 - 60);
        expect(ttl).toBeLessThanOrEqual(2 * 86_400);
      }
    } finally {
      redis.disconnect();
    }
  });

  it("an unknown cost adds nothing to the cost counter (no NaN, no $0): its calls are counted as unpriced", async () => {
    const redis = new Redis(inject("redisUrl"));
    const sample = (text: string, name: string, role: string) => Number(new RegExp(`^${name}\\{role="${role}"\\} (\\S+)$`, "m").exec(text)?.[1] ?? 0);
    try {
      const ledger = new RedisRunLedger({ redis, keys: redisKeys(stack().prefix) });
      const record: RunRecord = { id: "rv_unpriced0000000001", status: "queued", title: "T", engine: "openai", round: 1, rounds: 1, createdAt: new Date().toISOString(), usage: ZERO_USAGE, owner: "k_metrics" };
      await ledger.create({ record, request: { brief: { title: "T", text: "x" }, options: { rounds: 1 } } });
      await ledger.start(record.id);
      // Any memo will do: the metrics count the usage the finish reports.
      const { run } = await created(A);
      await expect.poll(async () => ((await (await call(`/v1/reviews/${run.id}`, { key: A })).json()) as { status: string }).status, { timeout: 30_000 }).toBe("completed");
      const memo = MemoSchema.parse(await (await call(`/v1/reviews/${run.id}/memo`, { key: A })).json());
      const before = await (await call("/metrics", { key: A })).text();
      const byRole = { drafter: { calls: 2, promptTokens: 900, completionTokens: 200, costUsd: 0.25 }, finance: { calls: 3, promptTokens: 300, completionTokens: 100, costUsd: null } };
      await ledger.finish(record.id, { status: "completed", memo, round: 1, usage: { calls: 5, promptTokens: 1200, completionTokens: 300, costUsd: null, byRole } });
      const after = await (await call("/metrics", { key: A })).text();
      expect(after).not.toMatch(/NaN|null/);
      expect(sample(after, "prfaq_model_cost_usd_total", "drafter") - sample(before, "prfaq_model_cost_usd_total", "drafter")).toBeCloseTo(0.25, 9);
      expect(sample(after, "prfaq_model_cost_usd_total", "finance")).toBe(sample(before, "prfaq_model_cost_usd_total", "finance"));
      expect(after).toMatch(/^# TYPE prfaq_model_unpriced_calls_total counter$/m);
      expect(after).toMatch(/^prfaq_model_unpriced_calls_total\{role="finance"\} 3$/m);
      expect(after).not.toMatch(/^prfaq_model_unpriced_calls_total\{role="drafter"\}/m);
      expect(sample(after, "prfaq_model_calls_total", "finance") - sample(before, "prfaq_model_calls_total", "finance")).toBe(3);
    } finally {
      redis.disconnect();
    }
  });
});
