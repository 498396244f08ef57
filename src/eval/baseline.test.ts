import { describe, expect, it } from "vitest";
import { baselineVerdict } from "./baseline.js";

describe("baselineVerdict (the trivial baseline)", () => {
  it("funds a text with a currency sign before a digit and a number before %", () => {
    expect(baselineVerdict("Kiosks cost $12 a week and cut queues by 30%.")).toBe("fund");
    expect(baselineVerdict("A £ 400 fee; churn fell 8 %.")).toBe("fund");
    expect(baselineVerdict("€3.50 per box, margin 22 percent.")).toBe("fund");
  });

  it("accepts a number followed by a currency code or name, with an optional scale word", () => {
    expect(baselineVerdict("It sells for 4,000 USD to 15% of shops.")).toBe("fund");
    expect(baselineVerdict("Revenue of 2 million euros, up 9 per cent.")).toBe("fund");
    expect(baselineVerdict("Each visit saves 30 pounds for 40% of owners.")).toBe("fund");
  });

  it("kills a text with money but no percentage, or a percentage but no money", () => {
    expect(baselineVerdict("The plan costs $20 a month.")).toBe("kill");
    expect(baselineVerdict("Waste fell 30% in the pilot.")).toBe("kill");
  });

  it("kills a text whose currency sign or percent word has no number", () => {
    expect(baselineVerdict("We will charge in $ and grow 12%.")).toBe("kill");
    expect(baselineVerdict("Prices start at $40; most percent figures are unknown.")).toBe("kill");
    expect(baselineVerdict("Pay 100 USDC tokens for a 5% discount.")).toBe("kill");
  });
});
