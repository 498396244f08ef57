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

// Sentences written for these tests (a lane-booking product for public pools); none comes from a fixture.
describe("hyperbole-instead-of-specifics: sweeping change words without a number", () => {
  it.each([
    ["a change verb made total by an adverb after it", "LaneLine changes the morning swim completely.", '"changes the morning swim completely"'],
    ["an intensified comparative", "Booking a lane is dramatically better with LaneLine.", '"dramatically better"'],
    ["an adverb of scale before a change verb", "LaneLine radically simplifies the duty manager's lane plan.", '"radically simplifies"'],
    ["a transformation verb", "LaneLine transforms how council pools run their lanes.", '"transforms"'],
    ["a change said to be total", "For lap swimmers this changes everything.", '"changes everything"'],
    ["something fundamentally different", "It is a fundamentally different way to swim before work.", '"fundamentally different"'],
  ])("fires on %s", (_pattern, s, words) => {
    const [f] = findingsOf(docWith({ solution: s }), "hyperbole-instead-of-specifics");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain(words);
  });

  it("fires in the leader quote too", () => {
    const s = '"LaneLine will transform the way every pool in Britain works," said Ruth Adeyemi, founder of LaneLine.';
    expect(findingsOf(docWith({ leaderQuote: s }), "hyperbole-instead-of-specifics")).toEqual([expect.objectContaining({ evidence: s })]);
  });

  it.each([
    ["a sweeping change sized by a number", "LaneLine cut turn-aways dramatically, from 21% to 4% in eight weeks."],
    ["a transformation measured in the same sentence", "It transforms the morning rush: the median wait for a lane fell from 11 minutes to 2."],
    ["a plain change", "LaneLine changes the lane plan when the duty manager closes a lane."],
    ["'completely' on something that is not a change", "Booking is completely free for swimmers."],
  ])("does not fire on %s", (_pattern, s) => {
    expect(findingsOf(docWith({ solution: s }), "hyperbole-instead-of-specifics")).toEqual([]);
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

  it("does not take a title-case 'Project Plan' for a code name when the document says 'plan' in lower case", () => {
    const doc = docWith({ heading: "LaneLine Turns a Lane Request into a Project Plan for the Pool", solution: "The duty manager gets a lane plan for the week by text." });
    expect(findingsOf(doc, "internal-jargon-in-pr")).toEqual([]);
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
