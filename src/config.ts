import { z } from "zod";
import { ModelNameSchema, PriceTableSchema } from "./llm/pricing.js";
import { StructuredMethodSchema } from "./llm/structured.js";

const LogLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * The variables the service reads, with their meaning (`.describe()`), default and range: the single
 * source of `.env.example` and docs/configuration.md (scripts/config-reference.ts writes them; a test
 * fails when they drift). `meta({ defaultText })` says what an unset variable means when it is not one value.
 */
export const ConfigEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe("HTTP port of the API (0 picks a free one)."),
  HOST: z.string().min(1).default("127.0.0.1").describe("Interface the API binds to. Only loopback until API keys exist: with PRFAQ_API_KEYS unset, any other address stops the start-up."),
  REDIS_URL: z
    .string()
    .url()
    .optional()
    .describe(
      "Redis to use: redis://:PASSWORD@host:6379, or rediss:// for TLS (see docs/deploy.md). Checked at start-up: it must answer, accept the password and not evict keys (maxmemory-policy noeviction). Unset: a private redis-server on loopback with a generated password, its data in PRFAQ_DATA_DIR/redis (AOF, fsync every second), restarted from its AOF if it dies, stopped last on exit.",
    )
    .meta({ defaultText: "private redis-server" }),
  REDIS_SENTINELS: z
    .string()
    .transform((text) => text.split(",").map((s) => s.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, "host:port, comma-separated"))
        .min(1, "at least one host:port")
        .transform((list) => list.map((s) => ({ host: s.slice(0, s.lastIndexOf(":")), port: Number(s.slice(s.lastIndexOf(":") + 1)) }))),
    )
    .optional()
    .describe(
      "Redis Sentinel: the sentinels, host:port comma-separated (without a password of their own). The master is found through them and followed across failovers; REDIS_URL then gives only the master's password, TLS (rediss://) and database, its host is not used.",
    ),
  REDIS_SENTINEL_MASTER: z.string().min(1).default("mymaster").describe("With REDIS_SENTINELS: the name the sentinels monitor the master under."),
  PRFAQ_DATA_DIR: z.string().min(1).default(".prfaq").describe("Where the private Redis keeps its data and password (directory 0700, files 0600)."),
  PRFAQ_ENGINE: z
    .enum(["offline", "openai"])
    .optional()
    .describe("Default engine for runs that do not choose one: offline (built in, deterministic, no model) or openai (any OpenAI-compatible endpoint).")
    .meta({ defaultText: "openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline" }),
  PRFAQ_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, "letters, digits, '-' and '_' only")
    .default("prfaq")
    .describe("Prefix of every Redis key and of the queue; lets deployments share a Redis."),
  PRFAQ_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20).describe("Reviews one worker process runs at once (they wait on models, not the CPU)."),
  PRFAQ_OFFLINE_PACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(0)
    .describe("The offline engine's pace in ms, so a demo unfolds at a watchable pace: every agent step thinks a few paces, one step at a time (300: a 3-round meeting takes 15-20 s)."),
  PRFAQ_JOB_LOCK_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(600_000)
    .default(30_000)
    .describe("A worker's lock on a running review; a dead worker's review resumes elsewhere about this long after it died."),
  PRFAQ_PERSONAS_DIR: z.string().min(1).optional().describe("Directory of persona YAML files, validated at load.").meta({ defaultText: "the package's personas/" }),
  OPENAI_API_KEY: z.string().min(1).optional().describe("Key for an OpenAI-compatible endpoint (the openai engine)."),
  OPENAI_BASE_URL: z
    .string()
    .url()
    .optional()
    .describe("Base URL of an OpenAI-compatible endpoint: Ollama http://localhost:11434/v1, vLLM, LM Studio, llama.cpp server. Unset: OpenAI."),
  PRFAQ_MODEL: ModelNameSchema.default("gpt-4.1-mini").describe("Model for every role."),
  PRFAQ_MODEL_DRAFTER: ModelNameSchema.optional().describe("A different model for the drafter."),
  PRFAQ_MODEL_CUSTOMER: ModelNameSchema.optional().describe("A different model for the customer personas."),
  PRFAQ_MODEL_ENGINEER: ModelNameSchema.optional().describe("A different model for the engineer."),
  PRFAQ_MODEL_FINANCE: ModelNameSchema.optional().describe("A different model for finance."),
  PRFAQ_MODEL_LEADER: ModelNameSchema.optional().describe("A different model for the leader."),
  PRFAQ_ALLOWED_MODELS: z
    .string()
    .transform((text) => text.split(",").map((m) => m.trim()).filter(Boolean))
    .pipe(z.array(ModelNameSchema).min(1, "at least one model name"))
    .optional()
    .describe("Models a run may choose in options.models, comma-separated (400 for others), so a request cannot pick a dearer model.")
    .meta({ defaultText: "PRFAQ_MODEL and the PRFAQ_MODEL_<ROLE> ones" }),
  PRFAQ_STRUCTURED_METHOD: StructuredMethodSchema.default("functionCalling").describe(
    "How structured output is requested: functionCalling (a forced tool call; OpenAI, vLLM, Ollama, LM Studio), jsonSchema (OpenAI's strict response_format), or jsonMode (plain JSON, the schema in the prompt, for servers with neither). Answers are validated with zod whatever the method.",
  ),
  PRFAQ_MODEL_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000).describe("Timeout of one model call."),
  PRFAQ_MODEL_MAX_RETRIES: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(3)
    .describe(
      "Retries of one model call on 429, 5xx, timeouts and an unreachable server, after 1, 2, 4 s (or the server's Retry-After); each one is an agent.retrying event. An unreachable endpoint then fails the run, a refused key fails it at once.",
    ),
  PRFAQ_PRICES: z
    .string()
    .transform((text, ctx) => {
      try {
        const parsed = PriceTableSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: `not a price table: ${parsed.error.issues[0]?.message ?? "invalid"}` });
      } catch {
        ctx.addIssue({ code: "custom", message: "not valid JSON" });
      }
      return z.NEVER;
    })
    .optional()
    .describe(
      'Prices in USD per million tokens, JSON: {"model": {"input": 0.4, "output": 1.6}}, on top of the built-in table. A model with no price has an unknown cost (costUsd null), never counted as free (give local models a price of 0).',
    )
    .meta({ defaultText: "built-in table" }),
  PRFAQ_API_KEYS: z
    .string()
    .min(1)
    .optional()
    .describe(
      "API keys, comma-separated or @/path/file (one per line), each at least 16 characters; every character counts (# is not a comment). With keys, every /v1 route and /metrics needs Authorization: Bearer <key> and each key sees only its own runs; without keys the API refuses to bind beyond loopback, refuses cross-site requests (403) and unknown Host names (421).",
    ),
  PRFAQ_ALLOWED_HOSTS: z
    .string()
    .transform((text) => text.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, "host names only, comma-separated (no scheme, port or path)")))
    .optional()
    .describe(
      "Host names served besides localhost, *.localhost, 127.x.x.x and [::1], comma-separated (421 for any other Host, against DNS rebinding); checked without keys always, with keys when set.",
    ),
  PRFAQ_METRICS_TOKEN: z
    .string()
    .min(16, "at least 16 characters")
    .optional()
    .describe("A token (16+ characters) that opens GET /metrics only, for a scraper; with API keys set, /metrics needs a key or this token."),
  PRFAQ_ADMIN: z
    .enum(["on", "off"])
    .default("on")
    .describe("The queue dashboard (bull-board) at /admin/queues: on, behind PRFAQ_ADMIN_KEYS (or the API keys), or off (404)."),
  PRFAQ_ADMIN_KEYS: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Keys that open /admin/queues, in the form of PRFAQ_API_KEYS (comma-separated or @/path/file, 16+ characters each), sent as Authorization: Bearer <key> or as the password of the browser's login prompt. Unset: the API keys open it; with neither, it is open like the rest of the API (loopback only).",
    ),
  PRFAQ_AUTH_FAILURES_PER_MIN: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe("Failed authentications per client address per minute, per API process (429 with Retry-After above, even for a right key)."),
  PRFAQ_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536).describe("Largest request body (413 above)."),
  PRFAQ_MAX_BRIEF_CHARS: z.coerce.number().int().min(100).max(20_000).default(20_000).describe("Longest brief text, in characters."),
  PRFAQ_MAX_ROUNDS: z.coerce.number().int().min(1).max(6).default(6).describe("Most rounds a run may ask for."),
  PRFAQ_MAX_PERSONAS: z.coerce.number().int().min(1).max(5).default(5).describe("Most customer personas a run may name."),
  PRFAQ_MAX_ACTIVE_RUNS: z.coerce.number().int().min(1).default(10).describe("Runs one key may have queued or running (429 above)."),
  PRFAQ_MAX_STREAMS_PER_KEY: z.coerce
    .number()
    .int()
    .min(1)
    .default(20)
    .describe("With API keys, event streams (SSE) one key may hold open on one API process (429 with Retry-After above)."),
  PRFAQ_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(120).describe("Requests per key on /v1 in any 60 seconds (a sliding window; 429 with Retry-After above)."),
  PRFAQ_RETENTION_DAYS: z.coerce.number().min(0.0001).max(3650).default(30).describe("How long a finished run, its transcript and memo are kept, in days."),
  PRFAQ_SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(600_000)
    .default(5_000)
    .describe(
      "On SIGTERM or Ctrl-C, how long running reviews get before the worker lets go (they resume from their last checkpoint elsewhere or at the next start); with the default, npm start is gone within 10 s.",
    ),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .url()
    .optional()
    .describe(
      "Turns on OpenTelemetry tracing: the base URL of an OTLP/HTTP receiver (an OpenTelemetry Collector, Jaeger or Tempo, e.g. http://localhost:4318); spans go to its /v1/traces as OTLP JSON. One trace follows a review from POST /v1/reviews through the queue to the worker's steps and model calls (docs/deploy.md#tracing). The SDK's own variables apply too (OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES, ...). Unset: the OpenTelemetry SDK is never loaded.",
    ),
  OTEL_SERVICE_NAME: z
    .string()
    .min(1)
    .default("prfaq-sim")
    .describe("With OTEL_EXPORTER_OTLP_ENDPOINT: the service name the spans carry (service.name); API and worker processes tell themselves apart by prfaq.process."),
  LOG_LEVEL: LogLevelSchema.default("info").describe("pino log level (silent to mute); JSON lines with requestId and runId."),
});

/**
 * The whole environment the service reads, in one schema ({@link ConfigEnvSchema}, with the defaults that
 * depend on other variables filled in). Nothing else in the code reads `process.env`; entry points call
 * {@link loadConfig} and pass values down.
 */
export const ConfigSchema = ConfigEnvSchema.transform((env) => ({
  ...env,
  PRFAQ_ALLOWED_MODELS: env.PRFAQ_ALLOWED_MODELS ?? [
    ...new Set([env.PRFAQ_MODEL, env.PRFAQ_MODEL_DRAFTER, env.PRFAQ_MODEL_CUSTOMER, env.PRFAQ_MODEL_ENGINEER, env.PRFAQ_MODEL_FINANCE, env.PRFAQ_MODEL_LEADER].filter((m): m is string => m !== undefined)),
  ],
  PRFAQ_ENGINE: env.PRFAQ_ENGINE ?? (env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? ("openai" as const) : ("offline" as const)),
}));
export type Config = z.infer<typeof ConfigSchema>;

/** A bad environment: names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Parses the environment; throws {@link ConfigError} listing every bad field. Empty strings count as unset. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(env)", message: i.message })));
  }
  return parsed.data;
}
