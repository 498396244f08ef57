import { END, Send } from "@langchain/langgraph";
import { NODES, type MeetingStateType } from "./state.js";

/** After the drafter: one reviewer step per seat, in parallel, each seeing only its own seat. */
export function routeToReviewers(state: MeetingStateType): Send[] {
  return state.seats.map((seat) => new Send(NODES.reviewer, { ...state, seat }));
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
