import { z } from "zod";
import { ArgumentSchema } from "./argument.js";
import { CheckIdSchema } from "./finding.js";
import { REVIEWING_ROLES } from "./roles.js";

export const StanceSchema = z
  .enum(["fund", "kill", "undecided", "abstain"])
  .describe("Would you fund this as written? abstain: a customer seat for whom the product is not meant");
export type Stance = z.infer<typeof StanceSchema>;

/** The roles whose work is a review (src/domain/roles.ts): the reviewers, and the final read. Customer agents are `customer:<persona-id>`. */
export const ReviewerRoleSchema = z.enum(REVIEWING_ROLES);
export type ReviewerRole = z.infer<typeof ReviewerRoleSchema>;

/** The engineer's structured judgement. */
export const EngineeringSchema = z.object({
  hardestProblem: z.string().describe("The hardest unsolved problem v1 must solve, in one sentence"),
  mustBeTrue: z.array(z.string()).describe("What must be true for it to work, each testable"),
  oneWayDoors: z.array(z.string()).describe("Decisions that are hard to reverse"),
  dependencies: z.array(z.string()).describe("Systems, partners, data or approvals it depends on"),
  claimsChallenged: z.array(z.string()).describe("Claims of the document the engineer does not accept, and why"),
});
export type Engineering = z.infer<typeof EngineeringSchema>;

/** One reviewer's structured review of one draft. */
export const ReviewSchema = z.object({
  agent: z.string().describe("Agent id: customer:<persona-id>, engineer, finance or bar-raiser"),
  role: ReviewerRoleSchema,
  round: z.number().int().min(1),
  version: z.number().int().min(1).describe("The draft version reviewed"),
  stance: StanceSchema,
  scores: z.record(z.string(), z.number().int().min(1).max(5)).describe("Scores 1-5 on the role's named dimensions"),
  summary: z.string().describe("The review in two or three sentences, in the reviewer's voice"),
  objections: z.array(ArgumentSchema).describe("What is wrong, most serious first, each with its kind, basis and weight"),
  questions: z.array(z.string()).describe("What the document leaves unanswered"),
  quote: z.string().describe("The verbatim sentence of the draft this review reacts to most"),
  scenario: z.string().optional().describe("Customers: a first-person scenario of using it, from the press release alone"),
  engineering: EngineeringSchema.optional(),
});
export type Review = z.infer<typeof ReviewSchema>;

/** The final read that vetoes a fund, if any: a kill with a blocking objection (src/domain/roles.ts, kind `final`). */
export function vetoOf(finalReads: readonly Review[]): Review | undefined {
  return finalReads.find((r) => r.stance === "kill" && r.objections.some((o) => o.blocking));
}

/** Where a change goes: a press-release section, or one of the FAQs. */
export const ChangeTargetSchema = z.enum([
  "heading", "subheading", "dateline", "summary", "problem", "solution", "leaderQuote", "howItWorks", "customerQuote", "callToAction", "externalFaq", "internalFaq",
]);
export type ChangeTarget = z.infer<typeof ChangeTargetSchema>;

export const ChangeKindSchema = z
  .enum(["rewrite-section", "add-evidence", "cut-scope", "fix-claim", "answer-question", "add-date", "remove-text"])
  .describe("rewrite-section: say it again from the ledger; add-evidence: put the brief's figures in; cut-scope: keep one product; fix-claim: replace an absolute or vague claim with a figure; answer-question: answer an FAQ from the ledger; add-date: a launch date; remove-text: drop what does not belong");
export type ChangeKind = z.infer<typeof ChangeKindSchema>;

/** One change the leader asks the drafter to make: typed, so no agent parses another's prose. */
export const ChangeRequestSchema = z.object({
  priority: z.number().int().min(1).max(5),
  kind: ChangeKindSchema,
  target: ChangeTargetSchema,
  change: z.string().describe("What to change, concretely"),
  why: z.string().describe("Which review or finding asks for it"),
  basis: z.array(z.string()).describe("Ledger ids, check ids or seats the change rests on"),
  check: CheckIdSchema.optional().describe("The rubric check this change answers, if any"),
  /** For answer-question: the FAQ question to answer. */
  question: z.string().optional(),
});
export type ChangeRequest = z.infer<typeof ChangeRequestSchema>;

/** The leader's decision after a round. */
export const DecisionSchema = z.object({
  round: z.number().int().min(1),
  action: z.enum(["iterate", "conclude"]),
  leaning: z.enum(["fund", "kill"]).describe("Where the meeting stands now"),
  rationale: z.string(),
  changes: z.array(ChangeRequestSchema).max(5),
});
export type Decision = z.infer<typeof DecisionSchema>;
