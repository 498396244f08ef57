import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, inject, it } from "vitest";
import { RunEventSchema } from "../../src/domain/events.js";
import { freePort } from "../../src/runtime/redis-server.js";
import { startFakeOpenAI } from "../helpers/fake-openai.js";
import { startFakeOtlp, type ReceivedSpan } from "../helpers/fake-otlp.js";
import { testPrefix } from "../helpers/prefix.js";
import { exited, spawnPrfaq } from "../helpers/process.js";
import { readSse } from "../helpers/sse.js";

// The services as an operator runs them (`prfaq serve` and `prfaq worker`, separate processes, the built
// package) against the suite's Redis, a fake OpenAI-compatible server and a fake OTLP/HTTP receiver.

const moduleLog = fileURLToPath(new URL("../helpers/module-log.mjs", import.meta.url));
const cleanups: (() => Promise<unknown> | unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Starts `prfaq <command>` with OpenTelemetry module loads logged to a file; resolves once /healthz answers (the API) or at once. */
async function start(command: "serve" | "worker" | "dev", env: Record<string, string>, log: string, url?: string) {
  const child = spawnPrfaq([command], { ...env, MODULE_LOG: log, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${moduleLog}`.trim() });
  cleanups.push(() => child.kill("SIGKILL"));
  // No time budget: the test timeout catches a hang.
  while (url && child.exitCode === null && child.signalCode === null) {
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (child.exitCode !== null) throw new Error(`prfaq ${command} exited: ${child.output()}`);
  return child;
}

/** Posts a one-round review and reads its events to the end; returns the run id and the last event. */
async function review(url: string, engine: "openai" | "offline") {
  const text = await readFile(new URL("../fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
  const res = await fetch(`${url}/v1/reviews`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ brief: { title: "RefillReady", text }, options: { engine, rounds: 1 } }),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };
  const { messages } = await readSse(`${url}/v1/reviews/${id}/events`);
  return { id, last: RunEventSchema.parse(JSON.parse(messages.at(-1)?.data ?? "{}")) };
}

const loaded = async (file: string) => (await readFile(file, "utf8").catch(() => "")).split("\n").filter(Boolean);
/** The SDK, the exporter and hono's middleware: what tracing loads (prom-client loads @opentelemetry/api either way). */
const TRACING_MODULES = /@opentelemetry\/(sdk-trace|exporter-trace|otlp-|resources)|@hono\/otel/;

describe("OpenTelemetry tracing", () => {
  it("with OTEL_EXPORTER_OTLP_ENDPOINT, one trace runs from POST /v1/reviews through the queue to the worker's run, steps and model calls", async () => {
    const [fakeModel, collector, dir] = await Promise.all([startFakeOpenAI(), startFakeOtlp(), mkdtemp(path.join(tmpdir(), "prfaq-otel-"))]);
    cleanups.push(() => fakeModel.close(), () => collector.close(), () => rm(dir, { recursive: true, force: true }));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      REDIS_URL: inject("redisUrl"),
      PORT: String(port),
      PRFAQ_PREFIX: testPrefix("otel"),
      OPENAI_BASE_URL: fakeModel.url,
      OPENAI_API_KEY: "test-key",
      PRFAQ_MODEL: "gpt-4.1-mini",
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      LOG_LEVEL: "silent",
    };
    const api = await start("serve", env, path.join(dir, "api.log"), url);
    const worker = await start("worker", env, path.join(dir, "worker.log"));

    const { id, last } = await review(url, "openai");
    expect(last.type).toBe("run.completed");
    // An API key in the query string (EventSource cannot send headers) never reaches a span.
    expect((await fetch(`${url}/v1/reviews/${id}?access_token=not-a-real-key-but-secret`)).status).toBe(200);

    // SIGTERM flushes what is still buffered: every span is at the receiver once both have exited.
    api.kill("SIGTERM");
    worker.kill("SIGTERM");
    expect(await exited(api)).toBe(0);
    expect(await exited(worker)).toBe(0);

    const spans = collector.spans;
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const parentOf = (s: ReceivedSpan) => byId.get(s.parentSpanId);
    const post = spans.find((s) => s.name === "POST /v1/reviews");
    const enqueue = spans.find((s) => s.name === "queue.enqueue" && s.attributes["prfaq.run_id"] === id);
    const run = spans.find((s) => s.name === "review.run" && s.attributes["prfaq.run_id"] === id);
    expect(post).toMatchObject({ kind: 2, parentSpanId: "", attributes: { "http.request.method": "POST", "http.route": "/v1/reviews", "http.response.status_code": 202 }, resource: { "service.name": "prfaq-sim", "prfaq.process": "api" } });
    expect(enqueue).toMatchObject({ kind: 4, parentSpanId: post?.spanId, traceId: post?.traceId, attributes: { "messaging.system": "bullmq" } });
    expect(run).toMatchObject({ kind: 5, parentSpanId: enqueue?.spanId, traceId: post?.traceId, resource: { "prfaq.process": "worker" } });
    expect(run?.attributes).toMatchObject({ "prfaq.tenant": "local", "prfaq.engine": "openai", "prfaq.decision": expect.any(String), "gen_ai.usage.input_tokens": fakeModel.usage.promptTokens });

    // Every step of the meeting is a child of the run, every model request a child of a step.
    const steps = spans.filter((s) => s.name === "review.step" && s.traceId === post?.traceId);
    expect(new Set(steps.map((s) => s.attributes["prfaq.node"]))).toEqual(new Set(["drafter", "reviewer", "leader", "memoWriter"]));
    for (const step of steps) expect(step.parentSpanId).toBe(run?.spanId);
    const calls = spans.filter((s) => s.name.startsWith("chat "));
    expect(calls).toHaveLength(fakeModel.requests.length);
    for (const call of calls) {
      expect(call).toMatchObject({ kind: 3, traceId: post?.traceId, attributes: { "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4.1-mini" } });
      expect(parentOf(call)?.name).toBe("review.step");
    }
    const roles = new Set(calls.map((c) => c.attributes["prfaq.role"]));
    expect(roles).toEqual(new Set(["drafter", "customer", "engineer", "finance", "leader"]));
    expect(calls.reduce((n, c) => n + Number(c.attributes["gen_ai.usage.input_tokens"] ?? 0), 0)).toBe(fakeModel.usage.promptTokens);
    expect(calls.find((c) => c.attributes["prfaq.role"] === "engineer")?.attributes).toMatchObject({ "prfaq.round": 1, "prfaq.agent": "engineer" });

    // Probes are not traced (start() polled /healthz).
    expect(spans.filter((s) => s.name === "GET /healthz")).toEqual([]);
    // The key in the query string was redacted; no API key or model key anywhere.
    const text = JSON.stringify(spans);
    expect(spans.some((s) => String(s.attributes["url.full"]).includes("access_token=REDACTED"))).toBe(true);
    expect(text).not.toContain("not-a-real-key-but-secret");
    expect(text).not.toContain("test-key");
    // Control for the next test: the module log sees the SDK when tracing is on.
    expect((await loaded(path.join(dir, "worker.log"))).some((u) => TRACING_MODULES.test(u))).toBe(true);
  });

  it("without OTEL_EXPORTER_OTLP_ENDPOINT, no OpenTelemetry SDK, exporter or middleware is loaded and nothing is sent", async () => {
    const [collector, dir] = await Promise.all([startFakeOtlp(), mkdtemp(path.join(tmpdir(), "prfaq-otel-"))]);
    cleanups.push(() => collector.close(), () => rm(dir, { recursive: true, force: true }));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    // The SDK's own variables alone do not turn tracing on.
    const env = { REDIS_URL: inject("redisUrl"), PORT: String(port), PRFAQ_PREFIX: testPrefix("nootel"), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${collector.url}/v1/traces`, LOG_LEVEL: "silent" };
    const log = path.join(dir, "dev.log");
    const dev = await start("dev", env, log, url);
    const { last } = await review(url, "offline");
    expect(last.type).toBe("run.completed");
    dev.kill("SIGTERM");
    expect(await exited(dev)).toBe(0);
    expect((await loaded(log)).filter((u) => TRACING_MODULES.test(u))).toEqual([]);
    expect(collector.requests).toEqual([]);
  });
});
