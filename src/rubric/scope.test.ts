import { describe, expect, it } from "vitest";
import { listItems } from "./scope.js";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("too-many-features", () => {
  it("fires on a list of four or more features in the opening, counting the items", () => {
    const s = "LaneLine adds lane booking, swim-lesson sign-up, a locker finder, a café pre-order and a parking pass to your pool's app.";
    const [f] = findingsOf(docWith({ summary: s }), "too-many-features");
    expect(f).toMatchObject({ severity: "high", evidence: s });
    expect(f?.message).toContain("lists 5 features");
  });

  it("fires on a list introduced as what the product has, outside the opening", () => {
    const s = "LaneLine fixes that with bookings, reminders, waiting lists, lane maps and payments.";
    const doc = docWith({ problem: `Swimmers are turned away 2,300 times a month across our three pools. ${s}` });
    expect(findingsOf(doc, "too-many-features")).toEqual([expect.objectContaining({ evidence: s })]);
  });

  it("does not fire on the steps of one benefit", () => {
    expect(findingsOf(cleanDoc(), "too-many-features")).toEqual([]);
  });

  it("does not fire on a list of integrations", () => {
    const doc = docWith({ solution: "LaneLine works with Legend, Gladstone, Xplor and ClubRight, so the desk sees every booking." });
    expect(findingsOf(doc, "too-many-features")).toEqual([]);
  });

  it("does not count clauses joined by 'and' as list items", () => {
    const s = "With LaneLine, a swimmer picks a lane and a time and gets a reminder an hour before.";
    expect(listItems(s)).toEqual([]);
    expect(findingsOf(docWith({ solution: s }), "too-many-features")).toEqual([]);
  });

  it("counts list items, keeping the first item's own words", () => {
    expect(listItems("It adds lane booking, locker finding, a café menu and a parking pass.")).toEqual([
      "It adds lane booking",
      "locker finding",
      "a café menu",
      "a parking pass",
    ]);
  });
});

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
