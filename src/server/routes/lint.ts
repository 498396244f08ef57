import { Hono } from "hono";
import { z } from "zod";
import { BRIEF_LIMITS } from "../../domain/brief.js";
import { lintMarkdown } from "../../rubric/index.js";
import { mediaType, parseOr400, readJson } from "../request-body.js";

const LintBodySchema = z.object({ text: z.string().min(1, "the PR/FAQ text is required").max(BRIEF_LIMITS.textMax * 3) });

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
