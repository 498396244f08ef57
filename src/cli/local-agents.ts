import type { MeetingAgents } from "../agents/contracts.js";
import type { Config } from "../config.js";
import type { Engine } from "../domain/run.js";
import { agentsFactory } from "../runtime/services.js";

/** What {@link localAgents} needs: the environment's config and the engine `--engine` asked for, if any. */
export type LocalEngineConfig = { env: Config; engine?: Engine | undefined };

/**
 * The agents a `--local` review runs on: the engine asked for with `--engine`, else the environment's
 * default (`PRFAQ_ENGINE`, which is `openai` once a model is configured). The same factory the worker
 * uses; the offline engine runs without think time here (`PRFAQ_OFFLINE_PACE_MS` is for demos of the
 * server). Asking for `openai` with no model configured is an `engine_unavailable` error that says so.
 */
export function localAgents(config: LocalEngineConfig): MeetingAgents {
  const engine = config.engine ?? config.env.PRFAQ_ENGINE;
  return agentsFactory({ ...config.env, PRFAQ_OFFLINE_PACE_MS: 0 })(engine);
}
