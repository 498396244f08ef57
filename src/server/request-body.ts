import { problemCount } from "../domain/errors.js";
import type { Context } from "hono";
import { z } from "zod";
import { markdownTitle } from "../domain/brief.js";
import { CreateReviewSchema, type CreateReview } from "../domain/run.js";
import { HttpProblem, zodFieldErrors } from "./problem.js";

/** The media type of a request, without parameters, lowercased. */
export function mediaType(c: Context): string {
  return (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Reads a JSON body: 415 for another media type, 400 for malformed JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const type = mediaType(c);
  if (type !== "application/json" && !type.endsWith("+json")) {
    throw new HttpProblem(415, "unsupported-media-type", `Send application/json${type ? `, not ${type}` : ""}.`);
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpProblem(400, "malformed-json", `The body is not valid JSON: ${error instanceof Error ? error.message : "parse error"}.`);
  }
}

/** Parses `value` with `schema` or throws a 400 listing every bad field path. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new HttpProblem(400, "validation", `The ${what} is invalid: ${problemCount(parsed.error.issues.length)}, listed in errors.`, zodFieldErrors(parsed.error));
  }
  return parsed.data;
}

/** Options of a markdown submission come from the query string (`?rounds=2&personas=a,b&engine=offline&input=prfaq`). */
export const QueryOptionsSchema = z.object({
  rounds: z.coerce.number().int().optional(),
  personas: z.string().optional(),
  engine: z.string().optional(),
  input: z.enum(["brief", "prfaq"]).default("brief").describe("What the markdown body is: a brief, or a PR/FAQ you already wrote"),
});

/**
 * The body of POST /v1/reviews: JSON `{brief, options}` or `{prfaq, options}`, or a markdown body
 * (`text/markdown`: a brief whose title is its first heading, or with `?input=prfaq` a PR/FAQ) with the
 * options as query parameters.
 */
export async function readCreateReview(c: Context): Promise<CreateReview> {
  const type = mediaType(c);
  if (type === "text/markdown" || type === "text/plain") {
    const text = await c.req.text();
    const q = parseOr400(QueryOptionsSchema, c.req.query(), "query string");
    const body = {
      ...(q.input === "prfaq" ? { prfaq: { markdown: text } } : { brief: { title: markdownTitle(text), text } }),
      options: {
        ...(q.rounds !== undefined ? { rounds: q.rounds } : {}),
        ...(q.personas ? { personas: q.personas.split(",").map((p) => p.trim()).filter(Boolean) } : {}),
        ...(q.engine ? { engine: q.engine } : {}),
      },
    };
    return parseOr400(CreateReviewSchema, body, "review request");
  }
  return parseOr400(CreateReviewSchema, await readJson(c), "review request");
}
