import type { BaseCheckpointSaver } from "@langchain/langgraph";
import { UnrecoverableError, type QueueJob as Job } from "../queue/review-queue.js";
import type { Logger } from "pino";
import type { MeetingAgents } from "../agents/contracts.js";
import { AppError } from "../domain/errors.js";
import { ReviewJobSchema, TERMINAL_STATUSES, type Engine, type ReviewJob } from "../domain/run.js";
import { runMeeting } from "../graph/meeting.js";
import type { PersonaLibrary } from "../personas/loader.js";
import { RunCancelledError, type RunLedger, type StepTiming } from "../store/run-ledger.js";
import { noTracing, type ActiveSpan, type Tracing } from "../telemetry/tracing.js";
import type { CancelWatcher } from "../store/cancel-watcher.js";

export type ProcessorDeps = {
  ledger: RunLedger;
  personas: PersonaLibrary;
  /** The agents for a run's engine; throws an AppError when that engine is not configured. */
  agentsFor: (engine: Engine, runModels?: Record<string, string>) => MeetingAgents;
  logger: Logger;
  /** Aborts runs whose cancel is requested; without it a cancel is noticed at the next event. */
  cancels?: CancelWatcher;
  /** Where the graph checkpoints after every step (thread id = run id), so a retried job resumes. */
  checkpointer?: BaseCheckpointSaver;
  /** Each attempt at a run is a `review.run` span, the child of the enqueue that queued it (OTEL_EXPORTER_OTLP_ENDPOINT). */
  tracing?: Tracing;
};

/** What the processor reads of a BullMQ job: its data, id and attempts. */
export type ReviewJobRun = Pick<Job, "data" | "id" | "attemptsMade" | "opts">;

/** Errors no retry can fix: the run fails at once. */
const PERMANENT = new Set(["validation", "unknown_persona", "engine_unavailable", "not_found"]);

/**
 * The BullMQ job processor: parse the job, start the run, run the meeting with every event going to the
 * ledger, finish. Safe to run twice for the same job (at-least-once delivery): events are idempotent per
 * key and a finished run is left alone.
 */
export function createReviewProcessor(deps: ProcessorDeps) {
  const { ledger } = deps;
  async function processReview(job: ReviewJobRun): Promise<{ decision: string }> {
    const parsed = ReviewJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`invalid job data: ${parsed.error.message}`);
    const attributes = { "prfaq.run_id": parsed.data.runId, "prfaq.attempt": job.attemptsMade + 1, "messaging.system": "bullmq", "messaging.operation.type": "process", "messaging.message.id": job.id };
    return (deps.tracing ?? noTracing).span("review.run", attributes, (span) => run(job, parsed.data, span), { kind: "consumer", parent: parsed.data.trace });
  }

  async function run(job: ReviewJobRun, data: ReviewJob, span: ActiveSpan): Promise<{ decision: string }> {
    const { runId, request } = data;
    const log = deps.logger.child({ runId, jobId: job.id, attempt: job.attemptsMade + 1 });
    const existing = await ledger.get(runId);
    if (!existing) throw new UnrecoverableError(`run ${runId} does not exist`);
    if (TERMINAL_STATUSES.includes(existing.status)) {
      log.info({ status: existing.status }, "run already finished; nothing to do");
      return { decision: existing.verdict?.decision ?? existing.status };
    }
    // Step timings for /metrics, counted with the run's finish (an attempt that dies loses its own).
    const steps: StepTiming[] = [];
    const cancelled = async () => {
      await ledger.finish(runId, { status: "cancelled", steps });
      log.info("review cancelled");
      return { decision: "cancelled" };
    };
    if (await ledger.isCancelRequested(runId)) return cancelled();
    const { run, fresh } = await ledger.start(runId);
    // The tenant is the owner id, a hash of the API key (never the key), or "local".
    span.setAttributes({ "prfaq.tenant": run.owner, "prfaq.engine": run.engine, "prfaq.rounds": run.rounds });
    log.info({ engine: run.engine }, "review started");
    const controller = deps.cancels?.track(runId) ?? new AbortController();
    try {
      const result = await runMeeting({
        runId,
        createdAt: run.createdAt,
        request,
        agents: deps.agentsFor(run.engine, request.options.models),
        personas: deps.personas,
        // Every event is a step boundary: once the cancel is requested the ledger refuses it and the run stops.
        emit: async (event) => {
          if (controller.signal.aborted) throw controller.signal.reason;
          await ledger.append(runId, event);
        },
        signal: controller.signal,
        onStep: (node, ms) => void steps.push({ node, ms }),
        ...(deps.checkpointer ? { checkpointer: deps.checkpointer } : {}),
        ...(deps.tracing ? { tracing: deps.tracing } : {}),
        // Only a run some worker started before can have checkpoints.
        fresh,
      });
      const finished = await ledger.finish(runId, { status: "completed", memo: result.memo, usage: result.usage, round: result.round, steps });
      log.info({ decision: finished.verdict?.decision, score: finished.verdict?.score }, "review completed");
      span.setAttributes({ "prfaq.decision": result.memo.decision, "prfaq.round": result.round, "gen_ai.usage.input_tokens": result.usage.promptTokens, "gen_ai.usage.output_tokens": result.usage.completionTokens });
      return { decision: result.memo.decision };
    } catch (error) {
      // Stop this attempt's other steps: a reviewer running in parallel with the one that failed stops at
      // its model call; the ledger refuses any event it still sends once the run has finished.
      controller.abort(error);
      if (error instanceof RunCancelledError || (await ledger.isCancelRequested(runId))) return cancelled();
      const permanent = error instanceof UnrecoverableError || (error instanceof AppError && PERMANENT.has(error.code));
      const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      log.error({ err: error, permanent, lastAttempt }, "review step failed");
      if (permanent || lastAttempt) {
        const code = error instanceof AppError ? error.code : "internal";
        const message = error instanceof Error ? error.message : String(error);
        await ledger.finish(runId, { status: "failed", error: { code, message }, steps });
        throw new UnrecoverableError(message);
      }
      throw error;
    } finally {
      deps.cancels?.release(runId);
    }
  }
  return processReview;
}

/**
 * Ends a run whose job BullMQ failed without our processor finishing it: a job that stalled more than
 * `maxStalledCount` times (its worker died mid-run again and again) is failed by BullMQ before the
 * processor is called, which would leave the run `running` forever, its SSE stream open and its
 * active-run slot taken. Called on the worker's `failed` event; a run already finished is left alone.
 */
export function createAbandonedJobHandler(deps: Pick<ProcessorDeps, "ledger" | "logger">) {
  return async function failAbandonedRun(job: Pick<Job, "data" | "id" | "finishedOn"> | undefined, error: Error): Promise<void> {
    // Only a final failure: a job that will be retried is not finished.
    if (!job?.finishedOn) return;
    const parsed = ReviewJobSchema.safeParse(job.data);
    if (!parsed.success) return;
    const { runId } = parsed.data;
    const run = await deps.ledger.get(runId);
    if (!run || TERMINAL_STATUSES.includes(run.status)) return;
    deps.logger.error({ runId, jobId: job.id, err: error }, "review job failed outside the processor; failing the run");
    await deps.ledger.finish(runId, { status: "failed", error: { code: "internal", message: `the review was abandoned by its workers: ${error.message}` } });
  };
}
