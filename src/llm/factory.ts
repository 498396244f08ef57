import { ROLE_IDS, ROLES, type RoleId } from "../domain/roles.js";
import { ChatOpenAI } from "@langchain/openai";
import type { NamedModel } from "./structured.js";

/** The model settings (PRFAQ_MODEL_<ROLE>): one per role of src/domain/roles.ts that has its own. */
export const MODEL_ROLES = [...new Set(ROLE_IDS.map((r) => ROLES[r].model))] as ModelRole[];
export type ModelRole = (typeof ROLES)[RoleId]["model"];

export type ModelSettings = {
  apiKey: string;
  baseURL?: string;
  /** Model for every role unless overridden. */
  defaultModel: string;
  /** Per-role models from the environment (PRFAQ_MODEL_LEADER, ...). */
  roleModels: Partial<Record<ModelRole, string>>;
  timeoutMs: number;
  /** Retries of a call on 429, 5xx, timeouts and an unreachable server (made by invokeStructured, each one announced). */
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
        // Retries are invokeStructured's, so that each one shows in the transcript (agent.retrying).
        maxRetries: 0,
        ...(settings.temperature !== undefined ? { temperature: settings.temperature } : {}),
        ...(settings.baseURL ? { configuration: { baseURL: settings.baseURL } } : {}),
      });
      cache.set(model, chat);
    }
    return chat;
  };
  const endpoint = endpointOf(settings.baseURL);
  return (role: ModelRole, runModels: Record<string, string> = {}): NamedModel => {
    const name = runModels[role] ?? settings.roleModels[role] ?? runModels.default ?? settings.defaultModel;
    return { chat: client(name), name, endpoint, maxRetries: settings.maxRetries };
  };
}
export type ModelFactory = ReturnType<typeof createModelFactory>;

/** `host:port` of the endpoint, for messages (OpenAI's own when no base URL is set). */
export function endpointOf(baseURL: string | undefined): string {
  if (!baseURL) return "api.openai.com:443";
  try {
    const url = new URL(baseURL);
    return `${url.hostname}:${url.port || (url.protocol === "https:" ? "443" : "80")}`;
  } catch {
    return baseURL;
  }
}
