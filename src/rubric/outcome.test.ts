import { describe, expect, it } from "vitest";
import { isMeasurableOutcome } from "./outcome.js";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

const withoutMetrics = () => {
  const doc = cleanDoc();
  doc.internalFaq = doc.internalFaq.filter((f) => !/success|stop/i.test(f.question));
  return doc;
};

describe("no-measurable-outcome", () => {
  it("fires when nothing defines success", () => {
    expect(findingsOf(withoutMetrics(), "no-measurable-outcome")).toEqual([
      expect.objectContaining({ severity: "high", evidence: "success measure (none in the document)" }),
    ]);
  });

  it("fires on a success answer with no number or no time frame, quoting it", () => {
    const doc = withoutMetrics();
    doc.internalFaq.push({ question: "How do we measure success?", answer: "We will reach 100 million users. Engagement will grow." });
    const [f] = findingsOf(doc, "no-measurable-outcome");
    expect(f).toMatchObject({ evidence: "We will reach 100 million users." });
    expect(f?.message).toContain("no number and time frame");
  });

  it("does not fire on a number with a time frame in the internal FAQ", () => {
    expect(findingsOf(cleanDoc(), "no-measurable-outcome")).toEqual([]);
  });

  it("does not fire on a target stated in the press release", () => {
    const doc = docWith({ leaderQuote: "\"We aim to cut turn-aways by half within 60 days at every pool,\" said Ruth Adeyemi, founder of LaneLine." });
    doc.internalFaq = withoutMetrics().internalFaq;
    expect(findingsOf(doc, "no-measurable-outcome")).toEqual([]);
  });

  it("tells targets from reports of the past", () => {
    expect(isMeasurableOutcome("Bookings per lane up 20% within 30 days of switching on.")).toBe(true);
    expect(isMeasurableOutcome("150 pools in 12 months.", "What does success look like?")).toBe(true);
    expect(isMeasurableOutcome("Turn-aways down 15% within one season at 40 pools.")).toBe(true);
    expect(isMeasurableOutcome("2,000 weekly bookers and no-shows under 5% by the end of the 2028 season.", "How will we know it works?")).toBe(true);
    expect(isMeasurableOutcome("In an eight-week trial at three pools, turn-aways fell by 17 points.")).toBe(false);
    expect(isMeasurableOutcome("We will reach 100 million users.")).toBe(false);
    expect(isMeasurableOutcome("Wait times down to 10 minutes by the end of March.")).toBe(true);
    expect(isMeasurableOutcome("Average call time under 5 minutes, measured over June.", "How will we measure it?")).toBe(true);
    expect(isMeasurableOutcome("300 schools paying by next summer term.", "What does success look like?")).toBe(true);
  });

  it("reads a time frame written in words, any number of them", () => {
    for (const t of ["Turn-aways down 40% within eighteen months.", "Bookings up 25% within twenty-one days.", "No-shows down 30% over forty-five days."]) {
      expect(isMeasurableOutcome(t), t).toBe(true);
    }
  });
});

describe("no-measurable-outcome: 'for the first N months' as a time frame", () => {
  it("reads 'for the first/next N months' as a time frame, but not a bare 'for N months'", () => {
    expect(isMeasurableOutcome("Our goal for the first 18 months is that 200 pools take bookings through LaneLine.")).toBe(true);
    expect(isMeasurableOutcome("The target for the next two years: turn-aways under 5% at 90 pools.")).toBe(true);
    expect(isMeasurableOutcome("We will keep the price at £149 for 12 months.")).toBe(false);
  });
});

describe("missing-the-date", () => {
  it("fires on 'Soon', quoting the sentence", () => {
    const doc = docWith({ dateline: "" }, { externalFaq: [{ question: "When can I get it?", answer: "Soon." }] });
    const [f] = findingsOf(doc, "missing-the-date");
    expect(f).toMatchObject({ severity: "medium", evidence: "Soon." });
    expect(f?.message).toContain('"Soon" is not a date');
  });

  it("fires when there is no date at all, naming the dateline", () => {
    expect(findingsOf(docWith({ dateline: "LEEDS, England" }), "missing-the-date")).toEqual([
      expect.objectContaining({ evidence: "dateline (no launch date)" }),
    ]);
  });

  it("does not fire on a dated dateline in any style", () => {
    for (const dateline of ["LEEDS, England, May 4, 2027", "Leeds, 4 May 2027", "2027-05-04", "LEEDS – (May 4, 2027)"]) {
      expect(findingsOf(docWith({ dateline }), "missing-the-date")).toEqual([]);
    }
  });

  it("does not fire on a date in the text or a quarter in the launch answer", () => {
    expect(findingsOf(docWith({ dateline: "", callToAction: "Pools can sign up from 4 May 2027." }), "missing-the-date")).toEqual([]);
    const doc = docWith({ dateline: "" }, { externalFaq: [{ question: "When does it launch?", answer: "In Q3 2027." }] });
    expect(findingsOf(doc, "missing-the-date")).toEqual([]);
  });
});

describe("no-measurable-outcome: a deadline written as a full date", () => {
  it.each([
    "By 31 March 2029 we aim to have 200 pools booking lanes through LaneLine.",
    "We want 200 pools on LaneLine by March 31, 2029.",
  ])("counts %j", (sentence) => {
    expect(isMeasurableOutcome(sentence)).toBe(true);
  });

  it("still needs a number besides the date", () => {
    expect(isMeasurableOutcome("By 31 March 2029 we aim to have pools everywhere using LaneLine.")).toBe(false);
  });
});
