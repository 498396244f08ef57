import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractBriefFacts, splitSentences } from "./brief-facts.js";

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/briefs/${name}.md`, import.meta.url), "utf8");

describe("extractBriefFacts", () => {
  it("reads a brief written with headings, moving a success measure out of Business", () => {
    const facts = extractBriefFacts({ title: "RefillReady", text: fixture("strong-vet-clinic-refills") });
    expect(facts.customer).toMatch(/^Front-desk staff at independent small-animal veterinary clinics/);
    expect(facts.customer).toContain("Representative customer: Elena");
    expect(facts.problem).toMatch(/^Pet owners phone for medication refills/);
    expect(facts.evidence).toBe("A 6-week pilot at 2 clinics cut refill phone calls by 58% and the median time to an answer from 19 hours to 3 hours.");
    expect(facts.business).toBe("$119 per clinic per month; texting and hosting cost about $14 per clinic per month.");
    expect(facts.metrics).toBe("Target: 500 clinics in 12 months; success means refill calls down by half within 60 days for each clinic.");
    expect(facts.launch).toBe("Available 1 April 2027 for clinics on Cornerstone and ezyVet.");
    expect(facts.risks).toMatch(/^Practice-management integrations vary/);
  });

  it("reads a brief of plain paragraphs by sentence cues and labels", () => {
    const facts = extractBriefFacts({ title: "OfficePlus", text: fixture("weak-feature-pile") });
    expect(facts.customer).toBe("For companies of all sizes.");
    expect(facts.business).toBe("Price: competitive.");
    expect(facts.launch).toBe("Launch: when ready.");
    expect(facts.problem).toBe("");
    expect(facts.solution).toMatch(/^OfficePlus adds AI email summaries/);
  });

  it("lets structured fields override what the text says", () => {
    const facts = extractBriefFacts({ title: "X", text: "## Customer\nEveryone.", customer: "Dental office managers at 3-chair practices", launchDate: "2027-03-03" });
    expect(facts.customer).toBe("Dental office managers at 3-chair practices");
    expect(facts.launch).toBe("2027-03-03");
  });

  it("accepts labels in bold and bullets, and never throws on odd input", () => {
    const facts = extractBriefFacts({ title: "T", text: "- **Problem:** Nurses lose 40 minutes a shift.\n* Pricing: $9 per bed per month" });
    expect(facts.problem).toBe("Nurses lose 40 minutes a shift.");
    expect(facts.business).toBe("Pricing: $9 per bed per month.");
    expect(() => extractBriefFacts({ title: "x", text: "###\n**\n:::\n# \n1." })).not.toThrow();
  });
});

describe("extractBriefFacts on briefs written loosely", () => {
  it("files every sentence after a label under that label", () => {
    const facts = extractBriefFacts({ title: "ChairFill", text: "Problem: A chair sits empty. The practice loses 9 visits a week, about $1,400." });
    expect(facts.problem).toBe("A chair sits empty. The practice loses 9 visits a week, about $1,400.");
    expect(facts.business).toBe("");
  });

  it("reads a run-on brief with no full stops clause by clause", () => {
    const text =
      "the people we want are head chefs at restaurants doing 150 covers a day, theres about 30,000 of them in the UK, they throw away 11% of the food they prep every week, what we do is tell the kitchen how many portions to prep, we tried it by hand with 4 restaurants and waste went from 11% to 6%, we'd charge £149 per restaurant per month";
    const facts = extractBriefFacts({ title: "Prep", text });
    expect(facts.customer).toContain("head chefs");
    expect(facts.customer).toContain("30,000");
    expect(facts.problem).toContain("throw away 11%");
    expect(facts.solution).toContain("tell the kitchen");
    expect(facts.evidence).toContain("we tried it");
    expect(facts.business).toContain("£149");
  });

  it("reads a sentence whose subject is the product as the solution", () => {
    const facts = extractBriefFacts({ title: "StopWatch: bus times", text: "StopWatch texts parents ten minutes before the bus, and posts delays to the district's page." });
    expect(facts.solution).toContain("StopWatch texts parents");
    expect(facts.problem).toBe("");
  });
});

describe("splitSentences", () => {
  it("keeps decimals and splits on sentence ends", () => {
    expect(splitSentences("It costs $4.50 a month. Pilots ran 6 weeks! Done?")).toEqual(["It costs $4.50 a month.", "Pilots ran 6 weeks!", "Done?"]);
  });
});
