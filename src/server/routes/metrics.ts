import { Hono } from "hono";
import type { Redis } from "ioredis";
import { RunStatusSchema } from "../../domain/run.js";
import type { ReviewQueue } from "../../queue/review-queue.js";
import type { RedisKeys } from "../../store/keys.js";
import { RUN_SECONDS_BUCKETS } from "../../store/runs.js";
import type { SseRegistry } from "../sse-registry.js";

export type MetricsDeps = { redis: Redis; keys: RedisKeys; queue: ReviewQueue; streams: SseRegistry };

type Sample = { name: string; help: string; type: "counter" | "gauge" | "summary" | "histogram"; values: { labels?: Record<string, string>; value: number; suffix?: string }[] };

const label = (labels?: Record<string, string>) =>
  labels && Object.keys(labels).length ? `{${Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`).join(",")}}` : "";

/** Prometheus text exposition of the samples. */
export function renderPrometheus(samples: Sample[]): string {
  return `${samples
    .map((s) => [`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`, ...s.values.map((v) => `${s.name}${v.suffix ?? ""}${label(v.labels)} ${v.value}`)].join("\n"))
    .join("\n")}\n`;
}

/**
 * GET /metrics in Prometheus text format. Counters live in Redis (every worker adds to them), so any
 * API process reports the whole deployment; SSE clients are this process's own.
 */
export function createMetricsRoutes(deps: MetricsDeps) {
  const app = new Hono();
  app.get("/metrics", async (c) => {
    const [stats, depth] = await Promise.all([deps.redis.hgetall(deps.keys.stats()), deps.queue.depth()]);
    const num = (field: string) => Number(stats[field] ?? 0);
    const byRole = (prefix: string) =>
      Object.keys(stats)
        .filter((k) => k.startsWith(`${prefix}:`))
        .map((k) => ({ role: k.slice(prefix.length + 1), value: num(k) }));
    const steps = Object.keys(stats).filter((k) => k.startsWith("step_seconds_sum:")).map((k) => k.slice("step_seconds_sum:".length));
    const samples: Sample[] = [
      { name: "prfaq_runs_created_total", help: "Reviews accepted by the API.", type: "counter", values: [{ value: num("runs_created") }] },
      {
        name: "prfaq_runs_finished_total",
        help: "Reviews that ended, by final status.",
        type: "counter",
        values: RunStatusSchema.options.filter((s) => s !== "queued" && s !== "running").map((status) => ({ labels: { status }, value: num(`runs_${status}`) })),
      },
      { name: "prfaq_queue_depth", help: "Review jobs in the queue, by state.", type: "gauge", values: (["waiting", "active", "delayed"] as const).map((state) => ({ labels: { state }, value: depth[state] })) },
      { name: "prfaq_active_runs", help: "Reviews running on workers now.", type: "gauge", values: [{ value: depth.active }] },
      { name: "prfaq_model_calls_total", help: "Agent calls of finished runs, by role.", type: "counter", values: byRole("calls").map((r) => ({ labels: { role: r.role }, value: r.value })) },
      {
        name: "prfaq_model_tokens_total",
        help: "Model tokens of finished runs, by role and kind.",
        type: "counter",
        values: [
          ...byRole("prompt_tokens").map((r) => ({ labels: { role: r.role, kind: "prompt" }, value: r.value })),
          ...byRole("completion_tokens").map((r) => ({ labels: { role: r.role, kind: "completion" }, value: r.value })),
        ],
      },
      { name: "prfaq_model_cost_usd_total", help: "Model cost of finished runs in USD, by role (calls of models with no known price are not in it).", type: "counter", values: byRole("cost_usd").map((r) => ({ labels: { role: r.role }, value: r.value })) },
      {
        name: "prfaq_model_unpriced_calls_total",
        help: "Agent calls of finished runs on a model with no known price (PRFAQ_PRICES), by role: their cost is unknown.",
        type: "counter",
        values: byRole("unpriced_calls").map((r) => ({ labels: { role: r.role }, value: r.value })),
      },
      {
        name: "prfaq_run_duration_seconds",
        help: "Wall time of finished runs, from start to end (deployment-wide: every API process reports the same, aggregate with max).",
        type: "histogram",
        values: [
          ...RUN_SECONDS_BUCKETS.map((le, i) => ({ suffix: "_bucket", labels: { le: String(le) }, value: RUN_SECONDS_BUCKETS.slice(0, i + 1).reduce((sum, b) => sum + num(`run_seconds_bucket:${b}`), 0) })),
          { suffix: "_bucket", labels: { le: "+Inf" }, value: num("run_seconds_count") },
          { suffix: "_sum", value: num("run_seconds_sum") },
          { suffix: "_count", value: num("run_seconds_count") },
        ],
      },
      {
        name: "prfaq_step_duration_seconds",
        help: "Wall time of graph steps, by node (counted when their run ends).",
        type: "summary",
        values: steps.flatMap((node) => [
          { suffix: "_sum", labels: { node }, value: num(`step_seconds_sum:${node}`) },
          { suffix: "_count", labels: { node }, value: num(`step_seconds_count:${node}`) },
        ]),
      },
      { name: "prfaq_sse_clients", help: "Open transcript streams on this API process.", type: "gauge", values: [{ value: deps.streams.size }] },
    ];
    return c.body(renderPrometheus(samples), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
  });
  return app;
}
