import type { Review } from "../../domain/review.js";
import type { ReviewInput } from "../contracts.js";
import { OPEN_QUESTION } from "../drafter/index.js";
import { composeReview, findingsOf, locate, score, visibleSentences, type Objection } from "../shared/lens.js";
import { clause, excerpt, firstSentence, lowerFirst, words } from "../shared/text.js";

/** Checks a customer notices: they are about who it is for, what pain it removes, and whether they believe it. */
const CUSTOMER_BLOCKING = ["vague-customer-definition", "missing-problem-paragraph", "solution-first-thinking"] as const;
const CUSTOMER_CONCERNS = ["hyperbole-instead-of-specifics", "internal-jargon-in-pr", "customer-quote-sounds-fake", "too-many-features", "combining-ideas"] as const;

/**
 * The offline customer persona: reads only the press release and the external FAQ and asks
 * "is this for someone like me, would I switch, would I pay?". Every sentence is computed from
 * the persona's data, the draft and the rubric findings.
 */
export function reviewAsCustomerOffline(input: ReviewInput): Review {
  const persona = input.persona;
  if (!persona) throw new Error(`customer review ${input.agent} has no persona`);
  const doc = input.prfaq;
  const visible = visibleSentences(doc, { internal: false });
  const text = visible.join(" ");
  const objections: Objection[] = [];
  for (const f of findingsOf(input.findings, CUSTOMER_BLOCKING)) {
    if (!locate(visible, f.evidence) && f.evidence.length > 40) continue; // not in what a customer reads
    objections.push({ text: `${f.message} ("${excerpt(f.evidence, 90)}")`, blocking: f.severity === "critical", quote: f.evidence });
  }
  for (const f of findingsOf(input.findings, CUSTOMER_CONCERNS)) {
    if (!locate(visible, f.evidence)) continue;
    objections.push({ text: `"${excerpt(f.evidence, 90)}" ${lowerMessage(f.message)}`, blocking: false, quote: f.evidence });
  }
  const price = doc.externalFaq.find((q) => /cost|price/i.test(q.question));
  const priced = price !== undefined && price.answer !== OPEN_QUESTION && /\d/.test(price.answer);
  if (!priced) {
    objections.push({ text: `I can't tell what it costs. Today I pay for ${clause(persona.paysForToday)}; I need a price to compare.`, blocking: false });
  }
  // How much of the persona's world the document speaks to.
  const docWords = new Set(words(text));
  const overlap = persona.keywords.filter((k) => words(k).every((w) => docWords.has(w)));
  const relevance = score(1 + overlap.length);
  const scores = {
    relevance,
    problemClarity: score(doc.pressRelease.problem ? (/\d/.test(doc.pressRelease.problem) ? 5 : 3) : 1),
    believability: score(5 - findingsOf(input.findings, CUSTOMER_CONCERNS).length - (doc.pressRelease.customerQuote ? 0 : 1)),
    valueForMoney: score(priced ? 4 : 2),
  };
  const questions = doc.externalFaq.filter((q) => q.answer === OPEN_QUESTION).map((q) => q.question);
  if (overlap.length === 0) questions.push(`Is this meant for someone like me (${clause(persona.role)})?`);
  const anchor = doc.pressRelease.problem || doc.pressRelease.summary;
  return composeReview(input, {
    scores,
    objections,
    questions,
    anchor,
    summary: (stance) => {
      const who = `${persona.name}, ${clause(persona.role)}`;
      const pays = excerpt(clause(persona.paysForToday), 90);
      if (stance === "fund") {
        const met = persona.decisionCriteria.find((c) => overlapCount(c, docWords) >= 2) ?? persona.decisionCriteria[0] ?? "";
        return `${who}: I would switch. "${excerpt(firstSentence(anchor), 110)}" is my day${overlap.length ? ` (${overlap.slice(0, 3).join(", ")})` : ""}, and it passes my test: ${lowerFirst(clause(met))}. What I pay today: ${lowerFirst(pays)}; this is worth comparing.`;
      }
      const lost = objections.find((o) => o.blocking) ?? objections[0];
      const unmet = persona.decisionCriteria.find((c) => overlapCount(c, docWords) < 2);
      const pain = [...persona.frustrations].sort((a, b) => overlapCount(b, docWords) - overlapCount(a, docWords))[0];
      return [
        `${who}: I would ${stance === "kill" ? "not" : "not yet"} switch.`,
        lost ? `What lost me: ${lost.text}` : "It does not speak to my day.",
        unmet ? `My test is "${lowerFirst(clause(unmet))}", and nothing here answers it.` : "",
        pain && overlapCount(pain, docWords) === 0 ? `What I actually struggle with (${lowerFirst(clause(pain))}) is not in it.` : "",
      ]
        .filter(Boolean)
        .join(" ");
    },
  }, visible);
}

/** How many of a phrase's content words (4+ letters) the document uses. */
function overlapCount(phrase: string, docWords: Set<string>): number {
  return words(phrase).filter((w) => w.length >= 4 && docWords.has(w)).length;
}

function lowerMessage(message: string): string {
  return message.charAt(0).toLowerCase() + message.slice(1);
}
