import { randomBytes } from "node:crypto";
import { ConflictError, ValidationError } from "../domain/errors.js";
import { eventKey } from "../domain/events.js";
import { RunIdSchema, TERMINAL_STATUSES, ZERO_USAGE, type CreateReview, type Engine, type RunRecord } from "../domain/run.js";
import type { PersonaLibrary } from "../personas/loader.js";
import type { ReviewQueue } from "../queue/review-queue.js";
import type { EventLog } from "../store/event-log.js";
import type { RunStore } from "../store/runs.js";

export type ReviewServiceDeps = {
  runs: RunStore;
  events: EventLog;
  queue: ReviewQueue;
  personas: PersonaLibrary;
  /** Engines this deployment can run, the first being the default. */
  engines: readonly Engine[];
  now?: () => Date;
};

export function newRunId(): string {
  return `rv_${randomBytes(15).toString("base64url")}`;
}

/** Starting a review: check what can be checked before anything is written, then write all of it or nothing. */
export function createReviewService(deps: ReviewServiceDeps) {
  const now = deps.now ?? (() => new Date());
  return {
    async start(request: CreateReview): Promise<RunRecord> {
      const engine = request.options.engine ?? deps.engines[0] ?? "offline";
      if (!deps.engines.includes(engine)) {
        throw new ValidationError(`The ${engine} engine is not configured on this server`, [
          { path: "options.engine", message: `'${engine}' is not available; available: ${deps.engines.join(", ")}. Set OPENAI_API_KEY (and OPENAI_BASE_URL) to enable openai.` },
        ]);
      }
      // Unknown persona ids fail here, before the run exists.
      const unknown = (request.options.personas ?? [])
        .map((id, i) => ({ id, i }))
        .filter(({ id }) => deps.personas.byId(id)?.kind !== "customer");
      if (unknown.length > 0) {
        throw new ValidationError(
          `Unknown customer persona id(s): ${unknown.map((u) => u.id).join(", ")}. GET /v1/personas lists them.`,
          unknown.map(({ id, i }) => ({ path: `options.personas.${i}`, message: `no customer persona with id '${id}'` })),
          "unknown_persona",
        );
      }
      const record: RunRecord = {
        id: newRunId(),
        status: "queued",
        title: request.brief.title,
        engine,
        round: 0,
        rounds: request.options.rounds,
        createdAt: now().toISOString(),
        usage: ZERO_USAGE,
      };
      const stored = { ...request, options: { ...request.options, engine } };
      await deps.runs.create(record, stored);
      try {
        await deps.events.append(record.id, { type: "run.queued", key: eventKey("run.queued", 0), engine, rounds: record.rounds, title: record.title });
        await deps.queue.enqueue({ runId: record.id, request: stored });
      } catch (error) {
        await deps.runs.remove(record.id).catch(() => undefined);
        throw error;
      }
      return record;
    },

    /**
     * Asks a run to stop. A queued run ends here and now; a running one is stopped by its worker at
     * the next step boundary (in-flight model calls are aborted).
     */
    async cancel(run: RunRecord): Promise<RunRecord> {
      if (TERMINAL_STATUSES.includes(run.status)) throw new ConflictError(`Review ${run.id} is already ${run.status}.`);
      await deps.runs.requestCancel(run.id);
      if (run.status === "queued" && (await deps.queue.removeWaiting(run.id))) {
        await deps.runs.update(run.id, { status: "cancelled", finishedAt: now().toISOString() });
        await deps.events.append(run.id, { type: "run.cancelled", key: eventKey("run.cancelled", undefined), status: "cancelled" });
      }
      return (await deps.runs.get(run.id)) ?? run;
    },

    isRunId(id: string): boolean {
      return RunIdSchema.safeParse(id).success;
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
