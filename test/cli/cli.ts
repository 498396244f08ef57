import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { RunEventSchema, type RunEvent } from "../../src/domain/events.js";

const bin = fileURLToPath(new URL("../../bin/prfaq.js", import.meta.url));

/** A brief or PR/FAQ fixture's path. */
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Variables of the developer's shell that would change what the CLI does; the tests set what they need. */
const CLEARED = ["OPENAI_API_KEY", "OPENAI_BASE_URL", "PRFAQ_ENGINE", "PRFAQ_API_KEY", "PRFAQ_SERVER", "REDIS_URL", "PRFAQ_OFFLINE_PACE_MS", "FORCE_COLOR"];

export type CliRun = { code: number | null; stdout: string; stderr: string };

/**
 * Starts the built CLI (`node bin/prfaq.js ...`) as a subprocess, stdout and stderr captured apart, with
 * NO_COLOR set and `env` on top. `stdin` is written and closed when given.
 */
export function startCli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: "1", ...options.env };
  for (const name of CLEARED) if (!options.env?.[name]) delete env[name];
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  if (options.stdin !== undefined) child.stdin.end(options.stdin);
  else child.stdin.end();
  const done = new Promise<CliRun>((resolve) => child.once("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done, stdout: () => stdout, stderr: () => stderr };
}

/** Runs the CLI to its end. */
export function runCli(args: string[], options: { env?: Record<string, string>; stdin?: string } = {}): Promise<CliRun> {
  return startCli(args, options).done;
}

/** NDJSON output, every line parsed with RunEventSchema (a line that is not an event fails the test). */
export function ndjson(stdout: string): RunEvent[] {
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => RunEventSchema.parse(JSON.parse(line)));
}

/** 1..n */
export const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A local port nothing listens on (it was free a moment ago). */
export function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
