import { describe, expect, it } from "vitest";
import { MEASUREMENT, splitSentences } from "./text.js";

describe("splitSentences", () => {
  it("keeps quotes with their attribution and abbreviations inside sentences", () => {
    expect(splitSentences('"I love it!" said a customer. Dr. Lopes, CEO, said so at 9 a.m. on Monday. Done.')).toEqual([
      '"I love it!" said a customer.',
      "Dr. Lopes, CEO, said so at 9 a.m. on Monday.",
      "Done.",
    ]);
  });

  it("splits paragraphs separately", () => {
    expect(splitSentences("One here\n\nTwo there.")).toEqual(["One here", "Two there."]);
  });
});

describe("MEASUREMENT", () => {
  it("accepts measured quantities and rejects model numbers", () => {
    for (const t of ["calls fell by 58%", "$119 per month", "from 92 to 121", "one owner in seven", "a third of the calls", "40 refill calls"]) {
      expect(MEASUREMENT.test(t), t).toBe(true);
    }
    for (const t of ["StreamBox 2 is here", "Wi-Fi 7 and HDR10+"]) expect(MEASUREMENT.test(t), t).toBe(false);
  });
});
