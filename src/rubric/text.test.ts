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

  it("quotes each sentence as written, its spaces and line breaks included", () => {
    expect(splitSentences("Swimmers  wait\nfor lanes. Desks count by hand.")).toEqual(["Swimmers  wait\nfor lanes.", "Desks count by hand."]);
  });
});

describe("MEASUREMENT", () => {
  it("accepts measured quantities and rejects model numbers", () => {
    for (const t of ["turn-aways fell by 17%", "£149 per month", "from 92 to 121", "one swimmer in five", "one lap swimmer in five", "a third of the bookings"]) {
      expect(MEASUREMENT.test(t), t).toBe(true);
    }
    for (const t of ["LaneBox 2 is here", "Wi-Fi 7 and DDR5"]) expect(MEASUREMENT.test(t), t).toBe(false);
  });

  it("accepts a count of people, places or events", () => {
    for (const t of ["40 lane bookings", "12 duty managers", "3 leisure centres", "2,300 missed sessions", "18 refill requests"]) {
      expect(MEASUREMENT.test(t), t).toBe(true);
    }
    expect(MEASUREMENT.test("Model 3 colours"), "a model number before a plain noun").toBe(false);
  });
});
