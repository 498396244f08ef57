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
    expect(facts.launch).toBe("when ready.");
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

  // Written for this test (no fixture): a brief typed in one breath, without full stops or apostrophes.
  it("reads a run-on line with no full stops clause by clause, and contractions typed without apostrophes", () => {
    const text =
      "the customers we serve are kennel owners with 20 to 80 runs, theres about 4,000 of them in the UK, they turn away a dozen dogs every bank holiday because bookings live in a paper diary, what we do is show free runs online and take a deposit, we tried it by hand with 5 kennels over the summer and turned-away dogs went from 12 to 3, wed charge £59 per kennel per month, we dont know yet how owners will take to deposits";
    const facts = extractBriefFacts({ title: "RunBook", text });
    expect(facts.customer).toContain("kennel owners");
    expect(facts.customer).toContain("there's about 4,000 of them");
    expect(facts.problem).toContain("they turn away a dozen dogs");
    expect(facts.evidence).toContain("we tried it by hand");
    expect(facts.business).toContain("we'd charge £59");
  });

  it("reads an ordinary long sentence whole: only a line without full stops is run-on", () => {
    const long = "Harbour pilots plan each job from tide tables, the ship's particulars in a PDF, phone calls to dispatch, a weather app and a spreadsheet of gauge readings, which takes about 25 minutes a job, and last year two near-groundings came from clearances worked out by hand.";
    const facts = extractBriefFacts({ title: "T", text: `Problem: ${long}` });
    expect(facts.problem).toBe(long);
  });

  it("reads a lead-in as a label, and keeps the words of one that says what its value is", () => {
    const facts = extractBriefFacts({ title: "T", text: "As for the problem, vans sit idle for 3 days a month. As for the cost to serve, $12 per van per month." });
    expect(facts.problem).toBe("Vans sit idle for 3 days a month.");
    expect(facts.business).toBe("Cost to serve: $12 per van per month.");
  });

  it("reads a two-column table as labelled lines", () => {
    const facts = extractBriefFacts({ title: "T", text: "| | |\n|---|---|\n| Price | $20 per van per month |\n| What goes wrong | Vans sit idle 3 days a month |" });
    expect(facts.business).toBe("Price: $20 per van per month.");
    expect(facts.problem).toBe("Vans sit idle 3 days a month.");
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
  it("ends a sentence before a lower-case word, as casual writing does, but not after an abbreviation", () => {
    expect(splitSentences("we timed it. six crews, two weeks. about 3 hours each, e.g. on a wet day, approx. 40 calls vs. 12 before.")).toEqual([
      "we timed it.",
      "six crews, two weeks.",
      "about 3 hours each, e.g. on a wet day, approx. 40 calls vs. 12 before.",
    ]);
  });
});

describe("questions as headings", () => {
  it("a question about money names the business part whoever it mentions, and one about how they know names the evidence", () => {
    const text = [
      "**Q: Who is it for?**", "A: Small lettings agencies with one or two negotiators.",
      "**Q: How do you know it hurts?**", "A: We sat with 9 agencies and read their call logs for a month.",
      "**Q: What does it cost the customer?**", "A: $90 a month per agency.",
      "**Q: How big is the market?**", "A: About 6,500 agencies do this work.",
      "**Q: And what does it cost us?**", "A: About $12 a month per agency: $8 for data, $4 for support.",
    ].join("\n");
    const facts = extractBriefFacts({ title: "Lettings", text });
    expect(facts.evidence).toContain("We sat with 9 agencies");
    expect(facts.business).toContain("$90 a month per agency");
    expect(facts.business).toContain("About 6,500 agencies");
    // An answer that starts with an amount is not a label of its own: the question says what the amount is.
    expect(facts.business).toMatch(/cost us\?: About \$12/);
  });
});
