import { readFileSync } from "node:fs";
import type { Hono, MiddlewareHandler } from "hono";
import { describeRoute, generateSpecs, resolver, uniqueSymbol, type DescribeRouteOptions } from "hono-openapi";
import { z } from "zod";
import { BriefSchema } from "../domain/brief.js";
import { PersonaChoiceSchema, RunEventSchema } from "../domain/events.js";
import { CheckIdSchema, FindingSchema, SeveritySchema } from "../domain/finding.js";
import { DecisionValueSchema, MemoSchema, ScorecardRowSchema } from "../domain/memo.js";
import { InlinePersonaSchema, PersonaKindSchema, PersonaSchema } from "../domain/persona.js";
import { FaqItemSchema, PressReleaseSchema, PrfaqSchema } from "../domain/prfaq.js";
import { ChangeRequestSchema, DecisionSchema, ReviewSchema, StanceSchema } from "../domain/review.js";
import { CreateReviewSchema, EngineSchema, PrfaqDocumentSchema, ReviewOptionsSchema, RunStatusSchema, UsageSchema, VerdictSchema } from "../domain/run.js";
import { ROLE_IDS } from "../domain/roles.js";
import { problem as problemDocument } from "./problem.js";
import {
  FieldErrorSchema,
  HealthSchema,
  LintBodySchema,
  LintResultSchema,
  PersonaListSchema,
  PrfaqVersionSchema,
  ProblemSchema,
  ReadinessSchema,
  RunLinksSchema,
  RunListSchema,
  ServedRunSchema,
} from "./wire-schemas.js";

// hono-openapi (rhinobase): routes stay plain hono routes, `describeRoute` only describes (no runtime
// change), and the document comes from the app's own routes; schemas convert with zod 4's z.toJSONSchema.

/**
 * The OpenAPI 3.1 description of the HTTP API is generated from the routes: each route declares its
 * summary, parameters (the zod schemas its handler parses with), request body and answers next to its
 * handler, with the helpers below. This file owns what every route shares: the names of the reusable
 * schemas, how a zod schema becomes a JSON Schema (request bodies as zod *input*, where defaults make
 * fields optional; answers as zod *output*), the answers the middleware gives, and the document's frame.
 */

export type JsonSchema = { [key: string]: unknown };
type Header = { description: string; schema: JsonSchema };
type MediaType = { schema?: JsonSchema; example?: unknown };
type Response = { description: string; headers?: Record<string, Header | { $ref: string }>; content?: Record<string, MediaType> };
type Parameter = { name: string; in: string; required?: boolean; description?: string; schema: JsonSchema; style?: string; explode?: boolean };
export type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; description?: string; content: Record<string, MediaType> };
  responses: Record<string, Response>;
  security?: Record<string, string[]>[];
};
export type OpenApiDocument = {
  openapi: string;
  jsonSchemaDialect: string;
  info: { title: string; version: string; summary: string; description: string; license: { name: string; identifier: string } };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema>; headers: Record<string, Header> };
};

const DIALECT = "https://json-schema.org/draft/2020-12/schema";
const SCHEMAS = "#/components/schemas/";

// ---------------------------------------------------------------------------------------------
// Component schemas: the names under which reused schemas are $ref'd, one list per direction so
// each converts as it is read or sent. The description is for schemas whose zod schema has none.
// ---------------------------------------------------------------------------------------------

type Component = { id: string; description?: string; discriminator?: JsonSchema };
const EVENT_TYPES = RunEventSchema.options.map((o) => o.shape.type.value);
const EVENT_DESCRIPTIONS: Record<string, string> = {
  "run.queued": "The run was accepted and queued",
  "run.started": "A worker started the run: engine, rounds, the customer personas and why each was chosen",
  "round.started": "A round of drafting and review began, with who wrote the version it reviews (the author or the drafter)",
  "agent.started": "An agent (drafter, customer:<persona-id>, engineer, finance, leader) started its turn",
  "agent.retrying": "A failed model call of an agent is about to be tried again: the attempt that failed, the wait, and why (429, 5xx, timeout, unreachable)",
  "draft.ready": "A PR/FAQ version: structured and markdown, word counts, changes since the last version",
  "rubric.findings": "The rubric's findings and score for a version",
  "review.ready": "One reviewer's review of the version",
  decision: "The leader's decision: iterate or conclude, and the prioritised changes",
  "memo.ready": "The kill-or-fund memo",
  usage: "Running token and cost totals",
  "run.completed": "The run completed, with its verdict (terminal)",
  "run.failed": "The run failed, with the error (terminal)",
  "run.cancelled": "The run was cancelled (terminal)",
};

