import { z } from "zod";
import { MemoSchema, type Memo } from "../domain/memo.js";
import { PersonaSchema, type Persona } from "../domain/persona.js";
import { ApiError, CliError } from "./errors.js";
import type { ReviewRequestBody } from "./input.js";

/** Options of {@link createApiClient}. */
export type ApiClientOptions = {
  /** Base URL of the API, e.g. `http://localhost:3000`. */
  server: string;
  /** Sent as `Authorization: Bearer <key>` on every request when set. */
  apiKey?: string | undefined;
};

const ProblemSchema = z.object({
  title: z.string().optional(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
const CreatedSchema = z.object({ id: z.string().min(1), status: z.string() });
const PersonasSchema = z.object({ personas: z.array(PersonaSchema) });

/** The code of a failed `fetch` (ECONNREFUSED, ENOTFOUND, ...), or its message. */
export function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  const code = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : undefined;
  return code ?? (cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error));
}

/** Turns an error response into an {@link ApiError}, keeping the problem's detail and field errors. */
export async function apiErrorOf(what: string, res: Response): Promise<ApiError> {
  const text = await res.text().catch(() => "");
  let problem: z.infer<typeof ProblemSchema> = {};
  try {
    const parsed = ProblemSchema.safeParse(JSON.parse(text));
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not JSON (a proxy's HTML page, say): show the start of it as the detail.
    problem = { detail: text.replace(/\s+/g, " ").trim().slice(0, 200) || res.statusText };
  }
  return new ApiError(what, {
    status: res.status,
    ...(problem.title ? { title: problem.title } : {}),
    ...(problem.detail ? { detail: problem.detail } : {}),
    ...(problem.errors ? { errors: problem.errors } : {}),
  });
}

/**
 * The few calls the CLI makes to a prfaq-sim API. Every error becomes a {@link CliError}: `unreachable`
 * when nothing answers, {@link ApiError} with the server's problem+json otherwise.
 */
export function createApiClient(opts: ApiClientOptions) {
  const base = opts.server.replace(/\/+$/, "");
  const headers = (extra: Record<string, string> = {}) => ({ ...extra, ...(opts.apiKey ? { authorization: `Bearer ${opts.apiKey}` } : {}) });

  type Init = Omit<RequestInit, "headers"> & { headers?: Record<string, string> };
  async function call(path: string, init: Init, what: string): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { ...init, headers: headers(init.headers) });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new CliError("unreachable", `cannot reach the server at ${base} (${networkReason(error)}). Start one with \`prfaq dev\`, pass --server URL, or run with --local.`, { cause: error });
    }
    if (!res.ok) throw await apiErrorOf(what, res);
    return res;
  }

  return {
    server: base,
    /** POST /v1/reviews: starts a review; returns its id. */
    async submit(request: ReviewRequestBody): Promise<{ id: string; status: string }> {
      const res = await call("/v1/reviews", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) }, "the server refused the review");
      return CreatedSchema.parse(await res.json());
    },
    /** GET /v1/reviews/:id/events from after `after`, as a raw streaming response (see `followEvents`). */
    async events(id: string, after: number, signal: AbortSignal): Promise<Response> {
      const extra: Record<string, string> = { accept: "text/event-stream", ...(after > 0 ? { "last-event-id": String(after) } : {}) };
      return call(`/v1/reviews/${encodeURIComponent(id)}/events`, { headers: extra, signal }, `the server refused the event stream of ${id}`);
    },
    /** GET /v1/reviews/:id/memo as JSON. */
    async memo(id: string): Promise<Memo> {
      const res = await call(`/v1/reviews/${encodeURIComponent(id)}/memo`, { headers: { accept: "application/json" } }, `no memo for ${id}`);
      return MemoSchema.parse(await res.json());
    },
    /** GET /v1/reviews/:id/memo as the markdown document. */
    async memoMarkdown(id: string): Promise<string> {
      const res = await call(`/v1/reviews/${encodeURIComponent(id)}/memo`, { headers: { accept: "text/markdown" } }, `no memo for ${id}`);
      return res.text();
    },
    /** GET /v1/personas. */
    async personas(): Promise<Persona[]> {
      const res = await call("/v1/personas", {}, "the server refused the persona list");
      return PersonasSchema.parse(await res.json()).personas;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
