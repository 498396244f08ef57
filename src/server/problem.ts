import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { AppError, ValidationError } from "../domain/errors.js";
import { InvalidCursorError, TooManyActiveRunsError } from "../store/run-ledger.js";

/** One field error: a JSON path into the request ("brief.title", "options.rounds") and what is wrong. */
export type FieldError = { path: string; message: string };

/** An RFC 9457 problem document. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extra: string]: unknown;
};

const TITLES: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  421: "Misdirected Request",
  429: "Too Many Requests",
  500: "Internal Server Error",
  503: "Service Unavailable",
};

/** A problem the route wants to answer with. Thrown inside handlers, turned into problem+json by `onError`. */
export class HttpProblem extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: string,
    detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

export function problem(status: number, slug: string, detail: string, errors?: FieldError[]): Problem {
  return {
    type: `https://prfaq-sim.dev/problems/${slug}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(errors ? { errors } : {}),
  };
}

export function sendProblem(c: Context, p: Problem, headers?: Record<string, string>): Response {
  return c.body(JSON.stringify(p), p.status as ContentfulStatusCode, { "content-type": "application/problem+json", ...headers });
}

/** zod issues as field errors with dotted paths (`brief.title`, `options.personas.0`), prefixed with `root`. */
export function zodFieldErrors(error: z.ZodError, root = ""): FieldError[] {
  return error.issues.map((issue) => {
    const path = [root, ...issue.path.map(String)].filter(Boolean).join(".");
    return { path: path || "(body)", message: issue.message };
  });
}

/** Maps any error to a problem document: our own errors to their status, anything else to a 500. */
export function toProblem(error: unknown): { problem: Problem; headers?: Record<string, string> } {
  if (error instanceof HttpProblem) {
    return { problem: problem(error.status, error.slug, error.message, error.errors), ...(error.headers ? { headers: error.headers } : {}) };
  }
  // Domain errors that name a part of the request or a limit: the request's words are HTTP's, so they are added here.
  if (error instanceof InvalidCursorError) {
    return { problem: problem(400, "validation", error.message, [{ path: "query.cursor", message: "invalid cursor" }]) };
  }
  if (error instanceof TooManyActiveRunsError) {
    return { problem: problem(429, "too-many-active-runs", error.message), headers: { "Retry-After": "30" } };
  }
  if (error instanceof ValidationError) {
    const status = error.code === "unknown_persona" ? 404 : 400;
    return { problem: problem(status, error.code.replace("_", "-"), error.message, error.errors) };
  }
  if (error instanceof AppError) {
    const status = error.code === "not_found" ? 404 : error.code === "conflict" ? 409 : error.code === "redis_unavailable" ? 503 : 500;
    return { problem: problem(status, error.code.replace("_", "-"), error.message) };
  }
  return { problem: problem(500, "internal", "Something went wrong on our side. The request id in the logs has the details.") };
}
