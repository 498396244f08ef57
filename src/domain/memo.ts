import { z } from "zod";
import { DoorSchema, StageSchema } from "./analysis.js";
import { ReasonSchema } from "./argument.js";
import { EconomicsSchema } from "./economics.js";
import { CheckIdSchema } from "./finding.js";
import { LedgerSchema } from "./ledger.js";
import { PrfaqSchema } from "./prfaq.js";
import { StanceSchema } from "./review.js";

export const DecisionValueSchema = z.enum(["fund", "kill"]);
export type DecisionValue = z.infer<typeof DecisionValueSchema>;

export const ScorecardRowSchema = z.object({
  round: z.number().int().min(1),
  version: z.number().int().min(1),
  score: z.number().int().min(0).max(100).describe("Rubric score of the draft"),
  stances: z.record(z.string(), StanceSchema).describe("Each reviewer's stance on this draft"),
});

/** The "should we build it" test: why us, why now, what we give up. */
export const BuildTestSchema = z.object({
  whyUs: z.string(),
  whyNow: z.string(),
  giveUp: z.string().describe("What the team gives up to build it"),
});

/** The kill-or-fund memo that ends a run: a decision document, every reason citing what it rests on. */
export const MemoSchema = z.object({
  runId: z.string(),
  title: z.string(),
  engine: z.string(),
  decision: DecisionValueSchema,
  confidence: z.number().min(0).max(1),
  headline: z.string(),
  crux: z.string().describe("The one argued sentence the decision turns on"),
  ask: z.string().nullable().describe("What the team asks for, from the brief, or null"),
  door: DoorSchema,
  doorWhy: z.string(),
  stage: StageSchema,
  economics: EconomicsSchema,
  reasons: z.array(ReasonSchema).min(1).describe("Most decisive first"),
  buildTest: BuildTestSchema,
  conditions: z.array(z.string()).describe("Conditions attached to a fund decision"),
  killCriteria: z.array(z.string()).describe("Measurable thresholds that would stop a funded idea later"),
  nextTest: z.string().describe("The cheapest experiment that could kill it"),
  whatWouldChange: z.array(z.string()).describe("What would change a kill decision"),
  risks: z.array(z.string()),
  openQuestions: z.array(z.string()),
  dissent: z.array(z.object({ agent: z.string(), stance: StanceSchema, text: z.string() })).describe("Seats that disagree with the decision"),
  stances: z.array(z.object({ agent: z.string(), stance: StanceSchema, rationale: z.string() })),
  ledger: LedgerSchema,
  changes: z.array(z.object({ version: z.number().int().min(2), change: z.string() })).describe("What changed from v1 to the final version, and why"),
  scorecard: z.array(ScorecardRowSchema),
  fixedFindings: z.array(z.object({ check: CheckIdSchema, round: z.number().int().min(1) })),
  remainingFindings: z.array(CheckIdSchema),
  rounds: z.number().int().min(1),
  finalVersion: z.number().int().min(1),
  finalPrfaq: PrfaqSchema,
});
export type Memo = z.infer<typeof MemoSchema>;
