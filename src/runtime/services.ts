import { serve, type ServerType } from "@hono/node-server";
import { Redis } from "ioredis";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import pino, { type Logger } from "pino";
import type { MeetingAgents } from "../agents/contracts.js";
import { createOfflineAgents } from "../agents/offline.js";
import { createModelAgents } from "../agents/model.js";
import { createModelFactory, MODEL_ROLES } from "../llm/factory.js";
import { DEFAULT_PRICES } from "../llm/pricing.js";
import type { Config } from "../config.js";
import { AppError } from "../domain/errors.js";
import type { Engine } from "../domain/run.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../personas/loader.js";
import { ReviewQueue } from "../queue/review-queue.js";
import { createApp } from "../server/app.js";
import { createLintPool } from "../server/lint-pool.js";
import { SseRegistry } from "../server/sse-registry.js";
import { EventHub } from "../store/event-hub.js";
import { RedisHealth } from "../store/health.js";
import { redisKeys } from "../store/keys.js";
import { SlidingWindowLimiter } from "../store/rate-limits.js";
import { RedisRunLedger } from "../store/redis-ledger.js";
import { startReviewWorker } from "../worker/worker.js";
import { CancelWatcher } from "../store/cancel-watcher.js";
import { RedisCheckpointSaver } from "../store/redis-checkpointer.js";
import { createQueueDashboard } from "./admin.js";
import { loadApiKeys } from "./api-keys.js";
import { preflightRedis, redisConnector, type Connect } from "./redis-clients.js";
import { redactRedisUrl, startPrivateRedis, type PrivateRedis } from "./redis-server.js";
import { StartupError } from "./startup-error.js";
import { noTracing, type Tracing } from "../telemetry/tracing.js";
import type { RunningTracing } from "./otel.js";

export type Roles = { api: boolean; worker: boolean };

export type Running = {
  url?: string;
  redisUrl: string;
  privateRedis?: PrivateRedis;
  logger: Logger;
  /** API keys the API accepts (0: auth off, loopback only). */
  apiKeys: number;
  /** Stops everything in order: stop taking requests and jobs, let running steps finish, close Redis. */
  stop(): Promise<void>;
};

/** The engines this deployment can run, the default first. */
export function availableEngines(config: Config): Engine[] {
  const modelConfigured = Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
  const engines: Engine[] = modelConfigured ? ["offline", "openai"] : ["offline"];
  return engines.includes(config.PRFAQ_ENGINE) ? [config.PRFAQ_ENGINE, ...engines.filter((e) => e !== config.PRFAQ_ENGINE)] : engines;
}

/** Builds the agents for a run's engine and model choices. Only entry points call this. */
export function agentsFactory(config: Config, tracing?: Tracing): (engine: Engine, runModels?: Record<string, string>) => MeetingAgents {
  const models = config.OPENAI_API_KEY || config.OPENAI_BASE_URL
    ? createModelFactory({
        // Local servers (Ollama, vLLM, LM Studio) ignore the key, but the client requires one.
        apiKey: config.OPENAI_API_KEY ?? "not-needed",
        ...(config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : {}),
        defaultModel: config.PRFAQ_MODEL,
        roleModels: {
          ...(config.PRFAQ_MODEL_DRAFTER ? { drafter: config.PRFAQ_MODEL_DRAFTER } : {}),
          ...(config.PRFAQ_MODEL_CUSTOMER ? { customer: config.PRFAQ_MODEL_CUSTOMER } : {}),
          ...(config.PRFAQ_MODEL_ENGINEER ? { engineer: config.PRFAQ_MODEL_ENGINEER } : {}),
          ...(config.PRFAQ_MODEL_FINANCE ? { finance: config.PRFAQ_MODEL_FINANCE } : {}),
          ...(config.PRFAQ_MODEL_LEADER ? { leader: config.PRFAQ_MODEL_LEADER } : {}),
        },
        timeoutMs: config.PRFAQ_MODEL_TIMEOUT_MS,
        maxRetries: config.PRFAQ_MODEL_MAX_RETRIES,
      })
    : undefined;
  const prices = { ...DEFAULT_PRICES, ...config.PRFAQ_PRICES };
  return (engine, runModels = {}) => {
    if (engine === "offline") return createOfflineAgents({ paceMs: config.PRFAQ_OFFLINE_PACE_MS });
    if (!models) throw new AppError("engine_unavailable", "The openai engine needs OPENAI_API_KEY or OPENAI_BASE_URL on the worker.");
    return createModelAgents({ modelFor: (role) => models(role, runModels), method: config.PRFAQ_STRUCTURED_METHOD, prices, ...(tracing ? { tracing } : {}) });
  };
}

