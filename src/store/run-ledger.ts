import { z } from "zod";
import { AppError } from "../domain/errors.js";
import { eventKey, type EventDraft, type RunEvent } from "../domain/events.js";
import { MemoSchema, type Memo } from "../domain/memo.js";
import type { Prfaq } from "../domain/prfaq.js";
import { CreateReviewSchema, RunRecordSchema, RunStatusSchema, UsageSchema, VerdictSchema, type CreateReview, type RunRecord } from "../domain/run.js";

/**
 * The one owner of a run's life: create (record, `run.queued`, idempotency), start, append (numbering,
 * de-duplication by key, the run-record projection and the cancel check, atomically), finish (status,
 * terminal event, memo, metrics, retention, checkpoints), follow, list and stats. Two implementations
 * pass one contract suite (`ledger.contract.ts`): {@link RedisRunLedger} for the service and
 * {@link MemoryRunLedger} for `prfaq review --local` and unit tests.
 */
export interface RunLedger {
  /**
   * Writes a new run with its request and its first event (`run.queued`). With `idempotency`, the same key
   * and body answer the run they created (`replayed`), another body a {@link ConflictError}; past
   * `maxActive` runs of the owner, a {@link TooManyActiveRunsError}.
   */
  create(input: CreateRun): Promise<{ run: RunRecord; replayed: boolean }>;
  /** Removes every trace of a run whose creation could not be completed (its job could not be queued). */
  discard(runId: string): Promise<void>;
  get(runId: string): Promise<RunRecord | undefined>;
  /** The request the run was created with. Throws {@link NotFoundError} for an unknown run. */
  request(runId: string): Promise<CreateReview>;
  /** Marks the run running (keeping the first `startedAt`); `fresh` is true when no attempt started it before. */
  start(runId: string): Promise<{ run: RunRecord; fresh: boolean }>;
  /**
   * Appends one event unless one with its key exists, updates the run record from it (round, usage,
   * PR/FAQ versions), in one atomic step. Throws {@link RunCancelledError} once the run's cancel is
   * requested and {@link RunFinishedError} once it has ended: no event lands after the terminal one.
   */
  append(runId: string, event: EventDraft): Promise<Appended>;
  /**
   * Ends a run: status, the terminal event, the memo and verdict, the metrics, the retention clock and
   * the checkpoints, together. A run already finished is left as it is (and returned).
   */
  finish(runId: string, outcome: RunOutcome): Promise<RunRecord>;
  requestCancel(runId: string): Promise<void>;
  isCancelRequested(runId: string): Promise<boolean>;
  /** Events with seq > `after`, oldest first, at most `count` (default {@link READ_BATCH}). */
  read(runId: string, after?: number, count?: number): Promise<RunEvent[]>;
  /** Every event of the run. */
  readAll(runId: string): Promise<RunEvent[]>;
  /**
   * The run's events after `after` as they come, ending after the terminal event (or at once for a
   * finished run with nothing past `after`), or when `signal` aborts.
   */
  follow(runId: string, after: number, signal?: AbortSignal): AsyncIterable<RunEvent>;
  /** An owner's runs, newest first; `cursor` is one this list returned ({@link InvalidCursorError} otherwise). */
  list(owner: string, query: ListQuery): Promise<RunPage>;
  /** Runs the owner has queued or running. */
  activeCount(owner: string): Promise<number>;
  memo(runId: string): Promise<Memo | undefined>;
  /** A PR/FAQ version, or the latest when `version` is undefined. */
  draft(runId: string, version?: number): Promise<{ version: number; prfaq: Prfaq } | undefined>;
  /** Counters for /metrics, over every run this ledger has finished. */
  stats(): Promise<LedgerStats>;
}

/** Events per read, at most. */
export const READ_BATCH = 500;

/** Upper bounds (seconds) of the run-duration histogram's buckets: an offline run takes under a second, a model's minutes. */
export const RUN_SECONDS_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 3600] as const;
/** Upper bounds (seconds) of the step-duration histogram's buckets: an offline step takes milliseconds, a model call seconds to minutes. */
export const STEP_SECONDS_BUCKETS = [0.01, 0.05, 0.25, 1, 5, 15, 30, 60, 120, 300] as const;

/** How long one graph step took (ms), for the /metrics step histogram. */
export const StepTimingSchema = z.object({ node: z.string(), ms: z.number().min(0) });
export type StepTiming = z.infer<typeof StepTimingSchema>;

export const CreateRunSchema = z.object({
  /** The run as queued: status `queued`, round 0. */
  record: RunRecordSchema,
  request: CreateReviewSchema,
  /** Runs the owner may have queued or running: one more is a {@link TooManyActiveRunsError} (a replay is not). */
  maxActive: z.number().int().min(1).optional(),
  /** An Idempotency-Key (hashed by the caller) and a hash of the body it came with. */
  idempotency: z.object({ keyHash: z.string(), bodyHash: z.string() }).optional(),
});
export type CreateRun = z.infer<typeof CreateRunSchema>;

/** How a run ended. `steps`: its graph step timings, counted in the metrics with the finish. */
export const RunOutcomeSchema = z.discriminatedUnion("status", [
  z.object({ status: z.literal("completed"), memo: MemoSchema, usage: UsageSchema, round: z.number().int().min(0), steps: z.array(StepTimingSchema).optional() }),
  z.object({ status: z.literal("failed"), error: z.object({ code: z.string(), message: z.string() }), steps: z.array(StepTimingSchema).optional() }),
  z.object({ status: z.literal("cancelled"), steps: z.array(StepTimingSchema).optional() }),
]);
export type RunOutcome = z.infer<typeof RunOutcomeSchema>;

