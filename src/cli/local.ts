import { randomBytes } from "node:crypto";
import type { MeetingAgents } from "../agents/contracts.js";
import { AppError } from "../domain/errors.js";
import type { RunEvent } from "../domain/events.js";
import { requestTitle } from "../domain/author-document.js";
import { ZERO_USAGE, type CreateReview, type Engine, type RunRecord } from "../domain/run.js";
import { runMeeting } from "../graph/meeting.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../personas/loader.js";
import { MemoryRunLedger } from "../store/memory-ledger.js";
import { InputError } from "./errors.js";

/** Options of {@link runLocalReview}. */
export type LocalReviewOptions = {
  /** The five roles, from `localAgents`. */
  agents: MeetingAgents;
  /** Persona YAML files (PRFAQ_PERSONAS_DIR); default the repository's `personas/`. */
  personasDir?: string | undefined;
  /** Called with every event as the ledger numbered it: 1, 2, 3, ... */
  onEvent: (event: RunEvent) => void;
  runId?: string;
  now?: () => Date;
};

/**
 * Runs a review in this process, no server or Redis: the same meeting the worker runs, on the in-memory
 * {@link MemoryRunLedger} (the Redis ledger's twin: one contract suite), so the transcript is the
 * server's event for event (`run.queued` first, `run.completed` or `run.failed` last), on any engine.
 * Resolves with the terminal event. A failure of the meeting becomes `run.failed` (code and message).
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
  // The same run life as on the server, on the in-memory ledger: it numbers, de-duplicates, projects
  // and finishes; this process only starts the run, holds the meeting and prints what the ledger follows.
  const ledger = new MemoryRunLedger({ now });
  const createdAt = now().toISOString();
  const engine: Engine = agents.engine === "offline" ? "offline" : "openai";
  const record: RunRecord = { id: runId, status: "queued", title: requestTitle(request), engine, round: 0, rounds: request.options.rounds, createdAt, usage: ZERO_USAGE, owner: "local" };
  await ledger.create({ record, request });
  const printed = (async () => {
    for await (const event of ledger.follow(runId, 0)) opts.onEvent(event);
  })();
  await ledger.start(runId);
  try {
    const result = await runMeeting({ runId, createdAt, request, agents, personas, emit: async (event) => void (await ledger.append(runId, event)) });
    await ledger.finish(runId, { status: "completed", memo: result.memo, usage: result.usage, round: result.round });
  } catch (error) {
    const code = error instanceof AppError ? error.code : "internal";
    const message = error instanceof Error ? error.message : String(error);
    await ledger.finish(runId, { status: "failed", error: { code, message } });
  }
  await printed;
  const last = (await ledger.readAll(runId)).at(-1);
  if (!last) throw new Error("the local review produced no events");
  return last;
}
