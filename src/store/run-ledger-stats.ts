import type { Durations, LedgerStats, RunOutcome } from "./run-ledger.js";
import { emptyStats, RUN_SECONDS_BUCKETS, STEP_SECONDS_BUCKETS } from "./run-ledger.js";

/** What the ledger clears when a run finishes: its graph checkpoints (a LangGraph saver has this method). */
export type ThreadCleaner = { deleteThread(threadId: string): Promise<void> };

/**
 * The counters one duration adds to a histogram: `<name>_sum`, `<name>_count` and its bucket,
 * `<name>_bucket:<le>` (not cumulative here: /metrics adds them up; +Inf is the count). A labelled series
 * (a step's node) ends each field with `:<series>`.
 */
function durationIncrements(name: string, bounds: readonly number[], seconds: number, series?: string): [string, number][] {
  const tail = series === undefined ? "" : `:${series}`;
  const out: [string, number][] = [[`${name}_sum${tail}`, seconds], [`${name}_count${tail}`, 1]];
  const bucket = bounds.find((le) => seconds <= le);
  if (bucket !== undefined) out.push([`${name}_bucket:${bucket}${tail}`, 1]);
  return out;
}

/**
 * The counters one finished run adds, as flat fields (`runs_completed`, `calls:<role>`, ...): the Redis
 * ledger adds them to its stats hash, the memory ledger to a map; {@link statsFromCounters} reads either.
 */
export function finishIncrements(outcome: RunOutcome, seconds: number | undefined): [field: string, by: number][] {
  const out: [string, number][] = [[`runs_${outcome.status}`, 1]];
  if (seconds !== undefined) out.push(...durationIncrements("run_seconds", RUN_SECONDS_BUCKETS, seconds));
  if (outcome.status === "completed") {
    for (const [role, u] of Object.entries(outcome.usage.byRole ?? {})) {
      out.push([`calls:${role}`, u.calls], [`prompt_tokens:${role}`, u.promptTokens], [`completion_tokens:${role}`, u.completionTokens]);
      // An unknown cost adds nothing to the cost counter (no NaN, no $0 that looks like free): its calls are counted apart.
      out.push(u.costUsd === null ? [`unpriced_calls:${role}`, u.calls] : [`cost_usd:${role}`, u.costUsd]);
    }
  }
  for (const { node, ms } of outcome.steps ?? []) out.push(...durationIncrements("step_seconds", STEP_SECONDS_BUCKETS, ms / 1000, node));
  return out;
}

/** Adds `increments` to a flat counter map. */
export function addCounters(counters: Map<string, number>, increments: readonly [string, number][]): void {
  for (const [field, by] of increments) counters.set(field, (counters.get(field) ?? 0) + by);
}

/** The flat counters (a Redis hash, or the memory ledger's map) as {@link LedgerStats}. */
export function statsFromCounters(flat: Record<string, string | number>): LedgerStats {
  const stats = emptyStats();
  const num = (v: string | number | undefined) => Number(v ?? 0);
  stats.runsCreated = num(flat.runs_created);
  for (const status of ["completed", "failed", "cancelled"] as const) stats.runsFinished[status] = num(flat[`runs_${status}`]);
  stats.runSeconds = { sum: num(flat.run_seconds_sum), count: num(flat.run_seconds_count), buckets: {} };
  const role = (name: string) => (stats.byRole[name] ??= { calls: 0, promptTokens: 0, completionTokens: 0 });
  const step = (node: string): Durations => (stats.steps[node] ??= { sum: 0, count: 0, buckets: {} });
  const fields = { calls: "calls", prompt_tokens: "promptTokens", completion_tokens: "completionTokens", cost_usd: "costUsd", unpriced_calls: "unpricedCalls" } as const;
  for (const [key, value] of Object.entries(flat)) {
    const colon = key.indexOf(":");
    if (colon < 0) continue;
    const [kind, name] = [key.slice(0, colon), key.slice(colon + 1)];
    if (kind in fields) role(name)[fields[kind as keyof typeof fields]] = num(value);
    else if (kind === "run_seconds_bucket") stats.runSeconds.buckets[name] = num(value);
    else if (kind === "step_seconds_sum") step(name).sum = num(value);
    else if (kind === "step_seconds_count") step(name).count = num(value);
    else if (kind === "step_seconds_bucket") {
      // `<le>:<node>`: the bound has no colon, the node may.
      const at = name.indexOf(":");
      step(name.slice(at + 1)).buckets[name.slice(0, at)] = num(value);
    }
  }
  return stats;
}
