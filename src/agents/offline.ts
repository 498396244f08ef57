import { createPacer } from "../llm/pause.js";
import type { MeetingAgents } from "./contracts.js";
import { draftOffline } from "./drafter/index.js";
import { decideOffline, writeMemoOffline } from "./leader/index.js";
import { seatAgentFor } from "./seat-agents.js";

/** What the transcript says about the offline engine, so nobody mistakes it for a model. */
export const OFFLINE_NOTE =
  "Offline engine: no language model. A deterministic analyst whose every statement is computed from the brief's evidence ledger, the economics model's figures and the rubric, citing the ledger ids it rests on.";

export type OfflineAgentOptions = {
  /**
   * The pace of a demo, in ms (PRFAQ_OFFLINE_PACE_MS): every agent step thinks a few paces before it
   * speaks ({@link THINK_PACES}), one step at a time, so a meeting unfolds at a watchable pace. Default 0.
   */
  paceMs?: number;
};

/**
 * How many paces each step thinks: writing a version or the memo takes longest, reading and deciding
 * less. With a pace of 300 ms a meeting asked for 3 rounds lasts about 15 to 20 s. Think time only:
 * what each step concludes is the same at any pace.
 */
export const THINK_PACES = { draft: 6, review: 3, decide: 5, memo: 6 } as const;

/** The five roles on the built-in deterministic engine. */
export function createOfflineAgents(options: OfflineAgentOptions = {}): MeetingAgents {
  // One pacer per meeting: parallel reviewers take turns, so their reviews land one by one.
  const think = createPacer(options.paceMs ?? 0);
  return {
    engine: "offline",
    note: OFFLINE_NOTE,
    draft: async (input, ctx) => {
      await think(THINK_PACES.draft, ctx.signal);
      return draftOffline(input);
    },
    review: async (input, ctx) => {
      await think(THINK_PACES.review, ctx.signal);
      return seatAgentFor(input).offline(input);
    },
    decide: async (input, ctx) => {
      await think(THINK_PACES.decide, ctx.signal);
      return decideOffline(input);
    },
    writeMemo: async (input, ctx) => {
      await think(THINK_PACES.memo, ctx.signal);
      return writeMemoOffline(input);
    },
  };
}
