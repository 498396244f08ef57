import type { Analysis } from "../../domain/analysis.js";
import type { BriefFacts } from "../../domain/brief.js";
import { productName } from "../../domain/brief-facts.js";
import { fmt } from "../../domain/economics.js";
import { citeText, factsOf } from "../../domain/ledger.js";
import { emptyPrfaq, type FaqItem, type Prfaq } from "../../domain/prfaq.js";
import type { DraftInput, DraftOutput } from "../contracts.js";
import { readSignals, type FactSignals } from "../shared/facts.js";
import { clause, firstSentence, lowerFirst, period, sentences, upperFirst } from "../shared/text.js";
import { OPEN_QUESTION, reviseOffline } from "./revise.js";

/**
 * The offline drafter: version 1 is assembled from the brief's own sentences in the PR/FAQ structure,
 * with the economics model's figures in the internal FAQ, and every part tagged with the ledger ids it
 * rests on (`prfaq.sources`); a quote composed from the brief is tagged illustrative. Later versions
 * apply the leader's typed changes ({@link reviseOffline}). Never invents evidence: what the brief does
 * not say stays an explicit open question.
 */
export function draftOffline(input: DraftInput): DraftOutput {
  if (input.previous && input.version > 1) return reviseOffline({ ...input, previous: input.previous });
  const signals = readSignals(input.facts, input.analysis);
  const prfaq = firstDraft(input.facts, signals, input.analysis);
  const assumptions: string[] = [];
  if (prfaq.pressRelease.customerQuote) {
    assumptions.push(`The customer quote is illustrative: composed from the brief's facts (${(prfaq.sources?.customerQuote ?? []).filter((s) => s.startsWith("L")).join(", ")}); confirm it with ${input.analysis.representative?.name ?? "the customer"}.`);
  }
  for (const line of input.analysis.economics.lines.filter((l) => l.label.startsWith("assumed"))) assumptions.push(`${upperFirst(line.formula)}.`);
  return { prfaq, changes: ["First draft from the brief."], assumptions };
}

function firstDraft(facts: BriefFacts, signals: FactSignals, analysis: Analysis): Prfaq {
  const ledger = analysis.ledger;
  const product = productName(facts.title);
  // "For companies of all sizes." → "companies of all sizes": the templates add their own "for".
  const customerLead = customerGroup(clause(firstSentence(facts.customer)).replace(/^(for|built for|designed for|aimed at)\s+/i, ""), analysis);
  const solutionLead = firstSentence(facts.solution);
  const evidenceLead = firstSentence(facts.evidence);
  const problemLead = firstSentence(facts.problem);
  const ids = (...texts: string[]) => [...new Set(texts.flatMap((t) => citeText(ledger, t)))];
  const doc = emptyPrfaq(product);
  const pr = doc.pressRelease;
  pr.heading = facts.title;
  pr.subheading = customerLead ? period(`For ${lowerFirst(customerLead)}`) : "";
  pr.dateline = signals.launchDate ? signals.launchDate.display : "";
  pr.summary = [
    period(`Today ${product} launches${customerLead ? ` for ${lowerFirst(shortCustomer(customerLead))}` : ""}`),
    solutionLead,
    evidenceLead,
  ]
    .filter(Boolean)
    .join(" ");
  pr.problem = facts.problem;
  // The brief's list stays a list: one paragraph per item, the lead sentence moved to the summary.
  pr.solution =
    facts.solution
      .split(/\n\s*\n/)
      .map((p, i) => sentences(p).slice(i === 0 && solutionLead ? 1 : 0).join(" "))
      .filter(Boolean)
      .join("\n\n") || solutionLead;
  pr.leaderQuote = problemLead ? `"We built ${product} because ${lowerFirst(clause(problemLead))}," said the ${product} team.` : "";
  pr.howItWorks = [facts.launch, signals.price ? `Price: ${period(signals.price)}` : ""].filter(Boolean).map(period).join(" ");
  const quote = customerQuote(facts, analysis);
  pr.customerQuote = quote.text;
  pr.callToAction = signals.launchDate
    ? period(`${upperFirst(shortCustomer(customerLead) || "Customers")} can sign up from ${signals.launchDate.display}`)
    : "";
  doc.externalFaq = externalFaq(facts, signals);
  doc.internalFaq = internalFaq(facts, signals, analysis);
  doc.sources = {
    subheading: ids(facts.customer),
    dateline: ids(facts.launch),
    summary: ids(solutionLead, evidenceLead),
    problem: ids(...sentences(facts.problem)),
    solution: ids(...sentences(facts.solution)),
    leaderQuote: problemLead ? [...ids(problemLead), "illustrative"] : [],
    howItWorks: ids(facts.launch, signals.price ?? ""),
    ...(quote.text ? { customerQuote: [...quote.sources, "illustrative"] } : {}),
    ...Object.fromEntries(doc.internalFaq.map((q, i) => [`internalFaq.${i}`, q.answer === OPEN_QUESTION ? [] : faqSources(q, analysis)])),
  };
  return doc;
}

