import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";

/** The minimum questions per FAQ part below which the FAQ is too short. */
export const MIN_QUESTIONS_PER_PART = 3;

/**
 * `faq-too-short`: fewer than 3 external or 3 internal questions, or one part missing. The evidence
 * names both counts so the author sees which part to grow.
 */
export function checkFaqLength(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const ext = doc.externalFaq.length;
  const int = doc.internalFaq.length;
  if (ext >= MIN_QUESTIONS_PER_PART && int >= MIN_QUESTIONS_PER_PART) return [];
  const count = (n: number) => (n === 0 ? "missing" : `${n} question${n === 1 ? "" : "s"}`);
  const short = [
    ext < MIN_QUESTIONS_PER_PART ? "external (price, how to start, what it replaces, what if it fails, privacy, support)" : "",
    int < MIN_QUESTIONS_PER_PART ? "internal (customer count, competition, v1 gaps, cost, unit economics, success measure, when to stop)" : "",
  ].filter(Boolean);
  return [
    finding(
      "faq-too-short",
      `Write at least ${MIN_QUESTIONS_PER_PART} questions in each FAQ part; grow the ${short.join(" and the ")} FAQ.`,
      `External FAQ: ${count(ext)}; Internal FAQ: ${count(int)}`,
    ),
  ];
}

/** The hard internal themes of prfaq-method.md and what asking each sounds like. */
export const HARD_THEMES = [
  { theme: "competition", ask: "what if a competitor copies it, and why hasn't anyone done this", re: /\b(?:compet\w*|cop(?:y|ies|ied)|clone|rivals?|incumbents?|alternatives?|why hasn'?t anyone|why now|moat|defensib\w*|differentiat\w*|others? (?:build|launch)|(?:builds?|copies|launch(?:es)?|offers?|adds?) (?:this|it|the same|a similar)|(?:do|does|did|build|built|done|make|made) (?:this|it) (?:itself|themselves|ourselves|in-house)|why not (?:just )?(?:buy|use|license|licence|partner with)|(?:existing|other|big|incumbent) (?:[\p{L}-]+ ){0,2}(?:services|tools|providers|products|vendors|apps|suppliers|solutions|systems|platforms|players)|what (?:other [\p{L}-]+|others) (?:already )?(?:use|do|buy|offer))\b/iu },
  { theme: "cost and unit economics", ask: "what it costs to build and run, and the unit economics", re: /\b(?:costs?|unit economics|margins?|pric\w*|economics|payback|break[- ]even|budget|cac|ltv|revenue|profit\w*|invest\w*|spend)\b/i },
  { theme: "risk and what v1 gets wrong", ask: "what v1 gets wrong and the hardest technical problems", re: /\b(?:risks?|risky|wrong|fail\w*|hardest|dependenc\w*|v1|first version|go wrong|unknowns?|assumptions?|technical problems?|regulat\w*|liabilit\w*)\b/i },
  { theme: "cannibalisation", ask: "what it cannibalises", re: /\b(?:cannibali[sz]\w*|eat into|replace our|our existing (?:products?|revenue)|overlap with our)\b/i },
  { theme: "what would make us stop", ask: "what would make us stop", re: /\b(?:stop|kill|walk away|shut (?:it )?down|abandon|give up|pull the plug|exit criteri\w*|wrong about)\b/i },
] as const;

/**
 * `faq-avoids-hard-questions`: the internal FAQ asks fewer than 3 of the 5 hard themes. Only the
 * questions count: asking is the discipline, and "we don't know yet" is an honest answer.
 */
export function checkHardQuestions(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const asked = HARD_THEMES.filter((t) => doc.internalFaq.some((f) => t.re.test(f.question)));
  if (asked.length >= 3) return [];
  const missing = HARD_THEMES.filter((t) => !asked.includes(t));
  return [
    finding(
      "faq-avoids-hard-questions",
      `The internal FAQ avoids the uncomfortable questions. Ask ${missing.map((t) => t.ask).join("; ")}.`,
      doc.internalFaq.length
        ? `Internal FAQ asks about ${asked.length ? asked.map((t) => t.theme).join(", ") : "none of the hard themes"}; not ${missing.map((t) => t.theme).join(", ")}`
        : "Internal FAQ (missing)",
    ),
  ];
}
