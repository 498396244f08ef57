import { defineConfig } from "vitest/config";

/** Files that need a module registry of their own: they read process-wide state (prom-client's default registry). */
const ISOLATED = ["test/e2e/operator.e2e.test.ts"];

export default defineConfig({
  test: {
    globalSetup: ["test/setup/build.global.ts", "test/setup/redis.global.ts"],
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    // Integration tests start their own redis-server; keep the pool small on 2-core machines.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      // Test files share their worker's module cache: importing the stack once per worker, not once per file,
      // is what keeps `npm test` under five minutes on two cores. Tests keep their state in their own scope.
      { extends: true, test: { name: "shared", include: ["src/**/*.test.ts", "test/**/*.test.ts"], exclude: ISOLATED, isolate: false } },
      { extends: true, test: { name: "isolated", include: ISOLATED, isolate: true } },
    ],
  },
});
