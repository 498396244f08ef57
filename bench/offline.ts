// Offline engine meetings per second on one core: runs bench/offline-engine.ts pinned to CPU 0 (taskset,
// when available) and records its figures. Prints figures; never fails on time.
// Usage: npx tsx bench/offline.ts [--runs 300]
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { ROOT, main, printTable, writeResults } from "./lib.js";

const { values } = parseArgs({ options: { runs: { type: "string", default: "300" } } });

await main(async () => {
  const pinned = spawnSync("taskset", ["--version"], { stdio: "ignore" }).status === 0;
  const node = [process.execPath, "--import", "tsx", path.join(ROOT, "bench/offline-engine.ts"), "--runs", values.runs];
  const [cmd, ...args] = pinned ? ["taskset", "-c", "0", ...node] : node;
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(cmd!, args, { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      process.stdout.write(d);
    });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`offline-engine.ts exited with ${code}`))));
  });
  const num = (re: RegExp) => Number(re.exec(output)?.[1] ?? Number.NaN);
  const figures = {
    pinnedToOneCore: pinned,
    meetings: num(/(\d+) meetings over/),
    seconds: num(/in ([\d.]+) s/),
    meetingsPerSecond: num(/([\d.]+) meetings\/s/),
    msPerMeeting: num(/([\d.]+) ms per meeting/),
    eventsPerMeeting: num(/([\d.]+) events per meeting/),
    rssMiB: num(/rss (\d+) MiB/),
  };
  printTable(`Offline engine, in-process, no Redis${pinned ? ", pinned to one core (taskset -c 0)" : ""}`, [
    { "meetings/s": figures.meetingsPerSecond, "ms per meeting": figures.msPerMeeting, "events per meeting": figures.eventsPerMeeting, meetings: figures.meetings },
  ]);
  await writeResults("offline", figures);
});
