import { Hono, type Context } from "hono";
import { z } from "zod";
import { MemoSchema } from "../../domain/memo.js";
import { renderMemoMarkdown } from "../../domain/memo-markdown.js";
import { renderPrfaqMarkdown } from "../../domain/prfaq-markdown.js";
import { CreateReviewSchema, EngineSchema, ReviewOptionsSchema, RunIdSchema, type RunRecord } from "../../domain/run.js";
import type { AppEnv } from "../env.js";
import { CreateReviewHeadersSchema, ListQuerySchema, PrfaqVersionSchema, RunListSchema, ServedRunSchema, VersionQuerySchema } from "../wire-schemas.js";
import { bodyProblems, json, jsonSchema, parameters, problem, reads, route, sends, text } from "../openapi.js";
import type { RunLedger } from "../../store/run-ledger.js";
import { HttpProblem } from "../problem.js";
import { parseOr400, QueryOptionsSchema, readCreateReview } from "../request-body.js";
import type { ReviewService } from "../review-service.js";

export type ReviewRoutesDeps = { ledger: RunLedger; service: ReviewService };

/** The run record as served: with links to everything about the run, without its owner. */
export function present(run: RunRecord) {
  const { owner: _owner, ...served } = run;
  const self = `/v1/reviews/${run.id}`;
  return { ...served, links: { self, events: `${self}/events`, memo: `${self}/memo`, prfaq: `${self}/prfaq` } };
}

/** True when the client asked for markdown rather than JSON. */
function wantsMarkdown(accept: string | undefined): boolean {
  const a = (accept ?? "").toLowerCase();
  return a.includes("text/markdown") && !a.startsWith("application/json");
}

/** The path of every route about one run. */
export const RunPathSchema = z.object({ id: RunIdSchema.describe("The run id (rv_...), as returned by POST /v1/reviews") });
/**
 * The query of a markdown body: the options the handler reads (QueryOptionsSchema), typed as the review
 * request then checks them. `personas` is spelled out in the route: a comma-separated list (personas=a,b).
 */
const MarkdownOptionsQuerySchema = QueryOptionsSchema.extend({
  rounds: ReviewOptionsSchema.shape.rounds.describe("Markdown bodies only: rounds of review (JSON bodies use options.rounds)"),
  engine: EngineSchema.optional().describe("Markdown bodies only: the engine that speaks (default: the server's PRFAQ_ENGINE)"),
  input: QueryOptionsSchema.shape.input.describe("Markdown bodies only: `brief` (default) or `prfaq`, a PR/FAQ you already wrote, reviewed as version 1"),
}).omit({ personas: true });
const personasParameter = jsonSchema(ReviewOptionsSchema.shape.personas.unwrap());
export const runNotFound = problem(404, "No run with this id for this caller (another key's run answers 404 too).");
const asMarkdown = (what: string) => ({ "text/markdown": text(`${what} as a markdown document`) });

