import { readFileSync } from "node:fs";
import { z } from "zod";
import { IdempotencyKeySchema, LintBodySchema, ListQuerySchema, VersionQuerySchema } from "./wire-schemas.js";
import { QueryOptionsSchema } from "./request-body.js";
import { BRIEF_LIMITS, BriefSchema } from "../domain/brief.js";
import { PersonaChoiceSchema, RunEventSchema } from "../domain/events.js";
import { CheckIdSchema, FindingSchema, RubricResultSchema, SeveritySchema } from "../domain/finding.js";
import { DecisionValueSchema, MemoSchema, ScorecardRowSchema } from "../domain/memo.js";
import { InlinePersonaSchema, PersonaKindSchema, PersonaSchema } from "../domain/persona.js";
import { FaqItemSchema, PressReleaseSchema, PrfaqSchema } from "../domain/prfaq.js";
import { ChangeRequestSchema, DecisionSchema, ReviewSchema, StanceSchema } from "../domain/review.js";
import {
  CreateReviewSchema,
  EngineSchema,
  PrfaqDocumentSchema,
  ReviewOptionsSchema,
  RunIdSchema,
  RunRecordSchema,
  RunStatusSchema,
  UsageSchema,
  VerdictSchema,
} from "../domain/run.js";

/**
 * The OpenAPI 3.1 description of the HTTP API, generated from the zod schemas of `src/domain` with
 * `z.toJSONSchema` (draft 2020-12, the dialect of OpenAPI 3.1). Reusable schemas go under
 * `components.schemas` and are `$ref`ed; request bodies are converted as zod *input* (defaults make
 * fields optional), responses as zod *output* (what the server sends).
 */

export type JsonSchema = { [key: string]: unknown };
type Parameter = { name: string; in: "path" | "query" | "header"; required?: boolean; description: string; schema: JsonSchema; style?: string; explode?: boolean };
type Header = { description: string; schema: JsonSchema };
type MediaType = { schema: JsonSchema; example?: unknown };
type Response = { description: string; headers?: Record<string, Header | { $ref: string }>; content?: Record<string, MediaType> };
export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
};
export type OpenApiDocument = {
  openapi: string;
  jsonSchemaDialect: string;
  info: { title: string; version: string; summary: string; description: string; license: { name: string; identifier: string } };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
    headers: Record<string, Header>;
  };
};

const DIALECT = "https://json-schema.org/draft/2020-12/schema";
const OPTIONS = { target: "draft-2020-12", unrepresentable: "any" } as const;

// ---------------------------------------------------------------------------------------------
// Schemas the domain does not define: how the server wraps domain types on the wire.
// ---------------------------------------------------------------------------------------------

/** One field error of a problem document. */
const FieldErrorSchema = z.object({
  path: z.string().describe("Dotted path into the request: brief.title, options.personas.0, query.after, header.Idempotency-Key"),
  message: z.string().describe("What is wrong with it"),
});

/** RFC 9457 problem document: the body of every error (application/problem+json). */
const ProblemSchema = z
  .looseObject({
    type: z.string().describe("URI of the problem type, e.g. https://prfaq-sim.dev/problems/validation"),
    title: z.string().describe("Short summary of the HTTP status, e.g. Bad Request"),
    status: z.number().int().min(400).max(599).describe("The HTTP status code"),
    detail: z.string().describe("What went wrong with this request, in plain words"),
    errors: z.array(FieldErrorSchema).optional().describe("For invalid input: every bad field, with its path"),
  })
  .describe("An RFC 9457 problem document (application/problem+json); other members may be added");

const RunLinksSchema = z
  .object({
    self: z.string().describe("/v1/reviews/{id}"),
    events: z.string().describe("/v1/reviews/{id}/events"),
    memo: z.string().describe("/v1/reviews/{id}/memo"),
    prfaq: z.string().describe("/v1/reviews/{id}/prfaq"),
  })
  .describe("Where everything about the run is");

/** The run record as served: the stored record without its owner, with links. */
const ServedRunSchema = RunRecordSchema.omit({ owner: true })
  .extend({ links: RunLinksSchema })
  .describe("A review run: status, progress, verdict, usage and links");

