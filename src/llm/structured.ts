import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessageLike } from "@langchain/core/messages";
import { z } from "zod";
import { AppError } from "../domain/errors.js";
import { toStrictJsonSchema } from "./json-schema.js";
import { costOf, type PriceTable } from "./pricing.js";

/** How the model is asked for structured output: OpenAI's json_schema, tool calls, or plain JSON mode. */
export const StructuredMethodSchema = z.enum(["jsonSchema", "functionCalling", "jsonMode"]);
export type StructuredMethod = z.infer<typeof StructuredMethodSchema>;

/** A chat model with the name it is billed under. */
export type NamedModel = { chat: BaseChatModel; name: string };

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
  signal?: AbortSignal;
  /**
   * Each call's tokens and cost. `priced: false` when the model's price is unknown: `costUsd` is then 0
   * only because the run totals are numbers; the cost is not known (see PRFAQ_PRICES).
   */
  onUsage?: (usage: { promptTokens: number; completionTokens: number; costUsd: number; priced: boolean }) => void;
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
  const runnable = bindStructured(call as StructuredCall<unknown>);
  const instruction = `Answer with only a JSON object for the ${call.name} schema:\n${JSON.stringify(jsonSchemaOf(call.schema))}`;
  // JSON mode has no schema on the wire: the schema goes in the prompt.
  const messages: BaseMessageLike[] = call.method === "jsonMode" ? [...call.messages, { role: "system", content: instruction }] : [...call.messages];
  let problem = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const answer = AnswerSchema.parse(await ask(runnable, messages, call));
    const tokens = { promptTokens: answer.usage_metadata?.input_tokens ?? 0, completionTokens: answer.usage_metadata?.output_tokens ?? 0 };
    const cost = costOf(call.model.name, tokens, call.prices);
    call.onUsage?.({ ...tokens, costUsd: cost ?? 0, priced: cost !== null });
    const json = answerJson(answer);
    const parsed = json.error === undefined ? call.schema.safeParse(json.value) : undefined;
    if (parsed?.success) return parsed.data;
    problem = parsed
      ? parsed.error.issues.slice(0, 8).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")
      : `the answer was not valid JSON (${json.error ?? "no content"})`;
    messages.push({ role: "assistant", content: json.text || "(no content)" });
    messages.push({ role: "user", content: `Your answer was invalid: ${problem}. Answer again with only a JSON object that matches the ${call.name} schema exactly.` });
  }
  throw new AppError("model_output_invalid", `${call.model.name} gave no valid ${call.name} after ${attempts} attempts: ${problem}`);
}

/** One model call; an HTTP failure the client's own retries did not cure becomes a clear AppError. */
async function ask(runnable: Bound, messages: BaseMessageLike[], call: StructuredCall<unknown>): Promise<unknown> {
  // A signal of this call's own, tied to the run's: the HTTP client adds a listener per request and never
  // removes it, which on the long-lived run signal piles up (MaxListenersExceededWarning).
  const run = call.signal;
  const own = new AbortController();
  const forward = () => own.abort(run?.reason);
  if (run?.aborted) forward();
  else run?.addEventListener("abort", forward, { once: true });
  try {
    return await runnable.invoke(messages, { signal: own.signal });
  } catch (error) {
    // A cancelled run stops on purpose: not a model failure.
    if (run?.aborted) throw error;
    throw modelFailure(call.model.name, call.name, error);
  } finally {
    run?.removeEventListener("abort", forward);
  }
}

/**
 * Names what went wrong with the model: rate limits, server errors and timeouts are `model_unavailable`
 * (the job is retried later); a refused key or an unknown model is `engine_unavailable` (permanent).
 */
export function modelFailure(model: string, step: string, error: unknown): AppError {
  const status = typeof error === "object" && error !== null && "status" in error && typeof error.status === "number" ? error.status : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (status === 401 || status === 403 || status === 404) {
    return new AppError("engine_unavailable", `${model} refused the ${step} request (${status}): ${message}`, { cause: error });
  }
  const what =
    status === 429
      ? "kept rate-limiting (429)"
      : status !== undefined && status >= 500
        ? `kept failing (${status})`
        : /time(d)? ?out/i.test(message) || (error instanceof Error && /Timeout/.test(error.name))
          ? "timed out"
          : status !== undefined
            ? `rejected the request (${status})`
            : "could not be reached";
  return new AppError("model_unavailable", `${model} ${what} on the ${step} step, after the client's retries: ${message}`, { cause: error });
}
