import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

const sentence = "The duty manager opens a lane from the desk tablet and every booked swimmer hears about it at once.";

describe("press-release-length", () => {
  it("fires on a press release over 900 words", () => {
    const long = Array.from({ length: 12 }, () => `${sentence} ${sentence} ${sentence} ${sentence}`).join("\n\n");
    const [f] = findingsOf(docWith({ solution: long }), "press-release-length");
    expect(f).toMatchObject({ severity: "medium" });
    expect(f?.evidence).toMatch(/^press release \(\d+ words\)$/);
    expect(f?.message).toContain("cut it to 300-600");
  });

  it("fires on a paragraph of more than 6 sentences, quoting its first sentence", () => {
    const para = Array.from({ length: 7 }, () => sentence).join(" ");
    expect(findingsOf(docWith({ problem: `Swimmers wait 20 minutes for a lane. ${para}` }), "press-release-length")).toEqual([
      expect.objectContaining({ evidence: "Swimmers wait 20 minutes for a lane." }),
    ]);
  });

  it("does not fire on the clean document (about 280 words, short paragraphs)", () => {
    expect(findingsOf(cleanDoc(), "press-release-length")).toEqual([]);
  });

  it("does not fire at 6 sentences a paragraph", () => {
    expect(findingsOf(docWith({ solution: Array.from({ length: 6 }, () => sentence).join(" ") }), "press-release-length")).toEqual([]);
  });
});

describe("missing-section", () => {
  it("names each missing section as its evidence", () => {
    const found = findingsOf(docWith({ subheading: "", callToAction: "" }), "missing-section");
    expect(found.map((f) => [f.severity, f.evidence])).toEqual([
      ["medium", "subheading"],
      ["medium", "call to action"],
    ]);
  });

  it("fires on a missing leader quote with what it should say", () => {
    const [f] = findingsOf(docWith({ leaderQuote: "" }), "missing-section");
    expect(f?.message).toBe("Add the leader quote: why the company built it and the customer outcome it aims at.");
  });

  it("does not fire on a complete press release", () => {
    expect(findingsOf(cleanDoc(), "missing-section")).toEqual([]);
  });

  it("leaves the problem and dateline to their own checks", () => {
    expect(findingsOf(docWith({ problem: "", dateline: "" }), "missing-section")).toEqual([]);
  });
});
