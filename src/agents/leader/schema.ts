import { z } from "zod";
import { ArgumentSchema, ReasonSchema } from "../../domain/argument.js";
import { BuildTestSchema } from "../../domain/memo.js";
import { ChangeKindSchema, ChangeTargetSchema, StanceSchema } from "../../domain/review.js";

/** The leader's decision after a round, as the model fills it in: typed changes, never prose to parse back. */
export const DecisionModelSchema = z.object({
  action: z.enum(["iterate", "conclude"]).describe("iterate: the drafter revises; conclude: write the memo now"),
  leaning: z.enum(["fund", "kill"]).describe("Where the meeting stands now, on the arguments, not the votes"),
  rationale: z.string().min(1).describe("Why, citing the decisive argument and its ledger ids"),
  decisive: z.array(ArgumentSchema).max(5).describe("The arguments the leaning rests on, most decisive first"),
  changes: z
    .array(
      z.object({
        priority: z.number().int().min(1).max(5),
        kind: ChangeKindSchema,
        target: ChangeTargetSchema,
        change: z.string().min(1).describe("What the drafter must change, concretely, from the ledger"),
        why: z.string().min(1).describe("Which review or finding asks for it"),
        basis: z.array(z.string()).describe("Ledger ids, check ids or seats"),
        question: z.string().describe("For answer-question: the FAQ question to answer; else empty"),
      }),
    )
    .max(5)
    .describe("At most five prioritised, typed changes for the next draft; empty when concluding"),
});

/** The memo's judgement, as the model writes it (the graph adds the figures, ledger, door, stage, dissent and changes). */
export const MemoModelSchema = z.object({
  decision: z.enum(["fund", "kill"]),
  confidence: z.number().min(0).max(1).describe("0-1: how sure the meeting is"),
  headline: z.string().min(1).describe("One sentence: the decision and the main reason"),
  crux: z.string().min(1).describe("The one argued sentence the decision turns on, citing ledger ids"),
  reasons: z.array(ReasonSchema).min(1).max(6).describe("Most decisive first; basis: ledger ids, check ids or seats; each reason once"),
  buildTest: BuildTestSchema.describe("Should we build it: why us, why now, what we give up; 'the brief does not say' where it does not"),
  conditions: z.array(z.string().min(1)).max(6).describe("For fund: conditions attached; empty for kill"),
  killCriteria: z.array(z.string().min(1)).max(6).describe("For fund: measurable thresholds that would stop it later; empty for kill"),
  nextTest: z.string().min(1).describe("The cheapest experiment that could kill it (or, for a kill, that could change the decision)"),
  whatWouldChange: z.array(z.string().min(1)).max(6).describe("For kill: what would change the decision; empty for fund"),
  risks: z.array(z.string().min(1)).max(6),
  openQuestions: z.array(z.string().min(1)).max(8),
  stances: z.array(z.object({ agent: z.string().min(1), stance: StanceSchema, rationale: z.string().min(1) })).describe("Each reviewer's final stance"),
});
