import type { MemoDraft, RoundSummary } from "../agents/contracts.js";
import type { Analysis } from "../domain/analysis.js";
import type { CheckId } from "../domain/finding.js";
import type { Memo } from "../domain/memo.js";
import type { Prfaq } from "../domain/prfaq.js";
import { vetoOf, type Review } from "../domain/review.js";

/**
 * Completes the leader's memo with what the graph knows for certain, whichever engine wrote it: the
 * economics model's figures and the ledger (never a model's arithmetic), the door and the stage, the
 * ask, the dissenting seats, what each revision changed, the scorecard per round and which findings
 * each round fixed. The author's open questions join the memo's, once.
 */
export function completeMemo(
  draft: MemoDraft,
  ctx: {
    runId: string;
    title: string;
    engine: string;
    history: RoundSummary[];
    finalPrfaq: Prfaq;
    finalVersion: number;
    analysis: Analysis;
    revisions: { version: number; changes: string[] }[];
    authorQuestions: string[];
    /** The final seats' reads (the bar raiser); a kill from one of them vetoes a fund, whichever engine wrote the memo. */
    finalReads?: Review[];
  },
): Memo {
  const veto = vetoOf(ctx.finalReads ?? []);
  if (veto && draft.decision === "fund") draft = vetoed(draft, veto, ctx.title);
  const fixedFindings: { check: CheckId; round: number }[] = [];
  ctx.history.forEach((round, i) => {
    const before = ctx.history[i - 1];
    if (!before) return;
    const now = new Set(round.findings.map((f) => f.check));
    for (const check of new Set(before.findings.map((f) => f.check))) {
      if (!now.has(check)) fixedFindings.push({ check, round: round.round });
    }
  });
  const last = ctx.history.at(-1);
  // Dissent: the seats whose last stance is against the decision (abstaining seats did not vote), the final reads included.
  const dissent = [...(last?.reviews ?? []), ...(ctx.finalReads ?? [])]
    .filter((r) => r.stance !== "abstain" && r.stance !== draft.decision)
    .map((r) => ({ agent: r.agent, stance: r.stance, text: r.summary }));
  const taken = new Set([...draft.reasons.map((r) => r.text), ...draft.risks, ...draft.whatWouldChange].map((t) => t.toLowerCase()));
  const openQuestions = [...new Set([...draft.openQuestions, ...ctx.authorQuestions])].filter((q) => !taken.has(q.toLowerCase())).slice(0, 10);
  return {
    ...draft,
    openQuestions,
    runId: ctx.runId,
    title: ctx.title,
    engine: ctx.engine,
    ask: ctx.analysis.ask?.text ?? null,
    door: ctx.analysis.door,
    doorWhy: ctx.analysis.doorWhy.text,
    stage: ctx.analysis.stage,
    economics: ctx.analysis.economics,
    ledger: ctx.analysis.ledger,
    dissent,
    changes: ctx.revisions.flatMap((r) => r.changes.map((change) => ({ version: r.version, change }))),
    scorecard: ctx.history.map((h) => ({
      round: h.round,
      version: h.version,
      score: h.score,
      stances: Object.fromEntries(h.reviews.map((r) => [r.agent, r.stance])),
    })),
    fixedFindings,
    remainingFindings: [...new Set(last?.findings.map((f) => f.check) ?? [])],
    rounds: ctx.history.length,
    finalVersion: ctx.finalVersion,
    finalPrfaq: ctx.finalPrfaq,
  };
}

/**
 * A fund the bar raiser vetoed, when the engine's memo did not already turn it (the offline leader does):
 * the decision is kill, the veto is the first reason, and a fund's kill criteria go.
 */
function vetoed(draft: MemoDraft, veto: Review, title: string): MemoDraft {
  const blocking = veto.objections.filter((o) => o.blocking);
  const reasons = [...blocking.map(({ kind, text, basis }) => ({ kind, text, basis: [...basis, veto.agent] })), ...draft.reasons.filter((r) => !blocking.some((b) => b.text === r.text))];
  return {
    ...draft,
    decision: "kill",
    headline: `Kill ${title} as it stands: the bar raiser vetoed the fund.`,
    crux: `It turns on the bar raiser's veto: ${blocking[0]?.text ?? veto.summary}`,
    reasons,
    killCriteria: [],
  };
}
