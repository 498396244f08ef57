import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { HttpProblem } from "./problem.js";

/** Lints a PR/FAQ off the event loop; resolves with the JSON body of the answer. */
export type Linter = {
  lint(text: string, signal?: AbortSignal): Promise<string>;
  close(): Promise<void>;
};

export type LintPoolOptions = {
  /** Threads at most. Default: one less than the cores, at least 1, at most 2. */
  threads?: number;
  /** Lints waiting for a thread before the pool answers 503. Default 16. */
  maxQueue?: number;
};

/**
 * A worker-thread pool (piscina) for POST /v1/lint. The rubric takes up to about a second of CPU on a
 * large document of short paragraphs; on the event loop that froze every other request and client,
 * so it runs here, and a full queue answers 503 with Retry-After instead of piling up.
 */
export function createLintPool(options: LintPoolOptions = {}): Linter {
  const self = fileURLToPath(import.meta.url);
  // The same extension as this module: lint-worker.ts under tsx and vitest, lint-worker.js once built.
  const filename = path.join(path.dirname(self), `lint-worker${path.extname(self)}`);
  // A TypeScript worker needs tsx's loader; a process started by tsx passes it on by itself.
  const typescript = filename.endsWith(".ts") && !process.execArgv.some((a) => a.includes("tsx"));
  const threads = options.threads ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const maxQueue = options.maxQueue ?? 16;
  const pool = new Piscina({
    filename,
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    execArgv: typescript ? [...process.execArgv, "--import", "tsx"] : process.execArgv,
  });
  return {
    async lint(text, signal) {
      if (pool.queueSize >= maxQueue) {
        throw new HttpProblem(503, "busy", "The linter is busy with other documents; retry in a few seconds.", undefined, { "Retry-After": "5" });
      }
      const body: unknown = await pool.run(text, signal ? { signal } : {});
      if (typeof body !== "string") throw new Error("the lint worker answered no JSON text");
      return body;
    },
    close: () => pool.destroy(),
  };
}
