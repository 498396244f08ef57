import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import type { Logger } from "pino";
import { randomUUID } from "node:crypto";
import { createAdminRoutes, type AdminDeps } from "./admin.js";
import { bearerAuth, metricsAuth, rateLimit } from "./auth.js";
import { FailedAuthLimiter } from "./failed-auth.js";
import { hostGuard, originGuard } from "./guards.js";
import type { AppEnv } from "./env.js";
import type { Linter } from "./lint-pool.js";
import { SseRegistry } from "./sse-registry.js";
import type { Engine } from "../domain/run.js";
import type { PersonaLibrary } from "../personas/loader.js";
import type { ReviewQueue } from "../queue/review-queue.js";
import type { StoreHealth } from "../store/health.js";
import type { RunLedger } from "../store/run-ledger.js";
import type { RateLimiter } from "../store/rate-limits.js";
import { HttpProblem, problem, sendProblem, toProblem } from "./problem.js";
import { storeUnavailable } from "./store-outage.js";
import { requestTimer, withProcessMetrics } from "./process-metrics.js";
import { createReviewService, type ServiceLimits } from "./review-service.js";
import { createDocsRoutes } from "./routes/docs.js";
import { createEventRoutes } from "./routes/events.js";
import { createLintRoutes } from "./routes/lint.js";
import { createMetaRoutes } from "./routes/meta.js";
import { createMetricsRoutes } from "./routes/metrics.js";
import { createReviewRoutes } from "./routes/reviews.js";
import { createWebRoutes } from "./routes/web.js";

export type AppDeps = {
  /** Every run's life: records, transcripts, memos, idempotency, stats. */
  ledger: RunLedger;
  /** Whether storage is reachable and workers are there (/readyz), and whether an error means it is away. */
  health: StoreHealth;
  /** Requests per key per minute (`limits.ratePerMinute`). */
  rateLimiter: RateLimiter;
  queue: ReviewQueue;
  personas: PersonaLibrary;
  engines: readonly Engine[];
  logger: Logger;
  /** Lints PR/FAQs off the event loop (POST /v1/lint). */
  linter: Linter;
  /** API keys; empty = open API (the entry point refuses to bind it beyond loopback). */
  apiKeys?: readonly string[];
  limits?: Partial<ServiceLimits> & { bodyLimitBytes?: number; ratePerMinute?: number; authFailuresPerMinute?: number; maxStreamsPerKey?: number };
  /** Host names served besides loopback names (PRFAQ_ALLOWED_HOSTS). */
  allowedHosts?: readonly string[];
  /** A token that opens /metrics (PRFAQ_METRICS_TOKEN). */
  metricsToken?: string | undefined;
  /** Open SSE streams (shared with the entry point for shutdown and metrics). */
  streams?: SseRegistry;
  keepAliveMs?: number;
  /** The queue dashboard at /admin/queues and the keys that open it; unset: none (PRFAQ_ADMIN=off). */
  admin?: AdminDeps;
  /** Middleware that wraps every request before anything else runs: the entry point's HTTP tracing, when on. */
  outermost?: readonly MiddlewareHandler[];
};

/** The HTTP API. Every error is problem+json; no input gets a 500. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const limits: ServiceLimits = { maxBriefChars: 20_000, maxRounds: 6, maxPersonas: 5, maxActiveRuns: 10, allowedModels: [], modelChoices: ["default"], ...deps.limits };
  const service = createReviewService({ ...deps, limits });
  const limit = deps.limits?.bodyLimitBytes ?? 64 * 1024;
  const streams = deps.streams ?? new SseRegistry();
  /** Our own errors are never an outage; anything else is asked of the store. */
  const isStoreOutage = async (error: unknown) => !(error instanceof HttpProblem) && (await deps.health.isOutage(error));

  for (const middleware of deps.outermost ?? []) app.use("*", middleware);
  app.use("*", async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 100) || randomUUID();
    c.set("requestId", requestId);
    c.set("log", deps.logger.child({ requestId }));
    c.header("X-Request-Id", requestId);
    const started = performance.now();
    await next();
    c.get("log").info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, "request");
  });
  app.use("*", requestTimer());
  // nosniff and the other defaults of hono's secure-headers on every answer (HSTS is the TLS proxy's to
  // send); API answers are never stored by a browser or a proxy: they are per key and change all the time.
  app.use("*", secureHeaders({ strictTransportSecurity: false }));
  for (const path of ["/v1/*", "/healthz", "/readyz", "/metrics"]) {
    app.use(path, async (c, next) => {
      c.header("Cache-Control", "no-store");
      await next();
    });
  }
  const keys = deps.apiKeys ?? [];
  const auth = { keys, metricsToken: deps.metricsToken, failures: new FailedAuthLimiter(deps.limits?.authFailuresPerMinute ?? 20) };
  // Without keys the network position is the only credential: only this machine's names (DNS rebinding)
  // and only pages of this server (cross-site requests). With keys, PRFAQ_ALLOWED_HOSTS still narrows Host.
  if (keys.length === 0 || (deps.allowedHosts ?? []).length > 0) app.use("*", hostGuard(deps.allowedHosts ?? []));
  if (keys.length === 0) app.use("*", originGuard());
  app.use("/metrics", metricsAuth(auth));
  app.use("/metrics", withProcessMetrics());
  app.use("/v1/*", bearerAuth(auth));
  app.use("/v1/*", rateLimit(deps.rateLimiter, deps.limits?.ratePerMinute ?? 120));
  app.use(
    "/v1/*",
    bodyLimit({
      maxSize: limit,
      onError: (c) => sendProblem(c, problem(413, "body-too-large", `The request body is over the ${limit}-byte limit.`)),
    }),
  );

  app.route("/", createMetaRoutes(deps));
  app.route("/", createMetricsRoutes({ ...deps, streams }));
  app.route("/v1/reviews", createReviewRoutes({ ledger: deps.ledger, service }));
  app.route("/v1/reviews", createEventRoutes({
      ...deps,
      service,
      streams,

      // Per tenant, so with keys only: without keys there is one tenant, this machine's user (a hundred
      // viewers of one run are then fine; bench/streaming.ts runs a thousand).
      maxStreamsPerKey: keys.length > 0 ? (deps.limits?.maxStreamsPerKey ?? 20) : Number.POSITIVE_INFINITY,
    }));
  app.route("/v1/lint", createLintRoutes({ linter: deps.linter }));

  if (deps.admin) app.route("/", createAdminRoutes({ ...deps.admin, failures: auth.failures }));
  app.route("/", createDocsRoutes(app));
  app.route("/", createWebRoutes({ engines: deps.engines, limits }));
  app.notFound((c) => sendProblem(c, problem(404, "not-found", `No route for ${c.req.method} ${c.req.path}.`)));
  app.onError(async (error, c) => {
    // Storage away: every route answers 503 + Retry-After (its commands time out after a second), not a 500.
    if (await isStoreOutage(error)) {
      const { problem: p, headers } = storeUnavailable();
      c.get("log")?.warn({ err: error instanceof Error ? error.message : String(error) }, "redis unavailable");
      return sendProblem(c, p, headers);
    }
    const { problem: p, headers } = toProblem(error);
    if (p.status >= 500) c.get("log")?.error({ err: error }, "request failed");
    return sendProblem(c, p, headers);
  });
  return app;
}
export type App = ReturnType<typeof createApp>;
