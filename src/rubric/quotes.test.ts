import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("customer-quote-sounds-fake", () => {
  it("fires on unattributed generic praise, quoting it", () => {
    const quote = "\"StreamBox 2 is incredible, I love it!\" said a customer.";
    const [f] = findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake");
    expect(f).toMatchObject({ severity: "high", evidence: quote });
    expect(f?.message).toContain("nobody is named");
  });

  it("fires on named praise with no situation or before/after", () => {
    const quote = "\"RefillReady is amazing and the best tool we have,\" said Elena Ruiz, front-desk lead at Riverside Animal Clinic.";
    const [f] = findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake");
    expect(f).toMatchObject({ evidence: quote });
    expect(f?.message).toContain('"amazing" is praise, not a situation');
  });

  it("does not fire on a named customer describing before and after", () => {
    expect(findingsOf(cleanDoc(), "customer-quote-sounds-fake")).toEqual([]);
  });

  it("does not fire on praise that comes with a situation", () => {
    const quote =
      "\"I love that I no longer spend my mornings on the phone: last week I made two refill calls instead of forty,\" said Elena Ruiz, front-desk lead at Riverside Animal Clinic.";
    expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake")).toEqual([]);
  });

  it("leaves a missing customer quote to missing-section", () => {
    expect(findingsOf(docWith({ customerQuote: "" }), "customer-quote-sounds-fake")).toEqual([]);
    expect(findingsOf(docWith({ customerQuote: "" }), "missing-section")).toEqual([expect.objectContaining({ evidence: "customer quote" })]);
  });
});
