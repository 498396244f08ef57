import { Hono, type Context } from "hono";
import { renderMemoMarkdown } from "../../domain/memo-markdown.js";
import { renderPrfaqMarkdown } from "../../domain/prfaq-markdown.js";
import type { RunRecord } from "../../domain/run.js";
import type { AppEnv } from "../env.js";
import { IdempotencyKeySchema, ListQuerySchema, VersionQuerySchema } from "../wire-schemas.js";
import type { RunLedger } from "../../store/run-ledger.js";
import { HttpProblem } from "../problem.js";
import { parseOr400, readCreateReview } from "../request-body.js";
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


/** POST /v1/reviews, GET /v1/reviews/:id, its memo and PR/FAQ versions. */
export function createReviewRoutes(deps: ReviewRoutesDeps) {
  const app = new Hono<AppEnv>();
  const requireRun = (c: Context<AppEnv>) => deps.service.get(c.req.param("id") ?? "", c.get("owner"));

  app.post("/", async (c) => {
    const request = await readCreateReview(c);
    const header = c.req.header("idempotency-key");
    const key = header === undefined ? undefined : IdempotencyKeySchema.safeParse(header);
    if (key && !key.success) {
      throw new HttpProblem(400, "validation", "The Idempotency-Key header must be 1-200 characters.", [{ path: "header.Idempotency-Key", message: "1-200 characters" }]);
    }
    const { run, replayed } = await deps.service.start(request, c.get("owner"), key?.data);
    return c.json(present(run), 202, { Location: `/v1/reviews/${run.id}`, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) });
  });

  app.get("/", async (c) => {
    const q = parseOr400(ListQuerySchema, c.req.query(), "query string");
    const page = await deps.ledger.list(c.get("owner"), { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}), ...(q.status ? { status: q.status } : {}) });
    return c.json({ items: page.items.map(present), nextCursor: page.nextCursor });
  });

  app.get("/:id", async (c) => c.json(present(await requireRun(c))));

  app.post("/:id/cancel", async (c) => {
    const run = await deps.service.cancel(await requireRun(c));
    return c.json(present(run), 202);
  });

  app.get("/:id/memo", async (c) => {
    const run = await requireRun(c);
    const memo = run.status === "completed" ? await deps.ledger.memo(run.id) : undefined;
    if (!memo) {
      throw new HttpProblem(409, "not-finished", `Review ${run.id} is ${run.status}; the memo exists once it has completed.`);
    }
    if (wantsMarkdown(c.req.header("accept"))) {
      return c.body(renderMemoMarkdown(memo), 200, { "content-type": "text/markdown; charset=utf-8" });
    }
    return c.json(memo);
  });

  app.get("/:id/prfaq", async (c) => {
    const run = await requireRun(c);
    const { version } = parseOr400(VersionQuerySchema, c.req.query(), "query string");
    const draft = await deps.ledger.draft(run.id, version);
    if (!draft) throw new HttpProblem(404, "not-found", version ? `Review ${run.id} has no PR/FAQ version ${version}.` : `Review ${run.id} has no draft yet.`);
    if (wantsMarkdown(c.req.header("accept"))) {
      return c.body(renderPrfaqMarkdown(draft.prfaq), 200, { "content-type": "text/markdown; charset=utf-8" });
    }
    return c.json(draft);
  });

  return app;
}
