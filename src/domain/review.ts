import { z } from "zod";
import { CheckIdSchema } from "./finding.js";

export const StanceSchema = z.enum(["fund", "kill", "undecided"]).describe("Would you fund this as written?");
export type Stance = z.infer<typeof StanceSchema>;

/** The reviewer roles of the meeting. Customer agents are `customer:<persona-id>`. */
export const ReviewerRoleSchema = z.enum(["customer", "engineer", "finance"]);
export type ReviewerRole = z.infer<typeof ReviewerRoleSchema>;

/** One reviewer's structured review of one draft. */
export const ReviewSchema = z.object({
  agent: z.string().describe("Agent id: customer:<persona-id>, engineer or finance"),
  role: ReviewerRoleSchema,
  round: z.number().int().min(1),
  version: z.number().int().min(1).describe("The draft version reviewed"),
  stance: StanceSchema,
  scores: z.record(z.string(), z.number().int().min(1).max(5)).describe("Scores 1-5 on the role's named dimensions"),
  summary: z.string().describe("The review in two or three sentences, in the reviewer's voice"),
  objections: z.array(z.string()).describe("What is wrong, most serious first"),
  questions: z.array(z.string()).describe("What the document leaves unanswered"),
  quote: z.string().describe("The verbatim sentence of the draft this review reacts to most"),
});
export type Review = z.infer<typeof ReviewSchema>;

/** One change the leader asks the drafter to make. */
export const ChangeRequestSchema = z.object({
  priority: z.number().int().min(1).max(5),
  section: z.string().describe("Where in the PR/FAQ"),
  change: z.string().describe("What to change, concretely"),
  why: z.string().describe("Which review or finding asks for it"),
  check: CheckIdSchema.optional().describe("The rubric check this change answers, if any"),
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
