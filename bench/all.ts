// Runs every benchmark in sequence, each in its own process (its own Redis, fake model and services),
// then prints a summary of the figures from bench/results/*.json. Prints figures; never fails on time.
// Usage: npx tsx bench/all.ts   (npm run bench)
import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ROOT, printTable, round, writeResults } from "./lib.js";

const BENCHES = ["orchestration", "throughput", "streaming", "offline", "cli-help"] as const;

function run(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    console.log(`\n=== bench/${name}.ts ===`);
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, `bench/${name}.ts`)], { cwd: ROOT, stdio: "inherit" });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.once("SIGINT", forward);
    process.once("SIGTERM", forward);
    child.once("error", reject);
    child.once("exit", (code) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? 1);
    });
  });
}

const started = performance.now();
const seconds: Record<string, number> = {};
const failed: string[] = [];
for (const name of BENCHES) {
  const t0 = performance.now();
  if ((await run(name)) !== 0) failed.push(name);
  seconds[name] = round((performance.now() - t0) / 1000, 1);
}
const total = round((performance.now() - started) / 1000, 1);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
const load = async (name: string): Promise<Any> => JSON.parse(await readFile(path.join(ROOT, `bench/results/${name}.json`), "utf8")).figures;
const [o, t, s, off, help] = await Promise.all(BENCHES.map((n) => load(n).catch(() => undefined)));
const rows: { figure: string; value: string; goal: string }[] = [];
if (o) {
  rows.push({ figure: `1. orchestration overhead (${o.rounds}-round run, ${o.delayMs} ms per model call): wall / critical path, warm worker`, value: `${o.overhead.ratio} (${o.overhead.wallMs} / ${o.overhead.criticalPathMs} ms; runs ${o.overhead.range.join("–")})`, goal: "≤ 1.05" });
  rows.push({ figure: "   the same on a fresh worker (its first runs)", value: `${o.freshOverhead.ratio} (runs ${o.freshOverhead.range.join("–")})`, goal: "" });
  rows.push({ figure: "2. parallel reviewers: wall / wall with sequential reviewers (measured)", value: `${o.parallelism.measuredRatio} (${o.parallelism.parallelWallMs} / ${o.parallelism.sequentialWallMs} ms)`, goal: "" });
  rows.push({ figure: "   parallel wall / sum of all model calls (computed)", value: `${o.parallelism.computedRatio}`, goal: "" });
  rows.push({ figure: "5. prompt tokens per run vs naive shared chat history", value: `${o.tokens.ratioVsHistory} (${o.tokens.promptTokensPerRun} / ${o.tokens.naiveHistoryPromptTokens})`, goal: "< 0.5" });
  rows.push({ figure: "   vs naive whole transcript to every call", value: `${o.tokens.ratioVsTranscript} (${o.tokens.promptTokensPerRun} / ${o.tokens.naiveTranscriptPromptTokens})`, goal: "< 0.5" });
}
if (t) {
  for (const b of t.batches as Any[]) rows.push({ figure: `3. runs/min, ${b.workers} worker process(es), ${b.runs} runs at once (${t.rounds} rounds, ${t.delayMs} ms/call)`, value: `${b.runsPerMinute} (p50 latency ${b.latencyP50Ms} ms, ${b.rssPerActiveRunKiB} KiB RSS per active run)`, goal: "" });
  if (t.together) rows.push({ figure: "   20 runs together vs one alone (latency, p50 / slowest)", value: `${t.together.ratioP50} / ${t.together.ratioMax}`, goal: "≤ 2" });
}
if (s) {
  for (const f of s.fanOuts as Any[]) rows.push({ figure: `4. append → SSE client, ${f.clients} client(s), p50 / p99`, value: `${f.p50Ms} / ${f.p99Ms} ms`, goal: "" });
  const first = (s.postToEvents as Any[])[0];
  if (first) rows.push({ figure: "   POST /v1/reviews → first event received, p50 / p99", value: `${first.p50Ms} / ${first.p99Ms} ms`, goal: "" });
}
if (off) rows.push({ figure: `6. offline engine meetings/s on one core`, value: `${off.meetingsPerSecond} (${off.msPerMeeting} ms per meeting)`, goal: "" });
if (help) rows.push({ figure: "7. prfaq --help (built), median wall time; node -e 0 beside it", value: `${help.helpMedianMs} ms (node ${help.nodeMedianMs} ms)`, goal: "< 300 ms" });

printTable(`Summary (total ${total} s; ${Object.entries(seconds).map(([k, v]) => `${k} ${v} s`).join(", ")})`, rows);
await writeResults("all", { totalSeconds: total, seconds, failed, summary: rows });
if (failed.length > 0) {
  console.error(`\nbenchmarks that broke: ${failed.join(", ")}`);
  process.exitCode = 1;
}
