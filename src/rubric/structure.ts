import type { Finding } from "../domain/finding.js";
import type { PressReleaseSection, Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { prText, SECTION_NAMES, splitSentences, wordCount } from "./text.js";

/** Press-release word counts: below MIN it cannot tell the story, above MAX it is over a page and a half. */
export const PRESS_RELEASE_WORDS = { min: 150, target: [300, 600], max: 900 } as const;
const MAX_SENTENCES_PER_PARAGRAPH = 6;

/**
 * `press-release-length`: the press release is under 150 or over 900 words (the method aims at
 * 300-600, under one page), or a paragraph runs past 6 sentences (the method asks for 3-4).
 */
export function checkLength(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const findings: Finding[] = [];
  const words = wordCount(prText(doc));
  const [lo, hi] = PRESS_RELEASE_WORDS.target;
  if (words > PRESS_RELEASE_WORDS.max) {
    findings.push(finding("press-release-length", `The press release is ${words} words; cut it to ${lo}-${hi} (under one page). Keep the one benefit, move detail to the FAQ.`, `press release (${words} words)`));
  } else if (words > 0 && words < PRESS_RELEASE_WORDS.min) {
    findings.push(finding("press-release-length", `The press release is only ${words} words; a complete one tells the customer's story in about ${lo}-${hi} words.`, `press release (${words} words)`));
  }
  for (const section of ["summary", "problem", "solution", "howItWorks"] as const) {
    for (const para of doc.pressRelease[section].split(/\n\s*\n/)) {
      const sentences = splitSentences(para);
      if (sentences.length > MAX_SENTENCES_PER_PARAGRAPH) {
        findings.push(
          finding(
            "press-release-length",
            `The ${SECTION_NAMES[section]} runs to ${sentences.length} sentences; keep paragraphs to 3-4 sentences.`,
            sentences[0] ?? para,
          ),
        );
      }
    }
  }
  return findings;
}

// The problem and the dateline have their own anti-pattern checks (missing-problem-paragraph, missing-the-date).
const REQUIRED: readonly PressReleaseSection[] = ["heading", "subheading", "summary", "solution", "leaderQuote", "howItWorks", "customerQuote", "callToAction"];

/** `missing-section`: one finding per empty press-release section, naming it as the evidence. */
export function checkSections(doc: Prfaq, _ctx: RubricContext): Finding[] {
  return REQUIRED.filter((s) => !doc.pressRelease[s].trim()).map((s) =>
    finding("missing-section", `Add the ${SECTION_NAMES[s]}: ${PURPOSE[s]}.`, SECTION_NAMES[s]),
  );
}

const PURPOSE: Record<PressReleaseSection, string> = {
  heading: "the product name and the one benefit, in customer words",
  subheading: "who the customer is and what they get, in one sentence",
  dateline: "the city and a concrete launch date",
  summary: "the whole story in 3-4 sentences",
  problem: "the customer's pain today, with evidence",
  solution: "how the product removes that pain, in customer terms",
  leaderQuote: "why the company built it and the customer outcome it aims at",
  howItWorks: "how a customer starts, what it costs and where to get it",
  customerQuote: "a named customer describing their day before and after",
  callToAction: "one clear next step",
};
