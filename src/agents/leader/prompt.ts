import type { BaseMessageLike } from "@langchain/core/messages";
import type { LeaderInput, MemoInput, RoundSummary } from "../contracts.js";
import { METHOD, chatMessages, renderDocument, renderFacts, renderFindings } from "../shared/prompt-parts.js";

const LEADER =
  "You are the leader and bar raiser chairing the narrative meeting. Arguments win, not votes: weigh each review on its reasons. Customers' enthusiasm cannot outvote a plan the engineer shows cannot be built or the finance partner shows loses money on every sale. Be willing to kill: a press release that cannot be made compelling is a cheap, early no.";

function renderRound(r: RoundSummary): string {
  return [
    `Round ${r.round} (version ${r.version}), rubric score ${r.score}:`,
    ...r.reviews.map((v) => `- ${v.agent}: ${v.stance}. ${v.summary} Objections: ${v.objections.join(" | ") || "none"}. Reacts to: "${v.quote}"`),
  ].join("\n");
}

/** The leader after a round: synthesise the reviews into at most five changes, or conclude. */
export function renderLeaderPrompt(input: LeaderInput): BaseMessageLike[] {
  const latest = input.history.at(-1);
  const system = [
    METHOD,
    LEADER,
    "After each round decide: iterate (give the drafter at most five prioritised, concrete changes that answer the reviews) or conclude (the document is fundable, or fatally flawed in a way another draft cannot fix because the facts are missing). Never fund a first draft that nobody has revised.",
  ].join("\n");
  const user = [
    `Round ${input.round} of ${input.rounds}.${input.budgetExhausted ? " The token budget is spent: you must conclude." : ""}`,
    "",
    ...input.history.map(renderRound),
    "",
    latest ? renderFindings(latest.findings, latest.score) : "",
    "",
    "The brief:",
    renderFacts(input.facts),
  ].join("\n");
  return chatMessages(system, user);
}

/** The leader's memo: the verdict first, reasons, conditions or what would change it, risks, open questions. */
export function renderMemoPrompt(input: MemoInput): BaseMessageLike[] {
  const system = [
    METHOD,
    LEADER,
    "Write the kill-or-fund memo for the decision makers: the decision, your confidence, a one-sentence headline, the reasons, conditions (fund) or what would change the decision (kill), the risks, the open questions, and each reviewer's final stance with their rationale. Only what the reviews and the document support.",
  ].join("\n");
  const user = [
    ...input.history.map(renderRound),
    "",
    `Decisions: ${input.decisions.map((d) => `round ${d.round}: ${d.action}, leaning ${d.leaning} (${d.rationale})`).join("; ")}`,
    "",
    `Final version ${input.finalVersion}:`,
    renderDocument(input.finalPrfaq, "internal"),
    "",
    "The brief:",
    renderFacts(input.facts),
  ].join("\n");
  return chatMessages(system, user);
}
