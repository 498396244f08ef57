import { Annotation } from "@langchain/langgraph";
import type { Analysis } from "../domain/analysis.js";
import type { BriefFacts } from "../domain/brief.js";
import type { Finding } from "../domain/finding.js";
import type { Memo } from "../domain/memo.js";
import type { Prfaq } from "../domain/prfaq.js";
import type { Decision, Review } from "../domain/review.js";
import { addUsageTotals, ZERO_USAGE_TOTALS, type CreateReview, type UsageTotals } from "../domain/run.js";
import type { RoundSummary } from "../agents/contracts.js";
import type { Seat } from "../agents/seats.js";

/** Node names, used everywhere a node is named. A node name may not equal a state key. */
export const NODES = {
  intake: "intake",
  drafter: "drafter",
  reviewer: "reviewer",
  leader: "leader",
  memoWriter: "memoWriter",
} as const;


const last = <T>(fallback: () => T) => Annotation<T>({ reducer: (_old: T, next: T) => next, default: fallback });

/** Reviews are keyed by agent and version: a replayed reviewer step replaces, never duplicates. */
function mergeReviews(old: Review[], next: Review[]): Review[] {
  const byKey = new Map(old.map((r) => [`${r.version}|${r.agent}`, r]));
  for (const r of next) byKey.set(`${r.version}|${r.agent}`, r);
  return [...byKey.values()];
}

/** Usage per role, added up as steps report it (a role's cost turns unknown once one of its calls is unpriced). */
export function addUsage(a: Record<string, UsageTotals>, b: Record<string, UsageTotals>): Record<string, UsageTotals> {
  const out = { ...a };
  for (const [role, u] of Object.entries(b)) out[role] = addUsageTotals(out[role] ?? ZERO_USAGE_TOTALS, u);
  return out;
}

/** The review meeting's state, declared once with explicit reducers. */
export const MeetingState = Annotation.Root({
  runId: last<string>(() => ""),
  /** The review request, when the graph starts from one alone (Studio): the intake node reads it. */
  request: last<CreateReview | undefined>(() => undefined),
  createdAt: last<string>(() => ""),
  facts: last<BriefFacts | undefined>(() => undefined),
  /** The evidence ledger and computed figures, built once at intake. */
  analysis: last<Analysis | undefined>(() => undefined),
  rounds: last<number>(() => 3),
  maxTokens: last<number | undefined>(() => undefined),
  seats: last<Seat[]>(() => []),
  /** The seat a fanned-out reviewer step fills (set per Send). */
  seat: last<Seat | undefined>(() => undefined),
  round: last<number>(() => 0),
  version: last<number>(() => 0),
  prfaq: last<Prfaq | undefined>(() => undefined),
  /** The author's own PR/FAQ, when the review started from one: it is version 1, not the drafter's. */
  authored: last<Prfaq | undefined>(() => undefined),
  findings: last<Finding[]>(() => []),
  score: last<number>(() => 0),
  reviews: Annotation<Review[]>({ reducer: mergeReviews, default: () => [] }),
  history: last<RoundSummary[]>(() => []),
  decisions: last<Decision[]>(() => []),
  assumptions: last<string[]>(() => []),
  /** What each revision changed, by version. */
  revisions: last<{ version: number; changes: string[] }[]>(() => []),
  /** Requested changes the drafter could not make from the ledger: questions for the author. */
  authorQuestions: last<string[]>(() => []),
  /** The last revision left the document unchanged: the meeting concludes. */
  unchanged: last<boolean>(() => false),
  usage: Annotation<Record<string, UsageTotals>>({ reducer: addUsage, default: () => ({}) }),
  memo: last<Memo | undefined>(() => undefined),
});
export type MeetingStateType = typeof MeetingState.State;
export type MeetingUpdate = typeof MeetingState.Update;