const isLoopback = (host: string) => host === "127.0.0.1" || host === "localhost" || host === "::1" || host.startsWith("127.");

/** Waits for `promise` at most `ms`: true when it settled in time (its rejection counts as settled). */
async function within(ms: number, promise: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([promise.then(() => true as const, () => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Listens on `port`/`host`; a busy port or an address this machine lacks is a {@link StartupError}. */
async function listen(app: { fetch: (request: Request) => Response | Promise<Response> }, port: number, host: string): Promise<ServerType> {
  return new Promise<ServerType>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
      server.off("error", failed);
      resolve(server);
    });
    function failed(error: NodeJS.ErrnoException) {
      server.close();
      const next = port === 0 ? "" : ` (PORT=${port + 1} npm start)`;
      reject(
        error.code === "EADDRINUSE"
          ? new StartupError(`port ${port} on ${host} is already in use, perhaps by another prfaq-sim: stop that process, or choose another port with PORT${next}`, { cause: error })
          : error.code === "EADDRNOTAVAIL"
            ? new StartupError(`this machine has no address ${host} to listen on: set HOST to one of its addresses (127.0.0.1 by default)`, { cause: error })
            : error.code === "EACCES"
              ? new StartupError(`not allowed to listen on port ${port}: choose a port above 1023 with PORT`, { cause: error })
              : error,
      );
    }
    server.once("error", failed);
  });
}

/**
 * Starts what `roles` asks for against one Redis: the API, a worker, or both (`npm start`).
 * Without REDIS_URL a private redis-server is started with its data under PRFAQ_DATA_DIR (supervised:
 * restarted from its AOF if it dies). The order is Redis, then the API (so a busy port fails before the
 * worker takes a job), then the worker; `stop` undoes it the other way round, Redis last. A failure to
 * start undoes what had started and throws; a {@link StartupError} says what to fix.
 */