const RunListSchema = z
  .object({
    items: z.array(ServedRunSchema).describe("The caller's runs, newest first"),
    nextCursor: z.string().nullable().describe("Pass as ?cursor= for the next page; null on the last page"),
  })
  .describe("One page of the caller's runs");

const PrfaqVersionSchema = z
  .object({ version: z.number().int().min(1).describe("Draft version, 1 for the first draft"), prfaq: PrfaqSchema })
  .describe("One version of a run's PR/FAQ");

const LintRequestSchema = LintBodySchema;

const LintResultSchema = z
  .object({ score: RubricResultSchema.shape.score.describe("Rubric score, 0-100"), findings: z.array(FindingSchema), prfaq: PrfaqSchema.describe("The PR/FAQ as parsed") })
  .describe("Rubric findings and score for a PR/FAQ");

const PersonaListSchema = z.object({ personas: z.array(PersonaSchema) }).describe("The persona library");

const HealthSchema = z.object({ status: z.literal("ok") }).describe("The process is up");
const ReadinessSchema = z
  .object({
    status: z.literal("ready"),
    redis: z.literal("ok").describe("Redis answered a PING"),
    workers: z.number().int().min(1).describe("Workers seen in the last 30 seconds"),
  })
  .describe("Redis is reachable and a worker was seen recently");

// Parameters (mirroring what the routes parse).
const LimitParam = ListQuerySchema.shape.limit;
const CursorParam = ListQuerySchema.shape.cursor.unwrap();
const AfterParam = z.number().int().min(0);
const VersionParam = VersionQuerySchema.shape.version.unwrap();
const IdempotencyKeyParam = IdempotencyKeySchema;

// ---------------------------------------------------------------------------------------------
// Component schemas: one registry per direction, so each schema is converted as it is read or sent.
// ---------------------------------------------------------------------------------------------

/** Sent by the server: converted as zod output. */
const OUTPUT_COMPONENTS: Record<string, z.ZodType> = {
  Problem: ProblemSchema,
  FieldError: FieldErrorSchema,
  RunRecord: ServedRunSchema,
  RunLinks: RunLinksSchema,
  RunList: RunListSchema,
  RunStatus: RunStatusSchema,
  Engine: EngineSchema,
  Verdict: VerdictSchema,
  Usage: UsageSchema,
  RunEvent: RunEventSchema,
  PersonaChoice: PersonaChoiceSchema,
  Memo: MemoSchema,
  DecisionValue: DecisionValueSchema,
  ScorecardRow: ScorecardRowSchema,
  Prfaq: PrfaqSchema,
  PrfaqVersion: PrfaqVersionSchema,
  PressRelease: PressReleaseSchema,
  FaqItem: FaqItemSchema,
  Finding: FindingSchema,
  CheckId: CheckIdSchema,
  Severity: SeveritySchema,
  Review: ReviewSchema,
  Stance: StanceSchema,
  Decision: DecisionSchema,
  ChangeRequest: ChangeRequestSchema,
  LintResult: LintResultSchema,
  Persona: PersonaSchema,
  PersonaKind: PersonaKindSchema,
  PersonaList: PersonaListSchema,
  Health: HealthSchema,
  Readiness: ReadinessSchema,
};
// Each transcript event type as its own component, so the union reads as a list of named events.
for (const option of RunEventSchema.options) OUTPUT_COMPONENTS[`Event.${option.shape.type.value}`] = option;

/** Read by the server: converted as zod input. Names shared with the output side must convert identically. */
const INPUT_COMPONENTS: Record<string, z.ZodType> = {
  CreateReview: CreateReviewSchema,
  Brief: BriefSchema,
  PrfaqDocument: PrfaqDocumentSchema,
  ReviewOptions: ReviewOptionsSchema,
  InlinePersona: InlinePersonaSchema,
  LintRequest: LintRequestSchema,
  Engine: EngineSchema,
  PersonaKind: PersonaKindSchema,
};

/**
 * Descriptions of components whose zod schema has none (their doc comments live in the source only).
 * A `.describe()` on the domain schema wins over these.
 */
