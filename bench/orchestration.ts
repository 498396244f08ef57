// Orchestration overhead, reviewer parallelism and prompt tokens of one model-engine review meeting,
// against the fake OpenAI server with a fixed latency per call, so the figures measure the service
// (graph, Redis, events, checkpoints), not a model. Prints figures; never fails on time.
// Usage: npx tsx bench/orchestration.ts [--delay 200] [--runs 5] [--rounds 3] [--warmup 40]
import { parseArgs } from "node:util";
import { benchRedis, childStack, main, median, postReview, printTable, round, startFakeModelProcess, startModelProxy, streamSse, writeResults, type FakeRequest, type FakeState, type ProxyRecord } from "./lib.js";

const { values } = parseArgs({ options: { delay: { type: "string", default: "200" }, runs: { type: "string", default: "5" }, rounds: { type: "string", default: "3" }, warmup: { type: "string", default: "40" } } });
const delayMs = Number(values.delay);
const measuredRuns = Number(values.runs);
const rounds = Number(values.rounds);
const warmupRuns = Number(values.warmup);

const REVIEWERS = new Set(["customer_review", "engineer_review", "finance_review"]);
/** Time between model calls, summed over the run, by the step boundary it falls on (ms). */
type Gaps = { draftToReviewers: number; reviewersToLeader: number; leaderToNext: number; reviewerStartSpread: number };
type Timed = Pick<FakeRequest, "name" | "startedAt" | "endedAt">;

/**
 * The critical path of a run's model calls: per round the drafter, the slowest reviewer and the leader
 * (reviewers run in parallel), plus the memo. `sequential` is the same with every reviewer call added up.
 */
export function modelPaths(calls: Timed[]): { critical: number; sequential: number; calls: number; reviewerCalls: number; rounds: number; gaps: Gaps } {
  const sorted = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const perRound: { drafter: number; reviewers: number[]; leader: number }[] = [];
  let memo = 0;
  for (const c of sorted) {
    const ms = c.endedAt - c.startedAt;
    if (c.name === "prfaq_draft") perRound.push({ drafter: ms, reviewers: [], leader: 0 });
    const current = perRound.at(-1);
    if (!current) continue;
    if (REVIEWERS.has(c.name)) current.reviewers.push(ms);
    else if (c.name === "leader_decision") current.leader += ms;
    else if (c.name === "memo") memo += ms;
  }
  // Gaps between steps: from one step's last model answer to the next step's first model request.
  const gaps: Gaps = { draftToReviewers: 0, reviewersToLeader: 0, leaderToNext: 0, reviewerStartSpread: 0 };
  let prev: { kind: string; end: number } | undefined;
  let reviewerStarts: number[] = [];
  let reviewerEnd = 0;
  for (const c of sorted) {
    const kind = REVIEWERS.has(c.name) ? "review" : c.name;
    if (kind === "review") {
      if (prev && prev.kind === "prfaq_draft") gaps.draftToReviewers += c.startedAt - prev.end;
      reviewerStarts.push(c.startedAt);
      reviewerEnd = Math.max(reviewerEnd, c.endedAt);
      prev = { kind: "review-batch", end: reviewerEnd };
      continue;
    }
    if (prev?.kind === "review-batch") {
      gaps.reviewersToLeader += c.startedAt - prev.end;
      gaps.reviewerStartSpread += Math.max(...reviewerStarts) - Math.min(...reviewerStarts);
      reviewerStarts = [];
      reviewerEnd = 0;
    } else if (prev?.kind === "leader_decision") gaps.leaderToNext += c.startedAt - prev.end;
    prev = { kind, end: c.endedAt };
  }
  const critical = perRound.reduce((sum, r) => sum + r.drafter + Math.max(0, ...r.reviewers) + r.leader, 0) + memo;
  const sequential = perRound.reduce((sum, r) => sum + r.drafter + r.reviewers.reduce((a, b) => a + b, 0) + r.leader, 0) + memo;
  return { critical, sequential, calls: sorted.length, reviewerCalls: perRound.reduce((n, r) => n + r.reviewers.length, 0), rounds: perRound.length, gaps };
}