/** POST /v1/reviews, GET /v1/reviews/:id, its memo and PR/FAQ versions. */
export function createReviewRoutes(deps: ReviewRoutesDeps) {
  const app = new Hono<AppEnv>();
  const requireRun = (c: Context<AppEnv>) => deps.service.get(c.req.param("id") ?? "", c.get("owner"));

  app.post(
    "/",
    parameters("header", CreateReviewHeadersSchema),
    parameters("query", MarkdownOptionsQuerySchema),
    route({
      operationId: "createReview",
      tags: ["reviews"],
      summary: "Start a review",
      description:
        "Queues a simulated Working Backwards review of a brief. Send JSON `{brief, options}`, or a markdown brief as the body (`text/markdown`; its first `#` heading is the title) with the options as query parameters. " +
        "To review a PR/FAQ you already wrote, send `{prfaq: {markdown}, options}` instead of `brief` (exactly one of the two), or a markdown body with `?input=prfaq`: the document as parsed is version 1 (`draft.ready` with `source: \"author\"`), round 1 reviews it, and later versions are the drafter's revisions of it. " +
        "With an `Idempotency-Key` header, the same key and the same body return the same run (with `Idempotent-Replayed: true`); another body with the same key is a 409.",
      parameters: [
        { name: "personas", in: "query", required: false, description: "Markdown bodies only: customer persona ids, comma-separated (personas=a,b)", style: "form", explode: false, schema: personasParameter },
      ],
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: reads(CreateReviewSchema) },
          "text/markdown": text("The brief as markdown; the first `#` heading is the title (else the first line). With `?input=prfaq`, a PR/FAQ you already wrote (YAML front matter, images and HTML comments are ignored). Options come from the query string."),
          "text/plain": text("Treated as text/markdown."),
        },
      },
      responses: {
        202: {
          ...json("Accepted: the run is queued. The body is the run record.", ServedRunSchema),
          headers: {
            Location: { description: "/v1/reviews/{id}, the new run", schema: { type: "string" } },
            "Idempotent-Replayed": { description: "`true` when an earlier request with the same Idempotency-Key and body created this run", schema: { type: "string", enum: ["true"] } },
          },
        },
        400: problem(400, "Malformed JSON, or the body, query string or Idempotency-Key is invalid; `errors` lists every bad field with its path."),
        404: problem(404, "A persona named in options.personas is not in the library; `errors` names it."),
        409: problem(409, "The Idempotency-Key was used before with another body."),
        ...bodyProblems,
        429: problem(429, "This key already has PRFAQ_MAX_ACTIVE_RUNS reviews queued or running; wait for one to finish or cancel one."),
      },
    }),
    async (c) => {
      const request = await readCreateReview(c);
      const header = c.req.header("idempotency-key");
      const key = header === undefined ? undefined : CreateReviewHeadersSchema.shape["Idempotency-Key"].unwrap().safeParse(header);
      if (key && !key.success) {
        throw new HttpProblem(400, "validation", "The Idempotency-Key header must be 1-200 characters.", [{ path: "header.Idempotency-Key", message: "1-200 characters" }]);
      }
      const { run, replayed } = await deps.service.start(request, c.get("owner"), key?.data);
      return c.json(present(run), 202, { Location: `/v1/reviews/${run.id}`, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) });
    },
  );

  app.get(
    "/",
    parameters("query", ListQuerySchema),
    route({
      operationId: "listReviews",
      tags: ["reviews"],
      summary: "List the caller's runs",
      description: "The runs created with the caller's key, newest first, a page at a time.",
      responses: { 200: json("One page of runs", RunListSchema), 400: problem(400, "A query parameter is invalid; `errors` lists them.") },
    }),
    async (c) => {
      const q = parseOr400(ListQuerySchema, c.req.query(), "query string");
      const page = await deps.ledger.list(c.get("owner"), { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}), ...(q.status ? { status: q.status } : {}) });
      return c.json({ items: page.items.map(present), nextCursor: page.nextCursor });
    },
  );

  app.get(
    "/:id",
    parameters("param", RunPathSchema),
    route({
      operationId: "getReview",
      tags: ["reviews"],
      summary: "Get a run",
      description: "The run record: status, round, verdict once finished, token usage and cost, links.",
      responses: { 200: json("The run record", ServedRunSchema), 404: runNotFound },
    }),
    async (c) => c.json(present(await requireRun(c))),
  );

  app.post(
    "/:id/cancel",
    parameters("param", RunPathSchema),
    route({
      operationId: "cancelReview",
      tags: ["reviews"],
      summary: "Cancel a run",
      description: "A queued run ends at once, a running one at its next step (in-flight model calls are aborted). The transcript ends with run.cancelled; there is no memo.",
      responses: { 202: json("Accepted: the run record as it is now", ServedRunSchema), 404: runNotFound, 409: problem(409, "The run has already finished (completed, failed or cancelled).") },
    }),
    async (c) => {
      const run = await deps.service.cancel(await requireRun(c));
      return c.json(present(run), 202);
    },
  );

  app.get(
    "/:id/memo",
    parameters("param", RunPathSchema),
    route({
      operationId: "getReviewMemo",
      tags: ["reviews"],
      summary: "Get the kill-or-fund memo",
      description: "The memo that ends a completed run. `Accept: text/markdown` for the memo as a document.",
      responses: {
        200: { description: "The memo", content: { "application/json": { schema: sends(MemoSchema) }, ...asMarkdown("The memo") } },
        404: runNotFound,
        409: problem(409, "The run has not completed (queued, running, failed or cancelled): there is no memo."),
      },
    }),
    async (c) => {
      const run = await requireRun(c);
      const memo = run.status === "completed" ? await deps.ledger.memo(run.id) : undefined;
      if (!memo) {
        throw new HttpProblem(409, "not-finished", `Review ${run.id} is ${run.status}; the memo exists once it has completed.`);
      }
      if (wantsMarkdown(c.req.header("accept"))) {
        return c.body(renderMemoMarkdown(memo), 200, { "content-type": "text/markdown; charset=utf-8" });
      }
      return c.json(memo);
    },
  );

  app.get(
    "/:id/prfaq",
    parameters("param", RunPathSchema),
    parameters("query", VersionQuerySchema),
    route({
      operationId: "getReviewPrfaq",
      tags: ["reviews"],
      summary: "Get a PR/FAQ version",
      description: "A version of the run's PR/FAQ, the latest by default. `Accept: text/markdown` for the document.",
      responses: {
        200: { description: "The PR/FAQ version", content: { "application/json": { schema: sends(PrfaqVersionSchema) }, ...asMarkdown("The PR/FAQ") } },
        400: problem(400, "?version is not a positive integer."),
        404: problem(404, "No run with this id for this caller, or it has no draft (of that version) yet."),
      },
    }),
    async (c) => {
      const run = await requireRun(c);
      const { version } = parseOr400(VersionQuerySchema, c.req.query(), "query string");
      const draft = await deps.ledger.draft(run.id, version);
      if (!draft) throw new HttpProblem(404, "not-found", version ? `Review ${run.id} has no PR/FAQ version ${version}.` : `Review ${run.id} has no draft yet.`);
      if (wantsMarkdown(c.req.header("accept"))) {
        return c.body(renderPrfaqMarkdown(draft.prfaq), 200, { "content-type": "text/markdown; charset=utf-8" });
      }
      return c.json(draft);
    },
  );

  return app;
}
