import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Tests that spawn `prfaq` run the built command (bin/prfaq.js → dist/), as users do: build dist/ first
 * when a source is newer than it, so a test never runs yesterday's build.
 */
export default function setup() {
  execFileSync(process.execPath, [fileURLToPath(new URL("../../scripts/build.mjs", import.meta.url)), "--if-stale"], { stdio: "inherit" });
}
