import { z } from "zod";
import { BRIEF_LIMITS } from "../domain/brief.js";
import { RunStatusSchema } from "../domain/run.js";

// Request shapes that exist only on the wire (query strings, headers, the lint body). The routes parse
// with them and the OpenAPI document is generated from them, so the two cannot drift apart.

/** Body of POST /v1/lint as JSON (the route takes a markdown body too). */
export const LintBodySchema = z
  .object({ text: z.string().min(1, "the PR/FAQ text is required").max(BRIEF_LIMITS.textMax * 3).describe("The PR/FAQ as markdown") })
  .describe("A PR/FAQ to lint");

/** Query of GET /v1/reviews. */
export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(200).optional(),
  status: RunStatusSchema.optional(),
});

/** Query of GET /v1/reviews/:id/prfaq. */
export const VersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() });

/** The Idempotency-Key header of POST /v1/reviews. */
export const IdempotencyKeySchema = z.string().min(1).max(200);
