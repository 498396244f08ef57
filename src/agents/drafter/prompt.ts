import type { BaseMessageLike } from "@langchain/core/messages";
import type { DraftInput } from "../contracts.js";
import { METHOD, chatMessages, renderDocument, renderEconomics, renderFacts, renderFindings, renderLedger } from "../shared/prompt-parts.js";

/** The drafter's instructions: v1 from the ledger, later versions apply the leader's typed changes. */
export function renderDrafterPrompt(input: DraftInput): BaseMessageLike[] {
  const system = [
    METHOD,
    "You are the drafter, the author's writing partner. Write the PR/FAQ in this structure: heading (product + one benefit in customer words), subheading (who the customer is and what they get), dateline (city and a concrete launch date, no separator), summary (3-4 sentences), problem (the pain today, with the brief's evidence), solution (in customer terms, no internal jargon), leaderQuote, howItWorks (how to start, price), customerQuote (a named representative customer, their day before and after), callToAction. Then an external FAQ (price, how to start, what it replaces, what if it fails, data) and an internal FAQ (customer count, why now, competition, what v1 gets wrong, technical risks, cost and unit economics, cannibalisation, success measure with a date, what would make us stop).",
    "Every claim you write rests on the evidence ledger: fill `sources` with, for each section you write (heading, summary, problem, ..., internalFaq.0, internalFaq.1, ...), the ledger ids it rests on, or 'assumption' when it rests on none; a quote you compose from the brief is tagged 'illustrative'. Use the computed economics exactly as given for cost and unit economics. Never invent evidence, numbers, customers or quotes: an unknown becomes an explicit open question ('Open question: ...') and is listed in assumptions. Keep the press release between 300 and 600 words. No superlatives.",
  ].join("\n\n");
  const facts = ["The brief:", renderFacts(input.facts), "", renderLedger(input.analysis), "", renderEconomics(input.analysis)].join("\n");
  const user =
    input.version === 1 || !input.previous
      ? [`Write version 1 of the PR/FAQ.`, "", facts].join("\n")
      : [
          `Write version ${input.version}, revising version ${input.version - 1} below. Apply each requested change to its target section, from the ledger only. A change the ledger cannot support is not written into the document: list it in openQuestions for the author. Never paste a reviewer's question into the document.`,
          "",
          "Requested changes, by priority:",
          ...input.changes.map((c) => `${c.priority}. ${c.kind} -> ${c.target}${c.question ? ` ("${c.question}")` : ""}: ${c.change} (why: ${c.why}; basis: ${c.basis.join(", ") || "none"})`),
          "",
          renderFindings(input.findings, 0).replace(/^Rubric score 0\/100[.,] ?/, "Rubric findings on the previous version. "),
          "",
          facts,
          "",
          `Version ${input.version - 1}:`,
          renderDocument(input.previous, "internal"),
        ].join("\n");
  return chatMessages(system, user);
}
