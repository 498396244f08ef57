import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("writing-pr-after-building", () => {
  it("fires on a team that says it has already developed the product, quoting the sentence", () => {
    const s = "Our team has developed a lane-booking engine over the past two years.";
    expect(findingsOf(docWith({ summary: `${s} LaneLine launched today for council-run pools.` }), "writing-pr-after-building")).toEqual([
      expect.objectContaining({ severity: "critical", evidence: s }),
    ]);
  });

  it("fires on 'already built' in the FAQ and on a decision announced in the press release", () => {
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Why now?", answer: "We have already built it, so launching costs little." });
    expect(findingsOf(doc, "writing-pr-after-building")[0]?.evidence).toBe("We have already built it, so launching costs little.");
    const decided = docWith({ leaderQuote: "\"We decided to build LaneLine for every pool in the country,\" said Ruth Adeyemi, founder of LaneLine." });
    expect(findingsOf(decided, "writing-pr-after-building")).toHaveLength(1);
  });

  it("does not fire on a launch written as if it happened today", () => {
    expect(findingsOf(cleanDoc(), "writing-pr-after-building")).toEqual([]);
  });

  it("does not fire on a prototype built to learn, or a decision explained in the FAQ", () => {
    const doc = docWith({ summary: "We have already built a prototype and watched 9 duty managers use it for a week. LaneLine launched today for council-run pools." });
    doc.internalFaq.push({ question: "Why only 20 pools?", answer: "We decided to launch where we have mapped the lane rules." });
    expect(findingsOf(doc, "writing-pr-after-building")).toEqual([]);
  });
});

describe("solution-first-thinking", () => {
  const noProblem = { heading: "LaneLine", subheading: "Lane booking for public pools", problem: "" };

  it("fires on pilots spread over several markets to see which one takes", () => {
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "What is the plan?", answer: "We will run trials across several sectors to find the strongest one before we hire sales." });
    expect(findingsOf(doc, "solution-first-thinking")).toHaveLength(1);
    const focused = cleanDoc();
    focused.internalFaq.push({ question: "What is the plan?", answer: "We will run trials at 6 council pools to find out whether booking no-shows fall." });
    expect(findingsOf(focused, "solution-first-thinking")).toEqual([]);
  });

  it("fires on an opening that leads with the technology and no problem", () => {
    const s = "Powered by our new Tidal engine, LaneLine is the booking platform for the future.";
    expect(findingsOf(docWith({ ...noProblem, summary: s }), "solution-first-thinking")).toEqual([
      expect.objectContaining({ severity: "critical", evidence: s }),
    ]);
  });

  it("fires on an opening that describes the product by its chip and protocol acronyms", () => {
    const s = "LaneLine reads every lane with LoRaWAN sensors and an NVMe edge cache.";
    expect(findingsOf(docWith({ ...noProblem, summary: s }), "solution-first-thinking")).toEqual([expect.objectContaining({ evidence: s })]);
  });

  it("fires on a technology looking for a problem, said outright", () => {
    const s = "We are looking for use cases beyond swimming.";
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Who will buy it?", answer: s });
    const [f] = findingsOf(doc, "solution-first-thinking");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain("looking for a problem");
  });

  it("fires on demand expected to follow once buyers are shown the technology", () => {
    for (const s of ["Leisure operators will want it once they see the demo.", "Once councils try the platform, they will buy it for every pool."]) {
      const doc = cleanDoc();
      doc.internalFaq.push({ question: "Who will buy it?", answer: s });
      expect(findingsOf(doc, "solution-first-thinking"), s).toEqual([expect.objectContaining({ evidence: s })]);
    }
  });

  it("does not fire on an opening that starts from the customer", () => {
    expect(findingsOf(cleanDoc(), "solution-first-thinking")).toEqual([]);
  });

  it("does not fire on 'once' that orders two steps of using the product", () => {
    for (const solution of [
      "Once the duty manager closes a lane, every swimmer booked on it will get a text and a new slot.",
      "Once swimmers see the lane map, they will want the nearest free lane, and LaneLine offers it first.",
    ]) {
      expect(findingsOf(docWith({ solution }), "solution-first-thinking"), solution).toEqual([]);
    }
  });

  it("does not fire when a pain precedes the technology or an evidenced problem follows", () => {
    const painFirst = docWith({ summary: "One lap swimmer in five is turned away at peak hours. LaneLine, powered by our new booking engine, ends that." });
    expect(findingsOf(painFirst, "solution-first-thinking")).toEqual([]);
    const evidenced = docWith({ summary: "Powered by our booking engine, LaneLine launched today for council-run pools." });
    expect(findingsOf(evidenced, "solution-first-thinking")).toEqual([]);
  });
});

