import { pause } from "../llm/pause.js";
import type { MeetingAgents } from "./contracts.js";
import { reviewAsCustomerOffline } from "./customer/index.js";
import { draftOffline } from "./drafter/index.js";
import { reviewAsEngineerOffline } from "./engineer/index.js";
import { reviewAsFinanceOffline } from "./finance/index.js";
import { decideOffline, writeMemoOffline } from "./leader/index.js";

/** What the transcript says about the offline engine, so nobody mistakes it for a model. */
export const OFFLINE_NOTE =
  "Offline engine: no language model. A deterministic reviewer whose every statement is computed from the brief, the draft and the rubric findings.";


export type OfflineAgentOptions = {
  /** Think time per agent call in ms, so a demo's meeting unfolds at a watchable pace. Default 0. */
  paceMs?: number;
};

/** The five roles on the built-in deterministic engine. */
export function createOfflineAgents(options: OfflineAgentOptions = {}): MeetingAgents {
  const paceMs = options.paceMs ?? 0;
  return {
    engine: "offline",
    note: OFFLINE_NOTE,
    draft: async (input, ctx) => {
      await pause(paceMs, ctx.signal);
      return draftOffline(input);
    },
    review: async (input, ctx) => {
      await pause(paceMs, ctx.signal);
      switch (input.role) {
        case "customer":
          return reviewAsCustomerOffline(input);
        case "engineer":
          return reviewAsEngineerOffline(input);
        case "finance":
          return reviewAsFinanceOffline(input);
      }
    },
    decide: async (input, ctx) => {
      await pause(paceMs, ctx.signal);
      return decideOffline(input);
    },
    writeMemo: async (input, ctx) => {
      await pause(paceMs, ctx.signal);
      return writeMemoOffline(input);
    },
  };
}
