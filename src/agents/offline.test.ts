import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractBriefFacts } from "../domain/brief-facts.js";
import { runRubric } from "../rubric/index.js";
import { draftOffline, OPEN_QUESTION } from "./drafter/index.js";
import { reviewAsEngineerOffline } from "./engineer/index.js";
import { reviewAsFinanceOffline } from "./finance/index.js";
import { decideOffline } from "./leader/index.js";

const brief = (name: string) => {
  const text = readFileSync(new URL(`../../test/fixtures/briefs/${name}.md`, import.meta.url), "utf8");
  return extractBriefFacts({ title: /^#\s+(.+)$/m.exec(text)?.[1] ?? name, text });
};
const createdAt = "2026-11-25T00:00:00.000Z";

function firstRound(name: string) {
  const facts = brief(name);
  const { prfaq } = draftOffline({ facts, version: 1, changes: [], findings: [], createdAt });
  const rubric = runRubric(prfaq, { version: 1, revised: false });
  const base = { round: 1, version: 1, prfaq, findings: rubric.findings, score: rubric.score, facts };
  return {
    facts,
    prfaq,
    rubric,
    engineer: reviewAsEngineerOffline({ ...base, agent: "engineer", role: "engineer" }),
    finance: reviewAsFinanceOffline({ ...base, agent: "finance", role: "finance" }),
  };
}

describe("offline drafter", () => {
  it("builds v1 from the brief's own sentences and invents nothing", () => {
    const { prfaq } = firstRound("strong-vet-clinic-refills");
    expect(prfaq.pressRelease.heading).toBe("RefillReady: prescription refills for veterinary clinics");
    expect(prfaq.pressRelease.dateline).toBe("April 1, 2027");
    expect(prfaq.pressRelease.problem).toContain("refill calls were 31% of all inbound calls");
    expect(prfaq.pressRelease.customerQuote).toContain("said Elena");
    expect(prfaq.externalFaq.find((q) => q.question === "How much does it cost?")?.answer).toContain("$119 per clinic per month");
  });

  it("turns what the brief does not say into open questions", () => {
    const { prfaq } = firstRound("weak-social-for-everyone");
    const open = [...prfaq.externalFaq, ...prfaq.internalFaq].filter((q) => q.answer === OPEN_QUESTION).map((q) => q.question);
    expect(open).toContain("How much does it cost?");
    expect(open).toContain("How do we measure success, and by when?");
    expect(prfaq.pressRelease.dateline).toBe("");
    expect(prfaq.pressRelease.customerQuote).toBe("");
  });

  it("revises: an assumed, labelled date fixes missing-the-date; facts only the author has stay open", () => {
    const { facts, prfaq, rubric } = firstRound("weak-social-for-everyone");
    const v2 = draftOffline({
      facts,
      version: 2,
      previous: prfaq,
      findings: rubric.findings,
      createdAt,
      changes: [
        { priority: 1, section: "dateline", change: "Add a launch date", why: "rubric", check: "missing-the-date" },
        { priority: 2, section: "customer", change: "Name the customer", why: "rubric", check: "vague-customer-definition" },
      ],
    });
    expect(v2.prfaq.pressRelease.dateline).toBe("May 1, 2027 (assumed launch date; the brief gives none)");
    expect(v2.changes[1]).toMatch(/^Not changed: .*needs facts from the author/);
    const after = runRubric(v2.prfaq, { version: 2, revised: true }).findings.map((f) => f.check);
    expect(after).not.toContain("missing-the-date");
    expect(after).not.toContain("skipping-the-iteration");
    expect(after).toContain("vague-customer-definition");
  });
});

describe("offline reviewers", () => {
  it.each(["strong-vet-clinic-refills", "strong-clinical-trial-matching"])("the engineer and finance back %s", (name) => {
    const { engineer, finance } = firstRound(name);
    expect(engineer.stance).toBe("fund");
    expect(finance.stance).toBe("fund");
    expect(finance.summary).toMatch(/numbers hold together/);
  });

  it("finance holds back on a strong idea whose margin and market size are unknown", () => {
    const { engineer, finance } = firstRound("strong-warehouse-picking");
    expect(engineer.stance).toBe("fund");
    expect(finance.stance).toBe("undecided");
    expect(finance.objections).toEqual([
      "The price is there but not the cost to serve: the margin is unknown.",
      "No count of customers who could buy this: the market size is unknown.",
    ]);
  });

  it.each(["weak-feature-pile", "weak-social-for-everyone", "weak-tech-looking-for-problem"])("finance would kill %s: no price and no measurable outcome", (name) => {
    const { finance } = firstRound(name);
    expect(finance.stance).toBe("kill");
    expect(finance.objections[0]).toBe("There is no price, so there is no revenue model to check.");
  });

  it("the engineer kills a technology looking for a problem, quoting the draft", () => {
    const { engineer, prfaq } = firstRound("weak-tech-looking-for-problem");
    expect(engineer.stance).toBe("kill");
    expect(JSON.stringify(prfaq)).toContain(engineer.quote);
  });
});

describe("offline leader", () => {
  it("never funds a first draft, and kills early when critical findings need the author", () => {
    const strong = firstRound("strong-vet-clinic-refills");
    const d1 = decideOffline({
      round: 1,
      rounds: 3,
      facts: strong.facts,
      budgetExhausted: false,
      history: [{ round: 1, version: 1, score: strong.rubric.score, findings: strong.rubric.findings, reviews: [strong.engineer, strong.finance] }],
    });
    expect(d1).toMatchObject({ action: "iterate", leaning: "fund" });
    expect(d1.changes[0]?.check).toBe("skipping-the-iteration");

    const weak = firstRound("weak-tech-looking-for-problem");
    const d2 = decideOffline({
      round: 1,
      rounds: 3,
      facts: weak.facts,
      budgetExhausted: false,
      history: [{ round: 1, version: 1, score: weak.rubric.score, findings: weak.rubric.findings, reviews: [weak.engineer, weak.finance] }],
    });
    expect(d2).toMatchObject({ action: "conclude", leaning: "kill", changes: [] });
    expect(d2.rationale).toMatch(/critical finding\(s\) need facts the brief does not have/);
  });
});
