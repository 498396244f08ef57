import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessageLike } from "@langchain/core/messages";
import { z } from "zod";
import { AppError } from "../domain/errors.js";
import { toStrictJsonSchema } from "./json-schema.js";
import { pause } from "./pause.js";
import { costOf, type PriceTable } from "./pricing.js";
import { noTracing, type SpanAttributes, type Tracing } from "../telemetry/tracing.js";

/** How the model is asked for structured output: OpenAI's json_schema, tool calls, or plain JSON mode. */
export const StructuredMethodSchema = z.enum(["jsonSchema", "functionCalling", "jsonMode"]);
export type StructuredMethod = z.infer<typeof StructuredMethodSchema>;

/**
 * A chat model with the name it is billed under, the endpoint it talks to (`host:port`, for messages)
 * and how often a failed call is tried again (the client itself does not retry: each retry is ours, so
 * the transcript can show it).
 */
export type NamedModel = { chat: BaseChatModel; name: string; endpoint?: string; maxRetries?: number };

/** One retry of a model call: the attempt that failed (1 = the first call), the wait before the next, and why. */
export type ModelRetry = { attempt: number; waitMs: number; reason: string };

export type StructuredCall<T> = {
  model: NamedModel;
  schema: z.ZodType<T>;
  /** Name of the output schema, sent to the model (also tells a fake server which role is asking). */
  name: string;
  messages: BaseMessageLike[];
  method: StructuredMethod;
  prices?: PriceTable;
  /** Attempts when the answer is not valid for the schema (default 2: one retry with the validation error). */
  attempts?: number;
  /**
   * A check beyond the schema (e.g. citations that must exist): a problem sends the answer back with it,
   * like a schema error; on the last attempt a well-formed answer is returned as it is.
   */
  check?: (value: T) => string | undefined;
  signal?: AbortSignal;
  /** Told of each retry of a failed call (429, 5xx, timeout, unreachable) before its wait begins. */
  onRetry?: (retry: ModelRetry) => void;
  /**
   * Each call's tokens and cost. `priced: false` when the model's price is unknown (see PRFAQ_PRICES):
   * `costUsd` is then a placeholder 0, because AgentContext's callback types it as a number; the review
   * graph reads `priced` and counts the cost as unknown (null), never as free.
   */
  onUsage?: (usage: { promptTokens: number; completionTokens: number; costUsd: number; priced: boolean }) => void;
  /** Each request to the model is a `chat <model>` span with its tokens; unset: none. */
  tracing?: Tracing;
  /** What the caller knows of the call, added to its spans (role, round, agent). */
  traceAttributes?: SpanAttributes;
};

const UsageMetadataSchema = z.object({ input_tokens: z.number(), output_tokens: z.number() }).partial();
const ToolCallSchema = z.object({ name: z.string(), args: z.unknown() });
const InvalidToolCallSchema = z.object({ args: z.string().optional() });
const AnswerSchema = z
  .object({
    content: z.unknown(),
    usage_metadata: UsageMetadataSchema.optional(),
    tool_calls: z.array(ToolCallSchema).optional(),
    invalid_tool_calls: z.array(InvalidToolCallSchema).optional(),
  })
  .passthrough();

/** JSON schemas by zod schema: the conversion costs about half a millisecond, and the schemas never change. */
const jsonSchemas = new WeakMap<z.ZodType, ReturnType<typeof toStrictJsonSchema>>();
function jsonSchemaOf(schema: z.ZodType): ReturnType<typeof toStrictJsonSchema> {
  let json = jsonSchemas.get(schema);
  if (!json) jsonSchemas.set(schema, (json = toStrictJsonSchema(schema)));
  return json;
}

type Bound = ReturnType<typeof bindStructuredUncached>;
/**
 * Bound models by chat model, then by method, name and schema. Binding is not free: ChatOpenAI's
 * `withConfig` and `bindTools` build a whole new ChatOpenAI, whose first call builds a new HTTP client
 * (about 1 ms of CPU per model call, five of them in a row when the reviewers start).
 */
