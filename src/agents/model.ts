import type { ModelRole } from "../llm/factory.js";
import type { PriceTable } from "../llm/pricing.js";
import { invokeStructured, type NamedModel, type StructuredMethod } from "../llm/structured.js";
import type { AgentContext, MeetingAgents, ReviewInput } from "./contracts.js";
import { renderCustomerPrompt } from "./customer/prompt.js";
import { renderDrafterPrompt } from "./drafter/prompt.js";
import { DraftModelSchema } from "./drafter/schema.js";
import { renderEngineerPrompt } from "./engineer/prompt.js";
import { renderFinancePrompt } from "./finance/prompt.js";
import { renderLeaderPrompt, renderMemoPrompt } from "./leader/prompt.js";
import { DecisionModelSchema, MemoModelSchema } from "./leader/schema.js";
import { CustomerReviewModelSchema, EngineerReviewModelSchema, FinanceReviewModelSchema } from "./shared/review-schema.js";

export type ModelAgentOptions = {
  /** The model for a role (the run's own choices already applied). */
  modelFor: (role: ModelRole) => NamedModel;
  method: StructuredMethod;
  prices?: PriceTable;
};

/** The five roles on an OpenAI-compatible chat model. Every answer is validated with zod, never trusted. */
export function createModelAgents(options: ModelAgentOptions): MeetingAgents {
  const call = <T>(role: ModelRole, name: string, schema: Parameters<typeof invokeStructured<T>>[0]["schema"], messages: Parameters<typeof invokeStructured<T>>[0]["messages"], ctx: AgentContext) =>
    invokeStructured<T>({
      model: options.modelFor(role),
      schema,
      name,
      messages,
      method: options.method,
      ...(options.prices ? { prices: options.prices } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(ctx.onUsage ? { onUsage: ctx.onUsage } : {}),
      ...(ctx.onRetry ? { onRetry: ctx.onRetry } : {}),
    });

  const names = [...new Set((["drafter", "customer", "engineer", "finance", "leader"] as const).map((r) => options.modelFor(r).name))];
  return {
    engine: "openai",
    note: `Model engine: ${names.join(", ")} through an OpenAI-compatible endpoint; answers are validated against the schemas before they count.`,
    draft: async (input, ctx) => call("drafter", "prfaq_draft", DraftModelSchema, renderDrafterPrompt(input), ctx),
    review: async (input: ReviewInput, ctx) => {
      const out =
        input.role === "customer"
          ? await call(input.role, "customer_review", CustomerReviewModelSchema, renderCustomerPrompt(input), ctx)
          : input.role === "engineer"
            ? await call(input.role, "engineer_review", EngineerReviewModelSchema, renderEngineerPrompt(input), ctx)
            : await call(input.role, "finance_review", FinanceReviewModelSchema, renderFinancePrompt(input), ctx);
      return { agent: input.agent, role: input.role, round: input.round, version: input.version, ...out };
    },
    decide: async (input, ctx) => ({ round: input.round, ...(await call("leader", "leader_decision", DecisionModelSchema, renderLeaderPrompt(input), ctx)) }),
    writeMemo: async (input, ctx) => call("leader", "memo", MemoModelSchema, renderMemoPrompt(input), ctx),
  };
}
