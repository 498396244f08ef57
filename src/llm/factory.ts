import { ChatOpenAI } from "@langchain/openai";
import type { NamedModel } from "./structured.js";

/** The roles a model can be chosen for. */
export const MODEL_ROLES = ["drafter", "customer", "engineer", "finance", "leader"] as const;
export type ModelRole = (typeof MODEL_ROLES)[number];

export type ModelSettings = {
  apiKey: string;
  baseURL?: string;
  /** Model for every role unless overridden. */
  defaultModel: string;
  /** Per-role models from the environment (PRFAQ_MODEL_LEADER, ...). */
  roleModels: Partial<Record<ModelRole, string>>;
  timeoutMs: number;
  /** Client retries on 429, 5xx and timeouts, with exponential backoff. */
  maxRetries: number;
  temperature?: number;
};

/**
 * Builds the chat model for a role, honouring a run's `options.models` (`default`, or a role name)
 * over the environment's choices. Clients are cached per model name. Only entry points call this.
 */
export function createModelFactory(settings: ModelSettings) {
  const cache = new Map<string, ChatOpenAI>();
  const client = (model: string) => {
    let chat = cache.get(model);
    if (!chat) {
      chat = new ChatOpenAI({
        model,
        apiKey: settings.apiKey,
        timeout: settings.timeoutMs,
        maxRetries: settings.maxRetries,
        ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
        ...(settings.baseURL ? { configuration: { baseURL: settings.baseURL } } : {}),
      });
      cache.set(model, chat);
    }
    return chat;
  };
  return (role: ModelRole, runModels: Record<string, string> = {}): NamedModel => {
    const name = runModels[role] ?? settings.roleModels[role] ?? runModels.default ?? settings.defaultModel;
    return { chat: client(name), name };
  };
}
export type ModelFactory = ReturnType<typeof createModelFactory>;
