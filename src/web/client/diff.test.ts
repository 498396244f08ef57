import { describe, expect, it } from "vitest";
import { emptyPrfaq, type Prfaq } from "../../domain/prfaq.js";
import { changeStats, diffText, documentBlocks, plainField, type DocBlock } from "./diff.js";

/** A block's text with additions as [+x] and removals as [-x]. */
const show = (pieces: DocBlock["text"]) => pieces.map((p) => (p.change === "same" ? p.text : `[${p.change === "added" ? "+" : "-"}${p.text}]`)).join("");

function doc(patch: Partial<Prfaq["pressRelease"]> = {}, faq: Prfaq["externalFaq"] = []): Prfaq {
  const d = emptyPrfaq("RefillReady");
  d.pressRelease = { ...d.pressRelease, heading: "RefillReady: refills by text", summary: "Owners text for refills. The vet approves in one tap.", ...patch };
  d.externalFaq = faq;
  d.sources = { summary: ["L12", "L13"] };
  return d;
}

describe("diffText", () => {
  it("marks the changed word within a paragraph, the rest kept", () => {
    expect(show(diffText("The vet approves in one tap.", "The vet approves in two taps."))).toBe("The vet approves in [-one tap][+two taps].");
  });

  it("ignores changes of whitespace alone: spaces, line breaks, blank lines", () => {
    expect(diffText("Owners text  for\nrefills.\n\n", "Owners text for refills.")).toEqual([{ text: "Owners text for refills.", change: "same" }]);
  });

  it("drops markdown emphasis and heading marks so no marker reaches the page", () => {
    expect(plainField("## **Fast** refills for __busy__ clinics")).toBe("Fast refills for busy clinics");
    expect(plainField("2 ** 3 stays")).toBe("2 ** 3 stays");
  });
});

describe("documentBlocks", () => {
  it("lays the press release out as headline and paragraphs with their sources, FAQ as question and answer", () => {
    const blocks = documentBlocks(doc({}, [{ question: "How much?", answer: "$119 a month." }]));
    expect(blocks.map((b) => `${b.kind}:${show(b.text)}`)).toEqual([
      "headline:RefillReady: refills by text",
      "para:Owners text for refills. The vet approves in one tap.",
      "faq-heading:External FAQ",
      "faq:$119 a month.",
    ]);
    expect(blocks.every((b) => b.change === "same")).toBe(true);
    expect(blocks[1]?.sources).toEqual(["L12", "L13"]);
  });

  it("against the previous version: changed words, a new FAQ item, a dropped section; whitespace-only edits are no change", () => {
    const before = doc({ problem: "Calls take 5 minutes.", solution: "Text  to\nrefill." }, [{ question: "How much?", answer: "$99 a month." }]);
    const after = doc({ solution: "Text to refill." }, [{ question: "How much?", answer: "$119 a month." }, { question: "What happens to my data?", answer: "It stays in the clinic." }]);
    const blocks = documentBlocks(after, before);
    const changed = blocks.filter((b) => b.change !== "same").map((b) => `${b.change} ${b.key}: ${b.kind === "faq" ? `${show(b.question)} ` : ""}${show(b.text)}`);
    expect(changed).toEqual([
      "removed pr:problem: [-Calls take 5 minutes.]",
      "changed externalFaq.0: How much? $[-99][+119] a month.",
      "added externalFaq.1: [+What happens to my data?] [+It stays in the clinic.]",
    ]);
    expect(changeStats(blocks)).toEqual({ blocks: 3, added: 11, removed: 5 });
  });
});