export async function startServices(config: Config, roles: Roles, options: { logger?: Logger } = {}): Promise<Running> {
  const logger = options.logger ?? pino({ level: config.LOG_LEVEL, base: { pid: process.pid } });
  const apiKeys = await loadApiKeys(config.PRFAQ_API_KEYS);
  const adminKeys = config.PRFAQ_ADMIN_KEYS ? await loadApiKeys(config.PRFAQ_ADMIN_KEYS, "PRFAQ_ADMIN_KEYS") : apiKeys;
  if (roles.api) logger.info({ auth: apiKeys.length > 0, keys: apiKeys.length }, apiKeys.length > 0 ? "auth on" : "auth off: no PRFAQ_API_KEYS, loopback only");
  if (roles.api && apiKeys.length === 0 && !isLoopback(config.HOST)) {
    throw new StartupError(`HOST=${config.HOST} would expose an open API: set PRFAQ_API_KEYS (keys, or @file), or bind to 127.0.0.1`);
  }
  let privateRedis: PrivateRedis | undefined;
  const clients: Redis[] = [];
  let server: ServerType | undefined;
  let url: string | undefined;
  const streams = new SseRegistry();
  let stopApi: (() => Promise<void>) | undefined;
  let stopWorker: (() => Promise<void>) | undefined;
  let otel: RunningTracing | undefined;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (server) {
        const s = server;
        const closed = new Promise<void>((resolve) => s.close(() => resolve()));
        // SSE streams never end on their own: tell each client, then end it; they resume with Last-Event-ID.
        await streams.closeAll("server shutting down; reconnect with Last-Event-ID to resume");
        setTimeout(() => "closeAllConnections" in s && s.closeAllConnections(), 1000).unref();
        await closed;
      }
      for (const close of [stopWorker, stopApi]) await close?.().catch((err: unknown) => logger.error({ err }, "error while stopping"));
      // QUIT waits for Redis's reply: a frozen Redis gets a second, then the socket is closed.
      await Promise.all(clients.map((c) => within(1000, c.quit()).then((done) => done || c.disconnect(), () => c.disconnect())));
      // Redis last: everything above may still write to it while it stops.
      if (privateRedis) await privateRedis.stop();
      // The last spans (the shutdown's own requests and runs) go out before the process ends; a collector
      // that does not answer gets two seconds.
      if (otel) await within(2000, otel.shutdown());
    })();
    return stopping;
  };

  try {
    // OpenTelemetry only when asked for: its packages are not even loaded otherwise.
    if (config.OTEL_EXPORTER_OTLP_ENDPOINT) {
      const { startTracing } = await import("./otel.js");
      otel = await startTracing({
        endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
        serviceName: config.OTEL_SERVICE_NAME,
        process: [roles.api ? "api" : "", roles.worker ? "worker" : ""].filter(Boolean).join("+"),
        logger,
      });
    }
    const tracing = otel?.tracing ?? noTracing;
    let redisUrl = config.REDIS_URL;
    if (config.REDIS_SENTINELS && !redisUrl) {
      throw new StartupError("REDIS_SENTINELS needs REDIS_URL for the master's password (redis://:PASSWORD@master; its host is not used with Sentinel), or unset REDIS_SENTINELS");
    }
    const sentinel = config.REDIS_SENTINELS ? { sentinels: config.REDIS_SENTINELS, master: config.REDIS_SENTINEL_MASTER } : {};
    if (redisUrl) {
      await preflightRedis({ url: redisUrl, ...sentinel });
    } else {
      privateRedis = await startPrivateRedis({
        dir: path.join(config.PRFAQ_DATA_DIR, "redis"),
        // If it dies, it is started again from its AOF on the same port; the clients reconnect by themselves.
        supervise: true,
        onEvent: (event) =>
          event.type === "restarted"
            ? logger.warn({ port: event.port, attempt: event.attempt }, "private redis-server restarted from its AOF")
            : event.type === "exited"
              ? logger.error({ code: event.code, signal: event.signal }, "private redis-server died; restarting it")
              : logger.error({ attempt: event.attempt, retryInMs: event.retryInMs, error: event.error }, "private redis-server could not be restarted; trying again"),
      });
      redisUrl = privateRedis.url;
      logger.info({ redisUrl: redactRedisUrl(redisUrl), dir: path.resolve(config.PRFAQ_DATA_DIR, "redis") }, "private redis-server started");
    }
    const connect: Connect = (name, opts) => {
      const client = redisConnector({ url: redisUrl, ...sentinel }, logger)(name, opts);
      clients.push(client);
      return client;
    };
    const keys = redisKeys(config.PRFAQ_PREFIX);
    const personas = await loadPersonaLibrary(config.PRFAQ_PERSONAS_DIR ?? defaultPersonaDir());
    const retentionSeconds = config.PRFAQ_RETENTION_DAYS * 86_400;

    if (roles.api) {
      // The API's commands fail after API_COMMAND_TIMEOUT_MS while Redis is away (its requests answer 503);
      // its subscriber waits, and resubscribes when Redis is back.
      const redis = connect("api", { failFast: true });
      const hub = new EventHub(connect("events"), keys);
      const queue = new ReviewQueue(connect("queue", { failFast: true }), keys, (err) => logger.warn({ err: err.message }, "review queue error"), tracing);
      const linter = createLintPool();
      stopApi = async () => {
        await hub.stop();
        await queue.close();
        await linter.close();
      };
      await hub.start();
      const health = new RedisHealth(redis, keys);
      const app = createApp({
        ledger: new RedisRunLedger({ redis, keys, retentionSeconds, hub, health }),
        health,
        rateLimiter: new SlidingWindowLimiter(redis, keys, config.PRFAQ_RATE_LIMIT_PER_MIN),
        queue,
        linter,
        personas,
        engines: availableEngines(config),
        logger,
        apiKeys,
        streams,
        limits: {
          bodyLimitBytes: config.PRFAQ_BODY_LIMIT_BYTES,
          maxBriefChars: config.PRFAQ_MAX_BRIEF_CHARS,
          maxRounds: config.PRFAQ_MAX_ROUNDS,
          maxPersonas: config.PRFAQ_MAX_PERSONAS,
          maxActiveRuns: config.PRFAQ_MAX_ACTIVE_RUNS,
          ratePerMinute: config.PRFAQ_RATE_LIMIT_PER_MIN,
          authFailuresPerMinute: config.PRFAQ_AUTH_FAILURES_PER_MIN,
          maxStreamsPerKey: config.PRFAQ_MAX_STREAMS_PER_KEY,
          allowedModels: config.PRFAQ_ALLOWED_MODELS,
          modelChoices: ["default", ...MODEL_ROLES],
        },
        allowedHosts: config.PRFAQ_ALLOWED_HOSTS ?? [],
        metricsToken: config.PRFAQ_METRICS_TOKEN,
        ...(config.PRFAQ_ADMIN === "on" ? { admin: { dashboard: createQueueDashboard(queue), keys: adminKeys } } : {}),
        ...(otel ? { outermost: [otel.httpMiddleware] } : {}),
      });
      server = await listen(app, config.PORT, config.HOST);
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : config.PORT;
      url = `http://${config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST}:${port}`;
      logger.info({ url }, "API listening");
    }

    if (roles.worker) {
      // A running review's commands wait for Redis to come back rather than fail the step.
      const redis = connect("worker-commands");
      const cancels = new CancelWatcher(connect("cancels"), keys);
      await cancels.start();
      const checkpointer = new RedisCheckpointSaver(redis, keys);
      const worker = startReviewWorker({
        connection: connect("worker"),
        heartbeat: connect("heartbeat"),
        keys,
        // The ledger deletes a run's checkpoints when it finishes: they only serve a resume.
        ledger: new RedisRunLedger({ redis, keys, retentionSeconds, checkpoints: checkpointer }),
        personas,
        agentsFor: agentsFactory(config, otel?.tracing),
        ...(otel ? { tracing: otel.tracing } : {}),
        checkpointer,
        cancels,
        concurrency: config.PRFAQ_WORKER_CONCURRENCY,
        lockMs: config.PRFAQ_JOB_LOCK_MS,
        workerId: `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`,
        logger,
      });
      stopWorker = async () => {
        // Running steps get PRFAQ_SHUTDOWN_TIMEOUT_MS to finish; after that the worker lets go of its jobs,
        // whose locks expire and whose runs resume from their last checkpoint on another (or the next) worker.
        const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), config.PRFAQ_SHUTDOWN_TIMEOUT_MS).unref());
        if ((await Promise.race([worker.close().then(() => "closed" as const), timeout])) === "timeout") {
          logger.warn({ timeoutMs: config.PRFAQ_SHUTDOWN_TIMEOUT_MS }, "running reviews did not finish in time; they will resume elsewhere");
          await within(2000, worker.close(true));
        }
        await cancels.stop();
      };
      await worker.ready;
      logger.info({ concurrency: config.PRFAQ_WORKER_CONCURRENCY }, "worker started");
    }

    return {
      ...(url ? { url } : {}),
      redisUrl,
      ...(privateRedis ? { privateRedis } : {}),
      logger,
      apiKeys: apiKeys.length,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