export const AppendedSchema = z.object({ seq: z.number().int().min(1), appended: z.boolean() });
export type Appended = z.infer<typeof AppendedSchema>;

export const ListQuerySchema = z.object({ limit: z.number().int().min(1), cursor: z.string().optional(), status: RunStatusSchema.optional() });
export type ListQuery = z.infer<typeof ListQuerySchema>;
/** One page of an owner's runs; `nextCursor` asks for the next (null: none). */
export const RunPageSchema = z.object({ items: z.array(RunRecordSchema), nextCursor: z.string().nullable() });
export type RunPage = z.infer<typeof RunPageSchema>;

/** A role's counters; `costUsd` only once a priced call was counted, `unpricedCalls` once an unpriced one was. */
const UsageCounterSchema = z.object({ calls: z.number(), promptTokens: z.number(), completionTokens: z.number(), costUsd: z.number().optional(), unpricedCalls: z.number().optional() });
/** Durations in seconds: their sum, count and `buckets`, how many fell in each histogram bucket (upper bound in seconds, not cumulative). */
const DurationsSchema = z.object({ sum: z.number(), count: z.number(), buckets: z.record(z.string(), z.number()) });
export type Durations = z.infer<typeof DurationsSchema>;
/** What /metrics reports of finished runs. */
export const LedgerStatsSchema = z.object({
  runsCreated: z.number(),
  runsFinished: z.object({ completed: z.number(), failed: z.number(), cancelled: z.number() }),
  /** Finished runs' wall time (buckets: {@link RUN_SECONDS_BUCKETS}). */
  runSeconds: DurationsSchema,
  byRole: z.record(z.string(), UsageCounterSchema),
  /** Graph steps' wall time by node (buckets: {@link STEP_SECONDS_BUCKETS}). */
  steps: z.record(z.string(), DurationsSchema),
});
export type LedgerStats = z.infer<typeof LedgerStatsSchema>;

/** The run's cancel was requested: nothing more is appended, and its work stops. */
export class RunCancelledError extends AppError {
  constructor(readonly runId: string) {
    super("cancelled", `review ${runId} was cancelled`);
  }
}

/** The run has ended: its transcript takes no more events. */
export class RunFinishedError extends AppError {
  constructor(readonly runId: string) {
    super("conflict", `review ${runId} has already ended`);
  }
}

/** The owner already has as many runs queued or running as the deployment allows. */
export class TooManyActiveRunsError extends AppError {
  constructor(readonly limit: number) {
    super("conflict", `This key already has ${limit} reviews queued or running; wait for one to finish or cancel one.`);
  }
}

/** A list cursor this ledger never returned. */
export class InvalidCursorError extends AppError {
  constructor() {
    super("validation", "The cursor is not one this API returned.");
  }
}

/** Cursor of a run list: the position (createdAt ms, id) of the last run returned. */
const CursorSchema = z.tuple([z.number(), z.string()]);
export function encodeCursor(position: [number, string]): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}
export function decodeCursor(cursor: string): [number, string] {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new InvalidCursorError();
  }
}

/** What an event changes besides the transcript: fields of the run record, a PR/FAQ version. */
export type Projection = { record: Partial<Pick<RunRecord, "round" | "usage">>; draft?: { version: number; prfaq: Prfaq } };

/** The one projection from a run's events to its record, used by both ledgers. */
export function projectEvent(event: EventDraft): Projection {
  switch (event.type) {
    case "round.started":
      return { record: { round: event.round } };
    case "usage":
      return { record: { usage: event.usage } };
    case "draft.ready":
      return { record: {}, draft: { version: event.version, prfaq: event.prfaq } };
    default:
      return { record: {} };
  }
}

/** The run's fields once it has ended with `outcome` (the verdict is read from the memo here, once). */
export function finishedFields(outcome: RunOutcome, finishedAt: string): Partial<RunRecord> & { status: RunOutcome["status"]; finishedAt: string } {
  switch (outcome.status) {
    case "completed":
      return { status: "completed", finishedAt, verdict: verdictOf(outcome.memo), usage: outcome.usage, round: outcome.round };
    case "failed":
      return { status: "failed", finishedAt, error: outcome.error };
    case "cancelled":
      return { status: "cancelled", finishedAt };
  }
}

export function verdictOf(memo: Memo): z.infer<typeof VerdictSchema> {
  return { decision: memo.decision, confidence: memo.confidence, score: memo.scorecard.at(-1)?.score ?? 0 };
}

/** The terminal event of an outcome. */
export function terminalEvent(outcome: RunOutcome): EventDraft {
  switch (outcome.status) {
    case "completed":
      return { type: "run.completed", key: eventKey("run.completed", undefined), status: "completed", verdict: verdictOf(outcome.memo) };
    case "failed":
      return { type: "run.failed", key: eventKey("run.failed", undefined), status: "failed", error: outcome.error };
    case "cancelled":
      return { type: "run.cancelled", key: eventKey("run.cancelled", undefined), status: "cancelled" };
  }
}

/** The first event of every run. */
export function queuedEvent(record: RunRecord): EventDraft {
  return { type: "run.queued", key: eventKey("run.queued", 0), engine: record.engine, rounds: record.rounds, title: record.title };
}

/** Seconds from start to finish, when both are known. */
export function runSeconds(startedAt: string | undefined, finishedAt: string): number | undefined {
  const started = Date.parse(startedAt ?? "");
  const finished = Date.parse(finishedAt);
  return Number.isFinite(started) && Number.isFinite(finished) ? (finished - started) / 1000 : undefined;
}

export function emptyStats(): LedgerStats {
  return { runsCreated: 0, runsFinished: { completed: 0, failed: 0, cancelled: 0 }, runSeconds: { sum: 0, count: 0, buckets: {} }, byRole: {}, steps: {} };
}
