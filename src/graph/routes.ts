import { END, Send } from "@langchain/langgraph";
import { NODES, type MeetingStateType } from "./state.js";

/** What a reviewer step reads: its seat, the draft and the rubric's findings; never the other reviews or the history. */
export type ReviewerInput = Pick<MeetingStateType, "seat" | "prfaq" | "facts" | "round" | "version" | "findings" | "score">;

/**
 * After the drafter: one reviewer step per seat, in parallel, each seeing only its own seat and the
 * draft (silent reading). The payload is kept to that: LangGraph checkpoints every Send, so the whole
 * meeting state five times over would be written, and read, on every round.
 */
export function routeToReviewers(state: MeetingStateType): Send[] {
  const { prfaq, facts, round, version, findings, score } = state;
  return state.seats.map((seat) => new Send(NODES.reviewer, { seat, prfaq, facts, round, version, findings, score } satisfies ReviewerInput));
}

/** After the leader: revise again, or write the memo. */
export function routeAfterLeader(state: MeetingStateType): typeof NODES.drafter | typeof NODES.memoWriter {
  return state.decisions.at(-1)?.action === "conclude" ? NODES.memoWriter : NODES.drafter;
}

/** LangGraph's step limit for a run: each round is three super-steps, plus the memo and slack for retries. */
export function recursionLimitFor(rounds: number): number {
  return rounds * 3 + 10;
}

export { END };
