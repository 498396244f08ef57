import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    globalSetup: ["test/setup/build.global.ts", "test/setup/redis.global.ts"],
    reporters: ["default", "./test/setup/summary-reporter.ts"],
    // Integration tests start their own redis-server; keep the pool small on 2-core machines.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
