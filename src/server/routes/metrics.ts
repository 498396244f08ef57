import { Hono } from "hono";
import type { ReviewQueue } from "../../queue/review-queue.js";
import { RUN_SECONDS_BUCKETS, STEP_SECONDS_BUCKETS, type Durations, type RunLedger } from "../../store/run-ledger.js";
import type { SseRegistry } from "../sse-registry.js";
import { route, text } from "../openapi.js";

export type MetricsDeps = { ledger: RunLedger; queue: ReviewQueue; streams: SseRegistry };

type Value = { labels?: Record<string, string>; value: number; suffix?: string };
type Sample = { name: string; help: string; type: "counter" | "gauge" | "histogram"; values: Value[] };

/**
 * One histogram series from the ledger's durations: cumulative `_bucket` lines for each bound in `bounds`
 * and `+Inf` (the count), then `_sum` and `_count`, each with `labels` (before `le`).
 */
export function histogramValues(bounds: readonly number[], d: Durations, labels: Record<string, string> = {}): Value[] {
  let below = 0;
  return [
    ...bounds.map((le) => ({ suffix: "_bucket", labels: { ...labels, le: String(le) }, value: (below += d.buckets[String(le)] ?? 0) })),
    { suffix: "_bucket", labels: { ...labels, le: "+Inf" }, value: d.count },
    { suffix: "_sum", labels, value: d.sum },
    { suffix: "_count", labels, value: d.count },
  ];
}

const label = (labels?: Record<string, string>) =>
  labels && Object.keys(labels).length ? `{${Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`).join(",")}}` : "";

/** Prometheus text exposition of the samples. */
export function renderPrometheus(samples: Sample[]): string {
  return `${samples
    .map((s) => [`# HELP ${s.name} ${s.help}`, `# TYPE ${s.name} ${s.type}`, ...s.values.map((v) => `${s.name}${v.suffix ?? ""}${label(v.labels)} ${v.value}`)].join("\n"))
    .join("\n")}\n`;
}

/**
 * GET /metrics in Prometheus text format. Counters are the ledger's (every worker's finishes add to
 * them), so any API process reports the whole deployment; SSE clients are this process's own.
 */
export function createMetricsRoutes(deps: MetricsDeps) {
  const app = new Hono();
  app.get(
    "/metrics",
    route({
      operationId: "metrics",
      tags: ["operations"],
      summary: "Prometheus metrics",
      redis: true,
      description:
        "Prometheus text exposition: prfaq_runs_created_total, prfaq_runs_finished_total{status}, prfaq_queue_depth{state}, prfaq_active_runs, prfaq_model_calls_total{role}, prfaq_model_tokens_total{role,kind}, prfaq_model_cost_usd_total{role}, prfaq_model_unpriced_calls_total{role}, prfaq_run_duration_seconds and prfaq_step_duration_seconds{node} (histograms), prfaq_sse_clients.",
      responses: { 200: { description: "The metrics", content: { "text/plain": text("Prometheus text format 0.0.4") } } },
    }),
    async (c) => {
      const [stats, depth] = await Promise.all([deps.ledger.stats(), deps.queue.depth()]);
      const roles = Object.entries(stats.byRole);
      // A role none of whose calls had a price has no cost line (and one with only priced calls no unpriced line).
      const byRole = (field: keyof (typeof stats.byRole)[string]) => roles.flatMap(([role, u]) => (u[field] === undefined ? [] : [{ role, value: u[field] }]));
      const samples: Sample[] = [
        { name: "prfaq_runs_created_total", help: "Reviews accepted by the API.", type: "counter", values: [{ value: stats.runsCreated }] },
        {
          name: "prfaq_runs_finished_total",
          help: "Reviews that ended, by final status.",
          type: "counter",
          values: (["completed", "failed", "cancelled"] as const).map((status) => ({ labels: { status }, value: stats.runsFinished[status] })),
        },
        { name: "prfaq_queue_depth", help: "Review jobs in the queue, by state.", type: "gauge", values: (["waiting", "active", "delayed"] as const).map((state) => ({ labels: { state }, value: depth[state] })) },
        { name: "prfaq_active_runs", help: "Reviews running on workers now.", type: "gauge", values: [{ value: depth.active }] },
        { name: "prfaq_model_calls_total", help: "Agent calls of finished runs, by role.", type: "counter", values: byRole("calls").map((r) => ({ labels: { role: r.role }, value: r.value })) },
        {
          name: "prfaq_model_tokens_total",
          help: "Model tokens of finished runs, by role and kind.",
          type: "counter",
          values: [
            ...byRole("promptTokens").map((r) => ({ labels: { role: r.role, kind: "prompt" }, value: r.value })),
            ...byRole("completionTokens").map((r) => ({ labels: { role: r.role, kind: "completion" }, value: r.value })),
          ],
        },
        { name: "prfaq_model_cost_usd_total", help: "Model cost of finished runs in USD, by role (calls of models with no known price are not in it).", type: "counter", values: byRole("costUsd").map((r) => ({ labels: { role: r.role }, value: r.value })) },
        {
          name: "prfaq_model_unpriced_calls_total",
          help: "Agent calls of finished runs on a model with no known price (PRFAQ_PRICES), by role: their cost is unknown.",
          type: "counter",
          values: byRole("unpricedCalls").map((r) => ({ labels: { role: r.role }, value: r.value })),
        },
        {
          name: "prfaq_run_duration_seconds",
          help: "Wall time of finished runs, from start to end (deployment-wide: every API process reports the same, aggregate with max).",
          type: "histogram",
          values: histogramValues(RUN_SECONDS_BUCKETS, stats.runSeconds),
        },
        {
          name: "prfaq_step_duration_seconds",
          help: "Wall time of graph steps, by node (counted when their run ends; deployment-wide like the run histogram).",
          type: "histogram",
          values: Object.entries(stats.steps).flatMap(([node, s]) => histogramValues(STEP_SECONDS_BUCKETS, s, { node })),
        },
        { name: "prfaq_sse_clients", help: "Open transcript streams on this API process.", type: "gauge", values: [{ value: deps.streams.size }] },
      ];
      return c.body(renderPrometheus(samples), 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    },
  );
  return app;
}