const DESCRIPTIONS: Record<string, string> = {
  CreateReview: "Body of POST /v1/reviews: exactly one of a brief (the drafter writes the PR/FAQ) or prfaq (a PR/FAQ you already wrote, reviewed as version 1), and the options of the run",
  Brief: "A project brief: free-form markdown plus optional structured fields that override what is parsed from the text",
  ReviewOptions: "Options of one review run",
  RunStatus: "Where a run is: queued, running, then completed, failed or cancelled",
  Engine: "Who speaks in the meeting: the deterministic offline engine, or an OpenAI-compatible model",
  Verdict: "The outcome of a completed run: fund or kill, the leader's confidence, the final rubric score",
  Usage: "Model calls, tokens and cost of a run, in total and per role (drafter, customer, engineer, finance, leader)",
  Memo: "The kill-or-fund memo that ends a run",
  DecisionValue: "The memo's decision",
  ScorecardRow: "One round of the scorecard: the draft's rubric score and each reviewer's stance",
  Prfaq: "The PR/FAQ document: a press release and the external and internal FAQ. Sections may be empty",
  PressRelease: "The press release sections, in document order",
  FaqItem: "One question and its answer",
  Finding: "One rubric finding: an anti-pattern or structure problem of the PR/FAQ",
  CheckId: "A rubric check: one of the 14 Working Backwards anti-patterns, or a structure check",
  Severity: "How much a finding matters",
  Review: "One reviewer's structured review of one draft",
  Decision: "The leader's decision after a round",
  ChangeRequest: "One change the leader asks the drafter to make",
  PersonaChoice: "A customer persona seated in the review, and why it was chosen",
  FieldError: "One invalid field of a request",
  "Event.run.queued": "The run was accepted and queued",
  "Event.run.started": "A worker started the run: engine, rounds, the customer personas and why each was chosen",
  "Event.round.started": "A round of drafting and review began, with who wrote the version it reviews (the author or the drafter)",
  "Event.agent.started": "An agent (drafter, customer:<persona-id>, engineer, finance, leader) started its turn",
  "Event.agent.retrying": "A failed model call of an agent is about to be tried again: the attempt that failed, the wait, and why (429, 5xx, timeout, unreachable)",
  "Event.draft.ready": "A PR/FAQ version: structured and markdown, word counts, changes since the last version",
  "Event.rubric.findings": "The rubric's findings and score for a version",
  "Event.review.ready": "One reviewer's review of the version",
  "Event.decision": "The leader's decision: iterate or conclude, and the prioritised changes",
  "Event.memo.ready": "The kill-or-fund memo",
  "Event.usage": "Running token and cost totals",
  "Event.run.completed": "The run completed, with its verdict (terminal)",
  "Event.run.failed": "The run failed, with the error (terminal)",
  "Event.run.cancelled": "The run was cancelled (terminal)",
};

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function convertRegistry(entries: Record<string, z.ZodType>, io: "input" | "output"): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { ...OPTIONS, io, uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, strip(schema)]));
}

/** A standalone schema (a parameter): no `$schema`, the document sets the dialect. */
function convert(schema: z.ZodType, io: "input" | "output" = "input"): JsonSchema {
  return dropSafeIntegerBounds(strip(z.toJSONSchema(schema, { ...OPTIONS, io }) as JsonSchema)) as JsonSchema;
}

function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}

/** Numbers zod adds for the bounds of a safe integer say nothing to a reader; drop them. */
function dropSafeIntegerBounds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(dropSafeIntegerBounds);
  if (typeof node !== "object" || node === null) return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === "maximum" && v === Number.MAX_SAFE_INTEGER) || (k === "minimum" && v === Number.MIN_SAFE_INTEGER)) continue;
    out[k] = dropSafeIntegerBounds(v);
  }
  return out;
}

function componentSchemas(): Record<string, JsonSchema> {
  const output = convertRegistry(OUTPUT_COMPONENTS, "output");
  const input = convertRegistry(INPUT_COMPONENTS, "input");
  for (const [id, schema] of Object.entries(input)) {
    if (id in output && JSON.stringify(output[id]) !== JSON.stringify(schema)) {
      throw new Error(`OpenAPI component ${id} differs between request (input) and response (output); give it two names`);
    }
  }
  const all = { ...output, ...input };
  // The transcript union: name its variants and say which field tells them apart.
  const events = RunEventSchema.options.map((o) => o.shape.type.value);
  all.RunEvent = {
    description: "One event of a run's transcript. `seq` is its position in the run (1, 2, 3, ...); `type` says which event it is.",
    oneOf: events.map((type) => ref(`Event.${type}`)),
    discriminator: { propertyName: "type", mapping: Object.fromEntries(events.map((type) => [type, `#/components/schemas/Event.${type}`])) },
  };
  for (const [id, schema] of Object.entries(all)) {
    if (schema.description === undefined && DESCRIPTIONS[id]) all[id] = { description: DESCRIPTIONS[id], ...schema };
  }
  const sorted = Object.keys(all).sort((a, b) => a.localeCompare(b));
  return dropSafeIntegerBounds(Object.fromEntries(sorted.map((id) => [id, all[id]]))) as Record<string, JsonSchema>;
}

