import type { BaseCheckpointSaver } from "@langchain/langgraph";
import type { MeetingAgents } from "../agents/contracts.js";
import { eventKey, type EventDraft } from "../domain/events.js";
import type { Memo } from "../domain/memo.js";
import { sumUsage, type CreateReview, type Usage } from "../domain/run.js";
import type { PersonaLibrary } from "../personas/loader.js";
import { readIntake } from "./intake.js";
import { createReviewGraph } from "./review-graph.js";
import { recursionLimitFor } from "./routes.js";
import type { Tracing } from "../telemetry/tracing.js";

export type MeetingInput = {
  runId: string;
  createdAt: string;
  request: CreateReview;
  agents: MeetingAgents;
  personas: PersonaLibrary;
  emit: (event: EventDraft) => Promise<void>;
  checkpointer?: BaseCheckpointSaver;
  /** The run has never started before, so it has no checkpoint to resume from: skip the look-up. */
  fresh?: boolean;
  signal?: AbortSignal;
  onStep?: (node: string, ms: number) => void;
  /** Spans for the meeting's steps (src/telemetry); unset: none. */
  tracing?: Tracing;
};

export type MeetingResult = { memo: Memo; usage: Usage; round: number };

/**
 * Runs one review meeting from brief to memo: reads the brief, seats the reviewers, announces the
 * run, and drives the graph. Used by the worker and by `prfaq review --local`.
 */
export async function runMeeting(input: MeetingInput): Promise<MeetingResult> {
  const { request, agents } = input;
  const { facts, analysis, seats, personas, authored } = readIntake(request, input.personas);
  await input.emit({
    type: "run.started",
    key: eventKey("run.started", 0),
    engine: agents.engine === "offline" ? "offline" : "openai",
    rounds: request.options.rounds,
    personas,
    note: agents.note,
  });
  const graph = createReviewGraph({
    agents,
    emit: input.emit,
    ...(input.checkpointer ? { checkpointer: input.checkpointer } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
    ...(input.onStep ? { onStep: input.onStep } : {}),
    ...(input.tracing ? { tracing: input.tracing } : {}),
  });
  // LangSmith (LANGSMITH_TRACING): the meeting is one trace named for its run and tagged with the run id;
  // each seat's work is a child run named for the seat (review-graph.ts).
  const config = {
    runName: `review ${input.runId}`,
    tags: [input.runId],
    metadata: { runId: input.runId, engine: agents.engine },
    configurable: { thread_id: input.runId },
    recursionLimit: recursionLimitFor(request.options.rounds),
    ...(input.signal ? { signal: input.signal } : {}),
  };
  // A retried job (the worker before this one died) resumes from the last checkpoint instead of starting over.
  const resume = input.checkpointer && !input.fresh ? (await input.checkpointer.getTuple(config)) !== undefined : false;
  const start = { runId: input.runId, createdAt: input.createdAt, facts, analysis, rounds: request.options.rounds, maxTokens: request.options.maxTokens, seats, ...(authored ? { authored } : {}) };
  const final = await graph.invoke(resume ? null : start, config);
  if (!final.memo) throw new Error("the meeting ended without a memo");
  return { memo: final.memo, usage: sumUsage(final.usage), round: final.round };
}
