import { fmt } from "../../domain/economics.js";
import { factsOf } from "../../domain/ledger.js";
import type { Review } from "../../domain/review.js";
import type { FinalReadInput } from "../contracts.js";
import { composeReview, findingsOf, score, visibleSentences, type Objection } from "../shared/lens.js";
import { cite } from "../shared/text.js";

/**
 * The offline bar raiser: after the meeting concludes, it reads the final document and the computed
 * figures once, cold (never the reviews or the arguments), and asks what a fund must show before anyone
 * outside the team would defend it a year from now: that it pays (a computed margin or return), that
 * customers did something with it (a trial, interviews, payments), and a number to hold it to (a success
 * measure with a date). A fund missing two of the three is vetoed: it is not the bet the document says
 * it is, and the cheapest test comes first. A kill it seconds or leaves alone: a veto only ever stops money.
 */
export function reviewAsBarRaiserOffline(input: FinalReadInput): Review {
  const visible = visibleSentences(input.prfaq, { internal: true });
  const { economics: e, stage, stageWhy } = input.analysis;
  const m = (n: number) => fmt(n, e.currency);
  const margin = e.lines.find((l) => l.label === "gross margin %");
  const value = e.lines.find((l) => l.label === "value per year");
  const pays = e.grossMarginPct !== null || e.valuePerYear !== null;
  const tried = stage !== "hypothesis";
  const noMeasure = findingsOf(input.findings, ["no-measurable-outcome"])[0];
  const measured = noMeasure === undefined;
  const shown = [
    pays ? (e.grossMarginPct !== null ? `it pays: ${e.grossMarginPct}% gross margin${cite(margin?.sources ?? [])}` : `it pays: ${m(e.valuePerYear ?? 0)} a year of time saved${cite(value?.sources ?? [])}`) : "",
    tried ? `customers did something with it (${stage})${cite(stageWhy.sources)}` : "",
    measured ? "success is a number with a date" : "",
  ].filter(Boolean);
  const missing = [
    pays ? "" : "whether it pays (no margin or return could be computed from the brief)",
    tried ? "" : "anything customers did with it (no trial, interviews or payments)",
    measured ? "" : "a number to hold it to (no success measure with a date)",
  ].filter(Boolean);
  const veto = input.lean === "fund" && missing.length >= 2;
  const objections: Objection[] = veto
    ? [
        {
          kind: pays ? "evidence" : "economics",
          text: `Not yet: the document does not show ${missing.join(", nor ")}. A fund needs at least two of those three; run the cheapest test that would show them first.`,
          // What it rests on: the money facts no margin or return could be computed from, the stage's reading, the rubric's finding.
          basis: [...(pays ? (margin ?? value)?.sources ?? [] : factsOf(input.analysis.ledger, "business").map((f) => f.id)), ...(tried ? [] : stageWhy.sources), ...(noMeasure ? [noMeasure.check] : [])],
          blocking: true,
        },
      ]
    : missing.map((what) => ({ kind: "evidence" as const, text: `The document does not show ${what}.`, basis: [], blocking: false }));
  return composeReview(
    input,
    {
      stance: input.lean === "kill" || veto ? "kill" : "fund",
      scores: { pays: score(pays ? 4 : 1), evidence: score(tried ? 4 : 1), measurable: score(measured ? 5 : 1) },
      objections,
      questions: missing.map((what) => `What would show ${what.replace(/\s*\(.*\)$/, "")}?`),
      anchor: visible.find((s) => /\d/.test(s)) ?? "",
      summary: (stance) =>
        input.lean === "kill"
          ? `Bar raiser (a cold read of version ${input.version}): the meeting kills it and I would not overrule that; read alone, the document shows ${shown.length ? shown.join("; ") : "none of what a fund needs"}.`
          : stance === "kill"
            ? `Bar raiser (a cold read of version ${input.version}): I veto the fund. ${objections[0]?.text ?? ""}`
            : `Bar raiser (a cold read of version ${input.version}): I would defend this fund a year from now: ${shown.join("; ")}.${missing.length ? ` Still to show: ${missing.join("; ")}.` : ""}`,
    },
    visible,
  );
}
