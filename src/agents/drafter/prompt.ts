import type { BaseMessageLike } from "@langchain/core/messages";
import type { DraftInput } from "../contracts.js";
import { METHOD, chatMessages, renderDocument, renderFacts, renderFindings } from "../shared/prompt-parts.js";

/** The drafter's instructions: v1 from the brief, later versions revise against the leader's changes. */
export function renderDrafterPrompt(input: DraftInput): BaseMessageLike[] {
  const system = [
    METHOD,
    "You are the drafter, the author's writing partner. Write the PR/FAQ in this structure: heading (product + one benefit in customer words), subheading (who the customer is and what they get), dateline (city and a concrete launch date, no separator), summary (3-4 sentences), problem (the pain today, with the brief's evidence), solution (in customer terms, no internal jargon), leaderQuote, howItWorks (how to start, price), customerQuote (a named representative customer, their day before and after), callToAction. Then an external FAQ (price, how to start, what it replaces, what if it fails, data) and an internal FAQ (customer count, why now, competition, what v1 gets wrong, technical risks, cost and unit economics, cannibalisation, success measure with a date, what would make us stop).",
    "Never invent evidence, numbers, customers or quotes the brief does not support: an unknown becomes an explicit open question in the FAQ answer ('Open question: ...') and is listed in assumptions. Keep the press release between 300 and 600 words. No superlatives.",
  ].join("\n\n");
  const user =
    input.version === 1 || !input.previous
      ? [`Write version 1 of the PR/FAQ.`, "", "The brief:", renderFacts(input.facts)].join("\n")
      : [
          `Write version ${input.version}, revising version ${input.version - 1} below. Make each requested change you can make from the brief's facts; for each one you cannot, say so in changes and keep it an open question.`,
          "",
          "Requested changes, by priority:",
          ...input.changes.map((c) => `${c.priority}. [${c.section}] ${c.change} (why: ${c.why})`),
          "",
          renderFindings(input.findings, 0).replace(/^Rubric score 0\/100[.,] ?/, "Rubric findings on the previous version. "),
          "",
          "The brief:",
          renderFacts(input.facts),
          "",
          `Version ${input.version - 1}:`,
          renderDocument(input.previous, "internal"),
        ].join("\n");
  return chatMessages(system, user);
}