// ---------------------------------------------------------------------------------------------
// Responses and parameters.
// ---------------------------------------------------------------------------------------------

const PROBLEM_JSON = "application/problem+json";
const json = (schema: JsonSchema, example?: unknown): Record<string, MediaType> => ({ "application/json": example === undefined ? { schema } : { schema, example } });
const markdown = (description: string): MediaType => ({ schema: { type: "string", description } });
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

function problem(status: number, description: string, headers?: Response["headers"]): Response {
  const slug =
    { 400: "validation", 401: "unauthorized", 403: "cross-site", 404: "not-found", 409: "conflict", 413: "body-too-large", 415: "unsupported-media-type", 421: "misdirected", 429: "rate-limited", 503: "redis-unavailable" }[
      status
    ] ?? "error";
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { [PROBLEM_JSON]: { schema: ref("Problem"), example: { type: `https://prfaq-sim.dev/problems/${slug}`, title: TITLES[status] ?? "Error", status, detail: description } } },
  };
}
const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  421: "Misdirected Request",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

const runIdParam: Parameter = { name: "id", in: "path", required: true, description: "The run id (rv_...), as returned by POST /v1/reviews", schema: convert(RunIdSchema) };

// ---------------------------------------------------------------------------------------------
// The operations.
// ---------------------------------------------------------------------------------------------

/**
 * An operation and where it is served. `redis`: the route needs Redis (every /v1 route does, for the rate
 * limit), so it answers 503 while Redis is unreachable. A route's own 429 or 503 reasons (the active-run
 * limit, the stream cap, a busy linter) are joined to the ones every such route shares.
 */
type Route = Operation & { method: "get" | "post"; path: string; redis?: boolean };

const EVENT_STREAM_FORMAT = [
  "Server-Sent Events. Each message has `id:` (the event's seq: 1, 2, 3, ...), `event:` (its type) and `data:` (the event as JSON, a RunEvent).",
  "The stream replays the transcript from the cursor, follows it live, and ends after run.completed, run.failed or run.cancelled.",
  "A `: keep-alive` comment every 15 s; on server shutdown a final comment, then the stream ends (resume with Last-Event-ID).",
].join(" ");