/** Tokens as the fake server counts them: a quarter of the characters, rounded up. */
const tokens = (text: string) => Math.ceil(text.length / 4);

/**
 * Prompt tokens of the same meeting under two naive designs, simulated from the recorded calls (in the
 * order they were made, one at a time):
 *  - history: one shared chat history. Call i sends its own system prompt, then the non-system messages
 *    of every call so far (its own included) and the answers of every earlier call.
 *  - transcript: call i sends its own system prompt and its own task (user messages), plus every
 *    earlier answer (the whole meeting transcript so far).
 * In both, reviewers of the same round do not see each other (silent reading, as in the real design).
 */
export function naiveTokens(records: ProxyRecord[]): { actual: number; history: number; transcript: number } {
  const group = (i: number) => {
    // Reviewer calls of one round share a group; every other call is its own group.
    let roundNo = 0;
    for (let j = 0; j <= i; j++) if (records[j]!.name === "prfaq_draft") roundNo += 1;
    return REVIEWERS.has(records[i]!.name) ? `r${roundNo}` : `c${i}`;
  };
  const groups = records.map((_, i) => group(i));
  const system = (r: ProxyRecord) => r.messages.filter((m) => m.role === "system").map((m) => m.content).join("");
  const user = (r: ProxyRecord) => r.messages.filter((m) => m.role !== "system").map((m) => m.content).join("");
  let actual = 0;
  let history = 0;
  let transcript = 0;
  records.forEach((r, i) => {
    actual += tokens(r.messages.map((m) => m.content).join(""));
    const earlier = records.slice(0, i).filter((_, j) => groups[j] !== groups[i]);
    history += tokens(system(r) + earlier.map((e) => user(e) + e.answer).join("") + user(r));
    transcript += tokens(system(r) + user(r) + earlier.map((e) => e.answer).join(""));
  });
  return { actual, history, transcript };
}

type RunTiming = { gaps: Gaps; id: string; wallMs: number; endToEndMs: number; critical: number; sequential: number; calls: number; reviewerCalls: number; promptTokens: number; beforeFirstCallMs: number; afterLastCallMs: number };

async function timedRun(url: string, fake: { state: (since?: number) => Promise<FakeState> }): Promise<RunTiming> {
  const before = await fake.state(Number.MAX_SAFE_INTEGER);
  const t0 = performance.now();
  const id = await postReview(url, { rounds, engine: "openai" });
  let last = "";
  await streamSse(`${url}/v1/reviews/${id}/events`, (e) => (last = e.event)).done;
  const endToEndMs = performance.now() - t0;
  if (last !== "run.completed") throw new Error(`run ${id} ended with ${last}`);
  const run = (await (await fetch(`${url}/v1/reviews/${id}`)).json()) as { startedAt: string; finishedAt: string };
  const after = await fake.state(before.total);
  const calls = after.requests;
  const paths = modelPaths(calls);
  const startedAt = Date.parse(run.startedAt);
  const finishedAt = Date.parse(run.finishedAt);
  return {
    id,
    wallMs: finishedAt - startedAt,
    endToEndMs,
    ...paths,
    promptTokens: after.usage.promptTokens - before.usage.promptTokens,
    // Where the overhead sits: before the first model call, after the last, and (the rest) between calls.
    beforeFirstCallMs: Math.min(...calls.map((c) => c.startedAt)) - startedAt,
    afterLastCallMs: finishedAt - Math.max(...calls.map((c) => c.endedAt)),
  };
}

/** One run's row in the per-run table. */
const timingRow = (run: string, r: RunTiming) => ({ run, "wall ms": r.wallMs, "POST→end ms": round(r.endToEndMs, 0), "critical path ms": r.critical, "sum of calls ms": r.sequential, "wall/critical": round(r.wallMs / r.critical, 3), "before 1st call ms": r.beforeFirstCallMs, "after last call ms": r.afterLastCallMs });