const ENGINE = "Who speaks in the meeting: the deterministic offline engine, or an OpenAI-compatible model";
const RUN_STATUS = "Where a run is: queued, running, then completed, failed or cancelled";

/** Sent by the server: converted as zod output. */
const SENT: [z.ZodType, string, string?][] = [
  [ProblemSchema, "Problem"],
  [FieldErrorSchema, "FieldError", "One invalid field of a request"],
  [ServedRunSchema, "RunRecord"],
  [RunLinksSchema, "RunLinks"],
  [RunListSchema, "RunList"],
  [RunStatusSchema, "RunStatus", RUN_STATUS],
  [EngineSchema, "Engine", ENGINE],
  [VerdictSchema, "Verdict", "The outcome of a completed run: fund or kill, the leader's confidence, the final rubric score"],
  [UsageSchema, "Usage", `Model calls, tokens and cost of a run, in total and per role (${ROLE_IDS.join(", ")})`],
  [RunEventSchema, "RunEvent", "One event of a run's transcript. `seq` is its position in the run (1, 2, 3, ...); `type` says which event it is."],
  [PersonaChoiceSchema, "PersonaChoice", "A customer persona seated in the review, and why it was chosen"],
  [MemoSchema, "Memo", "The kill-or-fund memo that ends a run"],
  [DecisionValueSchema, "DecisionValue", "The memo's decision"],
  [ScorecardRowSchema, "ScorecardRow", "One round of the scorecard: the draft's rubric score and each reviewer's stance"],
  [PrfaqSchema, "Prfaq", "The PR/FAQ document: a press release and the external and internal FAQ. Sections may be empty"],
  [PrfaqVersionSchema, "PrfaqVersion"],
  [PressReleaseSchema, "PressRelease", "The press release sections, in document order"],
  [FaqItemSchema, "FaqItem", "One question and its answer"],
  [FindingSchema, "Finding", "One rubric finding: an anti-pattern or structure problem of the PR/FAQ"],
  [CheckIdSchema, "CheckId", "A rubric check: one of the 14 Working Backwards anti-patterns, or a structure check"],
  [SeveritySchema, "Severity", "How much a finding matters"],
  [ReviewSchema, "Review", "One reviewer's structured review of one draft"],
  [StanceSchema, "Stance"],
  [DecisionSchema, "Decision", "The leader's decision after a round"],
  [ChangeRequestSchema, "ChangeRequest", "One change the leader asks the drafter to make"],
  [LintResultSchema, "LintResult"],
  [PersonaSchema, "Persona"],
  [PersonaKindSchema, "PersonaKind"],
  [PersonaListSchema, "PersonaList"],
  [HealthSchema, "Health"],
  [ReadinessSchema, "Readiness"],
  ...RunEventSchema.options.map((o): [z.ZodType, string, string?] => [o, `Event.${o.shape.type.value}`, EVENT_DESCRIPTIONS[o.shape.type.value]]),
];

/** Read by the server: converted as zod input. A name shared with SENT must convert identically. */
const READ: [z.ZodType, string, string?][] = [
  [CreateReviewSchema, "CreateReview", "Body of POST /v1/reviews: exactly one of a brief (the drafter writes the PR/FAQ) or prfaq (a PR/FAQ you already wrote, reviewed as version 1), and the options of the run"],
  [BriefSchema, "Brief", "A project brief: free-form markdown plus optional structured fields that override what is parsed from the text"],
  [PrfaqDocumentSchema, "PrfaqDocument"],
  [ReviewOptionsSchema, "ReviewOptions", "Options of one review run"],
  [InlinePersonaSchema, "InlinePersona"],
  [LintBodySchema, "LintRequest"],
  [EngineSchema, "Engine", ENGINE],
  [PersonaKindSchema, "PersonaKind"],
  [RunStatusSchema, "RunStatus", RUN_STATUS],
];

