import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { UnrecoverableError, type Job } from "bullmq";
import type { Logger } from "pino";
import type { MeetingAgents } from "../agents/contracts.js";
import { AppError } from "../domain/errors.js";
import { eventKey, type EventDraft } from "../domain/events.js";
import { ReviewJobSchema, TERMINAL_STATUSES, type Engine, type RunRecord } from "../domain/run.js";
import { runMeeting } from "../graph/meeting.js";
import type { PersonaLibrary } from "../personas/loader.js";
import type { EventLog } from "../store/event-log.js";
import type { RunStore, StepTiming } from "../store/runs.js";
import { RunCancelledError, type CancelWatcher } from "./cancellation.js";

export type ProcessorDeps = {
  runs: RunStore;
  events: EventLog;
  personas: PersonaLibrary;
  /** The agents for a run's engine; throws an AppError when that engine is not configured. */
  agentsFor: (engine: Engine, runModels?: Record<string, string>) => MeetingAgents;
  logger: Logger;
  /** Aborts runs whose cancel is requested; without it a cancel is noticed at the next event. */
  cancels?: CancelWatcher;
  /** Where the graph checkpoints after every step (thread id = run id), so a retried job resumes. */
  checkpointer?: BaseCheckpointSaver;
  now?: () => Date;
};

/** Errors no retry can fix: the run fails at once. */
const PERMANENT = new Set(["validation", "unknown_persona", "engine_unavailable", "not_found"]);

/**
 * The BullMQ job processor: runs one review meeting and keeps the run record and transcript
 * current. Safe to run twice for the same job (at-least-once delivery): events are idempotent per
 * key and a finished run is left alone.
 */
