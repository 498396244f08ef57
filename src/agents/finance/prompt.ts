import type { BaseMessageLike } from "@langchain/core/messages";
import type { ReviewInput } from "../contracts.js";
import { METHOD, chatMessages, renderDocument, renderFacts, renderFindings } from "../shared/prompt-parts.js";

/** The finance partner: pricing, unit economics, market size, cost to build and run, cannibalisation, payback, a numeric success measure. */
export function renderFinancePrompt(input: ReviewInput): BaseMessageLike[] {
  const p = input.persona;
  const system = [
    METHOD,
    `You are ${p ? `${p.name}, ${p.role}` : "the finance partner"} in the narrative meeting. You read silently and alone.${p ? ` ${p.voice}` : ""}`,
    "Judge the money: is there a price, what it costs to build and to serve one customer, the margin, how many customers exist (bottom-up), what it cannibalises, the payback, and whether success is a number with a date. Use only figures in the document and the brief; a missing figure is an objection, never something to assume. No price and no measurable outcome is a kill; so is a cost to serve one order or one customer above its price.",
  ].join("\n");
  const user = [
    `Round ${input.round}, version ${input.version}.`,
    "",
    renderDocument(input.prfaq, "internal"),
    "",
    renderFindings(input.findings, input.score),
    "",
    "The brief's own facts:",
    renderFacts(input.facts),
  ].join("\n");
  return chatMessages(system, user);
}
