// `prfaq --help` start-up time: the built command (bin/prfaq.js → dist/), run N times, against a bare
// `node -e 0` on the same machine. Builds dist/ first when it is stale. Prints figures; never fails on time.
// Usage: npx tsx bench/cli-help.ts [--runs 21]
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, printTable, round, writeResults } from "./lib.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "21" } } });
const runs = Number(values.runs);

const built = spawnSync(process.execPath, [path.join(ROOT, "scripts/build.mjs"), "--if-stale"], { stdio: "inherit" });
if (built.status !== 0) throw new Error("the build failed");

/** Wall time of `node args` in ms, `runs` times after one warm-up (the file cache). */
function time(args: string[]): number[] {
  const once = () => {
    const started = performance.now();
    const child = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
    if (child.status !== 0) throw new Error(`node ${args.join(" ")} exited ${child.status}`);
    return performance.now() - started;
  };
  once();
  return Array.from({ length: runs }, once).sort((a, b) => a - b);
}

const median = (ms: number[]) => ms[Math.floor(ms.length / 2)] ?? 0;
const help = time([path.join(ROOT, "bin/prfaq.js"), "--help"]);
const bare = time(["-e", "0"]);
const figures = {
  runs,
  helpMedianMs: round(median(help)),
  helpRangeMs: [round(help[0] ?? 0), round(help.at(-1) ?? 0)],
  nodeMedianMs: round(median(bare)),
  overMedianNodeMs: round(median(help) - median(bare)),
};
printTable("prfaq --help (built) against node -e 0, wall time", [
  { command: "prfaq --help", "median ms": figures.helpMedianMs, "min-max ms": figures.helpRangeMs.join("-") },
  { command: "node -e 0", "median ms": figures.nodeMedianMs, "min-max ms": `${round(bare[0] ?? 0)}-${round(bare.at(-1) ?? 0)}` },
]);
await writeResults("cli-help", figures);
