import type { Analysis } from "../domain/analysis.js";
import { ROLES } from "../domain/roles.js";
import { MODEL_ROLES, type ModelRole } from "../llm/factory.js";
import type { PriceTable } from "../llm/pricing.js";
import { invokeStructured, type NamedModel, type StructuredMethod } from "../llm/structured.js";
import type { SpanAttributes, Tracing } from "../telemetry/tracing.js";
import type { AgentContext, MeetingAgents, ReviewInput } from "./contracts.js";
import { renderDrafterPrompt } from "./drafter/prompt.js";
import { DraftModelSchema } from "./drafter/schema.js";
import { renderLeaderPrompt, renderMemoPrompt } from "./leader/prompt.js";
import { DecisionModelSchema, MemoModelSchema } from "./leader/schema.js";
import { seatAgentFor } from "./seat-agents.js";

export type ModelAgentOptions = {
  /** The model for a role (the run's own choices already applied). */
  modelFor: (role: ModelRole) => NamedModel;
  method: StructuredMethod;
  prices?: PriceTable;
  /** Each model request is a span (src/llm/structured.ts) tagged with the seat's role and round; unset: none. */
  tracing?: Tracing;
};

/** Ledger ids named anywhere in a model's answer: in a basis list or as "[L4]" in the text. */
function citedIds(value: unknown): string[] {
  return [...JSON.stringify(value).matchAll(/\bL(\d+)\b/g)].map((m) => `L${m[1]}`);
}

/**
 * Checks an answer against the ledger and the economics model: every cited ledger id must exist, and a
 * margin the answer states must agree with the computed one (within a point). The problem goes back to
 * the model once; see `check` in invokeStructured.
 */
export function ledgerCheck(analysis: Analysis): (value: unknown) => string | undefined {
  const known = new Set(analysis.ledger.map((e) => e.id));
  const margin = analysis.economics.grossMarginPct;
  return (value) => {
    const unknown = [...new Set(citedIds(value))].filter((id) => !known.has(id));
    const problems: string[] = [];
    if (unknown.length > 0) problems.push(`it cites ledger ids that do not exist (${unknown.join(", ")}); cite only ids from the evidence ledger`);
    if (margin !== null) {
      const stated = [...JSON.stringify(value).matchAll(/margin[^%\d-]{0,40}(-?\d+(?:\.\d+)?)\s?%/gi)].map((m) => Number(m[1]));
      const wrong = stated.filter((n) => Math.abs(n - margin) > 1);
      if (wrong.length > 0) problems.push(`it states a gross margin of ${wrong.join("%, ")}% but the economics model computed ${margin}%; use the computed figure`);
    }
    return problems.length > 0 ? problems.join("; ") : undefined;
  };
}

/** The five roles on an OpenAI-compatible chat model. Every answer is validated with zod and against the ledger, never trusted. */
export function createModelAgents(options: ModelAgentOptions): MeetingAgents {
  const call = <T>(
    role: ModelRole,
    name: string,
    schema: Parameters<typeof invokeStructured<T>>[0]["schema"],
    messages: Parameters<typeof invokeStructured<T>>[0]["messages"],
    ctx: AgentContext,
    trace: SpanAttributes,
    check?: (value: T) => string | undefined,
  ) =>
    invokeStructured<T>({
      model: options.modelFor(role),
      schema,
      name,
      messages,
      method: options.method,
      ...(check ? { check } : {}),
      ...(options.prices ? { prices: options.prices } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.onUsage ? { onUsage: ctx.onUsage } : {}),
      ...(ctx.onRetry ? { onRetry: ctx.onRetry } : {}),
      ...(options.tracing ? { tracing: options.tracing, traceAttributes: { "prfaq.role": role, ...trace } } : {}),
    });

  const names = [...new Set(MODEL_ROLES.map((r) => options.modelFor(r).name))];
  return {
    engine: "openai",
    note: `Model engine: ${names.join(", ")} through an OpenAI-compatible endpoint; answers are validated against the schemas and the evidence ledger before they count.`,
    draft: async (input, ctx) => {
      const out = await call("drafter", "prfaq_draft", DraftModelSchema, renderDrafterPrompt(input), ctx, { "prfaq.version": input.version }, ledgerCheck(input.analysis));
      return { prfaq: out.prfaq, changes: out.changes, assumptions: out.assumptions, openQuestions: out.openQuestions };
    },
    review: async (input: ReviewInput, ctx) => {
      const base = { agent: input.agent, role: input.role, round: input.round, version: input.version };
      const trace = { "prfaq.agent": input.agent, "prfaq.round": input.round, "prfaq.version": input.version };
      const seat = seatAgentFor(input);
      const check = seat.model.ledgerChecked && "analysis" in input ? ledgerCheck(input.analysis) : undefined;
      return { ...base, ...(await call(ROLES[input.role].model, seat.model.name, seat.model.schema, seat.model.prompt(input), ctx, trace, check)) };
    },
    decide: async (input, ctx) => {
      const out = await call("leader", "leader_decision", DecisionModelSchema, renderLeaderPrompt(input), ctx, { "prfaq.round": input.round }, ledgerCheck(input.analysis));
      return {
        round: input.round,
        action: out.action,
        leaning: out.leaning,
        rationale: out.rationale,
        changes: out.changes.map(({ question, ...c }) => ({ ...c, ...(question.trim() ? { question } : {}) })),
      };
    },
    writeMemo: async (input, ctx) => call("leader", "memo", MemoModelSchema, renderMemoPrompt(input), ctx, {}, ledgerCheck(input.analysis)),
  };
}
