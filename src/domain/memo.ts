import { z } from "zod";
import { PrfaqSchema } from "./prfaq.js";
import { CheckIdSchema } from "./finding.js";
import { StanceSchema } from "./review.js";

export const DecisionValueSchema = z.enum(["fund", "kill"]);
export type DecisionValue = z.infer<typeof DecisionValueSchema>;

export const ScorecardRowSchema = z.object({
  round: z.number().int().min(1),
  version: z.number().int().min(1),
  score: z.number().int().min(0).max(100).describe("Rubric score of the draft"),
  stances: z.record(z.string(), StanceSchema).describe("Each reviewer's stance on this draft"),
});

/** The kill-or-fund memo that ends a run. */
export const MemoSchema = z.object({
  runId: z.string(),
  title: z.string(),
  engine: z.string(),
  decision: DecisionValueSchema,
  confidence: z.number().min(0).max(1),
  headline: z.string(),
  reasons: z.array(z.string()).min(1),
  conditions: z.array(z.string()).describe("Conditions attached to a fund decision"),
  whatWouldChange: z.array(z.string()).describe("What would change a kill decision"),
  risks: z.array(z.string()),
  openQuestions: z.array(z.string()),
  stances: z.array(z.object({ agent: z.string(), stance: StanceSchema, rationale: z.string() })),
  scorecard: z.array(ScorecardRowSchema),
  fixedFindings: z.array(z.object({ check: CheckIdSchema, round: z.number().int().min(1) })),
  remainingFindings: z.array(CheckIdSchema),
  rounds: z.number().int().min(1),
  finalVersion: z.number().int().min(1),
  finalPrfaq: PrfaqSchema,
});
export type Memo = z.infer<typeof MemoSchema>;
