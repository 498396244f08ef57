import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("vague-customer-definition", () => {
  it("fires on an everyone-customer with no named segment, quoting the sentence", () => {
    const doc = docWith({
      heading: "LaneLine Ends the Wait for a Lap Lane",
      subheading: "A better way to book a lane",
      summary: "LaneLine is for everyone. Book a lane in two taps.",
    });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([expect.objectContaining({ severity: "critical", evidence: "LaneLine is for everyone." })]);
  });

  it("fires on organisations of every size or kind", () => {
    const doc = docWith({ heading: "LaneLine", subheading: "Built for teams of every size", summary: "LaneLine books rooms, desks and lanes." });
    const [f] = findingsOf(doc, "vague-customer-definition");
    expect(f).toMatchObject({ severity: "critical", evidence: "Built for teams of every size" });
    expect(f?.message).toContain('"teams of every size" is not a customer');
  });

  it("fires on organisations described by their size alone", () => {
    for (const subheading of ["Booking for small and mid-sized businesses", "The booking tool large enterprises trust", "Made for enterprise customers"]) {
      const doc = docWith({ heading: "LaneLine", subheading, summary: "LaneLine books rooms, desks and lanes." });
      expect(findingsOf(doc, "vague-customer-definition"), subheading).toEqual([expect.objectContaining({ evidence: subheading })]);
    }
  });

  it("fires when no customer is named at all", () => {
    const doc = docWith({ heading: "LaneLine Is Here", subheading: "", summary: "LaneLine books in two taps.", problem: "", customerQuote: "" });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([
      expect.objectContaining({ evidence: "customer (not named in the heading, subheading or summary)" }),
    ]);
  });

  it("does not fire for a named, countable segment", () => {
    expect(findingsOf(cleanDoc(), "vague-customer-definition")).toEqual([]);
  });

  it("does not fire when 'anyone' or a size appears beside a specific customer", () => {
    const doc = docWith({ callToAction: "Anyone at the front desk of a small or mid-sized leisure centre can start a free 60-day trial at laneline.example." });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([]);
  });
});
