import { Hono } from "hono";
import { z } from "zod";
import { renderMemoMarkdown } from "../../domain/memo-markdown.js";
import { renderPrfaqMarkdown } from "../../domain/prfaq-markdown.js";
import type { RunRecord } from "../../domain/run.js";
import type { RunStore } from "../../store/runs.js";
import { HttpProblem } from "../problem.js";
import { parseOr400, readCreateReview } from "../request-body.js";
import type { ReviewService } from "../review-service.js";

export type ReviewRoutesDeps = { runs: RunStore; service: ReviewService };

/** The run record as served: with links to everything about the run. */
export function present(run: RunRecord) {
  const self = `/v1/reviews/${run.id}`;
  return { ...run, links: { self, events: `${self}/events`, memo: `${self}/memo`, prfaq: `${self}/prfaq` } };
}

/** True when the client asked for markdown rather than JSON. */
function wantsMarkdown(accept: string | undefined): boolean {
  const a = (accept ?? "").toLowerCase();
  return a.includes("text/markdown") && !a.startsWith("application/json");
}

const VersionQuery = z.object({ version: z.coerce.number().int().min(1).optional() });

/** POST /v1/reviews, GET /v1/reviews/:id, its memo and PR/FAQ versions. */
export function createReviewRoutes(deps: ReviewRoutesDeps) {
  const app = new Hono();

  const requireRun = async (id: string) => {
    const run = deps.service.isRunId(id) ? await deps.runs.get(id) : undefined;
    if (!run) throw new HttpProblem(404, "not-found", `No review with id ${id}.`);
    return run;
  };

  app.post("/", async (c) => {
    const request = await readCreateReview(c);
    const run = await deps.service.start(request);
    return c.json(present(run), 202, { Location: `/v1/reviews/${run.id}` });
  });

  app.get("/:id", async (c) => c.json(present(await requireRun(c.req.param("id")))));

  app.post("/:id/cancel", async (c) => {
    const run = await deps.service.cancel(await requireRun(c.req.param("id")));
    return c.json(present(run), 202);
  });

  app.get("/:id/memo", async (c) => {
    const run = await requireRun(c.req.param("id"));
    const memo = run.status === "completed" ? await deps.runs.memo(run.id) : undefined;
    if (!memo) {
      throw new HttpProblem(409, "not-finished", `Review ${run.id} is ${run.status}; the memo exists once it has completed.`);
    }
    if (wantsMarkdown(c.req.header("accept"))) {
      return c.body(renderMemoMarkdown(memo), 200, { "content-type": "text/markdown; charset=utf-8" });
    }
    return c.json(memo);
  });

  app.get("/:id/prfaq", async (c) => {
    const run = await requireRun(c.req.param("id"));
    const { version } = parseOr400(VersionQuery, c.req.query(), "query string");
    const draft = await deps.runs.draft(run.id, version);
    if (!draft) throw new HttpProblem(404, "not-found", version ? `Review ${run.id} has no PR/FAQ version ${version}.` : `Review ${run.id} has no draft yet.`);
    if (wantsMarkdown(c.req.header("accept"))) {
      return c.body(renderPrfaqMarkdown(draft.prfaq), 200, { "content-type": "text/markdown; charset=utf-8" });
    }
    return c.json(draft);
  });

  return app;
}