/** The lowest and highest wall / critical ratio of a set of runs. */
function ratioRange(runs: RunTiming[]): [number, number] {
  const ratios = runs.map((r) => r.wallMs / r.critical);
  return [round(Math.min(...ratios), 3), round(Math.max(...ratios), 3)];
}

await main(async () => {
  const redis = await benchRedis("orchestration");
  // The fake model runs in a process of its own, as a real model's server would: its CPU (parsing
  // requests, building answers) never waits on the bench's own work (reading the SSE streams).
  const fake = await startFakeModelProcess({ delayMs, rounds, completionTokens: 400 });
  const env = { REDIS_URL: redis.url, PRFAQ_ENGINE: "openai", OPENAI_API_KEY: "bench", PRFAQ_MODEL_MAX_RETRIES: "0", PRFAQ_MAX_ACTIVE_RUNS: "1000", PRFAQ_RATE_LIMIT_PER_MIN: "100000" };

  // 1. Parallel reviewers (the real design), straight to the fake server; API and worker in their own
  // processes too. First a fresh worker (one run to load the code, then the measured runs), then the
  // same worker warmed by `warmupRuns` runs at once: a worker serves run after run, and its steady
  // state, once V8 has compiled the hot code, is what the goal is about. Both are reported.
  let stack = await childStack({ ...env, OPENAI_BASE_URL: fake.url });
  await timedRun(stack.url, fake);
  const fresh: RunTiming[] = [];
  for (let i = 0; i < measuredRuns; i++) fresh.push(await timedRun(stack.url, fake));
  await Promise.all(Array.from({ length: warmupRuns }, () => timedRun(stack.url, fake)));
  const parallel: RunTiming[] = [];
  for (let i = 0; i < measuredRuns; i++) parallel.push(await timedRun(stack.url, fake));
  await stack.stop();

  // 2. The same run with the model endpoint letting one call through at a time: reviewers become sequential.
  const proxy = await startModelProxy(fake.url, { serial: true });
  stack = await childStack({ ...env, OPENAI_BASE_URL: proxy.url });
  const sequential: RunTiming[] = [];
  await timedRun(stack.url, fake);
  proxy.records.length = 0;
  for (let i = 0; i < measuredRuns; i++) {
    const before = proxy.records.length;
    sequential.push(await timedRun(stack.url, fake));
    if (i === 0) proxy.records.splice(0, before); // keep one run's calls for the token figures
  }
  const oneRun = proxy.records.slice(0, proxy.records.length / measuredRuns);
  await stack.stop();

  const wall = median(parallel.map((r) => r.wallMs));
  const critical = median(parallel.map((r) => r.critical));
  const freshWall = median(fresh.map((r) => r.wallMs));
  const freshCritical = median(fresh.map((r) => r.critical));
  const seqSum = median(parallel.map((r) => r.sequential));
  const seqWall = median(sequential.map((r) => r.wallMs));
  const overhead = wall / critical;
  const tok = naiveTokens(oneRun);
  const first = parallel[0]!;

  printTable(`Per run (model engine, ${rounds} rounds, fake model ${delayMs} ms per call, ${first.calls} calls of which ${first.reviewerCalls} reviewer calls)`, [
    ...fresh.map((r, i) => timingRow(`fresh ${i + 1}`, r)),
    ...parallel.map((r, i) => timingRow(`warm ${i + 1}`, r)),
    ...sequential.map((r, i) => timingRow(`sequential ${i + 1}`, r)),
  ]);
  const figures = {
    delayMs,
    rounds,
    runs: measuredRuns,
    modelCallsPerRun: first.calls,
    reviewerCallsPerRun: first.reviewerCalls,
    warmupRuns,
    // The goal is read on the warm worker; the fresh worker's figure is the same measure on its first runs.
    freshOverhead: { wallMs: freshWall, criticalPathMs: freshCritical, ratio: round(freshWall / freshCritical, 3), range: ratioRange(fresh) },
    overhead: { wallMs: wall, criticalPathMs: critical, ratio: round(overhead, 3), range: ratioRange(parallel), goal: 1.05, meetsGoal: overhead <= 1.05, overheadMsPerModelCall: round((wall - critical) / first.calls, 1), beforeFirstCallMs: median(parallel.map((r) => r.beforeFirstCallMs)), afterLastCallMs: median(parallel.map((r) => r.afterLastCallMs)),
      gapsMs: Object.fromEntries((["draftToReviewers", "reviewersToLeader", "leaderToNext", "reviewerStartSpread"] as const).map((k) => [k, median(parallel.map((r) => r.gaps[k]))])) },
    parallelism: {
      // Like for like: the sequential stack is a fresh worker too.
      parallelWallMs: freshWall,
      sequentialWallMs: seqWall,
      measuredRatio: round(freshWall / seqWall, 3),
      sequentialSumOfCallsMs: seqSum,
      computedRatio: round(wall / seqSum, 3),
      method: "measured: the same run through a proxy that lets one model call through at a time; computed: parallel wall / sum of all call durations of the parallel run",
    },
    tokens: {
      promptTokensPerRun: tok.actual,
      fakeServerPromptTokensPerRun: first.promptTokens,
      naiveHistoryPromptTokens: tok.history,
      naiveTranscriptPromptTokens: tok.transcript,
      ratioVsHistory: round(tok.actual / tok.history, 3),
      ratioVsTranscript: round(tok.actual / tok.transcript, 3),
      goal: 0.5,
      meetsGoal: tok.actual / tok.history < 0.5,
    },
    perRun: { fresh, warm: parallel, sequential },
  };
  printTable("Figures", [
    { figure: `orchestration overhead, warm worker (after ${warmupRuns} runs)`, value: `${figures.overhead.ratio}  (${wall} ms / ${critical} ms; ${figures.overhead.overheadMsPerModelCall} ms per call; runs ${figures.overhead.range.join("–")})`, goal: "≤ 1.05" },
    { figure: "orchestration overhead, fresh worker (its first runs)", value: `${figures.freshOverhead.ratio}  (${freshWall} ms / ${freshCritical} ms; runs ${figures.freshOverhead.range.join("–")})`, goal: "" },
    { figure: "parallel / sequential reviewers, measured (wall / wall, fresh workers)", value: `${figures.parallelism.measuredRatio}  (${freshWall} ms / ${seqWall} ms)`, goal: "" },
    { figure: "parallel / sequential reviewers, computed (wall / sum of calls)", value: `${figures.parallelism.computedRatio}  (${wall} ms / ${seqSum} ms)`, goal: "" },
    { figure: "prompt tokens per run", value: `${tok.actual} (fake server counted ${first.promptTokens})`, goal: "" },
    { figure: "vs naive shared chat history", value: `${figures.tokens.ratioVsHistory}  (${tok.actual} / ${tok.history})`, goal: "< 0.5" },
    { figure: "vs naive whole transcript per call", value: `${figures.tokens.ratioVsTranscript}  (${tok.actual} / ${tok.transcript})`, goal: "< 0.5" },
  ]);
  const g = figures.overhead.gapsMs as Record<string, number>;
  console.log(`\nWhere the overhead sits (median run, ms summed over the run): before the first model call ${figures.overhead.beforeFirstCallMs}, after the last ${figures.overhead.afterLastCallMs},`);
  console.log(`  drafter answer → reviewer requests ${g.draftToReviewers}, last reviewer answer → leader request ${g.reviewersToLeader}, leader answer → next drafter/memo request ${g.leaderToNext}; reviewer requests start within ${g.reviewerStartSpread} of each other`);
  await writeResults("orchestration", figures);
  await fake.stop();
});
