import type { Review } from "../../domain/review.js";
import type { ReviewInput } from "../contracts.js";
import { readSignals } from "../shared/facts.js";
import { composeReview, findingsOf, score, visibleSentences, type Objection } from "../shared/lens.js";
import { excerpt } from "../shared/text.js";

/**
 * The offline finance partner: pricing, unit economics, market size, cost to build and run, and
 * whether success is a number with a date. Reads the brief's own figures; a missing figure is an objection.
 */
export function reviewAsFinanceOffline(input: ReviewInput): Review {
  const doc = input.prfaq;
  const visible = visibleSentences(doc, { internal: true });
  const s = readSignals(input.facts);
  const objections: Objection[] = [];
  if (!s.price) objections.push({ text: "There is no price, so there is no revenue model to check.", blocking: !s.metric, quote: input.facts.business });
  if (!s.metric) {
    const f = findingsOf(input.findings, ["no-measurable-outcome"])[0];
    objections.push({ text: "Success is not a number with a date; nobody could tell in a year whether this worked.", blocking: !s.price, quote: f?.evidence ?? "" });
  }
  const ue = s.unitEconomics;
  if (ue && ue.margin <= 0) {
    objections.push({
      text: `Every sale loses money: it costs ${ue.cost} to serve each ${ue.basis} against a price of ${ue.price}. Fix the unit economics before anything else.`,
      blocking: true,
      quote: s.costToServe ?? "",
    });
  }
  if (s.price && !s.costToServe) objections.push({ text: "The price is there but not the cost to serve: the margin is unknown.", blocking: false });
  if (!s.marketSize) objections.push({ text: "No count of customers who could buy this: the market size is unknown.", blocking: false, quote: input.facts.customer });
  for (const f of findingsOf(input.findings, ["combining-ideas", "too-many-features"])) {
    objections.push({ text: `Several products in one plan means several cost lines and no clear payback ("${excerpt(f.evidence, 80)}").`, blocking: f.check === "combining-ideas", quote: f.evidence });
  }
  const questions = [
    s.marketSize ? undefined : "How many customers like the representative one exist, counted bottom-up?",
    s.costToServe ? undefined : "What does it cost to build, and to serve one customer per month?",
    "What does it cannibalise, and what is the payback period?",
  ].filter((q): q is string => q !== undefined);
  const scores = {
    pricing: score(s.price ? 5 : 1),
    unitEconomics: score(ue && ue.margin <= 0 ? 1 : s.price && s.costToServe ? 5 : s.price ? 3 : 1),
    marketSize: score(s.marketSize ? 4 : 2),
    measurableOutcome: score(s.metric ? 5 : 1),
  };
  return composeReview(input, {
    scores,
    objections,
    questions,
    anchor: s.price ?? s.metric ?? "",
    summary: (stance) => {
      if (stance === "fund") {
        return `The numbers hold together: ${excerpt(s.price ?? "", 80)}${s.costToServe ? ` against ${excerpt(s.costToServe, 60)}` : ""}, and success is measurable: ${excerpt(s.metric ?? "", 90)}`;
      }
      const top = objections.find((o) => o.blocking) ?? objections[0];
      return `${stance === "kill" ? "I cannot put money behind this." : "Fundable only with the numbers filled in."} ${top?.text ?? ""}`.trim();
    },
  }, visible);
}
