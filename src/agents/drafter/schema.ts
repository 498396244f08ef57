import { z } from "zod";
import { PrfaqSchema } from "../../domain/prfaq.js";

/** What the drafting model returns: the whole document, what it changed, what it assumed. */
export const DraftModelSchema = z.object({
  prfaq: PrfaqSchema.describe("The complete PR/FAQ, every press release section filled or left empty when the brief gives nothing"),
  changes: z.array(z.string().min(1)).describe("What changed since the previous version and which requested change it answers; for v1, one line"),
  assumptions: z.array(z.string().min(1)).describe("Every statement not backed by the brief, marked as an assumption or open question"),
});
export type DraftModelOutput = z.infer<typeof DraftModelSchema>;
