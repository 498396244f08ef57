import { Hono } from "hono";
import type { Linter } from "../lint-pool.js";
import { LintBodySchema } from "../wire-schemas.js";
import { mediaType, parseOr400, readJson } from "../request-body.js";

export type LintRoutesDeps = { linter: Linter };

/** POST /v1/lint: rubric findings and score for a PR/FAQ (markdown body or `{text}`), linted off the event loop. */
export function createLintRoutes(deps: LintRoutesDeps) {
  const app = new Hono();
  app.post("/", async (c) => {
    const type = mediaType(c);
    const text = type === "text/markdown" || type === "text/plain" ? await c.req.text() : parseOr400(LintBodySchema, await readJson(c), "lint request").text;
    const body = await deps.linter.lint(parseOr400(LintBodySchema, { text }, "lint request").text, c.req.raw.signal);
    return c.body(body, 200, { "content-type": "application/json" });
  });
  return app;
}
