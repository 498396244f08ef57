import { z } from "zod";

/** The 14 anti-pattern ids of `prfaq-method.md`, exactly. */
export const ANTI_PATTERN_IDS = [
  "solution-first-thinking",
  "missing-problem-paragraph",
  "vague-customer-definition",
  "writing-pr-after-building",
  "internal-jargon-in-pr",
  "faq-avoids-hard-questions",
  "hyperbole-instead-of-specifics",
  "customer-quote-sounds-fake",
  "too-many-features",
  "no-measurable-outcome",
  "combining-ideas",
  "skipping-the-iteration",
  "missing-the-date",
  "faq-too-short",
] as const;

/** Structure checks beyond the anti-patterns. */
export const STRUCTURE_CHECK_IDS = ["press-release-length", "missing-section"] as const;

export const CheckIdSchema = z.enum([...ANTI_PATTERN_IDS, ...STRUCTURE_CHECK_IDS]);
export type CheckId = z.infer<typeof CheckIdSchema>;

export const SeveritySchema = z.enum(["critical", "high", "medium"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** Sort order of severities: critical first. */
export const SEVERITY_RANK: Record<Severity, number> = { critical: 0, high: 1, medium: 2 };

export const FindingSchema = z.object({
  check: CheckIdSchema,
  severity: SeveritySchema,
  message: z.string().describe("What to change, in plain words"),
  evidence: z.string().describe("The quoted sentence, or the missing section"),
});
export type Finding = z.infer<typeof FindingSchema>;

export const RubricResultSchema = z.object({
  findings: z.array(FindingSchema),
  score: z.number().int().min(0).max(100),
});
export type RubricResult = z.infer<typeof RubricResultSchema>;
