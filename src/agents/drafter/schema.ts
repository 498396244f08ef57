import { z } from "zod";
import { PrfaqSchema } from "../../domain/prfaq.js";

/** What the drafting model returns: the whole document (with what each part rests on), what it changed, what it assumed, what it could not do. */
export const DraftModelSchema = z.object({
  prfaq: PrfaqSchema.extend({
    sources: z.record(z.string(), z.array(z.string())).describe("For each section written: the ledger ids it rests on, 'assumption', or 'illustrative' for a composed quote"),
  }).describe("The complete PR/FAQ, every press release section filled or left empty when the brief gives nothing"),
  changes: z.array(z.string().min(1)).describe("What changed since the previous version and which requested change it answers; for v1, one line"),
  assumptions: z.array(z.string().min(1)).describe("Every statement not backed by the ledger, marked as an assumption or open question"),
  openQuestions: z.array(z.string().min(1)).describe("Requested changes the ledger cannot support: questions for the author, not lines in the document"),
});
export type DraftModelOutput = z.infer<typeof DraftModelSchema>;
