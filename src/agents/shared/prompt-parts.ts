import type { BaseMessageLike } from "@langchain/core/messages";
import type { BriefFacts } from "../../domain/brief.js";
import type { Finding } from "../../domain/finding.js";
import type { Prfaq } from "../../domain/prfaq.js";
import { renderPrfaqMarkdown } from "../../domain/prfaq-markdown.js";
import type { Analysis } from "../../domain/analysis.js";

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

/** What each part of the draft rests on (ledger ids, assumption, illustrative), for internal readers. */
export function renderSources(doc: Prfaq): string {
  const entries = Object.entries(doc.sources ?? {}).filter(([, ids]) => ids.length > 0);
  return entries.length > 0 ? ["What each part of the draft rests on:", ...entries.map(([part, ids]) => `- ${part}: ${ids.join(", ")}`)].join("\n") : "";
}

/** A role's prompt as chat messages: its instructions, then what it reads. */
export function chatMessages(system: string, user: string): BaseMessageLike[] {
  return [
    { role: "system", content: system },
    { role: "user", content: user },
  ];
}

/** The evidence ledger as the model sees it: every entry with its id, so every statement can cite one. */
export function renderLedger(analysis: Analysis): string {
  return [
    "Evidence ledger (cite these ids, e.g. [L4]; anything not here is an assumption and must be called one):",
    ...analysis.ledger.filter((e) => e.source !== "computed").map((e) => `- ${e.id} (${e.source}, ${e.kind}, ${e.part}): ${e.text}`),
  ].join("\n");
}

/** The economics model's figures with formulas: computed once, never to be redone by a model. */
export function renderEconomics(analysis: Analysis): string {
  const e = analysis.economics;
  const figures = (Object.keys(e) as (keyof typeof e)[]).filter((k) => k !== "lines" && k !== "currency").map((k) => `${k}: ${e[k] === null ? "unknown (the brief does not give the inputs)" : String(e[k])}`);
  return [
    `Computed economics (currency ${e.currency ?? "none"}). These figures are computed by the economics model from the ledger: use them as they are, do not redo the arithmetic, and cite the line's sources.`,
    ...figures.map((f) => `- ${f}`),
    "Lines:",
    ...(e.lines.length > 0 ? e.lines.map((l) => `- ${l.label} = ${l.value}: ${l.formula} [${l.sources.join(", ")}]`) : ["- none: the brief gives no figures to compute from"]),
    analysis.economicsProblems.length > 0 ? `Blocking money problems: ${analysis.economicsProblems.map((p) => `${p.text} [${p.sources.join(", ")}]`).join(" ")}` : "Blocking money problems: none computed.",
  ].join("\n");
}

/** What the analysis established besides the money: stage, what was built, the door, claims, the representative. */
export function renderAnalysis(analysis: Analysis): string {
  return [
    `Stage: ${analysis.stage} (${analysis.stageWhy.text}). What was built or tried: ${analysis.maturity}.`,
    `Door: ${analysis.door} (${analysis.doorWhy.text}).`,
    analysis.claims.length > 0 ? `Absolute claims: ${analysis.claims.map((c) => `"${c.phrase}" [${c.sources.join(", ")}]${c.blocking ? " (the product rests on it)" : ""}`).join("; ")}.` : "Absolute claims: none found.",
    analysis.representative ? `Representative customer: ${analysis.representative.name}, ${analysis.representative.role} [${analysis.representative.sources.join(", ")}].` : "Representative customer: none named.",
    analysis.alreadyBuilt ? `Already built: "${analysis.alreadyBuilt.text}".` : "",
  ].filter(Boolean).join("\n");
}

/**
 * What an internal seat reads after its opening line: the whole document, the rubric's findings, the
 * computed economics (finance and the bar raiser), the analysis and the evidence ledger. One owner for the
 * order and the parts, so every internal seat is shown the same material.
 */
export function renderInternalMaterial(input: { prfaq: Prfaq; findings: Finding[]; score: number; analysis: Analysis }, parts: { economics: boolean; sources?: boolean }): string[] {
  return [
    renderDocument(input.prfaq, "internal"),
    ...(parts.sources ? [renderSources(input.prfaq)] : []),
    "",
    renderFindings(input.findings, input.score),
    "",
    ...(parts.economics ? [renderEconomics(input.analysis), ""] : []),
    renderAnalysis(input.analysis),
    "",
    renderLedger(input.analysis),
  ];
}
