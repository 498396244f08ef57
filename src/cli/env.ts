import { z } from "zod";
import { CliError } from "./errors.js";

/** The default server URL. */
export const DEFAULT_SERVER = "http://localhost:3000";

/**
 * The environment variables the `prfaq` client commands read (the services read theirs through
 * `loadConfig`). Parsed once in main; nothing else in src/cli reads `process.env`.
 */
export const CliEnvSchema = z.object({
  PRFAQ_API_KEY: z.string().min(1).optional().describe("Sent as Authorization: Bearer <key> to the server by review, watch, memo and personas."),
  PRFAQ_SERVER: z.string().url().optional().describe("The server when --server is not given.").meta({ defaultText: DEFAULT_SERVER }),
  NO_COLOR: z.string().optional().describe("Any non-empty value turns colour off."),
});
export type CliEnv = z.infer<typeof CliEnvSchema>;

/** Reads {@link CliEnvSchema} from `env`; empty strings count as unset. */
export function loadCliEnv(env: Record<string, string | undefined>): CliEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in CliEnvSchema.shape && v !== undefined && v !== ""));
  const parsed = CliEnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new CliError("input", `invalid environment:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  return parsed.data;
}
