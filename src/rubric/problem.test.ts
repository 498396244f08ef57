import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("missing-problem-paragraph", () => {
  it("fires when there is no problem paragraph, naming the section", () => {
    expect(findingsOf(docWith({ problem: "" }), "missing-problem-paragraph")).toEqual([
      expect.objectContaining({ severity: "critical", evidence: "problem paragraph" }),
    ]);
  });

  it("fires when the pain has no evidence, quoting it", () => {
    const doc = docWith({ problem: "Everybody is tired of phoning the clinic. It is frustrating." });
    const [f] = findingsOf(doc, "missing-problem-paragraph");
    expect(f).toMatchObject({ severity: "critical", evidence: "Everybody is tired of phoning the clinic." });
    expect(f?.message).toContain("without evidence");
  });

  it("fires when the problem paragraph describes the product, not a pain", () => {
    const doc = docWith({ problem: "RefillReady comes in blue and green. It has a friendly logo." });
    expect(findingsOf(doc, "missing-problem-paragraph")).toEqual([
      expect.objectContaining({ evidence: "RefillReady comes in blue and green." }),
    ]);
  });

  it("does not fire for a pain with numbers and observed behaviour", () => {
    expect(findingsOf(cleanDoc(), "missing-problem-paragraph")).toEqual([]);
  });

  it("does not fire when the evidenced pain sits in the summary instead", () => {
    const doc = docWith({
      problem: "",
      summary: "RefillReady launched today for vet clinics. Front desks spend 31% of their calls on refills, and owners wait a day for answers.",
    });
    expect(findingsOf(doc, "missing-problem-paragraph")).toEqual([]);
  });
});
