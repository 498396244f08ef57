import type { MemoDraft, RoundSummary } from "../agents/contracts.js";
import type { CheckId } from "../domain/finding.js";
import type { Memo } from "../domain/memo.js";
import type { Prfaq } from "../domain/prfaq.js";

/** Completes the leader's memo with what the graph knows: the scorecard per round and which findings each round fixed. */
export function completeMemo(
  draft: MemoDraft,
  ctx: { runId: string; title: string; engine: string; history: RoundSummary[]; finalPrfaq: Prfaq; finalVersion: number },
): Memo {
  const fixedFindings: { check: CheckId; round: number }[] = [];
  ctx.history.forEach((round, i) => {
    const before = ctx.history[i - 1];
    if (!before) return;
    const now = new Set(round.findings.map((f) => f.check));
    for (const check of new Set(before.findings.map((f) => f.check))) {
      if (!now.has(check)) fixedFindings.push({ check, round: round.round });
    }
  });
  return {
    ...draft,
    runId: ctx.runId,
    title: ctx.title,
    engine: ctx.engine,
    scorecard: ctx.history.map((h) => ({
      round: h.round,
      version: h.version,
      score: h.score,
      stances: Object.fromEntries(h.reviews.map((r) => [r.agent, r.stance])),
    })),
    fixedFindings,
    remainingFindings: [...new Set(ctx.history.at(-1)?.findings.map((f) => f.check) ?? [])],
    rounds: ctx.history.length,
    finalVersion: ctx.finalVersion,
    finalPrfaq: ctx.finalPrfaq,
  };
}
