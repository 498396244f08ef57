import { describe, expect, it } from "vitest";
import { indexText, phraseKey, stem, tokens } from "./match.js";

describe("persona keyword matching", () => {
  it("stems plurals but leaves short words and -ss alone", () => {
    expect(["clinics", "companies", "vets", "business", "us", "sms"].map(stem)).toEqual(["clinic", "company", "vet", "business", "us", "sms"]);
  });

  it("splits on punctuation and hyphens", () => {
    expect(tokens("Front-desk staff, CI/CD & 3PL")).toEqual(["front", "desk", "staff", "ci", "cd", "3pl"]);
    expect(phraseKey("Front Desk")).toBe("front desk");
  });

  it("matches whole words and whole phrases only", () => {
    const text = indexText("Veterinary clinics with front-desk staff and pet owners");
    expect(text.has(phraseKey("clinic"))).toBe(true);
    expect(text.has(phraseKey("front desk"))).toBe(true);
    expect(text.has(phraseKey("pet owner"))).toBe(true);
    expect(text.has(phraseKey("vet"))).toBe(false);
    expect(text.has(phraseKey("desk staff owners"))).toBe(false);
    expect(text.has("")).toBe(false);
  });
});
