import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("combining-ideas", () => {
  it("fires on markets named as hedged options in one sentence", () => {
    const s = "We could sell it to council pools, perhaps to hotel gyms, possibly to private schools.";
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Who is it for?", answer: s });
    expect(findingsOf(doc, "combining-ideas")).toEqual([expect.objectContaining({ severity: "high", evidence: s })]);
  });

  it("fires on a bulleted list whose items are products of three unrelated kinds, not on one product's features", () => {
    const bundle = "Everything in one place:\n\nTable bookings with deposits.\n\nA smart scale for the bar that weighs every pour.\n\nPintPoints, a loyalty token guests swap between pubs.\n\nA monthly podcast about craft beer.";
    expect(findingsOf(docWith({ solution: bundle }), "combining-ideas")[0]?.message).toMatch(/unrelated kinds/);
    const oneProduct = "It handles the booking from start to end:\n\nTakes the booking.\n\nTexts a reminder the day before.\n\nOffers the slot to the waiting list.\n\nShows the week on one screen.";
    expect(findingsOf(docWith({ solution: oneProduct }), "combining-ideas")).toEqual([]);
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

// Sentences written for these tests (a lane-booking product for public pools); none comes from a fixture.
describe("combining-ideas: several unrelated products or audiences", () => {
  it("fires on audiences from three unrelated trades in one list", () => {
    const s = "The same booking calendar works for dentists, landlords and truck drivers.";
    const [f] = findingsOf(docWith({ solution: s }), "combining-ideas");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain('audiences ("dentists", "landlords" and "drivers")');
  });

  it("does not fire on several roles in one trade's workplace, or on the customer's own clients", () => {
    for (const s of [
      "LaneLine works for vets, veterinary nurses, pharmacists and front-desk staff.",
      "LaneLine is for swim coaches who run lessons for schools, hospitals and hotels.",
    ]) {
      expect(findingsOf(docWith({ solution: s }), "combining-ideas"), s).toEqual([]);
    }
  });

  it("fires when the press release says it is for three unrelated trades in different places", () => {
    const doc = docWith({
      heading: "LaneLine Books Appointments for Dental Practices",
      solution: "LaneLine also books viewings for landlords, and tenants pick a slot by text.",
      howItWorks: "The same calendar takes table bookings for restaurants, at £149 per month.",
    });
    const [f] = findingsOf(doc, "combining-ideas");
    expect(f?.evidence).toBe("The same calendar takes table bookings for restaurants, at £149 per month.");
    expect(f?.message).toContain('audiences ("Practices", "landlords" and "restaurants")');
  });

  it("fires on a bulleted list whose items are each a product of their own", () => {
    const solution = ["The LaneLine suite:", "A lane-booking app for swimmers", "A rota planner for lifeguards", "A parking-permit portal for staff", "A loyalty wallet for members"].join("\n\n");
    const [f] = findingsOf(docWith({ solution }), "combining-ideas");
    expect(f?.evidence).toBe("The LaneLine suite:");
    expect(f?.message).toContain('products ("lane-booking app", "rota planner", "parking-permit portal" and "loyalty wallet")');
  });

  it("fires on several products counted out loud or announced in order, not on products the customer juggles", () => {
    for (const s of ["Today LaneLine launches four new apps for leisure centres.", "The third part is a parking-permit service for staff."]) {
      expect(findingsOf(docWith({ solution: s }), "combining-ideas"), s).toEqual([expect.objectContaining({ evidence: s })]);
    }
    for (const s of ["Duty managers juggle three apps today and still count swimmers by hand.", "LaneLine replaces two apps and a whiteboard."]) {
      expect(findingsOf(docWith({ solution: s }), "combining-ideas"), s).toEqual([]);
    }
  });
});

describe("combining-ideas: a launch that gathers several things, and an FAQ that asks why", () => {
  it("fires on 'brings together three things' in the press release, but not on two things one product joins", () => {
    const s = "SwimCo today launches LaneLine, bringing together four things lap swimmers have asked for.";
    expect(findingsOf(docWith({ summary: s }), "combining-ideas")).toEqual([expect.objectContaining({ evidence: s })]);
    const two = "LaneLine brings together two things every pool already has: the booking diary and the lane plan.";
    expect(findingsOf(docWith({ solution: two }), "combining-ideas")).toEqual([]);
  });

  it("fires on an FAQ question asking why several products launch at once, not on one weighing a split", () => {
    const bundled = cleanDoc();
    bundled.internalFaq.push({ question: "Why launch two products together?", answer: "They share a sales team." });
    expect(findingsOf(bundled, "combining-ideas")).toEqual([expect.objectContaining({ evidence: "Why launch two products together?" })]);
    const weighed = cleanDoc();
    weighed.internalFaq.push({ question: "Why not sell lane booking and swim lessons as two separate products?", answer: "Lessons are out of scope for v1." });
    expect(findingsOf(weighed, "combining-ideas")).toEqual([]);
  });
});
