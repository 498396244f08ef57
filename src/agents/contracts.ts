import type { Analysis } from "../domain/analysis.js";
import type { BriefFacts } from "../domain/brief.js";
import type { Finding } from "../domain/finding.js";
import type { Memo } from "../domain/memo.js";
import type { Persona } from "../domain/persona.js";
import type { Prfaq } from "../domain/prfaq.js";
import type { ChangeRequest, Decision, Review, ReviewerRole } from "../domain/review.js";
import type { FINAL_ROLES } from "../domain/roles.js";

/** The roles that read the concluded draft (src/domain/roles.ts). */
export type FinalRole = (typeof FINAL_ROLES)[number];

/** Everything an agent call may use besides its input: cancellation, usage and retries. */
export type AgentContext = {
  signal?: AbortSignal;
  /** Called with the tokens (and cost) each model call used; the offline engine uses none. */
  onUsage?: (usage: { promptTokens: number; completionTokens: number; costUsd: number }) => void;
  /** Called before each retry of a failed model call (the attempt that failed, the wait, why). */
  onRetry?: (retry: { attempt: number; waitMs: number; reason: string }) => void;
};

export type DraftInput = {
  facts: BriefFacts;
  version: number;
  /** The previous version, for revisions. */
  previous?: Prfaq;
  /** The leader's changes for this revision (empty for v1). */
  changes: ChangeRequest[];
  /** Rubric findings on the previous version. */
  findings: Finding[];
  /** ISO time the run was created: the reference point for any assumed date (keeps drafts deterministic). */
  createdAt: string;
  /** The evidence ledger and the computed figures: the only facts a draft may state. */
  analysis: Analysis;
};

/**
 * A draft: the document, what changed (one line per change made), assumptions it rests on, and the
 * requested changes it could not make from the ledger (open questions for the author, not lines in the document).
 */
export type DraftOutput = { prfaq: Prfaq; changes: string[]; assumptions: string[]; openQuestions?: string[] };

/**
 * What a customer seat reads: its persona and the press release with the external FAQ. Nothing else:
 * no rubric findings, no brief, no ledger, no other reviewer's words (cold reading, by construction).
 */
export type CustomerReviewInput = {
  agent: string;
  role: "customer";
  persona: Persona;
  round: number;
  version: number;
  prfaq: Prfaq;
  /** True for the persona built from the brief's own representative customer. */
  fromBrief: boolean;
};

/** What the engineer and finance read: the whole document, the rubric, the brief and its analysis. */
export type InternalReviewInput = {
  agent: string;
  role: Exclude<ReviewerRole, "customer" | FinalRole>;
  persona?: Persona;
  round: number;
  version: number;
  prfaq: Prfaq;
  findings: Finding[];
  score: number;
  facts: BriefFacts;
  analysis: Analysis;
};

/**
 * What a final seat (the bar raiser) reads once the meeting has concluded: the final document, its rubric
 * findings and the computed figures, and where the meeting leans. Not the reviews or the arguments: it
 * must be convinced by the document and the numbers alone.
 */
export type FinalReadInput = Omit<InternalReviewInput, "role"> & { role: FinalRole; lean: "fund" | "kill" };

/** The draft as one reviewer is allowed to see it. */
export type ReviewInput = CustomerReviewInput | InternalReviewInput | FinalReadInput;

export type RoundSummary = { round: number; version: number; score: number; reviews: Review[]; findings: Finding[] };

export type LeaderInput = {
  round: number;
  rounds: number;
  history: RoundSummary[];
  facts: BriefFacts;
  /** True when the token budget is spent: the leader must conclude. */
  budgetExhausted: boolean;
  /** The version under review. */
  prfaq?: Prfaq;
  analysis: Analysis;
  /** ISO time the run was created (a dry-run revision needs it for assumed dates). */
  createdAt: string;
};

export type MemoInput = {
  runId: string;
  engine: string;
  facts: BriefFacts;
  history: RoundSummary[];
  decisions: Decision[];
  finalPrfaq: Prfaq;
  finalVersion: number;
  assumptions: string[];
  analysis: Analysis;
  /** What each revision changed, by version. */
  revisions: { version: number; changes: string[] }[];
  /** The final seats' reads of the concluded draft (the bar raiser): a `kill` from one of them vetoes a fund. */
  finalReads: Review[];
};

/** What an engine writes of the memo; the graph adds what it knows for certain (figures, ledger, scorecard, dissent, changes). */
export type MemoDraft = Omit<
  Memo,
  "scorecard" | "fixedFindings" | "remainingFindings" | "finalPrfaq" | "finalVersion" | "rounds" | "runId" | "title" | "engine" | "ledger" | "economics" | "door" | "doorWhy" | "stage" | "ask" | "dissent" | "changes"
>;

/** One engine's implementation of the five roles. Graph code depends on this, never on an engine. */
export type MeetingAgents = {
  engine: string;
  /** Shown in `run.started`: what is speaking. */
  note: string;
  draft(input: DraftInput, ctx: AgentContext): Promise<DraftOutput>;
  review(input: ReviewInput, ctx: AgentContext): Promise<Review>;
  decide(input: LeaderInput, ctx: AgentContext): Promise<Decision>;
  writeMemo(input: MemoInput, ctx: AgentContext): Promise<MemoDraft>;
};
