import { z } from "zod";
import { ModelNameSchema, PriceTableSchema } from "./llm/pricing.js";
import { StructuredMethodSchema } from "./llm/structured.js";

const LogLevelSchema = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/**
 * The whole environment the service reads, in one schema. Nothing else in the code reads
 * `process.env`; entry points call {@link loadConfig} and pass values down.
 */
export const ConfigSchema = z
  .object({
    /** HTTP port of the API. Default 3000. */
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Interface the API binds to. Default 127.0.0.1 (loopback only). */
    HOST: z.string().min(1).default("127.0.0.1"),
    /** Redis to use. Unset: start a private redis-server with its data under PRFAQ_DATA_DIR. */
    REDIS_URL: z.string().url().optional(),
    /** Where the private Redis keeps its data and AOF. Default `.prfaq/`. */
    PRFAQ_DATA_DIR: z.string().min(1).default(".prfaq"),
    /** `offline` (built-in deterministic engine) or `openai`. Default: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline. */
    PRFAQ_ENGINE: z.enum(["offline", "openai"]).optional(),
    /** Key prefix for every Redis key and the BullMQ queue. Default `prfaq`. */
    PRFAQ_PREFIX: z
      .string()
      .regex(/^[a-zA-Z0-9_-]+$/, "letters, digits, '-' and '_' only")
      .default("prfaq"),
    /** Reviews one worker process runs at once. Default 20 (reviews wait on models, not the CPU). */
    PRFAQ_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(20),
    /** The offline engine's pace, in ms: every agent step thinks a few paces, one step at a time (300: a 3-round meeting takes 15-20 s). Default 0. */
    PRFAQ_OFFLINE_PACE_MS: z.coerce.number().int().min(0).max(60_000).default(0),
    /** How long a worker's lock on a running review lasts; a dead worker's review resumes elsewhere after about this long. Default 30000. */
    PRFAQ_JOB_LOCK_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
    /** Directory of persona YAML files. Default: the repository's `personas/`. */
    PRFAQ_PERSONAS_DIR: z.string().min(1).optional(),
    /** OpenAI-compatible endpoint settings (used by the openai engine). */
    OPENAI_API_KEY: z.string().min(1).optional(),
    OPENAI_BASE_URL: z.string().url().optional(),
    /** Model used for every role unless overridden. Default gpt-4.1-mini. */
    PRFAQ_MODEL: ModelNameSchema.default("gpt-4.1-mini"),
    /** Per-role models (override PRFAQ_MODEL for one role). */
    PRFAQ_MODEL_DRAFTER: ModelNameSchema.optional(),
    PRFAQ_MODEL_CUSTOMER: ModelNameSchema.optional(),
    PRFAQ_MODEL_ENGINEER: ModelNameSchema.optional(),
    PRFAQ_MODEL_FINANCE: ModelNameSchema.optional(),
    PRFAQ_MODEL_LEADER: ModelNameSchema.optional(),
    /**
     * Models a request may choose in `options.models`, comma-separated (400 for any other). Default: the
     * configured models (PRFAQ_MODEL and the PRFAQ_MODEL_<ROLE> ones), so a request cannot pick a dearer one.
     */
    PRFAQ_ALLOWED_MODELS: z
      .string()
      .transform((text) => text.split(",").map((m) => m.trim()).filter(Boolean))
      .pipe(z.array(ModelNameSchema).min(1, "at least one model name"))
      .optional(),
    /**
     * How structured output is requested: functionCalling (a forced tool call; OpenAI, vLLM, Ollama, LM Studio),
     * jsonSchema (OpenAI strict response_format; a malformed answer is then retried inside the client, and its
     * tokens are not counted), or jsonMode (plain JSON, the schema in the prompt; for servers with neither).
     * Default functionCalling. Answers are validated with zod whatever the method.
     */
    PRFAQ_STRUCTURED_METHOD: StructuredMethodSchema.default("functionCalling"),
    /** Timeout of one model call in ms. Default 120000. */
    PRFAQ_MODEL_TIMEOUT_MS: z.coerce.number().int().min(1000).default(120_000),
    /** Retries of one model call on 429, 5xx and timeouts, with exponential backoff. Default 3. */
    PRFAQ_MODEL_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
    /** Price table override, JSON: {"model": {"input": usdPerMTok, "output": usdPerMTok}}. */
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
      .optional(),
    /**
     * API keys: comma-separated, or `@/path/to/file` with one key per line; every character counts (no
     * comments), each key at least 16 characters. With keys every /v1 route needs `Authorization: Bearer
     * <key>` and a key sees only its own runs. Without keys the API only binds to loopback.
     */
    PRFAQ_API_KEYS: z.string().min(1).optional(),
    /**
     * Host names the API answers to besides loopback names, comma-separated (`prfaq.example.com`): a
     * request with another `Host` gets 421 (DNS rebinding). Checked always without API keys, and with
     * keys when set.
     */
    PRFAQ_ALLOWED_HOSTS: z
      .string()
      .transform((text) => text.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.string().regex(/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/, "host names only, comma-separated (no scheme, port or path)")))
      .optional(),
    /** A token (16+ characters) that opens GET /metrics, besides any API key. Needed for /metrics once API keys are set, unless the scraper uses a key. */
    PRFAQ_METRICS_TOKEN: z.string().min(16, "at least 16 characters").optional(),
    /** Failed authentications per client address per minute before 429 (per API process). Default 20. */
    PRFAQ_AUTH_FAILURES_PER_MIN: z.coerce.number().int().min(1).default(20),
    /** Largest request body in bytes (413 above). Default 65536. */
    PRFAQ_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
    /** Longest brief text in characters. Default 20000. */
    PRFAQ_MAX_BRIEF_CHARS: z.coerce.number().int().min(100).max(20_000).default(20_000),
    /** Most rounds a run may ask for (1-6). Default 6. */
    PRFAQ_MAX_ROUNDS: z.coerce.number().int().min(1).max(6).default(6),
    /** Most customer personas a run may name. Default 5. */
    PRFAQ_MAX_PERSONAS: z.coerce.number().int().min(1).max(5).default(5),
    /** Runs one key may have queued or running at once (429 above). Default 10. */
    PRFAQ_MAX_ACTIVE_RUNS: z.coerce.number().int().min(1).default(10),
    /** With API keys, event streams (SSE) one key may hold open on one API process (429 with Retry-After above). Default 20. */
    PRFAQ_MAX_STREAMS_PER_KEY: z.coerce.number().int().min(1).default(20),
    /** Requests per key on /v1 in any 60 seconds (a sliding window; 429 with Retry-After above). Default 120. */
    PRFAQ_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(1).default(120),
    /** Days a finished run, its transcript and memo are kept. Default 30. */
    PRFAQ_RETENTION_DAYS: z.coerce.number().min(0.0001).max(3650).default(30),
    /**
     * On SIGTERM or Ctrl-C, how long running steps get to finish before the worker lets go (their runs resume
     * from their last checkpoint elsewhere or at the next start). Default 5000, so `npm start` is gone within 10 s.
     */
    PRFAQ_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
    /** pino log level. Default info. */
    LOG_LEVEL: LogLevelSchema.default("info"),
  })
  .transform((env) => ({
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
