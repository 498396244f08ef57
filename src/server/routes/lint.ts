import { Hono } from "hono";
import { lintMarkdown } from "../../rubric/index.js";
import { LintBodySchema } from "../wire-schemas.js";
import { mediaType, parseOr400, readJson } from "../request-body.js";


/** POST /v1/lint: rubric findings and score for a PR/FAQ (markdown body or `{text}`), synchronously. */
export function createLintRoutes() {
  const app = new Hono();
  app.post("/", async (c) => {
    const type = mediaType(c);
    const text = type === "text/markdown" || type === "text/plain" ? await c.req.text() : parseOr400(LintBodySchema, await readJson(c), "lint request").text;
    const { prfaq, findings, score } = lintMarkdown(parseOr400(LintBodySchema, { text }, "lint request").text);
    return c.json({ score, findings, prfaq });
  });
  return app;
}