function routes(): Route[] {
  const runNotFound = problem(404, "No run with this id for this caller (another key's run answers 404 too).");
  return [
    {
      method: "post",
      path: "/v1/reviews",
      operationId: "createReview",
      tags: ["reviews"],
      summary: "Start a review",
      description:
        "Queues a simulated Working Backwards review of a brief. Send JSON `{brief, options}`, or a markdown brief as the body (`text/markdown`; its first `#` heading is the title) with the options as query parameters. " +
        "To review a PR/FAQ you already wrote, send `{prfaq: {markdown}, options}` instead of `brief` (exactly one of the two), or a markdown body with `?input=prfaq`: the document as parsed is version 1 (`draft.ready` with `source: \"author\"`), round 1 reviews it, and later versions are the drafter's revisions of it. " +
        "With an `Idempotency-Key` header, the same key and the same body return the same run (with `Idempotent-Replayed: true`); another body with the same key is a 409.",
      parameters: [
        { name: "Idempotency-Key", in: "header", required: false, description: "Makes a retry safe: the same key and body return the same run; another body with the same key is a 409.", schema: convert(IdempotencyKeyParam) },
        { name: "rounds", in: "query", required: false, description: "Markdown bodies only: rounds of review (JSON bodies use options.rounds)", schema: convert(ReviewOptionsSchema.shape.rounds) },
        {
          name: "personas",
          in: "query",
          required: false,
          description: "Markdown bodies only: customer persona ids, comma-separated (personas=a,b)",
          style: "form",
          explode: false,
          schema: convert(ReviewOptionsSchema.shape.personas.unwrap()),
        },
        { name: "engine", in: "query", required: false, description: "Markdown bodies only: the engine that speaks (default: the server's PRFAQ_ENGINE)", schema: ref("Engine") },
        { name: "input", in: "query", required: false, description: "Markdown bodies only: `brief` (default) or `prfaq`, a PR/FAQ you already wrote, reviewed as version 1", schema: convert(QueryOptionsSchema.shape.input) },
      ],
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: ref("CreateReview") },
          "text/markdown": markdown("The brief as markdown; the first `#` heading is the title (else the first line). With `?input=prfaq`, a PR/FAQ you already wrote (YAML front matter, images and HTML comments are ignored). Options come from the query string."),
          "text/plain": markdown("Treated as text/markdown."),
        },
      },
      responses: {
        "202": {
          description: "Accepted: the run is queued. The body is the run record.",
          headers: {
            Location: { description: "/v1/reviews/{id}, the new run", schema: { type: "string" } },
            "Idempotent-Replayed": { description: "`true` when an earlier request with the same Idempotency-Key and body created this run", schema: { type: "string", enum: ["true"] } },
          },
          content: json(ref("RunRecord")),
        },
        "400": problem(400, "Malformed JSON, or the body, query string or Idempotency-Key is invalid; `errors` lists every bad field with its path."),
        "404": problem(404, "A persona named in options.personas is not in the library; `errors` names it."),
        "409": problem(409, "The Idempotency-Key was used before with another body."),
        "413": problem(413, "The body is over the size limit (PRFAQ_BODY_LIMIT_BYTES, 64 KiB by default)."),
        "415": problem(415, "The body is neither application/json nor text/markdown."),
        "429": problem(429, "This key already has PRFAQ_MAX_ACTIVE_RUNS reviews queued or running; wait for one to finish or cancel one."),
      },
    },
    {
      method: "get",
      path: "/v1/reviews",
      operationId: "listReviews",
      tags: ["reviews"],
      summary: "List the caller's runs",
      description: "The runs created with the caller's key, newest first, a page at a time.",
      parameters: [
        { name: "limit", in: "query", required: false, description: "Runs per page", schema: convert(LimitParam) },
        { name: "cursor", in: "query", required: false, description: "Opaque: the nextCursor of the previous page", schema: convert(CursorParam) },
        { name: "status", in: "query", required: false, description: "Only runs with this status", schema: ref("RunStatus") },
      ],
      responses: {
        "200": { description: "One page of runs", content: json(ref("RunList")) },
        "400": problem(400, "A query parameter is invalid; `errors` lists them."),
      },
    },
    {
      method: "get",
      path: "/v1/reviews/{id}",
      operationId: "getReview",
      tags: ["reviews"],
      summary: "Get a run",
      description: "The run record: status, round, verdict once finished, token usage and cost, links.",
      parameters: [runIdParam],
      responses: { "200": { description: "The run record", content: json(ref("RunRecord")) }, "404": runNotFound },
    },
    {
      method: "get",
      path: "/v1/reviews/{id}/events",
      operationId: "getReviewEvents",
      tags: ["reviews"],
      summary: "Stream the transcript",
      description: `${EVENT_STREAM_FORMAT} Resume after an event with the \`Last-Event-ID\` header (what EventSource sends on reconnect) or \`?after=N\`: only later events are sent, none twice. \`?format=json\` returns the events so far as a JSON array instead.`,
      parameters: [
        runIdParam,
        { name: "after", in: "query", required: false, description: "Send only events with a larger seq (wins over Last-Event-ID)", schema: convert(AfterParam) },
        { name: "format", in: "query", required: false, description: "`json`: the events so far as a JSON array, no streaming", schema: { type: "string", enum: ["json"] } },
        { name: "Last-Event-ID", in: "header", required: false, description: "Resume after this event (its seq)", schema: convert(AfterParam) },
        { name: "access_token", in: "query", required: false, description: "The API key, for clients that cannot send headers (EventSource); accepted on GET requests only", schema: { type: "string" } },
      ],
      responses: {
        "200": {
          description: "The transcript: an event stream, or with ?format=json an array of events",
          content: {
            "text/event-stream": { schema: { type: "string", description: EVENT_STREAM_FORMAT } },
            "application/json": { schema: { type: "array", items: ref("RunEvent") } },
          },
        },
        "400": problem(400, "The cursor (?after or Last-Event-ID) is not a non-negative integer."),
        "404": runNotFound,
        "429": problem(429, "With API keys: this key already holds PRFAQ_MAX_STREAMS_PER_KEY event streams open on this API process; close one, or read `?format=json`."),
      },
    },
    {
      method: "get",
      path: "/v1/reviews/{id}/memo",
      operationId: "getReviewMemo",
      tags: ["reviews"],
      summary: "Get the kill-or-fund memo",
      description: "The memo that ends a completed run. `Accept: text/markdown` for the memo as a document.",
      parameters: [runIdParam],
      responses: {
        "200": { description: "The memo", content: { "application/json": { schema: ref("Memo") }, "text/markdown": markdown("The memo as a markdown document") } },
        "404": runNotFound,
        "409": problem(409, "The run has not completed (queued, running, failed or cancelled): there is no memo."),
      },
    },
    {
      method: "get",
      path: "/v1/reviews/{id}/prfaq",
      operationId: "getReviewPrfaq",
      tags: ["reviews"],
      summary: "Get a PR/FAQ version",
      description: "A version of the run's PR/FAQ, the latest by default. `Accept: text/markdown` for the document.",
      parameters: [runIdParam, { name: "version", in: "query", required: false, description: "Draft version; the latest when omitted", schema: convert(VersionParam) }],
      responses: {
        "200": { description: "The PR/FAQ version", content: { "application/json": { schema: ref("PrfaqVersion") }, "text/markdown": markdown("The PR/FAQ as a markdown document") } },
        "400": problem(400, "?version is not a positive integer."),
        "404": problem(404, "No run with this id for this caller, or it has no draft (of that version) yet."),
      },
    },
    {
      method: "post",
      path: "/v1/reviews/{id}/cancel",
      operationId: "cancelReview",
      tags: ["reviews"],
      summary: "Cancel a run",
      description: "A queued run ends at once, a running one at its next step (in-flight model calls are aborted). The transcript ends with run.cancelled; there is no memo.",
      parameters: [runIdParam],
      responses: {
        "202": { description: "Accepted: the run record as it is now", content: json(ref("RunRecord")) },
        "404": runNotFound,
        "409": problem(409, "The run has already finished (completed, failed or cancelled)."),
      },
    },
    {
      method: "post",
      path: "/v1/lint",
      operationId: "lintPrfaq",
      tags: ["lint"],
      summary: "Lint a PR/FAQ",
      description: "Rubric findings and a score for a PR/FAQ, synchronously: a markdown body, or JSON `{text}`.",
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: ref("LintRequest") },
          "text/markdown": markdown("The PR/FAQ as markdown"),
          "text/plain": markdown("Treated as text/markdown."),
        },
      },
      responses: {
        "200": { description: "Findings and score", content: json(ref("LintResult")) },
        "400": problem(400, "Malformed JSON, or the text is empty or too long; `errors` has the path."),
        "413": problem(413, "The body is over the size limit (PRFAQ_BODY_LIMIT_BYTES, 64 KiB by default)."),
        "415": problem(415, "The body is neither application/json nor text/markdown."),
        "503": problem(503, "The linter is busy with other documents (its queue is full)."),
      },
    },
    {
      method: "get",
      path: "/v1/personas",
      operationId: "listPersonas",
      tags: ["personas"],
      summary: "List the persona library",
      responses: { "200": { description: "Every persona", content: json(ref("PersonaList")) } },
    },
    {
      method: "get",
      path: "/v1/personas/{id}",
      operationId: "getPersona",
      tags: ["personas"],
      summary: "Get a persona",
      parameters: [{ name: "id", in: "path", required: true, description: "The persona id", schema: convert(PersonaSchema.shape.id) }],
      responses: { "200": { description: "The persona", content: json(ref("Persona")) }, "404": problem(404, "No persona with this id.") },
    },
    {
      method: "get",
      path: "/healthz",
      operationId: "health",
      tags: ["operations"],
      summary: "Liveness",
      description: "The process is up. Needs no key.",
      responses: { "200": { description: "Up", content: json(ref("Health"), { status: "ok" }) } },
    },
    {
      method: "get",
      path: "/readyz",
      operationId: "readiness",
      tags: ["operations"],
      summary: "Readiness",
      description: "Redis is reachable and a worker was seen in the last 30 s. Needs no key.",
      redis: true,
      responses: {
        "200": { description: "Ready", content: json(ref("Readiness"), { status: "ready", redis: "ok", workers: 1 }) },
        "503": problem(503, "Not ready: no worker has been seen in the last 30 s; `detail` says so."),
      },
    },
    {
      method: "get",
      path: "/metrics",
      operationId: "metrics",
      tags: ["operations"],
      summary: "Prometheus metrics",
      redis: true,
      description:
        "Prometheus text exposition: prfaq_runs_created_total, prfaq_runs_finished_total{status}, prfaq_queue_depth{state}, prfaq_active_runs, prfaq_model_calls_total{role}, prfaq_model_tokens_total{role,kind}, prfaq_model_cost_usd_total{role}, prfaq_model_unpriced_calls_total{role}, prfaq_run_duration_seconds and prfaq_step_duration_seconds{node} (histograms), prfaq_sse_clients.",
      responses: { "200": { description: "The metrics", content: { "text/plain": { schema: { type: "string", description: "Prometheus text format 0.0.4" } } } } },
    },
    {
      method: "get",
      path: "/openapi.json",
      operationId: "openapi",
      tags: ["docs"],
      summary: "This document",
      description: "The OpenAPI 3.1 description of the API, generated from the zod schemas the server validates with.",
      responses: { "200": { description: "The OpenAPI document", content: json({ type: "object", description: "An OpenAPI 3.1 document" }) } },
    },
    {
      method: "get",
      path: "/docs",
      operationId: "docs",
      tags: ["docs"],
      summary: "API reference",
      description: "This document rendered as a self-contained HTML page.",
      responses: { "200": { description: "The reference page", content: { "text/html": { schema: { type: "string" } } } } },
    },
    {
      method: "get",
      path: "/",
      operationId: "home",
      tags: ["docs"],
      summary: "Web page",
      description: "The web page: start a review and watch the meeting.",
      responses: { "200": { description: "The page", content: { "text/html": { schema: { type: "string" } } } } },
    },
  ];
}