const boundModels = new WeakMap<BaseChatModel, Map<string, { schema: z.ZodType; bound: Bound }>>();
function bindStructured(call: StructuredCall<unknown>): Bound {
  let byKey = boundModels.get(call.model.chat);
  if (!byKey) boundModels.set(call.model.chat, (byKey = new Map()));
  const key = `${call.method}\u0000${call.name}`;
  const cached = byKey.get(key);
  if (cached?.schema === call.schema) return cached.bound;
  const bound = bindStructuredUncached(call);
  byKey.set(key, { schema: call.schema, bound });
  return bound;
}

/** The model bound to ask for `name` in the configured way; we parse the answer ourselves, so a malformed one is ours to handle. */
function bindStructuredUncached(call: StructuredCall<unknown>) {
  const schema = jsonSchemaOf(call.schema);
  const chat = call.model.chat;
  switch (call.method) {
    case "jsonSchema":
      return chat.withConfig({ response_format: { type: "json_schema", json_schema: { name: call.name, schema, strict: true } } } as never);
    case "jsonMode":
      return chat.withConfig({ response_format: { type: "json_object" } } as never);
    case "functionCalling": {
      if (!chat.bindTools) throw new AppError("engine_unavailable", `${call.model.name} does not support tool calls; set PRFAQ_STRUCTURED_METHOD=jsonSchema or jsonMode`);
      return chat.bindTools([{ type: "function", function: { name: call.name, description: `Answer with ${call.name}`, parameters: schema } }], { tool_choice: { type: "function", function: { name: call.name } } } as never);
    }
  }
}

/** The JSON text of an answer: tool-call arguments, or the message content. */
function answerJson(answer: z.infer<typeof AnswerSchema>): { value?: unknown; text: string; error?: string } {
  const tool = answer.tool_calls?.[0];
  if (tool) return { value: tool.args, text: JSON.stringify(tool.args) };
  const badTool = answer.invalid_tool_calls?.[0];
  const text = badTool?.args ?? (typeof answer.content === "string" ? answer.content : JSON.stringify(answer.content ?? ""));
  // Some servers wrap JSON in a markdown fence.
  const body = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, "$1");
  try {
    return { value: JSON.parse(body), text };
  } catch (error) {
    return { text, error: error instanceof Error ? error.message : "unparseable" };
  }
}

/**
 * Asks the model for a structured answer and trusts only what the zod schema accepts. An invalid
 * answer (malformed JSON or the wrong shape) is retried with the problem quoted back; when every
 * attempt is invalid the step fails with `model_output_invalid`. HTTP errors (429, 5xx, timeouts)
 * are retried by the client itself with backoff. Every call's tokens and cost go to `onUsage`,
 * valid or not.
 */
export async function invokeStructured<T>(call: StructuredCall<T>): Promise<T> {
  const attempts = call.attempts ?? 2;
  const runnable = bindStructured(call as unknown as StructuredCall<unknown>);
  const instruction = `Answer with only a JSON object for the ${call.name} schema:\n${JSON.stringify(jsonSchemaOf(call.schema))}`;
  // JSON mode has no schema on the wire: the schema goes in the prompt.
  const messages: BaseMessageLike[] = call.method === "jsonMode" ? [...call.messages, { role: "system", content: instruction }] : [...call.messages];
  let problem = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const answer = AnswerSchema.parse(await ask(runnable, messages, call as unknown as StructuredCall<unknown>));
    const tokens = { promptTokens: answer.usage_metadata?.input_tokens ?? 0, completionTokens: answer.usage_metadata?.output_tokens ?? 0 };
    const cost = costOf(call.model.name, tokens, call.prices);
    call.onUsage?.({ ...tokens, costUsd: cost ?? 0, priced: cost !== null });
    const json = answerJson(answer);
    const parsed = json.error === undefined ? call.schema.safeParse(json.value) : undefined;
    if (parsed?.success) {
      const semantic = attempt < attempts ? call.check?.(parsed.data) : undefined;
      if (semantic === undefined) return parsed.data;
      problem = semantic;
    } else {
      problem = parsed
        ? parsed.error.issues.slice(0, 8).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")
        : `the answer was not valid JSON (${json.error ?? "no content"})`;
    }
    messages.push({ role: "assistant", content: json.text || "(no content)" });
    messages.push({ role: "user", content: `Your answer was invalid: ${problem}. Answer again with only a JSON object that matches the ${call.name} schema exactly.` });
  }
  throw new AppError("model_output_invalid", `${call.model.name} gave no valid ${call.name} after ${attempts} attempts: ${problem}`);
}

