import { z } from "zod";
import { CheckIdSchema, SeveritySchema, type CheckId, type Finding, type Severity } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";

/** What the caller knows about the document beyond its text. */
export const RubricContextSchema = z.object({
  version: z.number().int().min(1).optional().describe("PR/FAQ version number; 1 is the first draft"),
  revised: z.boolean().optional().describe("Whether this version answers a review of an earlier one"),
});
export type RubricContext = z.infer<typeof RubricContextSchema>;

/** One rubric check, for documentation and for the severity of its findings. */
export const CheckInfoSchema = z.object({
  id: CheckIdSchema,
  severity: SeveritySchema,
  description: z.string().describe("What the check looks for, in plain words"),
});
export type CheckInfo = z.infer<typeof CheckInfoSchema>;

/** A check family: reads the document, returns its findings (empty when the document passes). */
export type Check = (doc: Prfaq, ctx: RubricContext) => Finding[];

/** Every check the rubric runs: the 14 anti-patterns of prfaq-method.md with its severities, then structure. */
export const CHECKS: readonly CheckInfo[] = [
  { id: "solution-first-thinking", severity: "critical", description: "The document opens with a technology or capability and no customer problem precedes it, or says it is looking for a problem to apply it to." },
  { id: "missing-problem-paragraph", severity: "critical", description: "No statement of the customer's pain, or one without evidence (numbers, observed behaviour)." },
  { id: "vague-customer-definition", severity: "critical", description: "The customer is \"everyone\", \"businesses\", \"users\", \"companies of all sizes\", or never named; or a named segment is widened again (\"X broadly\", \"and consumers\", \"anyone who ...\")." },
  { id: "writing-pr-after-building", severity: "critical", description: "The text says the product is already built or decided (\"we have already built\", \"our team has developed\", \"v2 of our existing\"), or tells its building in the past tense with when it happened (\"finished it last month\", \"shipped last quarter\", \"went live\")." },
  { id: "internal-jargon-in-pr", severity: "critical", description: "Engineering or company-internal language in the press release (chip, protocol and codec acronyms, API, microservices, consensus algorithm, code names)." },
  { id: "faq-avoids-hard-questions", severity: "high", description: "The internal FAQ asks fewer than 3 of the 5 hard themes: competition, cost and unit economics, risk and v1 gaps, cannibalisation, what would make us stop." },
  { id: "hyperbole-instead-of-specifics", severity: "high", description: "Superlatives (revolutionary, best-in-class, seamless, most advanced) or sweeping change words with no number (\"changes it completely\", \"dramatically better\", \"transforms\") instead of measured, concrete claims." },
  { id: "customer-quote-sounds-fake", severity: "high", description: "The customer quote is unattributed (no name, and no role with a place: 'one of our customers' describes nobody), generic praise, or has no situation and no before/after." },
  { id: "too-many-features", severity: "high", description: "Four or more distinct customer-facing capabilities in one list (a bulleted list counts each item; one job told with two or three verbs is one) where one benefit should lead." },
  { id: "no-measurable-outcome", severity: "high", description: "No success measure with a number and a time frame (\"calls down 50% within 60 days\")." },
  { id: "combining-ideas", severity: "high", description: "Several products or audiences bundled in one document (a list of unrelated tools, audiences from three unrelated trades, or markets named as hedged options)." },
  { id: "skipping-the-iteration", severity: "medium", description: "A first draft treated as the final decision document (version 1 never revised, or the text calls itself final)." },
  { id: "missing-the-date", severity: "medium", description: "No concrete, even hypothetical, launch date (\"soon\" and \"TBD\" do not count)." },
  { id: "faq-too-short", severity: "medium", description: "Fewer than 3 external or 3 internal questions, or only one of the two parts." },
  { id: "press-release-length", severity: "medium", description: "The press release is under 150 or over 900 words (aim for 300-600), or a paragraph runs past 6 sentences." },
  { id: "missing-section", severity: "medium", description: "A press-release section is missing: heading, subheading, summary, solution, leader quote, how it works, customer quote or call to action." },
];

const SEVERITY = new Map<CheckId, Severity>(CHECKS.map((c) => [c.id, c.severity]));

/** A finding of `check` at its registered severity. */
export function finding(check: CheckId, message: string, evidence: string): Finding {
  return { check, severity: SEVERITY.get(check) ?? "medium", message, evidence };
}
