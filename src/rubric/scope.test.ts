import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("combining-ideas", () => {
  it("fires on markets named as hedged options in one sentence", () => {
    const s = "We could sell it to council pools, perhaps to hotel gyms, possibly to private schools.";
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Who is it for?", answer: s });
    expect(findingsOf(doc, "combining-ideas")).toEqual([expect.objectContaining({ severity: "high", evidence: s })]);
  });

  it("fires on three or more markets in one sentence", () => {
    const s = "The same booking engine will serve hospitality, education and healthcare.";
    const [f] = findingsOf(docWith({ solution: s }), "combining-ideas");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain('markets ("hospitality", "education" and "healthcare")');
  });

  it("fires on a list whose items are each a product of their own", () => {
    const s = "It also bundles a timesheet app, a shift-swap board, a payroll portal and a training library.";
    const [f] = findingsOf(docWith({ solution: s }), "combining-ideas");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain('products ("timesheet app", "shift-swap board", "payroll portal" and "training library")');
  });

  it("fires on three or more product categories in one sentence", () => {
    const s = "Members get a marketplace, a messenger and a news feed.";
    const [f] = findingsOf(docWith({ solution: s }), "combining-ideas");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain('"marketplace", "messenger" and "news feed"');
  });

  it("does not fire on one product for one market", () => {
    expect(findingsOf(cleanDoc(), "combining-ideas")).toEqual([]);
  });

  it("does not fire on a single hedge or two markets", () => {
    const doc = docWith({ howItWorks: "Perhaps your centre also runs a gym; LaneLine books the pool lanes only, in leisure and education centres, for £149 per pool per month." });
    expect(findingsOf(doc, "combining-ideas")).toEqual([]);
  });
});
