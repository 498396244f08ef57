import { existsSync } from "node:fs";
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
  // Built (dist/): the compiled lint-worker.js. Sources: a CommonJS entry that loads lint-worker.ts itself
  // (see the file), so no loader flags need passing on.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, "lint-worker.js");
  const filename = existsSync(built) ? built : path.join(here, "lint-worker-entry.cjs");
  const threads = options.threads ?? Math.max(1, Math.min(2, availableParallelism() - 1));
  const maxQueue = options.maxQueue ?? 16;
  const pool = new Piscina({
    filename,
    // No thread until the first lint: most processes never lint, and a thread costs memory and start-up CPU.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
    // The main thread's flags (tsx's ESM loader among them) are not for the threads.
    execArgv: [],
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
