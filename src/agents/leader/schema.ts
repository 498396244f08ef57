import { z } from "zod";
import { StanceSchema } from "../../domain/review.js";

/** The leader's decision after a round, as the model fills it in. */
export const DecisionModelSchema = z.object({
  action: z.enum(["iterate", "conclude"]).describe("iterate: the drafter revises; conclude: write the memo now"),
  leaning: z.enum(["fund", "kill"]).describe("Where the meeting stands now"),
  rationale: z.string().min(1).describe("Why, citing the reviews and findings"),
  changes: z
    .array(
      z.object({
        priority: z.number().int().min(1).max(5),
        section: z.string().min(1).describe("Where in the PR/FAQ"),
        change: z.string().min(1).describe("What the drafter must change, concretely"),
        why: z.string().min(1).describe("Which review or finding asks for it"),
      }),
    )
    .max(5)
    .describe("At most five prioritised changes for the next draft; empty when concluding"),
});

/** The memo's judgement, as the model writes it (the graph adds scorecard, fixed findings and the final document). */
export const MemoModelSchema = z.object({
  decision: z.enum(["fund", "kill"]),
  confidence: z.number().min(0).max(1).describe("0-1: how sure the meeting is"),
  headline: z.string().min(1).describe("One sentence: the decision and the main reason"),
  reasons: z.array(z.string().min(1)).min(1).max(6),
  conditions: z.array(z.string().min(1)).max(6).describe("For fund: conditions attached; empty for kill"),
  whatWouldChange: z.array(z.string().min(1)).max(6).describe("For kill: what would change the decision; empty for fund"),
  risks: z.array(z.string().min(1)).max(6),
  openQuestions: z.array(z.string().min(1)).max(8),
  stances: z.array(z.object({ agent: z.string().min(1), stance: StanceSchema, rationale: z.string().min(1) })).describe("Each reviewer's final stance"),
});
