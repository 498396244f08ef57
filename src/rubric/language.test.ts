import { describe, expect, it } from "vitest";
import { technicalAcronyms } from "./language.js";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("hyperbole-instead-of-specifics", () => {
  it("fires on superlatives, one finding per sentence, quoting each", () => {
    const doc = docWith({ summary: "LaneLine is a revolutionary, state-of-the-art booking tool. It is best-in-class." });
    const found = findingsOf(doc, "hyperbole-instead-of-specifics");
    expect(found.map((f) => [f.severity, f.evidence])).toEqual([
      ["high", "LaneLine is a revolutionary, state-of-the-art booking tool."],
      ["high", "It is best-in-class."],
    ]);
    expect(found[0]?.message).toContain('"revolutionary" and "state-of-the-art"');
  });

  it("fires on soft praise with no number beside it, in the leader quote too", () => {
    const s = "\"Booking a lane should feel seamless,\" said Ruth Adeyemi, founder of LaneLine.";
    expect(findingsOf(docWith({ leaderQuote: s }), "hyperbole-instead-of-specifics")).toEqual([expect.objectContaining({ evidence: s })]);
  });

  it("fires on a comparative claim with no number", () => {
    for (const [solution, words] of [
      ["Booking a lane is far easier now.", '"far easier"'],
      ["It is quicker and more reliable than the current phone line.", '"quicker and more reliable than the current phone"'],
      ["Swimmers find it better than anything they used before.", '"better than anything"'],
    ] as const) {
      const [f] = findingsOf(docWith({ solution }), "hyperbole-instead-of-specifics");
      expect(f?.evidence, solution).toBe(solution);
      expect(f?.message, solution).toContain(words);
    }
  });

  it("does not fire on plain, measured claims", () => {
    expect(findingsOf(cleanDoc(), "hyperbole-instead-of-specifics")).toEqual([]);
  });

  it("does not fire on soft praise or a comparison backed by a measurement", () => {
    for (const solution of [
      "Booking is seamless: the median booking took 9 seconds instead of a 4-minute call.",
      "Booking is far easier: 9 seconds on the phone instead of a 4-minute call.",
      "Waiting lists move more often than before: 3 swaps a session instead of none.",
    ]) {
      expect(findingsOf(docWith({ solution }), "hyperbole-instead-of-specifics"), solution).toEqual([]);
    }
  });
});

describe("internal-jargon-in-pr", () => {
  it("fires on unexplained chip and protocol acronyms standing together", () => {
    const s = "Each lane sensor pairs over BLE with an ESP32 board running an RTOS.";
    const [f] = findingsOf(docWith({ solution: s }), "internal-jargon-in-pr");
    expect(f).toMatchObject({ severity: "critical", evidence: s });
    expect(f?.message).toContain('"BLE", "ESP32" and "RTOS" are internal language');
  });

  it("fires on one acronym shaped like a component or spec name (mixed case, a version number)", () => {
    expect(technicalAcronyms("Bookings are cached on an NVMe drive at the desk.", "")).toEqual(["NVMe"]);
    expect(technicalAcronyms("The desk tablet needs 8 GB of DDR5 memory.", "")).toEqual(["DDR5"]);
    expect(findingsOf(docWith({ howItWorks: "Bookings are cached on an NVMe drive at the desk for £149 per pool per month." }), "internal-jargon-in-pr")).toHaveLength(1);
  });

  it("does not fire on an acronym the document spells out, an everyday one, or one on its own", () => {
    const spelled = "Each lane sensor talks Bluetooth Low Energy (BLE) to a board with a real-time operating system (RTOS).";
    expect(technicalAcronyms(spelled, spelled)).toEqual([]);
    expect(technicalAcronyms("The desk texts an SMS with a GPS pin and a USB receipt.", "")).toEqual([]);
    expect(technicalAcronyms("Pools run by the YMCA can join too.", "")).toEqual([]);
    expect(findingsOf(docWith({ solution: spelled }), "internal-jargon-in-pr")).toEqual([]);
  });

  it("does not fire on words in capitals", () => {
    expect(technicalAcronyms("NO MORE QUEUES at the pool, said the FORT WAYNE team.", "")).toEqual([]);
  });

  it("fires on stack words and code names", () => {
    const s = "Project Marlin uses Kubernetes microservices and an LLM to place each booking.";
    const [f] = findingsOf(docWith({ howItWorks: s }), "internal-jargon-in-pr");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain("Project Marlin");
  });

  it("does not fire on the same words in the FAQ", () => {
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "What is the architecture?", answer: "Kubernetes microservices, an LLM, BLE sensors on an RTOS and an API for each booking system." });
    expect(findingsOf(doc, "internal-jargon-in-pr")).toEqual([]);
  });

  it("does not fire on customer-facing acronyms (US, UK, TV, AM) or on API for a developer audience", () => {
    const pool = docWith({ solution: "Swimmers in the US and UK see their lane on the poolside TV before 7 AM." });
    expect(findingsOf(pool, "internal-jargon-in-pr")).toEqual([]);
    const dev = docWith({
      subheading: "Developers at leisure-software firms add lane booking to their own apps",
      solution: "One API call from the SDK books a lane; sensors report over BLE to an ESP32 board.",
    });
    expect(findingsOf(dev, "internal-jargon-in-pr")).toEqual([]);
  });
});
