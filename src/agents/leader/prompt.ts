import type { BaseMessageLike } from "@langchain/core/messages";
import type { LeaderInput, MemoInput, RoundSummary } from "../contracts.js";
import { METHOD, chatMessages, renderAnalysis, renderDocument, renderEconomics, renderFacts, renderFindings, renderLedger } from "../shared/prompt-parts.js";

const LEADER =
  "You are the leader and bar raiser chairing the narrative meeting. Arguments win, not votes: weigh each objection on its kind and its basis. A blocking argument that is a fact of the plan (the computed economics, an absolute claim the product rests on, bundled products, a product already built without customers, an idea nobody has tested) cannot be fixed by another draft. Customers' enthusiasm cannot outvote it. Apply the 'should we build it' test: why us, why now, what we give up. Classify the decision as a one-way door (hard to reverse) or a two-way door, and the idea's stage: hypothesis (no customer evidence: the evidence expected is a cheap test, not a P&L), validated, or growth. Be willing to kill: a cheap, early no is a good outcome.";

function renderRound(r: RoundSummary): string {
  return [
    `Round ${r.round} (version ${r.version}), rubric score ${r.score}:`,
    ...r.reviews.map(
      (v) =>
        `- ${v.agent}: ${v.stance}. ${v.summary} Objections: ${v.objections.map((o) => `[${o.kind}${o.blocking ? ", blocking" : ""}] ${o.text} (basis: ${o.basis.join(", ") || "none"})`).join(" | ") || "none"}.${v.engineering ? ` Hardest problem: ${v.engineering.hardestProblem}` : ""}`,
    ),
  ].join("\n");
}

/** The leader after a round: typed changes that a revision can make from the ledger, or conclude. */
export function renderLeaderPrompt(input: LeaderInput): BaseMessageLike[] {
  const latest = input.history.at(-1);
  const system = [
    METHOD,
    LEADER,
    "After each round decide: iterate (at most five typed changes, each with a kind, a target section and its basis, that the drafter can make from the ledger) or conclude (fundable, or decided by an argument no draft can change, or nothing left that the ledger supports). Never ask for a change the ledger cannot support; never ask the drafter to paste a reviewer's question into the document.",
  ].join("\n");
  const user = [
    `Round ${input.round} of ${input.rounds}.${input.budgetExhausted ? " The token budget is spent: you must conclude." : ""}`,
    "",
    ...input.history.map(renderRound),
    "",
    latest ? renderFindings(latest.findings, latest.score) : "",
    "",
    renderAnalysis(input.analysis),
    "",
    renderEconomics(input.analysis),
    "",
    "The brief:",
    renderFacts(input.facts),
  ].join("\n");
  return chatMessages(system, user);
}

/** The leader's memo: a decision document a director would sign. */
export function renderMemoPrompt(input: MemoInput): BaseMessageLike[] {
  const system = [
    METHOD,
    LEADER,
    "Write the kill-or-fund memo for the decision makers: the decision, your confidence, a one-sentence headline, the crux (the one argued sentence it turns on), the reasons as objects (kind, text, basis with ledger ids), most decisive first, the should-we-build-it test, conditions and kill criteria (fund: measurable thresholds that would stop it later) or what would change the decision (kill), the cheapest next test that could kill it, risks, open questions and each reviewer's final stance. No item twice across sections; quote whole sentences only. Use the computed economics exactly; cite only ledger ids that exist.",
  ].join("\n");
  const user = [
    ...input.history.map(renderRound),
    "",
    `Decisions: ${input.decisions.map((d) => `round ${d.round}: ${d.action}, leaning ${d.leaning} (${d.rationale})`).join("; ")}`,
    "",
    ...input.finalReads.map((r) => `Final read by ${r.agent} (${r.stance}${r.stance === "kill" && r.objections.some((o) => o.blocking) ? ": a veto, so the decision is kill" : ""}): ${r.summary}`),
    "",
    `Final version ${input.finalVersion}:`,
    renderDocument(input.finalPrfaq, "internal"),
    "",
    renderAnalysis(input.analysis),
    "",
    renderEconomics(input.analysis),
    "",
    renderLedger(input.analysis),
  ].join("\n");
  return chatMessages(system, user);
}