export function createReviewProcessor(deps: ProcessorDeps) {
  const now = deps.now ?? (() => new Date());
  return async function processReview(job: Job): Promise<{ decision: string }> {
    const parsed = ReviewJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${parsed.error.message}`);
    const { runId, request } = parsed.data;
    const log = deps.logger.child({ runId, jobId: job.id, attempt: job.attemptsMade + 1 });
    const run = await deps.runs.get(runId);
    if (!run) throw new UnrecoverableError(`run ${runId} does not exist`);
    if (TERMINAL_STATUSES.includes(run.status)) {
      log.info({ status: run.status }, "run already finished; nothing to do");
      return { decision: run.verdict?.decision ?? run.status };
    }
    const controller = deps.cancels?.track(runId) ?? new AbortController();
    // Step timings for /metrics, written with the run's terminal write (an attempt that dies loses its own).
    const steps: StepTiming[] = [];
    const cancelled = async () => {
      // The terminal event and the final status are written in one transaction: readers never see one without the other.
      await deps.runs.finish(
        run,
        { status: "cancelled", finishedAt: now().toISOString() },
        (m) => deps.events.queueAppend(m, runId, { type: "run.cancelled", key: eventKey("run.cancelled", undefined), status: "cancelled" }),
        steps,
      );
      await deps.checkpointer?.deleteThread(runId).catch(() => undefined);
      log.info("review cancelled");
      return { decision: "cancelled" };
    };
    const emit = async (event: EventDraft) => {
      if (controller.signal.aborted) throw controller.signal.reason;
      // The run record follows some events; both writes go out together (one round trip, not two).
      const follow =
        event.type === "round.started"
          ? deps.runs.update(runId, { round: event.round })
          : event.type === "usage"
            ? deps.runs.update(runId, { usage: event.usage })
            : event.type === "draft.ready"
              ? deps.runs.saveDraft(runId, event.version, event.prfaq)
              : undefined;
      // Every event is a step boundary: once the cancel is requested nothing more is appended, and the
      // run stops here even if the pub/sub abort has not reached this worker.
      const [appended] = await Promise.all([deps.events.appendUnlessCancelled(runId, event), follow]);
      if (!appended) {
        controller.abort(new RunCancelledError(runId));
        throw controller.signal.reason;
      }
    };
    if (await deps.runs.isCancelRequested(runId)) {
      deps.cancels?.release(runId);
      return cancelled();
    }
    const startedAt = run.startedAt ?? now().toISOString();
    await deps.runs.update(runId, { status: "running", startedAt });
    log.info({ engine: run.engine }, "review started");
    try {
      const agents = deps.agentsFor(run.engine, request.options.models);
      const result = await runMeeting({
        runId,
        createdAt: run.createdAt,
        request,
        agents,
        personas: deps.personas,
        emit,
        signal: controller.signal,
        onStep: (node, ms) => void steps.push({ node, ms }),
        ...(deps.checkpointer ? { checkpointer: deps.checkpointer } : {}),
        // Only a run some worker started before can have checkpoints (startedAt is written before the graph runs).
        fresh: run.startedAt === undefined,
      });
      const verdict = {
        decision: result.memo.decision,
        confidence: result.memo.confidence,
        score: result.memo.scorecard.at(-1)?.score ?? 0,
      };
      await deps.runs.finish(
        run,
        { status: "completed", finishedAt: now().toISOString(), startedAt, verdict, usage: result.usage, round: result.round },
        (m) => {
          deps.runs.queueMemo(m, runId, result.memo);
          deps.events.queueAppend(m, runId, { type: "run.completed", key: eventKey("run.completed", undefined), status: "completed", verdict });
        },
        steps,
      );
      log.info({ decision: verdict.decision, score: verdict.score }, "review completed");
      // The checkpoints only serve a resume; the transcript and memo are the record.
      await deps.checkpointer?.deleteThread(runId).catch((err: unknown) => log.warn({ err }, "could not delete checkpoints"));
      return { decision: verdict.decision };
    } catch (error) {
      if (controller.signal.aborted && (await deps.runs.isCancelRequested(runId))) return cancelled();
      // Stop this attempt's other steps: a reviewer running in parallel with the one that failed would
      // otherwise finish its model call and append its event after run.failed. Appends share one
      // connection with the finish below, so once aborted no event can land after the terminal one.
      controller.abort(error);
      const permanent = error instanceof UnrecoverableError || (error instanceof AppError && PERMANENT.has(error.code));
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.error({ err: error, permanent, lastAttempt }, "review step failed");
      if (permanent || lastAttempt) {
        const code = error instanceof AppError ? error.code : "internal";
        const message = error instanceof Error ? error.message : String(error);
        await failRun(deps, run, { code, message }, { finishedAt: now().toISOString(), startedAt }, steps);
        throw new UnrecoverableError(message);
      }
      throw error;
    } finally {
      deps.cancels?.release(runId);
    }
  };
}

/**
 * Ends a run whose job BullMQ failed without our processor finishing it: a job that stalled more than
 * `maxStalledCount` times (its worker died mid-run again and again) is failed by BullMQ before the
 * processor is called, which would leave the run `running` forever, its SSE stream open and its
 * active-run slot taken. Called on the worker's `failed` event; a run already finished is left alone.
 */
export function createAbandonedJobHandler(deps: Pick<ProcessorDeps, "runs" | "events" | "checkpointer" | "logger" | "now">) {
  const now = deps.now ?? (() => new Date());
  return async function failAbandonedRun(job: Job | undefined, error: Error): Promise<void> {
    // Only a final failure: a job that will be retried is not finished.
    if (!job?.finishedOn) return;
    const parsed = ReviewJobSchema.safeParse(job.data);
    if (!parsed.success) return;
    const { runId } = parsed.data;
    const run = await deps.runs.get(runId);
    if (!run || TERMINAL_STATUSES.includes(run.status)) return;
    deps.logger.error({ runId, jobId: job.id, err: error }, "review job failed outside the processor; failing the run");
    await failRun(deps, run, { code: "internal", message: `the review was abandoned by its workers: ${error.message}` }, { finishedAt: now().toISOString() });
  };
}

/**
 * Ends a run as failed: the status and the terminal `run.failed` event in one transaction (so a stream
 * never sees one without the other), then the run's checkpoints go.
 */
async function failRun(
  deps: Pick<ProcessorDeps, "runs" | "events" | "checkpointer">,
  run: RunRecord,
  error: { code: string; message: string },
  times: { finishedAt: string; startedAt?: string },
  steps: readonly StepTiming[] = [],
): Promise<void> {
  await deps.runs.finish(
    run,
    { status: "failed", ...times, error },
    (m) => deps.events.queueAppend(m, run.id, { type: "run.failed", key: eventKey("run.failed", undefined), status: "failed", error }),
    steps,
  );
  await deps.checkpointer?.deleteThread(run.id).catch(() => undefined);
}
