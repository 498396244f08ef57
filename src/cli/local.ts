import { randomBytes } from "node:crypto";
import type { MeetingAgents } from "../agents/contracts.js";
import { AppError } from "../domain/errors.js";
import { eventKey, RunEventSchema, type EventDraft, type RunEvent } from "../domain/events.js";
import { requestTitle } from "../domain/author-document.js";
import type { CreateReview } from "../domain/run.js";
import { runMeeting } from "../graph/meeting.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../personas/loader.js";
import { InputError } from "./errors.js";

/** Options of {@link runLocalReview}. */
export type LocalReviewOptions = {
  /** The five roles, from `localAgents`. */
  agents: MeetingAgents;
  /** Persona YAML files (PRFAQ_PERSONAS_DIR); default the repository's `personas/`. */
  personasDir?: string | undefined;
  /** Called with every event, numbered 1, 2, 3, ... and checked against `RunEventSchema`. */
  onEvent: (event: RunEvent) => void;
  runId?: string;
  now?: () => Date;
};

/**
 * Runs a review in this process, no server or Redis: the same graph the worker runs, with a transcript of
 * the same shape (`run.queued` first, `run.completed` or `run.failed` last). Resolves with the terminal
 * event. A failure of the meeting becomes `run.failed` (code and message), as it would on a worker.
 */
export async function runLocalReview(request: CreateReview, opts: LocalReviewOptions): Promise<RunEvent> {
  const now = opts.now ?? (() => new Date());
  const runId = opts.runId ?? `local-${randomBytes(6).toString("hex")}`;
  const { agents } = opts;
  const personas = await loadPersonaLibrary(opts.personasDir ?? defaultPersonaDir());
  // What a server answers with 404 before a run exists; here too, nothing starts.
  const unknown = (request.options.personas ?? []).map((id, i) => ({ id, i })).filter(({ id }) => personas.byId(id)?.kind !== "customer");
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown customer persona id(s): ${unknown.map((u) => u.id).join(", ")}. \`prfaq personas --local\` lists them.`,
      unknown.map(({ id, i }) => ({ path: `options.personas.${i}`, message: `no customer persona with id '${id}'` })),
    );
  }
  let seq = 0;
  const seen = new Set<string>();
  let last: RunEvent | undefined;
  // The event log's job on a worker: number the events, stamp them, and keep one per key.
  const emit = async (draft: EventDraft) => {
    if (seen.has(draft.key)) return;
    seen.add(draft.key);
    const { key: _key, ...rest } = draft;
    last = RunEventSchema.parse({ ...rest, seq: ++seq, runId, at: now().toISOString() });
    opts.onEvent(last);
  };
  const engine = agents.engine === "offline" ? "offline" : "openai";
  await emit({ type: "run.queued", key: eventKey("run.queued", 0), engine, rounds: request.options.rounds, title: requestTitle(request) });
  try {
    const { memo } = await runMeeting({ runId, createdAt: now().toISOString(), request, agents, personas, emit });
    const verdict = { decision: memo.decision, confidence: memo.confidence, score: memo.scorecard.at(-1)?.score ?? 0 };
    await emit({ type: "run.completed", key: eventKey("run.completed", undefined), status: "completed", verdict });
  } catch (error) {
    const code = error instanceof AppError ? error.code : "internal";
    const message = error instanceof Error ? error.message : String(error);
    await emit({ type: "run.failed", key: eventKey("run.failed", undefined), status: "failed", error: { code, message } });
  }
  if (!last) throw new Error("the local review produced no events");
  return last;
}
