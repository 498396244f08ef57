import type { Review } from "../../domain/review.js";
import type { ReviewInput } from "../contracts.js";
import { readSignals } from "../shared/facts.js";
import { composeReview, findingsOf, score, visibleSentences, type Objection } from "../shared/lens.js";
import { excerpt, firstSentence, sentences } from "../shared/text.js";

const ENGINEER_BLOCKING = ["solution-first-thinking", "combining-ideas", "too-many-features", "writing-pr-after-building"] as const;
const ENGINEER_CONCERNS = ["internal-jargon-in-pr", "press-release-length"] as const;
/** Words that name a dependency an engineer must plan for. */
const DEPENDENCY = /\b(integrat\w*|api|systems?|vendors?|approval|regulat\w*|compliance|hardware|devices?|data access|partners?|ehr|certif\w*)\b/i;

/**
 * The offline skeptical engineer: feasibility, hidden complexity, dependencies, what v1 gets wrong
 * and what is hand-waved, from the whole document and the rubric findings.
 */
export function reviewAsEngineerOffline(input: ReviewInput): Review {
  const doc = input.prfaq;
  const visible = visibleSentences(doc, { internal: true });
  const signals = readSignals(input.facts);
  const objections: Objection[] = findingsOf(input.findings, ENGINEER_BLOCKING).map((f) => ({
    text: `${f.message} ("${excerpt(f.evidence, 90)}")`,
    blocking: f.severity === "critical" || f.check === "combining-ideas",
    quote: f.evidence,
  }));
  for (const f of findingsOf(input.findings, ENGINEER_CONCERNS)) objections.push({ text: f.message, blocking: false, quote: f.evidence });
  const solution = `${doc.pressRelease.summary} ${doc.pressRelease.solution}`;
  const steps = sentences(doc.pressRelease.solution).length;
  if (!doc.pressRelease.solution.trim()) {
    objections.push({ text: "There is no description of how the product works; I cannot judge whether it can be built.", blocking: true });
  }
  const risksQ = doc.internalFaq.find((q) => /v1 get wrong|technical problems|dependenc/i.test(q.question));
  const dependencies = sentences(`${input.facts.risks} ${solution}`).filter((s) => DEPENDENCY.test(s));
  if (signals.risksNamed === 0) {
    objections.push({ text: "No risks or dependencies are named: what v1 gets wrong is hand-waved.", blocking: false, quote: risksQ?.answer ?? "" });
  }
  const questions: string[] = [];
  if (dependencies.length > 0) questions.push(`Who owns the dependency in "${excerpt(dependencies[0] ?? "", 100)}", and what is the plan if it slips?`);
  if (!signals.hasObservedEvidence) questions.push("What has been built or tried so far, and what did it show?");
  questions.push("What is the smallest v1 that tests the core claim?");
  const scores = {
    feasibility: score(5 - 2 * objections.filter((o) => o.blocking).length - (signals.hasObservedEvidence ? 0 : 1)),
    scopeFocus: score(5 - 2 * findingsOf(input.findings, ["too-many-features", "combining-ideas"]).length),
    riskAwareness: score(1 + Math.min(3, signals.risksNamed) + (dependencies.length > 0 ? 1 : 0)),
    clarity: score(steps >= 1 ? 3 + Math.min(2, steps) : 2),
  };
  return composeReview(input, {
    scores,
    objections,
    questions,
    anchor: firstSentence(doc.pressRelease.solution) || firstSentence(doc.pressRelease.summary),
    summary: (stance) => {
      if (stance === "fund") {
        return `Buildable as scoped: ${signals.risksNamed} named risk(s), ${signals.hasObservedEvidence ? "and a trial that already exercised the core loop" : "though nothing has been tried yet"}. ${dependencies[0] ? `The critical path is "${excerpt(dependencies[0], 90)}".` : ""}`.trim();
      }
      const top = objections.find((o) => o.blocking) ?? objections[0];
      return `${stance === "kill" ? "I would not staff this as written." : "Not yet buildable with confidence."} ${top ? top.text : ""}`.trim();
    },
  }, visible);
}
