import { readFile } from "node:fs/promises";
import { StartupError } from "./startup-error.js";

/** The shortest API key accepted: shorter ones are guessable. */
export const MIN_API_KEY_LENGTH = 16;

/**
 * API keys from PRFAQ_API_KEYS: a comma-separated list, or `@/path/file` with one key per line. Every
 * character of a key counts (no comment stripping: `#` may be part of a key, and a stripped comment once
 * turned auth off without a word); only surrounding spaces and empty entries are dropped. A key shorter
 * than {@link MIN_API_KEY_LENGTH}, or a value that yields no key, stops the start-up with a
 * {@link StartupError} saying which entry is wrong (never the key itself). Unset: no keys, auth off.
 */
export async function loadApiKeys(value: string | undefined, variable = "PRFAQ_API_KEYS"): Promise<string[]> {
  if (value === undefined) return [];
  const fromFile = value.startsWith("@");
  let text: string;
  try {
    text = fromFile ? await readFile(value.slice(1), "utf8") : value;
  } catch (error) {
    throw new StartupError(`${variable}=${value}: cannot read that key file (${(error as NodeJS.ErrnoException).code ?? "error"}); give a readable file with one key per line, or the keys themselves, comma-separated`, { cause: error });
  }
  const where = fromFile ? `line` : `entry`;
  const entries = text.split(fromFile ? /\r?\n/ : ",").map((entry, i) => ({ key: entry.trim(), position: i + 1 }));
  const keys = entries.filter((e) => e.key !== "");
  const short = keys.filter((e) => e.key.length < MIN_API_KEY_LENGTH);
  if (short.length > 0) {
    throw new StartupError(
      `${variable}: ${short.map((e) => `${where} ${e.position}`).join(", ")} ${short.length === 1 ? "is" : "are"} shorter than ${MIN_API_KEY_LENGTH} characters; use long random keys (openssl rand -hex 24 makes one)`,
    );
  }
  if (keys.length === 0) {
    throw new StartupError(`${variable}${fromFile ? ` (${value.slice(1)})` : ""} holds no key; give at least one key, or unset it to run without auth on loopback`);
  }
  return [...new Set(keys.map((e) => e.key))];
}
