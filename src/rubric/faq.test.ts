import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("faq-too-short", () => {
  it("fires on one external question and no internal FAQ", () => {
    const doc = docWith({}, { externalFaq: [{ question: "When can I get it?", answer: "Soon." }], internalFaq: [] });
    const [f] = findingsOf(doc, "faq-too-short");
    expect(f).toMatchObject({ severity: "medium", evidence: "External FAQ: 1 question; Internal FAQ: missing" });
    expect(f?.message).toContain("external");
    expect(f?.message).toContain("internal");
  });

  it("fires when only the internal part is short", () => {
    const doc = cleanDoc();
    doc.internalFaq = doc.internalFaq.slice(0, 2);
    expect(findingsOf(doc, "faq-too-short")).toEqual([expect.objectContaining({ evidence: "External FAQ: 3 questions; Internal FAQ: 2 questions" })]);
  });

  it("does not fire with 3 external and 6 internal questions", () => {
    expect(findingsOf(cleanDoc(), "faq-too-short")).toEqual([]);
  });

  it("does not fire at exactly 3 and 3", () => {
    const doc = cleanDoc();
    doc.internalFaq = doc.internalFaq.slice(1, 4);
    expect(findingsOf(doc, "faq-too-short")).toEqual([]);
  });
});

describe("faq-avoids-hard-questions", () => {
  it("fires when the internal FAQ asks only easy questions", () => {
    const doc = docWith({}, {
      internalFaq: [
        { question: "How many pools could use this?", answer: "About 1,100." },
        { question: "What colour is the logo?", answer: "Teal." },
        { question: "How do we measure success?", answer: "Turn-aways down 60% within 90 days." },
      ],
    });
    const [f] = findingsOf(doc, "faq-avoids-hard-questions");
    expect(f).toMatchObject({ severity: "high", evidence: "Internal FAQ asks about none of the hard themes; not competition, cost and unit economics, risk and what v1 gets wrong, cannibalisation, what would make us stop" });
    expect(f?.message).toContain("what it cannibalises");
  });

  it("fires when there is no internal FAQ", () => {
    expect(findingsOf(docWith({}, { internalFaq: [] }), "faq-avoids-hard-questions")).toEqual([
      expect.objectContaining({ evidence: "Internal FAQ (missing)" }),
    ]);
  });

  it("does not fire when 4 of the 5 themes are asked", () => {
    expect(findingsOf(cleanDoc(), "faq-avoids-hard-questions")).toEqual([]);
  });

  it("does not fire at exactly 3 themes, even with unknown answers", () => {
    const doc = docWith({}, {
      internalFaq: [
        { question: "What could it cannibalise?", answer: "Open question: the brief does not say." },
        { question: "What does it cost to run?", answer: "Open question: the brief does not say." },
        { question: "Why hasn't anyone done this already?", answer: "Open question: the brief does not say." },
      ],
    });
    expect(findingsOf(doc, "faq-avoids-hard-questions")).toEqual([]);
  });
});