const RETRY_AFTER = { "Retry-After": headerRef("Retry-After") };
const FORBIDDEN =
  "Without API keys only: the request comes from another web site (an `Origin` other than this server's own, `Origin: null`, or `Sec-Fetch-Site: cross-site`), which is refused whatever its method.";
const MISDIRECTED =
  "The `Host` header names a host this server does not serve: not a loopback name (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`) nor one in PRFAQ_ALLOWED_HOSTS (against DNS rebinding; checked always without API keys, with keys when PRFAQ_ALLOWED_HOSTS is set).";
const FAILED_AUTH = "too many failed authentications from this client address in the last minute (PRFAQ_AUTH_FAILURES_PER_MIN; even a right key waits until the window clears)";
const REDIS_DOWN = "Redis is unreachable (stopped, killed, frozen): the answer comes within about a second; retry after `Retry-After` seconds, the service recovers by itself when Redis is back.";

/** `status` with `description`, after the route's own reasons for that status when it has some. */
function joined(own: Response | undefined, status: number, description: string, headers: Response["headers"]): Response {
  return problem(status, own ? `${own.description} Also: ${description}` : description, { ...own?.headers, ...headers });
}

/**
 * The answers the middleware gives, on the routes where they can happen: 403 (cross-site, without keys)
 * and 421 (Host) on every route; on /v1 routes the bearer key (401) and 429 (the per-key rate limit,
 * failed-authentication throttling) with rate-limit headers on success; on /metrics 401 and 429 (its
 * token or a key, when keys are set); 503 with Retry-After on every route that needs Redis.
 */
