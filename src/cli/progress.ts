import type { RunEvent } from "../domain/events.js";
import { roleOf } from "./format.js";

/**
 * Who is working right now, as the transcript tells it: agents between their `agent.started` and their
 * result, the latest draft version, and whether the leader has concluded (its next turn is the memo).
 */
export type Progress = { working: readonly string[]; version: number; concluded: boolean };

export const IDLE: Progress = { working: [], version: 0, concluded: false };

const without = (working: readonly string[], agent: string) => working.filter((a) => a !== agent);

/** The progress after `event`. Pure. */
export function nextProgress(state: Progress, event: RunEvent): Progress {
  switch (event.type) {
    case "agent.started":
      return state.working.includes(event.agent) ? state : { ...state, working: [...state.working, event.agent] };
    case "draft.ready":
      return { ...state, working: without(state.working, "drafter"), version: event.version };
    case "review.ready":
      return { ...state, working: without(state.working, event.review.agent) };
    case "decision":
      return { ...state, working: without(state.working, "leader"), concluded: event.decision.action === "conclude" };
    case "memo.ready":
      return { ...state, working: without(state.working, "leader") };
    case "run.completed":
    case "run.failed":
    case "run.cancelled":
      return { ...state, working: [] };
    default:
      return state;
  }
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The spinner's words for `state`: "engineer is reading v2...", "customer, engineer and finance are
 * reading v2...", "drafter is writing v3...", "leader is deciding...", "leader is writing the memo...".
 * Undefined when nobody is working. Pure.
 */
export function progressText(state: Progress): string | undefined {
  if (state.working.length === 0) return undefined;
  const roles = state.working.map(roleOf);
  const phrases: string[] = [];
  if (roles.includes("drafter")) phrases.push(`drafter is writing v${state.version + 1}`);
  const readers = [...new Set(roles.filter((r) => r !== "drafter" && r !== "leader"))];
  if (readers.length) phrases.push(`${listOf(readers)} ${readers.length === 1 ? "is" : "are"} reading v${state.version}`);
  if (roles.includes("leader")) phrases.push(state.concluded ? "leader is writing the memo" : "leader is deciding");
  return `${phrases.join("; ")}...`;
}
