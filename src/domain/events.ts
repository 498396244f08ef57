import { z } from "zod";
import { PrfaqSchema } from "./prfaq.js";
import { FindingSchema } from "./finding.js";
import { DecisionSchema, ReviewSchema } from "./review.js";
import { MemoSchema } from "./memo.js";
import { EngineSchema, RunStatusSchema, UsageSchema, VerdictSchema } from "./run.js";

/** Fields every event carries: its integer position in the run (1, 2, 3, ...), run id, time, round where it applies. */
const base = {
  seq: z.number().int().min(1),
  runId: z.string(),
  at: z.string(),
  round: z.number().int().min(0).optional(),
};

export const PersonaChoiceSchema = z.object({ id: z.string(), name: z.string(), why: z.string() });

/** Who wrote a version of the PR/FAQ: the author (a PR/FAQ submitted as the document, version 1) or the drafter. */
export const DraftSourceSchema = z.enum(["author", "drafter"]);
export type DraftSource = z.infer<typeof DraftSourceSchema>;

const payloads = {
  "run.queued": { engine: EngineSchema, rounds: z.number().int(), title: z.string() },
  "run.started": {
    engine: EngineSchema,
    rounds: z.number().int(),
    personas: z.array(PersonaChoiceSchema),
    note: z.string().describe("What engine speaks; says so plainly when it is the offline engine"),
  },
  "round.started": {
    round: z.number().int().min(1),
    source: DraftSourceSchema.optional().describe(
      "Who wrote the version this round reviews: the author (round 1 of a PR/FAQ submitted as the document) or the drafter (who writes or revises it in this round); absent in transcripts older than this field means the drafter",
    ),
  },
  "agent.started": { agent: z.string() },
  "agent.retrying": {
    agent: z.string(),
    attempt: z.number().int().min(1).describe("The model call attempt that failed: 1 for the first call"),
    waitMs: z.number().int().min(0).describe("How long the agent waits before trying again"),
    reason: z.string().describe("Why the call failed: rate-limited (429), server error (503), timed out, unreachable (ECONNREFUSED)"),
  },
  "draft.ready": {
    version: z.number().int().min(1),
    source: DraftSourceSchema.optional().describe(
      "Who wrote this version: the author (a PR/FAQ submitted as the document, version 1) or the drafter; absent in transcripts older than this field means the drafter",
    ),
    prfaq: PrfaqSchema,
    markdown: z.string(),
    wordCounts: z.object({ pressRelease: z.number().int(), faq: z.number().int() }),
    changes: z.array(z.string()),
    assumptions: z.array(z.string()),
  },
  "rubric.findings": { version: z.number().int().min(1), findings: z.array(FindingSchema), score: z.number().int() },
  "review.ready": { review: ReviewSchema },
  decision: { decision: DecisionSchema },
  "memo.ready": { memo: MemoSchema },
  usage: { usage: UsageSchema },
  "run.completed": { status: RunStatusSchema, verdict: VerdictSchema },
  "run.failed": { status: RunStatusSchema, error: z.object({ code: z.string(), message: z.string() }) },
  "run.cancelled": { status: RunStatusSchema },
} as const;

export type EventType = keyof typeof payloads;
export const EVENT_TYPES = Object.keys(payloads) as EventType[];
export const TERMINAL_EVENT_TYPES: readonly EventType[] = ["run.completed", "run.failed", "run.cancelled"];

/** One event of a run's transcript, as stored in Redis and sent over SSE. */
export const RunEventSchema = z.discriminatedUnion("type", [
  z.object({ ...base, type: z.literal("run.queued"), ...payloads["run.queued"] }),
  z.object({ ...base, type: z.literal("run.started"), ...payloads["run.started"] }),
  z.object({ ...base, type: z.literal("round.started"), ...payloads["round.started"] }),
  z.object({ ...base, type: z.literal("agent.started"), ...payloads["agent.started"] }),
  z.object({ ...base, type: z.literal("agent.retrying"), ...payloads["agent.retrying"] }),
  z.object({ ...base, type: z.literal("draft.ready"), ...payloads["draft.ready"] }),
  z.object({ ...base, type: z.literal("rubric.findings"), ...payloads["rubric.findings"] }),
  z.object({ ...base, type: z.literal("review.ready"), ...payloads["review.ready"] }),
  z.object({ ...base, type: z.literal("decision"), ...payloads["decision"] }),
  z.object({ ...base, type: z.literal("memo.ready"), ...payloads["memo.ready"] }),
  z.object({ ...base, type: z.literal("usage"), ...payloads["usage"] }),
  z.object({ ...base, type: z.literal("run.completed"), ...payloads["run.completed"] }),
  z.object({ ...base, type: z.literal("run.failed"), ...payloads["run.failed"] }),
  z.object({ ...base, type: z.literal("run.cancelled"), ...payloads["run.cancelled"] }),
]);
export type RunEvent = z.infer<typeof RunEventSchema>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * An event before the log assigns it a position: carries a deterministic `key` (run, round, step, agent)
 * so that a replayed step never appends the same event twice.
 */
export type EventDraft = DistributiveOmit<RunEvent, "seq" | "runId" | "at"> & { key: string };

/** The deterministic key of an event: type, round and agent. */
export function eventKey(type: EventType, round: number | undefined, agent?: string, extra?: string): string {
  return [type, round ?? 0, agent ?? "-", extra ?? ""].join("|");
}