function withCommonAnswers(route: Route): Route {
  const v1 = route.path.startsWith("/v1/");
  const metrics = route.path === "/metrics";
  const responses: Record<string, Response> = {};
  for (const [status, response] of Object.entries(route.responses)) {
    responses[status] = v1 && status.startsWith("2") ? { ...response, headers: { ...response.headers, "RateLimit-Limit": headerRef("RateLimit-Limit"), "RateLimit-Remaining": headerRef("RateLimit-Remaining") } } : response;
  }
  responses["403"] = problem(403, FORBIDDEN);
  responses["421"] = problem(421, MISDIRECTED);
  if (v1) {
    responses["401"] = problem(401, "The server has API keys and the request has no valid `Authorization: Bearer <key>`.", { "WWW-Authenticate": headerRef("WWW-Authenticate") });
    responses["429"] = joined(route.responses["429"], 429, `Over the per-key rate limit (PRFAQ_RATE_LIMIT_PER_MIN requests in any 60 s), or ${FAILED_AUTH}.`, RETRY_AFTER);
  }
  if (metrics) {
    responses["401"] = problem(401, "The server has API keys or PRFAQ_METRICS_TOKEN, and the request has neither a key nor the metrics token as `Authorization: Bearer`.", {
      "WWW-Authenticate": headerRef("WWW-Authenticate"),
    });
    responses["429"] = problem(429, `With API keys or a metrics token: ${FAILED_AUTH}.`, RETRY_AFTER);
  }
  if (v1 || route.redis) responses["503"] = joined(route.responses["503"], 503, REDIS_DOWN, RETRY_AFTER);
  const { redis: _redis, ...operation } = route;
  // /metrics: open without keys or a metrics token, else a key or the token (a bearer too).
  const security: Record<string, string[]>[] = v1 ? [{ apiKey: [] }] : metrics ? [{ apiKey: [] }, {}] : [];
  return { ...operation, responses: sortResponses(responses), security };
}

