import type { LedgerStats, RunOutcome } from "./run-ledger.js";
import { emptyStats, RUN_SECONDS_BUCKETS } from "./run-ledger.js";

/** What the ledger clears when a run finishes: its graph checkpoints (a LangGraph saver has this method). */
export type ThreadCleaner = { deleteThread(threadId: string): Promise<void> };

/**
 * The counters one finished run adds, as flat fields (`runs_completed`, `calls:<role>`, ...): the Redis
 * ledger adds them to its stats hash, the memory ledger to a map; {@link statsFromCounters} reads either.
 */
export function finishIncrements(outcome: RunOutcome, seconds: number | undefined): [field: string, by: number][] {
  const out: [string, number][] = [[`runs_${outcome.status}`, 1]];
  if (seconds !== undefined) {
    out.push(["run_seconds_sum", seconds], ["run_seconds_count", 1]);
    // The histogram's bucket of this run (not cumulative here: /metrics adds them up); +Inf is the count.
    const bucket = RUN_SECONDS_BUCKETS.find((le) => seconds <= le);
    if (bucket !== undefined) out.push([`run_seconds_bucket:${bucket}`, 1]);
  }
  if (outcome.status === "completed") {
    for (const [role, u] of Object.entries(outcome.usage.byRole ?? {})) {
      out.push([`calls:${role}`, u.calls], [`prompt_tokens:${role}`, u.promptTokens], [`completion_tokens:${role}`, u.completionTokens]);
      // An unknown cost adds nothing to the cost counter (no NaN, no $0 that looks like free): its calls are counted apart.
      out.push(u.costUsd === null ? [`unpriced_calls:${role}`, u.calls] : [`cost_usd:${role}`, u.costUsd]);
    }
  }
  for (const { node, ms } of outcome.steps ?? []) out.push([`step_seconds_sum:${node}`, ms / 1000], [`step_seconds_count:${node}`, 1]);
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
  const fields = { calls: "calls", prompt_tokens: "promptTokens", completion_tokens: "completionTokens", cost_usd: "costUsd", unpriced_calls: "unpricedCalls" } as const;
  for (const [key, value] of Object.entries(flat)) {
    const colon = key.indexOf(":");
    if (colon < 0) continue;
    const [kind, name] = [key.slice(0, colon), key.slice(colon + 1)];
    if (kind in fields) role(name)[fields[kind as keyof typeof fields]] = num(value);
    else if (kind === "run_seconds_bucket") stats.runSeconds.buckets[name] = num(value);
    else if (kind === "step_seconds_sum") (stats.steps[name] ??= { sum: 0, count: 0 }).sum = num(value);
    else if (kind === "step_seconds_count") (stats.steps[name] ??= { sum: 0, count: 0 }).count = num(value);
  }
  return stats;
}
