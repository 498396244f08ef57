import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("hyperbole-instead-of-specifics", () => {
  it("fires on superlatives, one finding per sentence, quoting each", () => {
    const doc = docWith({
      summary: "RefillReady is the most advanced, revolutionary refill tool ever made. It is best-in-class.",
    });
    const found = findingsOf(doc, "hyperbole-instead-of-specifics");
    expect(found.map((f) => [f.severity, f.evidence])).toEqual([
      ["high", "RefillReady is the most advanced, revolutionary refill tool ever made."],
      ["high", "It is best-in-class."],
    ]);
    expect(found[0]?.message).toContain('"revolutionary", "ever made" and "most advanced"');
  });

  it("fires on soft praise with no number beside it, in the leader quote too", () => {
    const doc = docWith({ leaderQuote: "\"Refills should feel seamless,\" said Sam Okafor, founder of RefillReady." });
    expect(findingsOf(doc, "hyperbole-instead-of-specifics")).toEqual([
      expect.objectContaining({ evidence: "\"Refills should feel seamless,\" said Sam Okafor, founder of RefillReady." }),
    ]);
  });

  it("does not fire on plain, measured claims", () => {
    expect(findingsOf(cleanDoc(), "hyperbole-instead-of-specifics")).toEqual([]);
  });

  it("does not fire on soft praise backed by a measurement", () => {
    const doc = docWith({ solution: "Approvals are seamless: the median answer came in 3 hours instead of 19 hours." });
    expect(findingsOf(doc, "hyperbole-instead-of-specifics")).toEqual([]);
  });
});

describe("internal-jargon-in-pr", () => {
  it("fires on engineering acronyms in the press release", () => {
    const doc = docWith({ solution: "RefillReady runs on our new Helix SoC with an OTA-updatable RTOS." });
    const [f] = findingsOf(doc, "internal-jargon-in-pr");
    expect(f).toMatchObject({ severity: "critical", evidence: "RefillReady runs on our new Helix SoC with an OTA-updatable RTOS." });
    expect(f?.message).toContain('"SoC", "OTA" and "RTOS" are internal language');
  });

  it("fires on stack words and code names", () => {
    const doc = docWith({
      howItWorks: "Project Falcon uses Kubernetes microservices and an LLM to route each request.",
    });
    const [f] = findingsOf(doc, "internal-jargon-in-pr");
    expect(f?.evidence).toBe("Project Falcon uses Kubernetes microservices and an LLM to route each request.");
    expect(f?.message).toContain("Project Falcon");
  });

  it("does not fire on the same words in the FAQ", () => {
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "What is the architecture?", answer: "Kubernetes microservices, an LLM and an API for each PMS." });
    expect(findingsOf(doc, "internal-jargon-in-pr")).toEqual([]);
  });

  it("does not fire on customer-facing acronyms (US, TV, EHR, AM) or on API for a developer audience", () => {
    const clinic = docWith({ solution: "The approval lands in the EHR before 9 AM, and US clinics see it on the waiting-room TV." });
    expect(findingsOf(clinic, "internal-jargon-in-pr")).toEqual([]);
    const dev = docWith({
      subheading: "Developers at small online stores get live shipping prices",
      solution: "One API call from the SDK returns every carrier's price.",
    });
    expect(findingsOf(dev, "internal-jargon-in-pr")).toEqual([]);
  });
});