/**
 * Where z.toJSONSchema reads metadata: the component's name (which extracts the schema into `$defs`) and
 * its fallback description, under the schema's own `.describe()` and `.meta()` (the global registry).
 */
function metadataOf(list: [z.ZodType, string, string?][]) {
  const names = new Map<z.ZodType, Component>(list.map(([schema, id, description]) => [schema, { id, ...(description ? { description } : {}) }]));
  const events = names.get(RunEventSchema);
  // The transcript union: the field that tells its variants apart.
  if (events) events.discriminator = { propertyName: "type", mapping: Object.fromEntries(EVENT_TYPES.map((type) => [type, `${SCHEMAS}Event.${type}`])) };
  const view = Object.create(z.globalRegistry) as typeof z.globalRegistry;
  view.get = (schema) => {
    const own = names.get(schema as unknown as z.ZodType);
    const global = z.globalRegistry.get(schema);
    // The schema's own description wins over the fallback.
    return own ? { ...own, ...global, id: own.id } : global;
  };
  view.has = (schema) => names.has(schema as unknown as z.ZodType) || z.globalRegistry.has(schema);
  return view;
}
const METADATA = { input: metadataOf(READ), output: metadataOf(SENT) } as const;

/** A zod schema as JSON Schema for this document: components lifted out of `$defs` and `$ref`ed. */
function toOpenApiSchema(schema: z.ZodType, io: "input" | "output"): { schema: JsonSchema; components: { schemas: Record<string, JsonSchema> } } {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", unrepresentable: "any", io, metadata: METADATA[io] }) as JsonSchema;
  const { $schema: _schema, $defs, ...root } = relinked(json) as JsonSchema;
  return { schema: root, components: { schemas: ($defs ?? {}) as Record<string, JsonSchema> } };
}

/** `#/$defs/X` → `#/components/schemas/X`; numbers zod adds for the bounds of a safe integer dropped (they say nothing to a reader). */
function relinked(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relinked);
  if (typeof node !== "object" || node === null) return node;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) {
    if ((k === "maximum" && v === Number.MAX_SAFE_INTEGER) || (k === "minimum" && v === Number.MIN_SAFE_INTEGER)) continue;
    out[k] = k === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, SCHEMAS) : relinked(v);
  }
  return out;
}

/** hono-openapi's resolver of `schema`, converting as `io` (its own converter drops what stands beside a `$ref`, such as a default). */
function resolve(schema: z.ZodType, io: "input" | "output") {
  return { ...resolver(schema), toOpenAPISchema: async () => toOpenApiSchema(schema, io) };
}

/** A parameter's JSON Schema, where a route spells the parameter out (zod input). */
export const jsonSchema = (schema: z.ZodType): JsonSchema => toOpenApiSchema(schema, "input").schema;

/** A request body or parameter schema: zod input. */
export const reads = (schema: z.ZodType) => resolve(schema, "input");
/** An answer's schema: zod output. */
export const sends = (schema: z.ZodType) => resolve(schema, "output");

// ---------------------------------------------------------------------------------------------
// What a route declares with.
// ---------------------------------------------------------------------------------------------

type Media = NonNullable<NonNullable<DescribeRouteOptions["requestBody"]> extends infer B ? (B extends { content: infer C } ? C : never) : never>[string];
type Answer = { description: string; headers?: Record<string, Header>; content?: Record<string, Media> };

/** A route's OpenAPI description. `redis`: a route outside /v1 that needs Redis (every /v1 route does, for the rate limit), so it answers 503 while Redis is away. */
export function route(spec: Omit<DescribeRouteOptions, "responses"> & { operationId: string; summary: string; tags: string[]; responses: Record<number, Answer>; redis?: boolean }): MiddlewareHandler {
  const { redis, ...operation } = spec;
  return describeRoute({ ...operation, ...(redis ? { [NEEDS_REDIS]: true } : {}) } as DescribeRouteOptions);
}
const NEEDS_REDIS = "x-needs-redis";