describe("skipping-the-iteration", () => {
  it("fires for an unrevised version 1, explaining why", () => {
    const [f] = findingsOf(cleanDoc(), "skipping-the-iteration", { version: 1, revised: false });
    expect(f).toMatchObject({ severity: "medium", evidence: "version 1 (not yet revised)" });
    expect(f?.message).toContain("has not been revised");
  });

  it("fires when the text calls itself final with no revision history", () => {
    const s = "This draft is the final document for sign-off.";
    expect(findingsOf(docWith({ callToAction: `Pools can start a free trial. ${s}` }), "skipping-the-iteration")).toEqual([
      expect.objectContaining({ evidence: s }),
    ]);
  });

  it("does not fire for a revised version or without context", () => {
    expect(findingsOf(cleanDoc(), "skipping-the-iteration", { version: 2, revised: true })).toEqual([]);
    expect(findingsOf(cleanDoc(), "skipping-the-iteration")).toEqual([]);
  });

  it("does not fire for a final version that shows its revision history", () => {
    const doc = docWith({ callToAction: "This is the final version, revised after the review of draft 2." });
    expect(findingsOf(doc, "skipping-the-iteration")).toEqual([]);
  });
});

// Sentences written for these tests (a lane-booking product for public pools); none comes from a fixture.
describe("writing-pr-after-building: building told in the past tense", () => {
  it.each([
    ["the team finished it, with when", "Our engineers finished LaneLine 2.0 in the spring after fourteen months of work."],
    ["the product shipped at a past time", "The lane-booking app shipped last quarter to 40 pools."],
    ["we launched it some time ago", "We launched LaneLine at 12 pools a year ago."],
    ["building started in the past", "Engineering started building the lane sensors nine months ago."],
    ["how long the build took, as done", "It took two years to build the lane-sensor network."],
    ["the work itself said to be over", "The build is complete, and the rest of the budget is spent."],
    ["in use already", "LaneLine has been live at 12 pools since March."],
  ])("fires on %s", (_pattern, s) => {
    expect(findingsOf(docWith({ howItWorks: `${s} Pools pay £149 per pool per month.` }), "writing-pr-after-building")).toEqual([
      expect.objectContaining({ severity: "critical", evidence: s }),
    ]);
  });

  it("fires on past-tense building in an FAQ answer", () => {
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Where are we?", answer: "Development finished last month; sales starts in May." });
    expect(findingsOf(doc, "writing-pr-after-building")).toEqual([expect.objectContaining({ evidence: "Development finished last month; sales starts in May." })]);
  });

  it.each([
    ["a launch dated today", "LaneLine launched today for council-run pools."],
    ["a pilot finished in the past", "We finished a six-week pilot at three pools last month."],
    ["someone else's past launch", "Since the council launched online booking last year, morning queues have doubled."],
    ["the pain dated in the past, in another clause", "We built LaneLine because swimmers were turned away 2,300 times last year."],
    ["a rival's product", "Last year a rival booking site shipped a lane map."],
  ])("does not fire on %s", (_pattern, s) => {
    expect(findingsOf(docWith({ problem: `${s} One lap swimmer in five is turned away at peak hours.` }), "writing-pr-after-building")).toEqual([]);
  });
});

describe("after-building and solution-first: the team's time on the technology, decisions by others, a showcase", () => {
  it("does not take time the team spent on a technology for building the product", () => {
    const summary = "Our team has spent three years working with radar sensors. LaneLine launched today for council-run pools.";
    expect(findingsOf(docWith({ summary }), "writing-pr-after-building")).toEqual([]);
  });

  it("still fires on time the team spent building it", () => {
    const summary = "Our team has spent two years building LaneLine. It launched today for council-run pools.";
    expect(findingsOf(docWith({ summary }), "writing-pr-after-building")).toHaveLength(1);
  });

  it("fires on a decision someone 'has already decided' in the press release", () => {
    const s = "The council has already decided to put LaneLine in every pool it runs.";
    expect(findingsOf(docWith({ summary: `LaneLine launched today for council-run pools. ${s}` }), "writing-pr-after-building")).toEqual([
      expect.objectContaining({ evidence: s }),
    ]);
  });

  it("fires solution-first on a product meant to show what the technology can do", () => {
    const s = "We wanted an app that shows what our radar sensors can do.";
    expect(findingsOf(docWith({ summary: `LaneLine launched today for council-run pools. ${s}` }), "solution-first-thinking")).toEqual([
      expect.objectContaining({ evidence: s }),
    ]);
  });
});

describe("solution-first-thinking: the company looking for a market for what it has", () => {
  it("fires when 'we looked for the market where' the technology could go", () => {
    const sentence = "Once the sensor worked on our test rig, we looked for the first market where it could earn its keep, and settled on public pools.";
    const [f] = findingsOf(docWith({ problem: `${sentence} Duty managers count swimmers by hand.` }), "solution-first-thinking");
    expect(f).toMatchObject({ severity: "critical", evidence: sentence });
  });

  it("does not fire on customers looking for a market for their own goods", () => {
    const doc = docWith({ problem: "Allotment growers struggle to find a market for their surplus; 40% of it is thrown away each August." });
    expect(findingsOf(doc, "solution-first-thinking")).toEqual([]);
  });
});
