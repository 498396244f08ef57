import { defineConfig } from "vitest/config";

/**
 * The fault suite (`npm run test:faults`): workers killed mid-run, Redis killed and restarted, a flaky
 * model server, SSE clients dropping and resuming. Kept out of `npm test` by its file pattern
 * (`*.faults.ts`, not `*.test.ts`). Scenarios that kill Redis start their own redis-server; the rest
 * share the global one, isolated by key prefix.
 */
export default defineConfig({
  test: {
    include: ["test/faults/**/*.faults.ts"],
    globalSetup: ["test/setup/build.global.ts", "test/setup/redis.global.ts"],
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    pool: "forks",
    // Scenarios spawn workers and redis-servers of their own: two at a time on a 2-core machine.
    maxWorkers: 2,
    testTimeout: 150_000,
    hookTimeout: 60_000,
  },
});
