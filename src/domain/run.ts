import { z } from "zod";
import { BRIEF_LIMITS, BriefSchema } from "./brief.js";
import { DecisionValueSchema } from "./memo.js";

export const EngineSchema = z.enum(["offline", "openai"]);
export type Engine = z.infer<typeof EngineSchema>;

export const RUN_LIMITS = { roundsMax: 6, personasMax: 5 } as const;

/** Options of one review run. */
export const ReviewOptionsSchema = z.object({
  rounds: z.number().int().min(1).max(RUN_LIMITS.roundsMax).default(3),
  personas: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "persona ids are kebab-case"))
    .min(1)
    .max(RUN_LIMITS.personasMax)
    .optional(),
  engine: EngineSchema.optional(),
  models: z.record(z.string(), z.string().min(1)).optional(),
  maxTokens: z.number().int().min(1000).optional(),
});
export type ReviewOptions = z.infer<typeof ReviewOptionsSchema>;

/** A PR/FAQ the author already wrote: reviewed as it is (version 1), never redrafted from a brief. */
export const PrfaqDocumentSchema = z
  .object({
    markdown: z
      .string()
      .trim()
      .min(1, "the PR/FAQ markdown is required")
      .max(BRIEF_LIMITS.textMax)
      .describe("The PR/FAQ as markdown: a press release and its FAQ (YAML front matter, images and HTML comments are ignored)"),
  })
  .describe("A PR/FAQ you already wrote: the meeting reviews it as version 1");
export type PrfaqDocument = z.infer<typeof PrfaqDocumentSchema>;

/** Body of POST /v1/reviews: exactly one of `brief` (the drafter writes the PR/FAQ) or `prfaq` (the author did). */
export const CreateReviewSchema = z
  .object({
    brief: BriefSchema.optional(),
    prfaq: PrfaqDocumentSchema.optional(),
    options: ReviewOptionsSchema.default({ rounds: 3 }),
  })
  .superRefine((body, ctx) => {
    if (body.brief && body.prfaq) {
      for (const path of ["brief", "prfaq"]) ctx.addIssue({ code: "custom", path: [path], message: "send either brief or prfaq, not both" });
    } else if (!body.brief && !body.prfaq) {
      ctx.addIssue({ code: "custom", path: ["brief"], message: "send a brief, or a PR/FAQ you already wrote as prfaq" });
    }
  })
  .meta({ oneOf: [{ required: ["brief"] }, { required: ["prfaq"] }] });
export type CreateReview = z.infer<typeof CreateReviewSchema>;

export const RunStatusSchema = z.enum(["queued", "running", "completed", "failed", "cancelled"]);
export type RunStatus = z.infer<typeof RunStatusSchema>;
export const TERMINAL_STATUSES: readonly RunStatus[] = ["completed", "failed", "cancelled"];

const UsageTotalsSchema = z.object({
  calls: z.number().int().min(0),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  costUsd: z
    .number()
    .min(0)
    .nullable()
    .describe("Cost in USD; null (unknown) when any call counted here used a model with no known price (PRFAQ_PRICES): a partial sum is never shown as the cost"),
});
export type UsageTotals = z.infer<typeof UsageTotalsSchema>;

/** Model calls, tokens and cost of a run, in total and per role (drafter, customer, engineer, finance, leader). */
export const UsageSchema = UsageTotalsSchema.extend({
  byRole: z.record(z.string(), UsageTotalsSchema).optional(),
});
export type Usage = z.infer<typeof UsageSchema>;

/** No calls, nothing spent. */
export const ZERO_USAGE_TOTALS: UsageTotals = { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 };

/**
 * Adds two costs: unknown (null) if either is, so a run with one unpriced call never reports the rest as
 * its cost. Rounded to 1e-8 USD against float noise.
 */
export function addCost(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : Math.round((a + b) * 1e8) / 1e8;
}

/** Adds `b` to `a`, field by field. */
export function addUsageTotals(a: UsageTotals, b: UsageTotals): UsageTotals {
  return {
    calls: a.calls + b.calls,
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    costUsd: addCost(a.costUsd, b.costUsd),
  };
}

/** Adds up usage per role into a run's usage (its cost is unknown when any role's is). */
export function sumUsage(byRole: Record<string, UsageTotals>): Usage {
  const total = Object.values(byRole).reduce(addUsageTotals, ZERO_USAGE_TOTALS);
  return { ...total, costUsd: total.costUsd === null ? null : Math.round(total.costUsd * 1e6) / 1e6, byRole };
}
export const ZERO_USAGE: Usage = { ...ZERO_USAGE_TOTALS };

export const VerdictSchema = z.object({
  decision: DecisionValueSchema,
  confidence: z.number().min(0).max(1),
  score: z.number().int().min(0).max(100),
});

/** The run record as stored and served (without links, which the server adds). */
export const RunRecordSchema = z.object({
  id: z.string(),
  status: RunStatusSchema,
  title: z.string(),
  engine: EngineSchema,
  round: z.number().int().min(0),
  rounds: z.number().int().min(1),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  verdict: VerdictSchema.optional(),
  usage: UsageSchema,
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** Who created the run: a hash of the API key, or "local" without keys. Never served. */
  owner: z.string().default("local"),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

/**
 * W3C Trace Context (traceparent and tracestate headers) carried with a job, so the worker's spans join
 * the trace of the request that queued it. Only set when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT).
 */
export const TraceCarrierSchema = z.object({
  traceparent: z.string().max(256),
  tracestate: z.string().max(512).optional(),
});
export type TraceCarrier = z.infer<typeof TraceCarrierSchema>;

/** What a worker needs to run a review: the job payload. */
export const ReviewJobSchema = z.object({
  runId: z.string(),
  request: CreateReviewSchema,
  /** The trace of the request that queued the run (set by the queue), when tracing is on. */
  trace: TraceCarrierSchema.optional(),
});
export type ReviewJob = z.infer<typeof ReviewJobSchema>;

/** Run ids: `rv_` + 20 url-safe characters. */
export const RunIdSchema = z.string().regex(/^rv_[A-Za-z0-9_-]{10,40}$/);