/** First retry's wait; each next one doubles, up to {@link MAX_RETRY_WAIT_MS} (1, 2, 4 s: 7 s for 3 retries). */
const FIRST_RETRY_WAIT_MS = 1000;
const MAX_RETRY_WAIT_MS = 8000;

/**
 * One model call, retried on 429, 5xx, timeouts and an unreachable server (`maxRetries` times, waits
 * doubling from a second, or the server's Retry-After), each retry announced to `onRetry`. A failure no
 * retry cured becomes a clear AppError naming the endpoint.
 */
async function ask(runnable: Bound, messages: BaseMessageLike[], call: StructuredCall<unknown>): Promise<unknown> {
  // A signal of this call's own, tied to the run's: the HTTP client adds a listener per request and never
  // removes it, which on the long-lived run signal piles up (MaxListenersExceededWarning).
  const run = call.signal;
  const retries = call.model.maxRetries ?? 0;
  for (let attempt = 1; ; attempt++) {
    const own = new AbortController();
    const forward = () => own.abort(run?.reason);
    if (run?.aborted) forward();
    else run?.addEventListener("abort", forward, { once: true });
    try {
      return await traced(call, attempt, () => runnable.invoke(messages, { signal: own.signal }));
    } catch (error) {
      // A cancelled run stops on purpose: not a model failure.
      if (run?.aborted) throw error;
      const failure = classify(error);
      if (!failure.retryable || attempt > retries) throw modelFailure(call.model, call.name, error, attempt);
      const waitMs = failure.retryAfterMs ?? Math.min(MAX_RETRY_WAIT_MS, FIRST_RETRY_WAIT_MS * 2 ** (attempt - 1));
      call.onRetry?.({ attempt, waitMs, reason: failure.reason });
      await pause(waitMs, run);
    } finally {
      run?.removeEventListener("abort", forward);
    }
  }
}

/** One request to the model as a span, named and described after OpenTelemetry's GenAI conventions. */
function traced(call: StructuredCall<unknown>, attempt: number, request: () => Promise<unknown>): Promise<unknown> {
  const tracing = call.tracing ?? noTracing;
  const attributes: SpanAttributes = {
    "gen_ai.operation.name": "chat",
    "gen_ai.system": "openai",
    "gen_ai.request.model": call.model.name,
    "server.address": call.model.endpoint,
    "prfaq.schema": call.name,
    "prfaq.attempt": attempt,
    ...call.traceAttributes,
  };
  return tracing.span(
    `chat ${call.model.name}`,
    attributes,
    async (span) => {
      const answer = await request();
      const usage = UsageMetadataSchema.safeParse(typeof answer === "object" && answer !== null && "usage_metadata" in answer ? answer.usage_metadata : undefined);
      if (usage.success) span.setAttributes({ "gen_ai.usage.input_tokens": usage.data.input_tokens, "gen_ai.usage.output_tokens": usage.data.output_tokens });
      return answer;
    },
    { kind: "client" },
  );
}

