import { findDate, MONTH_RE } from "../domain/dates.js";
import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { faqSentences, prSentences, splitSentences } from "./text.js";

const UNITS = String.raw`(?:one|two|three|four|five|six|seven|eight|nine)`;
// A count in digits or words: "60", "six", "eighteen", "twenty-four".
const COUNT = String.raw`(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-${UNITS})?|${UNITS}|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen)`;
// "within 60 days", "in 12 months", "by the end of 2027", "by the end of the 2028 harvest", "in the first year", "by Q3 2028",
// "by the end of March", "over March", "by next summer term", "by 31 March 2028", "by March 31, 2028", "for the first
// 12 months" (a bare "for 12 months" is how long something lasts, not a deadline).
const TIME_FRAME = new RegExp(
  String.raw`\b(?:(?:within|in|by|after|over|inside|during)\s+(?:the\s+)?(?:first\s+|next\s+)?|for\s+the\s+(?:first|next)\s+)${COUNT}[\s-]*(?:days?|weeks?|months?|quarters?|years?|seasons?|harvests?|semesters?|terms?)\b|\b(?:in|within|by the end of|during|after)\s+(?:the\s+)?(?:first|next)\s+(?:year|quarter|month|week|season|semester)\b|\bby\s+(?:the\s+end\s+of\s+)?(?:the\s+)?(?:Q[1-4]\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))?(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?)?\d{4}\b|\byear (?:one|1)\b|\b(?:by|over|during|throughout)\s+(?:the\s+end\s+of\s+)?(?:next\s+|this\s+)?(?:${MONTH_RE}(?!\s+\d)|(?:(?:spring|summer|autumn|winter)\s+)?term|spring|summer|autumn|fall|winter|easter|christmas|year[- ]end)\b`,
  "i",
);
// A target, not a report of the past: success words, or a direction of change.
const TARGET = /\b(?:target|goal|success|aim|measure|metric|kpi|expect|plan|will|should|want|reach|hit|at least|down|up|grow|cut|reduce|increase|raise|double|halve|more than|fewer than)\b/i;
const SUCCESS_QUESTION = /\b(?:success|measure|metric|goal|target|kpi|know (?:it|we)|working|stop|kill)\b/i;

/** True when a sentence states a number to reach and a time frame to reach it in. */
export function isMeasurableOutcome(sentence: string, question = ""): boolean {
  const frame = TIME_FRAME.exec(sentence);
  if (!frame) return false;
  const rest = sentence.replace(frame[0], " ");
  const number = /\d|\b(?:half|double|twice|triple|tenfold)\b/i.test(rest);
  return number && (TARGET.test(sentence) || SUCCESS_QUESTION.test(question));
}

/**
 * `no-measurable-outcome`: nowhere does the document define success with a number and a time frame
 * ("refill calls down 50% within 60 days"). Usually answered in the internal FAQ; anywhere counts.
 */
export function checkOutcome(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const faq = faqSentences(doc);
  if (faq.some((s) => isMeasurableOutcome(s.text, s.question))) return [];
  if (faq.some((s) => isMeasurableOutcome(s.question))) return [];
  if (prSentences(doc).some((s) => isMeasurableOutcome(s.text))) return [];
  // A table of targets: its header names the time frame ("target, by 1 December 2027"), its rows the numbers.
  if ([...doc.internalFaq, ...doc.externalFaq].some((f) => targetTable(f.answer))) return [];
  const asked = [...doc.internalFaq, ...doc.externalFaq].find((f) => /\b(?:success|measure|metric|kpi)\b/i.test(f.question));
  const evidence = asked ? (splitSentences(asked.answer)[0] ?? asked.question) : "success measure (none in the document)";
  return [
    finding(
      "no-measurable-outcome",
      asked
        ? "The success measure has no number and time frame. State what will move, by how much and by when (e.g. \"refill calls down 50% within 60 days\")."
        : "Define success with a number and a time frame in the internal FAQ (e.g. \"refill calls down 50% within 60 days; 500 clinics in 12 months\").",
      evidence,
    ),
  ];
}

// Dates that are not dates.
const NO_DATE = /\b(?:coming soon|soon|when (?:it'?s )?ready|tbd|tba|to be (?:decided|determined|announced|confirmed)|later this year|in the future|not (?:yet )?(?:decided|set|known)|eventually|someday|one day)\b/i;
const QUARTER = /\bQ[1-4]\s+\d{4}\b|\b(?:first|second|third|fourth) quarter of \d{4}\b/i;

/**
 * `missing-the-date`: no concrete (hypothetical) launch date in the dateline or the press release,
 * nor in an FAQ answer about when. "Soon", "when ready" and "TBD" do not count; a month or quarter does.
 */
export function checkDate(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const hasDate = (t: string) => findDate(t) !== undefined || QUARTER.test(t);
  const pr = prSentences(doc).filter((s) => s.section !== "customerQuote").map((s) => s.text);
  if (pr.some(hasDate)) return [];
  const whenAnswers = faqSentences(doc).filter((s) => /\b(?:when|launch|available|start)\b/i.test(s.question));
  if (whenAnswers.some((s) => hasDate(s.text))) return [];
  const vague = [...pr, ...faqSentences(doc).map((s) => s.text)].find((t) => NO_DATE.test(t));
  return [
    finding(
      "missing-the-date",
      vague
        ? `"${NO_DATE.exec(vague)?.[0] ?? vague}" is not a date. Put a concrete, even hypothetical, launch date in the dateline (e.g. "BOISE, Idaho, April 1, 2027 —").`
        : "The press release has no launch date. Put a concrete, even hypothetical, date in the dateline (e.g. \"BOISE, Idaho, April 1, 2027 —\").",
      vague ?? "dateline (no launch date)",
    ),
  ];
}

/** A markdown table whose header row names a time frame and whose rows carry numbers: success stated as a table. */
function targetTable(text: string): boolean {
  const rows = text.split(/\n|(?<=\|)\s+(?=\|)/).map((l) => l.trim()).filter((l) => /^\|.*\|$/.test(l) && !/^\|[\s:|-]+\|$/.test(l));
  const [header, ...body] = rows;
  // A column headed with a date ("target, canvass closing 1 December 2027") or a time frame dates every row.
  return header !== undefined && (TIME_FRAME.test(header) || /\b(?:target|goal|by|closing|end)\b[^|]*\b20\d{2}\b/i.test(header)) && body.some((r) => /\d/.test(r.replace(/^\|[^|]*\|/, "")));
}
