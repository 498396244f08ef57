import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("vague-customer-definition", () => {
  it("fires on 'everyone' with no named segment, quoting the sentence", () => {
    const doc = docWith({
      heading: "RefillReady Ends the Refill Phone Tag",
      subheading: "A better way to get refills",
      summary: "RefillReady is for everyone. Refills by text, approved in one tap.",
    });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([
      expect.objectContaining({ severity: "critical", evidence: "RefillReady is for everyone." }),
    ]);
  });

  it("fires on 'companies of all sizes'", () => {
    const doc = docWith({ heading: "OfficePlus", subheading: "For companies of all sizes", summary: "OfficePlus adds summaries to your email." });
    const [f] = findingsOf(doc, "vague-customer-definition");
    expect(f).toMatchObject({ severity: "critical", evidence: "For companies of all sizes" });
    expect(f?.message).toContain('"companies of all sizes" is not a customer');
  });

  it("fires when no customer is named at all", () => {
    const doc = docWith({ heading: "StreamBox 2 Is Here", subheading: "", summary: "StreamBox 2 streams in 4K.", problem: "", customerQuote: "" });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([
      expect.objectContaining({ evidence: "customer (not named in the heading, subheading or summary)" }),
    ]);
  });

  it("does not fire for a named, countable segment", () => {
    expect(findingsOf(cleanDoc(), "vague-customer-definition")).toEqual([]);
  });

  it("does not fire when 'anyone' appears beside a specific customer", () => {
    const doc = docWith({ callToAction: "Anyone at the front desk can start a free 30-day trial at refillready.example." });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([]);
  });
});
