import { Hono } from "hono";
import type { Linter } from "../lint-pool.js";
import { LintBodySchema, LintResultSchema } from "../wire-schemas.js";
import { bodyProblems, json, problem, reads, route, text } from "../openapi.js";
import { mediaType, parseOr400, readJson } from "../request-body.js";

export type LintRoutesDeps = { linter: Linter };

/** POST /v1/lint: rubric findings and score for a PR/FAQ (markdown body or `{text}`), linted off the event loop. */
export function createLintRoutes(deps: LintRoutesDeps) {
  const app = new Hono();
  app.post(
    "/",
    route({
      operationId: "lintPrfaq",
      tags: ["lint"],
      summary: "Lint a PR/FAQ",
      description: "Rubric findings and a score for a PR/FAQ, synchronously: a markdown body, or JSON `{text}`.",
      requestBody: {
        required: true,
        content: { "application/json": { schema: reads(LintBodySchema) }, "text/markdown": text("The PR/FAQ as markdown"), "text/plain": text("Treated as text/markdown.") },
      },
      responses: {
        200: json("Findings and score", LintResultSchema),
        400: problem(400, "Malformed JSON, or the text is empty or too long; `errors` has the path."),
        ...bodyProblems,
        503: problem(503, "The linter is busy with other documents (its queue is full)."),
      },
    }),
    async (c) => {
      const type = mediaType(c);
      const text = type === "text/markdown" || type === "text/plain" ? await c.req.text() : parseOr400(LintBodySchema, await readJson(c), "lint request").text;
      const body = await deps.linter.lint(parseOr400(LintBodySchema, { text }, "lint request").text, c.req.raw.signal);
      return c.body(body, 200, { "content-type": "application/json" });
    },
  );
  return app;
}
