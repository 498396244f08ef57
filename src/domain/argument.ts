import { z } from "zod";
import type { CheckId } from "./finding.js";

/** The kinds of reason a decision can rest on, in the order the leader weighs them (most decisive first). */
export const REASON_KINDS = ["economics", "claims", "strategy", "process", "scope", "customer", "problem", "feasibility", "evidence"] as const;
export const ReasonKindSchema = z.enum(REASON_KINDS).describe(
  "economics: the money cannot work; claims: rests on absolute or impossible claims; process: already built, the document justifies it; scope: several products or a feature pile; strategy: technology looking for a problem, no reason it is us or now; customer: no specific customer; problem: no real pain; feasibility: cannot be built as described; evidence: nothing observed shows customers want it",
);
export type ReasonKind = z.infer<typeof ReasonKindSchema>;

/** How decisive a kind is: lower is weighed first. A fixed, documented order (docs/how-the-meeting-decides.md). */
export const KIND_RANK: Record<ReasonKind, number> = Object.fromEntries(REASON_KINDS.map((k, i) => [k, i])) as Record<ReasonKind, number>;

/** One argument a reviewer makes: what kind of reason, the sentence, what it rests on, and whether it blocks funding. */
export const ArgumentSchema = z.object({
  kind: ReasonKindSchema,
  text: z.string().min(1).describe("The argument in one or two sentences"),
  basis: z.array(z.string()).describe("What it rests on: ledger ids (L12), rubric check ids, or press-release sections (pr:problem)"),
  blocking: z.boolean().describe("True when this alone means the idea should not be funded as it stands"),
});
export type Argument = z.infer<typeof ArgumentSchema>;

/** A reason of the memo: an argument without its weight (the memo lists only what decided). */
export const ReasonSchema = ArgumentSchema.omit({ blocking: true });
export type Reason = z.infer<typeof ReasonSchema>;

/** Which kind of reason each rubric check speaks to. */
export const KIND_OF_CHECK: Record<CheckId, ReasonKind> = {
  "vague-customer-definition": "customer",
  "missing-problem-paragraph": "problem",
  "solution-first-thinking": "strategy",
  "combining-ideas": "scope",
  "too-many-features": "scope",
  "writing-pr-after-building": "process",
  "skipping-the-iteration": "process",
  "hyperbole-instead-of-specifics": "claims",
  "no-measurable-outcome": "evidence",
  "customer-quote-sounds-fake": "evidence",
  "internal-jargon-in-pr": "process",
  "faq-avoids-hard-questions": "process",
  "faq-too-short": "process",
  "missing-the-date": "process",
  "press-release-length": "process",
  "missing-section": "process",
};

/** Orders arguments most decisive first: blocking before not, then by kind. Stable. */
export function byDecisiveness<T extends { kind: ReasonKind; blocking?: boolean }>(items: T[]): T[] {
  return [...items].sort((a, b) => Number(b.blocking ?? true) - Number(a.blocking ?? true) || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}
