import { z } from "zod";
import { BRIEF_LIMITS } from "../domain/brief.js";
import { FindingSchema, RubricResultSchema } from "../domain/finding.js";
import { PersonaSchema } from "../domain/persona.js";
import { PrfaqSchema } from "../domain/prfaq.js";
import { RunRecordSchema, RunStatusSchema } from "../domain/run.js";

// Request shapes that exist only on the wire (query strings, headers, the lint body). The routes parse
// with them and declare them in the route's OpenAPI description, so the two cannot drift apart.

/** Body of POST /v1/lint as JSON (the route takes a markdown body too). */
export const LintBodySchema = z
  .object({ text: z.string().min(1, "the PR/FAQ text is required").max(BRIEF_LIMITS.textMax * 3).describe("The PR/FAQ as markdown") })
  .describe("A PR/FAQ to lint");

/** Query of GET /v1/reviews. */
export const ListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).describe("Runs per page"),
  cursor: z.string().min(1).max(200).optional().describe("Opaque: the nextCursor of the previous page"),
  status: RunStatusSchema.optional().describe("Only runs with this status"),
});

/** Query of GET /v1/reviews/:id/prfaq. */
export const VersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional().describe("Draft version; the latest when omitted") });

/** The Idempotency-Key header of POST /v1/reviews. */
export const IdempotencyKeySchema = z.string().min(1).max(200);

/** The headers POST /v1/reviews reads. */
export const CreateReviewHeadersSchema = z.object({
  "Idempotency-Key": IdempotencyKeySchema.optional().describe("Makes a retry safe: the same key and body return the same run; another body with the same key is a 409."),
});

// Answer shapes that exist only on the wire: how the server wraps domain types. The routes declare them
// as their responses, and the OpenAPI document is generated from those declarations.

/** One field error of a problem document. */
export const FieldErrorSchema = z.object({
  path: z.string().describe("Dotted path into the request: brief.title, options.personas.0, query.after, header.Idempotency-Key"),
  message: z.string().describe("What is wrong with it"),
});

/** RFC 9457 problem document: the body of every error (application/problem+json). */
export const ProblemSchema = z
  .looseObject({
    type: z.string().describe("URI of the problem type, e.g. https://prfaq-sim.dev/problems/validation"),
    title: z.string().describe("Short summary of the HTTP status, e.g. Bad Request"),
    status: z.number().int().min(400).max(599).describe("The HTTP status code"),
    detail: z.string().describe("What went wrong with this request, in plain words"),
    errors: z.array(FieldErrorSchema).optional().describe("For invalid input: every bad field, with its path"),
  })
  .describe("An RFC 9457 problem document (application/problem+json); other members may be added");

export const RunLinksSchema = z
  .object({
    self: z.string().describe("/v1/reviews/{id}"),
    events: z.string().describe("/v1/reviews/{id}/events"),
    memo: z.string().describe("/v1/reviews/{id}/memo"),
    prfaq: z.string().describe("/v1/reviews/{id}/prfaq"),
  })
  .describe("Where everything about the run is");

/** The run record as served: the stored record without its owner, with links. */
export const ServedRunSchema = RunRecordSchema.omit({ owner: true })
  .extend({ links: RunLinksSchema })
  .describe("A review run: status, progress, verdict, usage and links");

export const RunListSchema = z
  .object({
    items: z.array(ServedRunSchema).describe("The caller's runs, newest first"),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
  })
  .describe("One page of the caller's runs");

export const PrfaqVersionSchema = z
  .object({ version: z.number().int().min(1).describe("Draft version, 1 for the first draft"), prfaq: PrfaqSchema })
  .describe("One version of a run's PR/FAQ");

export const LintResultSchema = z
  .object({ score: RubricResultSchema.shape.score.describe("Rubric score, 0-100"), findings: z.array(FindingSchema), prfaq: PrfaqSchema.describe("The PR/FAQ as parsed") })
  .describe("Rubric findings and score for a PR/FAQ");

export const PersonaListSchema = z.object({ personas: z.array(PersonaSchema) }).describe("The persona library");

export const HealthSchema = z.object({ status: z.literal("ok") }).describe("The process is up");

export const ReadinessSchema = z
  .object({
    status: z.literal("ready"),
    redis: z.literal("ok").describe("Redis answered a PING"),
    workers: z.number().int().min(1).describe("Workers seen in the last 30 seconds"),
  })
  .describe("Redis is reachable and a worker was seen recently");
