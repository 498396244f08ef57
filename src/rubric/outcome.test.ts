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
    const doc = docWith({ leaderQuote: "\"We aim to cut refill calls by half within 60 days at every clinic,\" said Sam Okafor, founder of RefillReady." });
    doc.internalFaq = withoutMetrics().internalFaq;
    expect(findingsOf(doc, "no-measurable-outcome")).toEqual([]);
  });

  it("tells targets from reports of the past", () => {
    expect(isMeasurableOutcome("Picks per hour up 20% within 30 days of go-live.")).toBe(true);
    expect(isMeasurableOutcome("500 clinics in 12 months.", "How do we measure success?")).toBe(true);
    expect(isMeasurableOutcome("Water use down 15% within one season on 200 farms.")).toBe(true);
    expect(isMeasurableOutcome("1,500 kits sold and fines under 2% of trips by the end of the 2028 harvest.", "How will we measure success?")).toBe(true);
    expect(isMeasurableOutcome("In a six-week pilot at two clinics, refill phone calls fell by 58%.")).toBe(false);
    expect(isMeasurableOutcome("We will reach 100 million users.")).toBe(false);
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
    expect(findingsOf(docWith({ dateline: "BOISE, Idaho" }), "missing-the-date")).toEqual([
      expect.objectContaining({ evidence: "dateline (no launch date)" }),
    ]);
  });

  it("does not fire on a dated dateline in any style", () => {
    for (const dateline of ["BOISE, Idaho, April 1, 2027", "London, 15 January 2027", "2027-03-03", "SEATTLE – (March 3, 2027)"]) {
      expect(findingsOf(docWith({ dateline }), "missing-the-date")).toEqual([]);
    }
  });

  it("does not fire on a date in the text or a quarter in the launch answer", () => {
    expect(findingsOf(docWith({ dateline: "", callToAction: "Clinics can sign up from 1 April 2027." }), "missing-the-date")).toEqual([]);
    const doc = docWith({ dateline: "" }, { externalFaq: [{ question: "When does it launch?", answer: "In Q3 2027." }] });
    expect(findingsOf(doc, "missing-the-date")).toEqual([]);
  });
});
