import { END, Send } from "@langchain/langgraph";
import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { renderPrfaqMarkdown } from "../domain/prfaq-markdown.js";
import { NODES, type MeetingStateType } from "./state.js";

/** What a reviewer step reads: its seat, the draft and the rubric's findings; never the other reviews or the history. */
export type ReviewerInput = Pick<MeetingStateType, "seat" | "prfaq" | "facts" | "round" | "version" | "findings" | "score">;

/**
 * After the drafter: one reviewer step per seat, in parallel, each seeing only its own seat and the
 * draft (silent reading); a customer sees the draft without its internal FAQ, and only the findings
 * that quote what a customer can read. The payload is kept to that: LangGraph checkpoints every Send,
 * so the whole meeting state five times over would be written, and read, on every round.
 */
export function routeToReviewers(state: MeetingStateType): Send[] {
  const { prfaq, facts, round, version, findings, score } = state;
  // Worked out once per round, not once per customer seat: the reviewers start one after another.
  const customer = prfaq ? { prfaq: customerView(prfaq), findings: customerFindings(prfaq, findings) } : { prfaq, findings };
  return state.seats.map(
    (seat) => new Send(NODES.reviewer, { seat, facts, round, version, score, ...(seat.role === "customer" ? customer : { prfaq, findings }) } satisfies ReviewerInput),
  );
}

/** The draft as a customer reads it: the press release and the external FAQ. */
function customerView(doc: Prfaq): Prfaq {
  return { ...doc, internalFaq: [] };
}

/** Findings a customer may see: none that quotes the internal FAQ (a customer never reads it). */
function customerFindings(doc: Prfaq, findings: Finding[]): Finding[] {
  const internal = doc.internalFaq.map((q) => `${q.question}\n${q.answer}`).join("\n");
  const visible = renderPrfaqMarkdown(customerView(doc));
  return findings.filter((f) => visible.includes(f.evidence) || !internal.includes(f.evidence));
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
