import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("missing-problem-paragraph", () => {
  it("fires when there is no problem paragraph, naming the section", () => {
    const summary = "LaneLine launched today for council-run swimming pools. Lap swimmers book a lane slot from their phone.";
    expect(findingsOf(docWith({ problem: "", summary }), "missing-problem-paragraph")).toEqual([
      expect.objectContaining({ severity: "critical", evidence: "problem paragraph" }),
    ]);
  });

  it("fires when the pain has no evidence, quoting it", () => {
    const doc = docWith({ problem: "Swimmers are tired of queueing for a lane. It is frustrating." });
    const [f] = findingsOf(doc, "missing-problem-paragraph");
    expect(f).toMatchObject({ severity: "critical", evidence: "Swimmers are tired of queueing for a lane." });
    expect(f?.message).toContain("without evidence");
  });

  it("fires when the problem paragraph describes the product, not a pain", () => {
    const doc = docWith({ problem: "LaneLine comes in blue and teal. It has a friendly wave logo." });
    expect(findingsOf(doc, "missing-problem-paragraph")).toEqual([expect.objectContaining({ evidence: "LaneLine comes in blue and teal." })]);
  });

  it("does not fire for a pain with numbers and observed behaviour", () => {
    expect(findingsOf(cleanDoc(), "missing-problem-paragraph")).toEqual([]);
  });

  it("takes a workaround kept by hand (paper, a whiteboard, a spreadsheet) as evidence of the pain", () => {
    for (const problem of [
      "Duty managers still redraw the lane plan on a whiteboard.",
      "Receptionists still keep the lane bookings in a shared spreadsheet.",
      "The lifeguards still log lane swaps on paper forms.",
    ]) {
      expect(findingsOf(docWith({ problem }), "missing-problem-paragraph"), problem).toEqual([]);
    }
  });

  it("does not fire when the evidenced pain sits in the summary instead", () => {
    const doc = docWith({
      problem: "",
      summary: "LaneLine launched today for council-run pools. One lap swimmer in five is turned away at peak hours, and the rest wait on the poolside.",
    });
    expect(findingsOf(doc, "missing-problem-paragraph")).toEqual([]);
  });
});