/** The ledger ids an FAQ answer rests on: the facts it quotes, and the economics lines it states. */
function faqSources(q: FaqItem, analysis: Analysis): string[] {
  const fromFacts = sentences(q.answer).flatMap((s) => citeText(analysis.ledger, s));
  const fromLines = analysis.ledger.filter((e) => e.source !== "brief" && q.answer.includes(e.text.split(":")[0] ?? "\u0000")).map((e) => e.id);
  return [...new Set([...fromFacts, ...fromLines])];
}

/**
 * The customers as a group, when the brief's first customer sentence is about its representative
 * ("Kwame is one of our 140 desk adjusters on the auto team" → "desk adjusters on the auto team, like Kwame").
 */
function customerGroup(lead: string, analysis: Analysis): string {
  const rep = analysis.representative;
  if (!rep || !lead.startsWith(rep.name)) return lead;
  const group = /\bone of (?:our|the|about|some)?\s*(?:[\d,]+\s+)?([^,;]+)/.exec(lead)?.[1];
  return group ? `${group.trim()}, like ${rep.name}` : `people like ${rep.name}, ${clause(rep.role)}`;
}

/** "Front-desk staff at independent ... clinics in the US with 2 to 6 vets" → up to the first comma or "with". */
function shortCustomer(customer: string): string {
  return customer.split(/,\s|\s+(?:with|that|who|which)\s+/)[0]?.trim() ?? customer;
}

/** A quote only when the brief names a representative customer; composed from their problem and the observed result, so illustrative. */
function customerQuote(facts: BriefFacts, analysis: Analysis): { text: string; sources: string[] } {
  const rep = analysis.representative;
  if (!rep || !facts.evidence) return { text: "", sources: [] };
  const problem = factsOf(analysis.ledger, "problem");
  const before = problem.find((s) => s.text.includes(rep.name)) ?? problem[0];
  const after = factsOf(analysis.ledger, "evidence")[0];
  if (!before || !after) return { text: "", sources: [] };
  return {
    text: `"Before: ${lowerFirst(clause(before.text))}. In the trial: ${lowerFirst(clause(after.text))}," said ${rep.name}, ${clause(rep.role)}.`,
    sources: [...rep.sources, before.id, after.id],
  };
}

export const answer = (text: string | undefined) => (text && text.trim() ? period(upperFirst(text.trim())) : OPEN_QUESTION);

function externalFaq(facts: BriefFacts, s: FactSignals): FaqItem[] {
  const privacy = sentences(facts.risks).find((r) => /\b(privacy|data|hipaa|gdpr|consent|security)\b/i.test(r));
  return [
    { question: "How much does it cost?", answer: answer(s.price) },
    { question: "How do I get started?", answer: answer(facts.launch) },
    { question: "What does it replace?", answer: answer(firstSentence(facts.problem)) },
    { question: "What happens when it gets something wrong?", answer: answer(sentences(facts.risks)[0]) },
    { question: "What happens to my data?", answer: answer(privacy) },
  ];
}

/** The economics model's lines as an answer: each figure with its formula and the ledger ids it used. */
export function economicsAnswer(analysis: Analysis): string | undefined {
  const lines = analysis.economics.lines.filter((l) => !l.label.startsWith("assumed"));
  if (lines.length === 0) return undefined;
  const e = analysis.economics;
  const shown = (l: (typeof lines)[number]) => (/%/.test(l.label) ? `${l.value}%` : /customers|months/.test(l.label) ? String(l.value) : fmt(l.value, e.currency));
  return lines.map((l) => `${upperFirst(l.label)}: ${shown(l)} (${l.formula}).`).join(" ");
}

function internalFaq(facts: BriefFacts, s: FactSignals, analysis: Analysis): FaqItem[] {
  const competition = sentences(`${facts.other} ${facts.risks} ${facts.business}`).find((x) => /\b(competitors?|competition|competing|rivals?|incumbents?|copy|copies|alternatives?)\b/i.test(x));
  const market = analysis.economics.marketCustomers;
  const stop = [
    s.metric ? `Missing the success measure: ${lowerFirst(clause(s.metric))}` : "",
    analysis.economics.breakEvenCustomers !== null ? `fewer than ${analysis.economics.breakEvenCustomers} paying customers, the number that repays the build within 36 months` : "",
  ].filter(Boolean);
  return [
    { question: "Who exactly is the customer, and how many are there?", answer: answer([facts.customer, market !== null && !facts.customer.includes(market.toLocaleString("en-US")) ? `The brief counts ${market.toLocaleString("en-US")} of them.` : ""].filter(Boolean).join(" ")) },
    { question: "What evidence do we have that customers want this?", answer: answer(facts.evidence) },
    { question: "Why hasn't anyone done this already, and what if a competitor copies it?", answer: answer(competition) },
    { question: "What will v1 get wrong, and what are the hardest technical problems and dependencies?", answer: answer(facts.risks) },
    { question: "What does it cost to build and run, and what are the unit economics?", answer: answer(economicsAnswer(analysis)) },
    { question: "What could it cannibalise?", answer: OPEN_QUESTION },
    { question: "How do we measure success, and by when?", answer: answer(s.metric ?? facts.metrics) },
    { question: "What would make us stop?", answer: stop.length > 0 ? period(upperFirst(stop.join("; or "))) : OPEN_QUESTION },
  ];
}