/** What a failed call's error says: its HTTP status, a network error code, the server's Retry-After. */
function facts(error: unknown): { status?: number; code?: string; retryAfterMs?: number; message: string; timedOut: boolean } {
  const status = typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : undefined;
  let code: string | undefined;
  // The network error code sits somewhere down the cause chain (openai's APIConnectionError, fetch's TypeError).
  for (let e: unknown = error, depth = 0; e && depth < 5 && !code; depth++) {
    if (typeof e === "object" && "code" in e && typeof e.code === "string" && /^E[A-Z_]+$/.test(e.code)) code = e.code;
    e = typeof e === "object" && e !== null && "cause" in e ? e.cause : undefined;
  }
  const headers = typeof error === "object" && error !== null && "headers" in error ? error.headers : undefined;
  const retryAfter = headers instanceof Headers ? Number(headers.get("retry-after")) : typeof headers === "object" && headers !== null && "retry-after" in headers ? Number(headers["retry-after"]) : Number.NaN;
  const raw = error instanceof Error ? error.message : String(error);
  // LangChain appends a troubleshooting URL; the first line is the server's own words.
  const message = raw.split("\n")[0]?.replace(/\s*Troubleshooting URL:.*$/i, "").replace(/[.\s]+$/, "") ?? "";
  const timedOut = /time(d)? ?out/i.test(raw) || (error instanceof Error && /Timeout/.test(error.name)) || code === "ETIMEDOUT";
  return { ...(status !== undefined ? { status } : {}), ...(code ? { code } : {}), ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: Math.min(MAX_RETRY_WAIT_MS, retryAfter * 1000) } : {}), message, timedOut };
}

/** Whether a failure is worth another try, and a few words on why it failed. */
function classify(error: unknown): { retryable: boolean; reason: string; retryAfterMs?: number } {
  const f = facts(error);
  const retryAfter = f.retryAfterMs !== undefined ? { retryAfterMs: f.retryAfterMs } : {};
  if (f.status === 429) return { retryable: true, reason: "rate-limited (429)", ...retryAfter };
  if (f.status !== undefined && (f.status >= 500 || f.status === 408 || f.status === 409)) return { retryable: true, reason: `server error (${f.status})`, ...retryAfter };
  if (f.status !== undefined) return { retryable: false, reason: `refused (${f.status})` };
  if (f.timedOut) return { retryable: true, reason: "timed out" };
  return { retryable: true, reason: `unreachable (${f.code ?? f.message})` };
}

/**
 * Names what went wrong with the model, and what to check. A refused key, a refused request and an
 * endpoint that could not be reached at all are `engine_unavailable` (permanent: the run fails now); rate
 * limits, server errors and timeouts that outlasted the retries are `model_unavailable` (the job is retried
 * later, from its last checkpoint).
 */
export function modelFailure(model: NamedModel, step: string, error: unknown, attempts = 1): AppError {
  const f = facts(error);
  const at = model.endpoint ?? "the model endpoint";
  const tries = attempts === 1 ? "" : ` after ${attempts} attempts`;
  const said = f.message ? `: ${f.message}` : "";
  if (f.status === 401 || f.status === 403) {
    return new AppError("engine_unavailable", `The model endpoint ${at} refused the API key (${f.status}) on the ${step} step: check OPENAI_API_KEY${said}.`, { cause: error });
  }
  if (f.status === 404) {
    return new AppError("engine_unavailable", `The model endpoint ${at} does not serve ${model.name} (404) on the ${step} step: check PRFAQ_MODEL and OPENAI_BASE_URL${said}.`, { cause: error });
  }
  if (f.status !== undefined && f.status < 500 && f.status !== 429 && f.status !== 408 && f.status !== 409) {
    return new AppError("engine_unavailable", `The model endpoint ${at} rejected the ${step} request for ${model.name} (${f.status})${said}.`, { cause: error });
  }
  if (f.status === undefined && !f.timedOut) {
    return new AppError(
      "engine_unavailable",
      `The model endpoint ${at} could not be reached (${f.code ?? (f.message || "no answer")})${tries}: check that the server is running and that OPENAI_BASE_URL is right.`,
      { cause: error },
    );
  }
  const what = f.status === 429 ? "kept rate-limiting (429)" : f.status !== undefined ? `kept failing (${f.status})` : "timed out";
  return new AppError("model_unavailable", `${model.name} at ${at} ${what} on the ${step} step${tries}${said}.`, { cause: error });
}
