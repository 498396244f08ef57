import type { BaseMessageLike } from "@langchain/core/messages";
import type { BriefFacts } from "../../domain/brief.js";
import type { Finding } from "../../domain/finding.js";
import type { Prfaq } from "../../domain/prfaq.js";
import { renderPrfaqMarkdown } from "../../domain/prfaq-markdown.js";

/** The method in one paragraph: every role's prompt starts from it. */
export const METHOD =
  "This is an Amazon-style Working Backwards review. A PR/FAQ is a mock press release written as if the product launched today, for the customer, followed by an external FAQ (what customers ask) and an internal FAQ (what skeptical stakeholders ask). Good PR/FAQs name a specific customer and their pain with evidence, promise one benefit in customer words, avoid superlatives and internal jargon, give a concrete launch date, define success as a number with a date, and ask the hard internal questions. Killing an idea early is a good outcome when the document cannot be made compelling.";

/** The rubric findings as a list the model can cite. */
export function renderFindings(findings: Finding[], score: number): string {
  if (findings.length === 0) return `Rubric score ${score}/100, no findings.`;
  return [`Rubric score ${score}/100. Findings (check, severity, what to change, evidence):`, ...findings.map((f) => `- [${f.check}] ${f.severity}: ${f.message} Evidence: "${f.evidence}"`)].join("\n");
}

/** The brief's named parts; empty parts are said to be missing so nobody invents them. */
export function renderFacts(facts: BriefFacts): string {
  const parts: [string, string][] = [
    ["Customer", facts.customer], ["Problem", facts.problem], ["Solution", facts.solution], ["Evidence", facts.evidence],
    ["Business", facts.business], ["Success measure", facts.metrics], ["Launch", facts.launch], ["Risks", facts.risks], ["Other", facts.other],
  ];
  return [`Title: ${facts.title}`, ...parts.map(([k, v]) => `${k}: ${v.trim() ? v : "(the brief does not say)"}`)].join("\n");
}

/** The document as a reader sees it: customers get the press release and the external FAQ only. */
export function renderDocument(doc: Prfaq, audience: "customer" | "internal"): string {
  return renderPrfaqMarkdown(audience === "customer" ? { ...doc, internalFaq: [] } : doc);
}

/** A role's prompt as chat messages: its instructions, then what it reads. */
export function chatMessages(system: string, user: string): BaseMessageLike[] {
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}
