import type { MiddlewareHandler } from "hono";
import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * This process's own metrics (prom-client): CPU, memory, event-loop lag, GC and handles
 * (`process_cpu_seconds_total`, `nodejs_eventloop_lag_seconds`, ...), and every HTTP request's duration by
 * route pattern, method and status (`http_request_duration_seconds`). Per process, so Prometheus sums them
 * over API replicas; the `prfaq_*` counters beside them are deployment-wide (read from Redis).
 */
export type ProcessMetrics = { registry: Registry; requests: Histogram<"route" | "method" | "status"> };

let shared: ProcessMetrics | undefined;

/** One registry per process (the default metrics watch the process, so a second set would count it twice). */
export function processMetrics(): ProcessMetrics {
  if (!shared) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const requests = new Histogram({
      name: "http_request_duration_seconds",
      help: "HTTP requests to this API process, by route pattern, method and status: time to the response's headers (an event stream counts until it opens).",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    shared = { registry, requests };
  }
  return shared;
}

/** Times every request; the route is Hono's matched pattern (`/v1/reviews/:id`), never the raw path. */
export function requestTimer(): MiddlewareHandler {
  const { requests } = processMetrics();
  return async (c, next) => {
    const stop = requests.startTimer();
    await next();
    // No route matched: one label value for every unknown path, so a scan cannot grow the label set.
    const route = c.req.routePath && c.req.routePath !== "*" && c.req.routePath !== "/*" ? c.req.routePath : "unmatched";
    stop({ route, method: c.req.method, status: String(c.res.status) });
  };
}

/** After GET /metrics has rendered the deployment's counters, adds this process's metrics to the answer. */
export function withProcessMetrics(): MiddlewareHandler {
  const { registry } = processMetrics();
  return async (c, next) => {
    await next();
    if (c.res.status !== 200) return;
    const body = `${await c.res.text()}${await registry.metrics()}`;
    const headers = new Headers(c.res.headers);
    headers.delete("content-length");
    c.res = new Response(body, { status: 200, headers });
  };
}
