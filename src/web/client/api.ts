// Talking to the API from the page: the optional API key, fetch with it, problem+json errors, and
// checks on what comes back with the same zod schemas the server writes with (one source of truth).
import { z } from "zod";
import { RunEventSchema, type RunEvent } from "../../domain/events.js";
import { MemoSchema, type Memo } from "../../domain/memo.js";
import { RunRecordSchema, type RunRecord } from "../../domain/run.js";

const KEY_STORAGE = "prfaq.apiKey";

export function getApiKey(): string {
  try {
    return localStorage.getItem(KEY_STORAGE) ?? "";
  } catch {
    return "";
  }
}

export function setApiKey(key: string): void {
  try {
    if (key) localStorage.setItem(KEY_STORAGE, key);
    else localStorage.removeItem(KEY_STORAGE);
  } catch {
    // Storage may be disabled (private mode); the key then lasts for this page only.
  }
}

/** An answer other than 2xx, with the problem's detail and field errors. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: { path: string; message: string }[] = [],
  ) {
    super(message);
  }
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

async function problemOf(res: Response): Promise<ApiError> {
  let detail = `${res.status} ${res.statusText}`;
  let errors: { path: string; message: string }[] = [];
  try {
    const body: unknown = await res.json();
    if (isObject(body)) {
      if (typeof body.detail === "string") detail = body.detail;
      if (Array.isArray(body.errors)) {
        errors = body.errors.filter(isObject).map((e) => ({ path: String(e.path ?? ""), message: String(e.message ?? "") }));
      }
    }
  } catch {
    // Not JSON: keep the status line.
  }
  return new ApiError(res.status, detail, errors);
}

/** fetch on this origin with the API key (if any) as a Bearer token; throws ApiError on non-2xx. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const key = getApiKey();
  if (key) headers.set("authorization", `Bearer ${key}`);
  const res = await fetch(path, { ...init, headers });
  if (!res.ok) throw await problemOf(res);
  return res;
}

export async function apiJson(path: string, init: RequestInit = {}): Promise<unknown> {
  const res = await apiFetch(path, { ...init, headers: { accept: "application/json", ...init.headers } });
  return res.json();
}

/** The SSE URL of a run; the key rides as ?access_token= because EventSource cannot send headers. */
export function eventsUrl(runId: string): string {
  const key = getApiKey();
  return `/v1/reviews/${encodeURIComponent(runId)}/events${key ? `?access_token=${encodeURIComponent(key)}` : ""}`;
}

export type RunSummary = Pick<RunRecord, "id" | "status" | "title" | "engine" | "round" | "rounds" | "createdAt" | "verdict">;

export function isRunRecord(x: unknown): x is RunSummary {
  return RunRecordSchema.safeParse(x).success;
}

export function isRunEvent(x: unknown): x is RunEvent {
  return RunEventSchema.safeParse(x).success;
}

export function isMemo(x: unknown): x is Memo {
  return MemoSchema.safeParse(x).success;
}

const PersonaOptionSchema = z.object({ id: z.string(), name: z.string(), role: z.string(), kind: z.string() });
export type PersonaOption = z.infer<typeof PersonaOptionSchema>;

export async function listPersonas(): Promise<PersonaOption[]> {
  const body = z.object({ personas: z.array(z.unknown()) }).safeParse(await apiJson("/v1/personas"));
  return body.success ? body.data.personas.flatMap((p) => { const r = PersonaOptionSchema.safeParse(p); return r.success ? [r.data] : []; }) : [];
}

export async function listRuns(limit = 20): Promise<RunSummary[]> {
  const body = z.object({ items: z.array(z.unknown()) }).safeParse(await apiJson(`/v1/reviews?limit=${limit}`));
  return body.success ? body.data.items.filter(isRunRecord) : [];
}

export async function getRun(id: string): Promise<RunSummary> {
  const body = await apiJson(`/v1/reviews/${encodeURIComponent(id)}`);
  if (!isRunRecord(body)) throw new ApiError(500, "The server answered with something that is not a run.");
  return body;
}

export async function memoMarkdown(id: string): Promise<string> {
  const res = await apiFetch(`/v1/reviews/${encodeURIComponent(id)}/memo`, { headers: { accept: "text/markdown" } });
  return res.text();
}