/**
 * Declares the query parameters, headers or path parameters of a route from the zod object its handler
 * parses them with (each field a parameter; its `.describe()` the description). Describes only: the
 * handler parses, so the order of checks and the paths of field errors stay the handler's.
 */
export function parameters(where: "query" | "header" | "param", schema: z.ZodObject): MiddlewareHandler {
  const describes: MiddlewareHandler = async (_c, next) => {
    await next();
  };
  return Object.assign(describes, { [uniqueSymbol]: { target: where, ...reads(schema) } });
}

/** An answer with a JSON body (zod output). */
export const json = (description: string, schema: z.ZodType, example?: unknown): Answer => ({
  description,
  content: { "application/json": { schema: sends(schema), ...(example === undefined ? {} : { example }) } },
});

/** A text body (markdown, HTML, ...): a string, described. */
export const text = (description: string) => ({ schema: { type: "string" as const, description } });

const PROBLEM_JSON = "application/problem+json";
const SLUGS: Record<number, string> = { 400: "validation", 401: "unauthorized", 403: "cross-site", 404: "not-found", 409: "conflict", 413: "body-too-large", 415: "unsupported-media-type", 421: "misdirected", 429: "rate-limited", 503: "redis-unavailable" };

/** An error answer: a problem+json document (the Problem component), with an example. */
export function problem(status: number, description: string, headers?: Response["headers"]): Answer & Response {
  return {
    description,
    ...(headers ? { headers: headers as Record<string, Header> } : {}),
    content: { [PROBLEM_JSON]: { schema: { $ref: `${SCHEMAS}Problem` }, example: problemDocument(status, SLUGS[status] ?? "error", description) } },
  };
}

/** The answers of a route whose body is too large or of another type. */
export const bodyProblems = {
  413: problem(413, "The body is over the size limit (PRFAQ_BODY_LIMIT_BYTES, 64 KiB by default)."),
  415: problem(415, "The body is neither application/json nor text/markdown."),
};

// ---------------------------------------------------------------------------------------------
// The answers the middleware gives (src/server/app.ts mounts it), attached to the routes they guard.
// ---------------------------------------------------------------------------------------------

const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });
const RETRY_AFTER = { "Retry-After": headerRef("Retry-After") };
const FORBIDDEN =
  "Without API keys only: the request comes from another web site (an `Origin` other than this server's own, `Origin: null`, or `Sec-Fetch-Site: cross-site`), which is refused whatever its method.";
const MISDIRECTED =
  "The `Host` header names a host this server does not serve: not a loopback name (`localhost`, `*.localhost`, `127.x.x.x`, `[::1]`) nor one in PRFAQ_ALLOWED_HOSTS (against DNS rebinding; checked always without API keys, with keys when PRFAQ_ALLOWED_HOSTS is set).";
const FAILED_AUTH = "too many failed authentications from this client address in the last minute (PRFAQ_AUTH_FAILURES_PER_MIN; even a right key waits until the window clears)";
const REDIS_DOWN = "Redis is unreachable (stopped, killed, frozen): the answer comes within about a second; retry after `Retry-After` seconds, the service recovers by itself when Redis is back.";

/** A problem answer after the route's own reasons for that status, when it has some. */
function joined(own: Response | undefined, status: number, description: string, headers: Response["headers"]): Response {
  return problem(status, own ? `${own.description} Also: ${description}` : description, { ...own?.headers, ...headers });
}

/**
 * 403 (cross-site, without keys) and 421 (Host) on every route; on /v1 routes the bearer key (401) and
 * 429 (the per-key rate limit, failed-authentication throttling) with rate-limit headers on success; on
 * /metrics 401 and 429 (its token or a key, when keys are set); 503 with Retry-After on every route that
 * needs Redis. A route's own 429 or 503 reasons (the active-run limit, the stream cap, a busy linter) are
 * joined to these.
 */
