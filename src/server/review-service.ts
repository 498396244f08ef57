import { randomBytes } from "node:crypto";
import { ConflictError, NotFoundError, problemCount, ValidationError } from "../domain/errors.js";
import { requestTitle } from "../domain/author-document.js";
import { RunIdSchema, TERMINAL_STATUSES, ZERO_USAGE, type CreateReview, type Engine, type RunRecord } from "../domain/run.js";
import { toPersona } from "../domain/persona.js";
import { inlinePersonaErrors } from "../personas/inline.js";
import type { PersonaLibrary } from "../personas/loader.js";
import type { ReviewQueue } from "../queue/review-queue.js";
import type { RunLedger } from "../store/run-ledger.js";
import { sha256 } from "../store/hash.js";

/** Per-deployment limits on what one request or one key may ask for. */
export type ServiceLimits = {
  maxBriefChars: number;
  maxRounds: number;
  maxPersonas: number;
  maxActiveRuns: number;
  /** Models `options.models` may name (PRFAQ_ALLOWED_MODELS, names already validated); empty: none. */
  allowedModels: readonly string[];
  /** What `options.models` may be keyed by: `default` and the roles. */
  modelChoices: readonly string[];
};

export type ReviewServiceDeps = {
  ledger: RunLedger;
  queue: ReviewQueue;
  personas: PersonaLibrary;
  /** Engines this deployment can run, the first being the default. */
  engines: readonly Engine[];
  limits: ServiceLimits;
  now?: () => Date;
};

export function newRunId(): string {
  return `rv_${randomBytes(15).toString("base64url")}`;
}


/** Starting, reading and cancelling reviews on behalf of one owner (an API key, or "local"). */
export function createReviewService(deps: ReviewServiceDeps) {
  const now = deps.now ?? (() => new Date());

  /** What can be checked before anything is written: engine, limits, persona ids. */
  function check(request: CreateReview): Engine {
    const errors: { path: string; message: string }[] = [];
    const engine = request.options.engine ?? deps.engines[0] ?? "offline";
    if (!deps.engines.includes(engine)) {
      errors.push({ path: "options.engine", message: `'${engine}' is not available; available: ${deps.engines.join(", ")}. Set OPENAI_API_KEY (and OPENAI_BASE_URL) on the server to enable openai.` });
    }
    if (request.brief && request.brief.text.length > deps.limits.maxBriefChars) errors.push({ path: "brief.text", message: `at most ${deps.limits.maxBriefChars} characters` });
    if (request.prfaq && request.prfaq.markdown.length > deps.limits.maxBriefChars) errors.push({ path: "prfaq.markdown", message: `at most ${deps.limits.maxBriefChars} characters` });
    if (request.options.rounds > deps.limits.maxRounds) errors.push({ path: "options.rounds", message: `at most ${deps.limits.maxRounds} on this server` });
    if ((request.options.personas?.length ?? 0) > deps.limits.maxPersonas) errors.push({ path: "options.personas", message: `at most ${deps.limits.maxPersonas} personas` });
    for (const [choice, model] of Object.entries(request.options.models ?? {})) {
      const path = `options.models.${choice.replace(/[^A-Za-z0-9_-]/g, "?").slice(0, 40)}`;
      if (!deps.limits.modelChoices.includes(choice)) errors.push({ path, message: `not a role: one of ${deps.limits.modelChoices.join(", ")}` });
      else if (!deps.limits.allowedModels.includes(model)) {
        // Quoted as JSON: a name with control characters must not reach a log or a terminal as it is.
        errors.push({ path, message: `${JSON.stringify(model.slice(0, 100))} is not allowed on this server; allowed: ${deps.limits.allowedModels.join(", ") || "none"} (PRFAQ_ALLOWED_MODELS)` });
      }
    }
    if (request.brief?.persona) errors.push(...inlinePersonaErrors(toPersona(request.brief.persona), deps.personas));
    if (errors.length > 0) throw new ValidationError(`The review request is invalid: ${problemCount(errors.length)}, listed in errors.`, errors);
    const unknown = (request.options.personas ?? []).map((id, i) => ({ id, i })).filter(({ id }) => deps.personas.byId(id)?.kind !== "customer");
    if (unknown.length > 0) {
      throw new ValidationError(
        `Unknown customer persona id(s): ${unknown.map((u) => u.id).join(", ")}. GET /v1/personas lists them.`,
        unknown.map(({ id, i }) => ({ path: `options.personas.${i}`, message: `no customer persona with id '${id}'` })),
        "unknown_persona",
      );
    }
    return engine;
  }

  return {
    /**
     * Starts a review: the ledger writes the run and its first event, then its job is queued (on failure
     * the run is discarded). With an idempotency key, the same key and body return the same run
     * (`replayed`), and the same key with another body is a conflict.
     */
    async start(request: CreateReview, owner: string, idempotencyKey?: string): Promise<{ run: RunRecord; replayed: boolean }> {
      const engine = check(request);
      const record: RunRecord = { id: newRunId(), status: "queued", title: requestTitle(request), engine, round: 0, rounds: request.options.rounds, createdAt: now().toISOString(), usage: ZERO_USAGE, owner };
      const stored = { ...request, options: { ...request.options, engine } };
      const idempotency = idempotencyKey ? { keyHash: sha256(idempotencyKey), bodyHash: sha256(JSON.stringify(request)) } : undefined;
      const created = await deps.ledger.create({ record, request: stored, maxActive: deps.limits.maxActiveRuns, ...(idempotency ? { idempotency } : {}) });
      if (created.replayed) return created;
      try {
        await deps.queue.enqueue({ runId: record.id, request: stored });
      } catch (error) {
        await deps.ledger.discard(record.id).catch(() => undefined);
        throw error;
      }
      return created;
    },

    /** The run, if it exists and belongs to `owner` (another owner's run is indistinguishable from none). */
    async get(id: string, owner: string): Promise<RunRecord> {
      const run = RunIdSchema.safeParse(id).success ? await deps.ledger.get(id) : undefined;
      if (!run || run.owner !== owner) throw new NotFoundError(`review ${id}`);
      return run;
    },

    /**
     * Asks a run to stop. A queued run ends here and now; a running one is stopped by its worker at
     * the next step boundary (in-flight model calls are aborted).
     */
    async cancel(run: RunRecord): Promise<RunRecord> {
      if (TERMINAL_STATUSES.includes(run.status)) throw new ConflictError(`Review ${run.id} is already ${run.status}.`);
      await deps.ledger.requestCancel(run.id);
      if (run.status === "queued" && (await deps.queue.removeWaiting(run.id))) return deps.ledger.finish(run.id, { status: "cancelled" });
      return (await deps.ledger.get(run.id)) ?? run;
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
