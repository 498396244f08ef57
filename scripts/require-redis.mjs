#!/usr/bin/env node
// Fails fast, with the fix, when redis-server is missing (npm test and npm start need it).
import { spawnSync } from "node:child_process";

const probe = spawnSync("redis-server", ["--version"], { encoding: "utf8" });
if (probe.error || probe.status !== 0) {
  process.stderr.write(
    [
      "",
      "  redis-server is not installed, and prfaq-sim needs it (tests start a private one).",
      "  Install it with:   bash scripts/install-redis.sh   (apt on Debian/Ubuntu, brew on macOS)",
      "  or, to run against an existing Redis with npm start, set REDIS_URL=redis://host:6379",
      "",
    ].join("\n"),
  );
  process.exit(1);
}
