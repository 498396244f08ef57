import { fmt, type Economics } from "../../domain/economics.js";
import { factsOf } from "../../domain/ledger.js";
import type { Review } from "../../domain/review.js";
import type { InternalReviewInput } from "../contracts.js";
import { readSignals } from "../shared/facts.js";
import { composeReview, findingsOf, score, visibleSentences, type Objection } from "../shared/lens.js";
import { cite } from "../shared/text.js";

/** The line of the economics model with a label, if computed. */
function lineOf(e: Economics, label: string) {
  return e.lines.find((l) => l.label === label);
}

/**
 * The offline finance partner. It does not check whether figures are present: it computes. Price and
 * cost are normalised to one customer and one month, then margin, market, target revenue, build cost,
 * payback and break-even (the shared economics model, src/domain/economics.ts). A loss on every
 * customer, no revenue against real costs, or a market too small to repay the build blocks.
 */
export function reviewAsFinanceOffline(input: InternalReviewInput): Review {
  const visible = visibleSentences(input.prfaq, { internal: true });
  const { economics: e, economicsProblems, ledger } = input.analysis;
  const s = readSignals(input.facts, input.analysis);
  const m = (n: number) => fmt(n, e.currency);
  const objections: Objection[] = economicsProblems.map((p) => ({ kind: "economics", text: p.text, basis: p.sources, blocking: true, quote: s.costToServe ?? s.price ?? "" }));
  const business = factsOf(ledger, "business").map((f) => f.id);
  const hasReturn = (e.pricePerMonth !== null && e.pricePerMonth > 0) || (e.valuePerYear !== null && e.valuePerYear > 0) || e.grossMarginPct !== null;
  if (!hasReturn && e.pricePerMonth !== 0) {
    objections.push({
      kind: "economics",
      text: s.price
        ? `The price cannot be turned into revenue per customer: "${s.price}" gives no amount per customer per period, so nothing can be weighed against the cost.`
        : "There is no price and no stated return (no hours saved, no money recovered), so nothing repays the cost of building and running it.",
      basis: business,
      // A price the model cannot put on a customer-month is a missing input (how many units a customer uses), asked for, not a loss.
      blocking: !s.price,
      quote: s.price ?? "",
    });
  }
  if (hasReturn && e.grossMarginPct === null && e.pricePerMonth !== null && e.pricePerMonth > 0) {
    objections.push({ kind: "economics", text: `The margin is unknown: the price is ${m(e.pricePerMonth)} per customer a month, but the brief gives no cost to serve on a basis that compares.`, basis: lineOf(e, "price per customer per month")?.sources ?? [], blocking: false });
  }
  // An internal tool has no market to count: its users are the company's own staff, and its return is the time it saves.
  const internal = e.valuePerYear !== null && !(e.pricePerMonth !== null && e.pricePerMonth > 0);
  if (e.marketCustomers === null && !internal) {
    objections.push({ kind: "economics", text: "The market is not counted: the brief says how many customers could buy it nowhere, so market size and break-even cannot be checked.", basis: factsOf(ledger, "customer").map((f) => f.id), blocking: false, quote: input.facts.customer });
  }
  if (!s.metric) {
    const f = findingsOf(input.findings, ["no-measurable-outcome"])[0];
    objections.push({ kind: "evidence", text: "Success is not a number with a date: in a year nobody could say whether this worked.", basis: f ? [f.check] : [], blocking: false, quote: f?.evidence ?? "" });
  }

  // What the figures say, each with its formula's sources: the summary is the computation, not a checklist.
  const computed = [
    lineOf(e, "gross margin %") && e.grossMarginPct !== null
      ? `Gross margin ${e.grossMarginPct}%${e.pricePerMonth !== null && e.costToServePerMonth !== null ? ` (${m(e.pricePerMonth)} price against ${m(e.costToServePerMonth)} to serve, per customer a month)` : ""}${cite(lineOf(e, "gross margin %")?.sources ?? [])}.`
      : "",
    e.tamPerYear !== null && e.marketCustomers !== null ? `The whole market is ${e.marketCustomers.toLocaleString("en-US")} customers, ${m(e.tamPerYear)} a year at this price${cite(lineOf(e, "market per year")?.sources ?? [])}.` : "",
    e.targetRevenuePerYear !== null && e.targetCustomers !== null ? `The target of ${e.targetCustomers} customers is ${m(e.targetRevenuePerYear)} a year${cite(lineOf(e, "target revenue per year")?.sources ?? [])}.` : "",
    e.valuePerYear !== null ? `It is worth ${m(e.valuePerYear)} a year in time saved${cite(lineOf(e, "value per year")?.sources ?? [])}.` : "",
    e.buildCost !== null ? `Building it costs ${m(e.buildCost)}${cite(lineOf(e, "build cost")?.sources ?? [])}${e.paybackMonths !== null ? `, repaid in ${e.paybackMonths} months` : ""}${e.breakEvenCustomers !== null ? `; ${e.breakEvenCustomers} customers repay it within 36 months` : ""}.` : "",
  ].filter(Boolean);
  const questions = [
    e.marketCustomers === null ? "How many customers like the representative one exist, counted bottom-up?" : undefined,
    e.costToServePerMonth === null && (e.pricePerMonth ?? 0) > 0 ? "What does it cost to serve one customer a month?" : undefined,
    e.buildCost === null ? "How many engineers for how many months does v1 take?" : undefined,
  ].filter((q): q is string => q !== undefined);
  const margin = e.grossMarginPct;
  const scores = {
    pricing: score(e.pricePerMonth !== null && e.pricePerMonth > 0 ? 5 : e.valuePerYear !== null ? 4 : s.price ? 3 : 1),
    unitEconomics: score(margin === null ? (e.valuePerYear !== null ? 4 : 2) : margin < 0 ? 1 : margin < 30 ? 2 : margin < 60 ? 3 : margin < 75 ? 4 : 5),
    marketSize: score(economicsProblems.some((p) => p.kind === "market") ? 1 : e.marketCustomers !== null ? 4 : 2),
    measurableOutcome: score(s.metric ? 5 : 1),
  };
  return composeReview(input, {
    // Finance backs only what it could compute: with no margin and no return, the money is an open question, not a yes.
    ...(hasReturn || objections.some((o) => o.blocking) ? {} : { stance: "undecided" as const }),
    scores,
    objections,
    questions,
    anchor: s.price ?? s.metric ?? "",
    summary: (stance) => {
      const figures = computed.length > 0 ? computed.join(" ") : "The brief gives no figures the model can compute from.";
      if (stance === "fund") return `The numbers hold. ${figures}`;
      const top = objections.find((o) => o.blocking) ?? objections[0];
      return `${stance === "kill" ? "I cannot put money behind this." : "Not fundable until the numbers are complete."} ${top ? `${top.text}${cite(top.basis)}` : ""} ${figures}`.replace(/\s+/g, " ").trim();
    },
  }, visible);
}