function sortResponses(responses: Record<string, Response>): Record<string, Response> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** The whole OpenAPI 3.1 document. Pure: builds a new object on every call. */
export function buildOpenApiDocument(): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const route of routes().map(withCommonAnswers)) {
    const { method, path, ...operation } = route;
    (paths[path] ??= {})[method] = operation;
  }
  return {
    openapi: "3.1.1",
    jsonSchemaDialect: DIALECT,
    info: {
      title: "prfaq-sim API",
      version: version(),
      summary: "Simulated Amazon Working Backwards reviews of product briefs, ending in a kill-or-fund memo.",
      description: [
        "Start a review of a brief, watch the meeting as Server-Sent Events, and read the kill-or-fund memo and every PR/FAQ version.",
        "Every error is `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, for invalid input, `errors: [{path, message}]`; unknown routes too.",
        "Authentication: with `PRFAQ_API_KEYS` set on the server, every `/v1` route needs `Authorization: Bearer <key>`, and each key sees only its own runs (another key's run answers 404). Without `PRFAQ_API_KEYS` the API is open, and the server binds to loopback only; it then refuses cross-site requests (403: an `Origin` other than its own) and `Host` names other than loopback names and `PRFAQ_ALLOWED_HOSTS` (421). Failed authentication is limited per client address (429 with `Retry-After`). `/metrics` needs a key, or `PRFAQ_METRICS_TOKEN`, once keys are set. `/healthz`, `/readyz`, `/openapi.json`, `/docs` and `/` need no key. With Redis unreachable, routes that need it answer 503 with `Retry-After`.",
      ].join("\n\n"),
      license: { name: "MIT", identifier: "MIT" },
    },
    tags: [
      { name: "reviews", description: "Start, follow, cancel and read reviews" },
      { name: "lint", description: "The PR/FAQ rubric on its own" },
      { name: "personas", description: "The persona library" },
      { name: "operations", description: "Health, readiness and metrics" },
      { name: "docs", description: "This reference and the web page" },
    ],
    paths,
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description:
            "An API key from PRFAQ_API_KEYS, as `Authorization: Bearer <key>`. Required on every /v1 route when the server has keys configured; without PRFAQ_API_KEYS the API is open, on loopback only. A GET may send the key as `?access_token=<key>` instead (EventSource cannot send headers).",
        },
      },
      headers: {
        "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer", minimum: 1 } },
        "RateLimit-Limit": { description: "Requests allowed per key per minute", schema: { type: "integer", minimum: 1 } },
        "RateLimit-Remaining": { description: "Requests left this minute", schema: { type: "integer", minimum: 0 } },
        "WWW-Authenticate": { description: 'Bearer realm="prfaq-sim"', schema: { type: "string" } },
      },
    },
  };
}
