import { END, Send } from "@langchain/langgraph";
import type { Prfaq } from "../domain/prfaq.js";
import { NODES, type MeetingStateType } from "./state.js";

/**
 * What a reviewer step reads: its seat and the draft; the engineer and finance also the rubric's findings,
 * the brief and its analysis. Never the other reviews or the history.
 */
export type ReviewerInput = Partial<Pick<MeetingStateType, "seat" | "prfaq" | "facts" | "analysis" | "round" | "version" | "findings" | "score">>;

/**
 * After the drafter: one reviewer step per seat, in parallel, each seeing only its own seat and the
 * draft (silent reading). A customer gets the press release and the external FAQ and nothing else: no
 * findings, no brief, no ledger (cold reading by construction). The payload is kept to that: LangGraph
 * checkpoints every Send. A revision that changed nothing ends the meeting instead.
 */
export function routeToReviewers(state: MeetingStateType): Send[] | typeof NODES.memoWriter {
  if (state.unchanged) return NODES.memoWriter;
  const { prfaq, facts, analysis, round, version, findings, score } = state;
  // Worked out once per round, not once per customer seat.
  const customer = prfaq ? customerView(prfaq) : prfaq;
  return state.seats.map(
    (seat) =>
      new Send(NODES.reviewer, (seat.role === "customer" ? { seat, round, version, prfaq: customer } : { seat, facts, analysis, round, version, score, prfaq, findings }) satisfies ReviewerInput),
  );
}

/** The draft as a customer reads it: the press release and the external FAQ, without what each part rests on. */
export function customerView(doc: Prfaq): Prfaq {
  const { sources: _sources, ...rest } = doc;
  return { ...rest, internalFaq: [] };
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
