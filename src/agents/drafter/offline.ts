import { emptyPrfaq, type FaqItem, type Prfaq } from "../../domain/prfaq.js";
import type { BriefFacts } from "../../domain/brief.js";
import { productName } from "../../domain/brief-facts.js";
import type { DraftInput, DraftOutput } from "../contracts.js";
import { readSignals, type FactSignals } from "../shared/facts.js";
import { clause, firstSentence, lowerFirst, period, sentences, upperFirst } from "../shared/text.js";
import { OPEN_QUESTION, reviseOffline } from "./revise.js";

/**
 * The offline drafter: version 1 is assembled from the brief's own sentences in the PR/FAQ structure;
 * later versions apply the leader's changes ({@link reviseOffline}). Never invents evidence: what the
 * brief does not say is left as an explicit open question.
 */
export function draftOffline(input: DraftInput): DraftOutput {
  if (input.previous && input.version > 1) return reviseOffline({ ...input, previous: input.previous });
  const signals = readSignals(input.facts);
  const prfaq = firstDraft(input.facts, signals);
  const assumptions: string[] = [];
  if (prfaq.pressRelease.customerQuote) {
    assumptions.push("The customer quote is composed from the brief's own facts; confirm it with the named customer.");
  }
  return { prfaq, changes: ["First draft from the brief."], assumptions };
}

function firstDraft(facts: BriefFacts, signals: FactSignals): Prfaq {
  const product = productName(facts.title);
  // "For companies of all sizes." → "companies of all sizes": the templates add their own "for".
  const customerLead = clause(firstSentence(facts.customer)).replace(/^(for|built for|designed for|aimed at)\s+/i, "");
  const solutionLead = firstSentence(facts.solution);
  const evidenceLead = firstSentence(facts.evidence);
  const problemLead = firstSentence(facts.problem);
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
  pr.solution = sentences(facts.solution).slice(solutionLead ? 1 : 0).join(" ") || solutionLead;
  pr.leaderQuote = problemLead ? `"We built ${product} because ${lowerFirst(clause(problemLead))}," said the ${product} team.` : "";
  pr.howItWorks = [facts.launch, signals.price ? `Price: ${period(signals.price)}` : ""].filter(Boolean).map(period).join(" ");
  pr.customerQuote = customerQuote(facts, signals);
  pr.callToAction = signals.launchDate
    ? period(`${upperFirst(shortCustomer(customerLead) || "Customers")} can sign up from ${signals.launchDate.display}`)
    : "";
  doc.externalFaq = externalFaq(facts, signals);
  doc.internalFaq = internalFaq(facts, signals);
  return doc;
}

/** "Front-desk staff at independent ... clinics in the US with 2 to 6 vets" → up to the first comma or "with". */
function shortCustomer(customer: string): string {
  return customer.split(/,\s|\s+(?:with|that|who|which)\s+/)[0]?.trim() ?? customer;
}

/** A quote only when the brief names a representative customer; built from their problem and the observed result. */
function customerQuote(facts: BriefFacts, signals: FactSignals): string {
  const rep = signals.representative;
  if (!rep || !facts.evidence) return "";
  const before = sentences(facts.problem).find((s) => s.includes(rep.name)) ?? firstSentence(facts.problem);
  const after = firstSentence(facts.evidence);
  if (!before || !after) return "";
  return `"Before: ${lowerFirst(clause(before))}. In the trial: ${lowerFirst(clause(after))}," said ${rep.name}, ${clause(rep.role)}.`;
}

const answer = (text: string | undefined) => (text && text.trim() ? period(upperFirst(text.trim())) : OPEN_QUESTION);

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

function internalFaq(facts: BriefFacts, s: FactSignals): FaqItem[] {
  const competition = sentences(`${facts.other} ${facts.risks} ${facts.business}`).find((x) => /\b(competitors?|competition|competing|rivals?|incumbents?|copy|copies|alternatives?)\b/i.test(x));
  return [
    { question: "Who exactly is the customer, and how many are there?", answer: answer(facts.customer) },
    { question: "What evidence do we have that customers want this?", answer: answer(facts.evidence) },
    { question: "Why hasn't anyone done this already, and what if a competitor copies it?", answer: answer(competition) },
    { question: "What will v1 get wrong, and what are the hardest technical problems and dependencies?", answer: answer(facts.risks) },
    { question: "What does it cost to build and run, and what are the unit economics?", answer: answer([s.costToServe, facts.business].filter(Boolean).join(" ")) },
    { question: "What could it cannibalise?", answer: OPEN_QUESTION },
    { question: "How do we measure success, and by when?", answer: answer(s.metric ?? facts.metrics) },
    {
      question: "What would make us stop?",
      answer: s.metric ? period(`Missing the success measure: ${lowerFirst(clause(s.metric))}`) : OPEN_QUESTION,
    },
  ];
}
