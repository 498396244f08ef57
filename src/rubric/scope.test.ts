import { describe, expect, it } from "vitest";
import { listItems } from "./scope.js";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("too-many-features", () => {
  it("fires on a long list of features in the summary", () => {
    const s =
      "OfficePlus adds AI email summaries, a meeting-room booking system, an expense scanner, a company wiki and an OKR tracker to your existing tools.";
    const [f] = findingsOf(docWith({ summary: s }), "too-many-features");
    expect(f).toMatchObject({ severity: "high", evidence: s });
    expect(f?.message).toContain("lists 5 features");
  });

  it("fires on a product list introduced in another paragraph", () => {
    const s = "Vibe will fix that with a feed, stories, groups, events, a marketplace, dating and payments.";
    expect(findingsOf(docWith({ problem: `Everybody is tired of social media, 62% of users told us. ${s}` }), "too-many-features")).toEqual([
      expect.objectContaining({ evidence: s }),
    ]);
  });

  it("does not fire on steps of one benefit", () => {
    expect(findingsOf(cleanDoc(), "too-many-features")).toEqual([]);
  });

  it("does not fire on a list of integrations", () => {
    const doc = docWith({ solution: "RefillReady works with Cornerstone, ezyVet, Avimark and Impromed, so the vet approves in one tap." });
    expect(findingsOf(doc, "too-many-features")).toEqual([]);
  });

  it("counts list items, keeping the first item's own words", () => {
    expect(listItems("It adds email summaries, room booking, an expense scanner and a wiki.")).toEqual([
      "It adds email summaries",
      "room booking",
      "an expense scanner",
      "a wiki",
    ]);
  });
});

describe("combining-ideas", () => {
  it("fires on several markets under consideration", () => {
    const s = "We are exploring which industries could use it: maybe supply chain, maybe healthcare records, maybe voting.";
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Who is it for?", answer: s });
    expect(findingsOf(doc, "combining-ideas")).toEqual([expect.objectContaining({ severity: "high", evidence: s })]);
  });

  it("fires on several distinct products in one press release", () => {
    const s = "Vibe will fix that with a feed, a marketplace, dating and payments.";
    const [f] = findingsOf(docWith({ solution: s }), "combining-ideas");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain('"marketplace", "dating" and "payments"');
  });

  it("does not fire on one product for one market", () => {
    expect(findingsOf(cleanDoc(), "combining-ideas")).toEqual([]);
  });

  it("does not fire on a single 'maybe' or two markets", () => {
    const doc = docWith({ howItWorks: "Maybe your clinic also sells retail food; RefillReady covers healthcare refills only, for $119 per month." });
    expect(findingsOf(doc, "combining-ideas")).toEqual([]);
  });
});
