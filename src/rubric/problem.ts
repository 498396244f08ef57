import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { PAIN } from "../domain/vocabulary.js";
import { MEASUREMENT, splitSentences } from "./text.js";


// A workaround kept by hand: records on paper, a whiteboard or a spreadsheet instead of a system.
const WORKAROUND = String.raw`by hand|on paper|(?:paper|hand-?written|printed) (?:notes?|lists?|logs?|forms?|records?)|post-?its?|whiteboards?|spreadsheets?|clipboards?|notebooks?|notepads?`;
// What someone saw or measured: the difference between a claim and evidence.
const OBSERVED = new RegExp(
  String.raw`\b(?:(?:told|tell|tells) us|(?:customers?|clients?|users?|owners?|parents?|drivers?|members?|staff|they) (?:say|said|complain(?:ed)?)|we (?:observed|watched|saw|measured|logged|counted|found|interviewed|surveyed|timed)|(?:a|our|the) (?:\w+[- ])?(?:log|study|survey|pilot|trial|interviews?|audit|time study|review of|records?)|(?:support|help-?desk|service) (?:tickets?|requests?|calls?|logs?)|on average|every (?:day|week|morning|shift|month)|(?:over|for|after|takes?|took) (?:two|three|four|five|six|seven|ten|a few|several) (?:minutes|hours|days|weeks|months)|each (?:day|week|shift|call|one|month)|${WORKAROUND}|\d)`,
  "i",
);

/** True when a sentence says what hurts today. */
export function isPain(sentence: string): boolean {
  return PAIN.test(sentence);
}

/** True when a text carries evidence: a measurement, a number, or an observed behaviour. */
export function hasEvidence(text: string): boolean {
  return MEASUREMENT.test(text) || OBSERVED.test(text);
}

/**
 * `missing-problem-paragraph`: the customer's pain is not stated, or stated without evidence.
 * A pain stated with evidence in the summary counts: the point is the statement, not its position.
 */
export function checkProblem(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const pr = doc.pressRelease;
  const problem = splitSentences(pr.problem);
  if (problem.length === 0) {
    const elsewhere = splitSentences(`${pr.summary}\n\n${pr.solution}`).filter(isPain);
    if (elsewhere.some(hasEvidence)) return [];
    const hint = elsewhere[0] ? ` The closest sentence, "${elsewhere[0]}", has no evidence behind it.` : "";
    return [
      finding(
        "missing-problem-paragraph",
        `Add a problem paragraph: the customer's pain today, with evidence (how often, how long, what it costs them, what you observed).${hint}`,
        "problem paragraph",
      ),
    ];
  }
  const pain = problem.filter(isPain);
  if (pain.length === 0) {
    return [
      finding(
        "missing-problem-paragraph",
        "The problem paragraph does not describe a customer's pain. Say what goes wrong for the customer today and how you know.",
        problem[0] ?? pr.problem,
      ),
    ];
  }
  if (!hasEvidence(pr.problem)) {
    return [
      finding(
        "missing-problem-paragraph",
        "The pain is asserted without evidence. Add a number or an observed behaviour (a log, a study, what a customer told you).",
        pain[0] ?? pr.problem,
      ),
    ];
  }
  return [];
}