function withMiddlewareAnswers(path: string, op: Operation & { [NEEDS_REDIS]?: boolean }): Operation {
  const v1 = path.startsWith("/v1/");
  const metrics = path === "/metrics";
  const responses: Record<string, Response> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = v1 && status.startsWith("2") ? { ...response, headers: { ...response.headers, "RateLimit-Limit": headerRef("RateLimit-Limit"), "RateLimit-Remaining": headerRef("RateLimit-Remaining") } } : response;
  }
  responses["403"] = problem(403, FORBIDDEN);
  responses["421"] = problem(421, MISDIRECTED);
  if (v1) {
    responses["401"] = problem(401, "The server has API keys and the request has no valid `Authorization: Bearer <key>`.", { "WWW-Authenticate": headerRef("WWW-Authenticate") });
    responses["429"] = joined(op.responses["429"], 429, `Over the per-key rate limit (PRFAQ_RATE_LIMIT_PER_MIN requests in any 60 s), or ${FAILED_AUTH}.`, RETRY_AFTER);
  }
  if (metrics) {
    responses["401"] = problem(401, "The server has API keys or PRFAQ_METRICS_TOKEN, and the request has neither a key nor the metrics token as `Authorization: Bearer`.", {
      "WWW-Authenticate": headerRef("WWW-Authenticate"),
    });
    responses["429"] = problem(429, `With API keys or a metrics token: ${FAILED_AUTH}.`, RETRY_AFTER);
  }
  if (v1 || op[NEEDS_REDIS]) responses["503"] = joined(op.responses["503"], 503, REDIS_DOWN, RETRY_AFTER);
  const { [NEEDS_REDIS]: _redis, ...operation } = op;
  // /metrics: open without keys or a metrics token, else a key or the token (a bearer too).
  const security: Record<string, string[]>[] = v1 ? [{ apiKey: [] }] : metrics ? [{ apiKey: [] }, {}] : [];
  return { ...operation, responses: Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))), security };
}

// ---------------------------------------------------------------------------------------------
// The document.
// ---------------------------------------------------------------------------------------------

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/** A name both directions use must mean one schema: the same JSON Schema read and sent. */
function checkSharedComponents(): void {
  const sent = new Map(SENT.map(([schema, id]) => [id, schema]));
  for (const [schema, id] of READ) {
    const other = sent.get(id);
    if (other && JSON.stringify(toOpenApiSchema(other, "output").schema) !== JSON.stringify(toOpenApiSchema(schema, "input").schema)) {
      throw new Error(`OpenAPI component ${id} differs between request (input) and response (output); give it two names`);
    }
  }
}

/** The OpenAPI 3.1 document of `app`: every route that declared itself with `route()`. */
export async function buildOpenApiDocument(app: Hono<never> | Hono<any>): Promise<OpenApiDocument> {
  checkSharedComponents();
  const generated = (await generateSpecs(app as Hono, { defaultValidationErrorResponse: false, excludeStaticFile: false })) as unknown as { paths: Record<string, Record<string, Operation>>; components: { schemas?: Record<string, JsonSchema> } };
  const paths: OpenApiDocument["paths"] = {};
  for (const [path, item] of Object.entries(generated.paths)) {
    // A parameter says whether it is required (hono-openapi writes only `required: true`).
    const declared = (op: Operation): Operation => (op.parameters ? { ...op, parameters: op.parameters.map((p) => ({ ...p, required: p.required ?? false })) } : op);
    paths[path] = Object.fromEntries(Object.entries(item).map(([method, op]) => [method, withMiddlewareAnswers(path, declared(op))]));
  }
  // Every error answer is a Problem (with its FieldErrors), also where no route converted it.
  const schemas = { ...toOpenApiSchema(ProblemSchema, "output").components.schemas, ...generated.components.schemas };
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
      schemas: Object.fromEntries(Object.keys(schemas).sort((a, b) => a.localeCompare(b)).map((id) => [id, schemas[id] as JsonSchema])),
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
