import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

const NAMED = "said Tom Hale, duty manager at Kirkstall Leisure Centre.";

describe("customer-quote-sounds-fake", () => {
  it("fires on unattributed generic praise, quoting it", () => {
    const quote = "\"LaneLine is fantastic, I love it!\" said one member.";
    const [f] = findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake");
    expect(f).toMatchObject({ severity: "high", evidence: quote });
    expect(f?.message).toContain("nobody is named");
  });

  it("fires on named praise with no situation or before/after", () => {
    const quote = `"LaneLine is amazing and the best tool we have," ${NAMED}`;
    const [f] = findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake");
    expect(f).toMatchObject({ evidence: quote });
    expect(f?.message).toContain('"amazing" is praise, not a situation');
  });

  it("takes a customer described by role and what they did as attributed, but not 'a customer' or 'a user'", () => {
    const described = 'A duty manager who tried LaneLine at a six-lane pool in Hull describes the change: "I used to turn away a dozen swimmers every morning; now the lanes fill in the order people booked."';
    expect(findingsOf(docWith({ customerQuote: described }), "customer-quote-sounds-fake")).toEqual([]);
    const nobody = 'A customer who tried it says: "I used to turn away a dozen swimmers every morning; now the lanes fill in the order people booked."';
    expect(findingsOf(docWith({ customerQuote: nobody }), "customer-quote-sounds-fake")[0]?.message).toContain("nobody is named");
  });

  it("does not fire on a named customer describing before and after", () => {
    expect(findingsOf(cleanDoc(), "customer-quote-sounds-fake")).toEqual([]);
  });

  it("does not fire on praise that comes with a situation", () => {
    const quote = `"I love that I no longer spend my mornings at the desk arguing about lanes: last week I turned away two swimmers instead of forty," ${NAMED}`;
    expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake")).toEqual([]);
  });

  it("takes a time of day the change shows at (by lunchtime, at the end of the shift) as a situation", () => {
    for (const spoken of ["I love it: my desk is clear of complaints by lunchtime", "I love it: the lanes are still in order at the end of the shift"]) {
      const quote = `"${spoken}," ${NAMED}`;
      expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake"), spoken).toEqual([]);
    }
  });

  it("leaves a missing customer quote to missing-section", () => {
    expect(findingsOf(docWith({ customerQuote: "" }), "customer-quote-sounds-fake")).toEqual([]);
    expect(findingsOf(docWith({ customerQuote: "" }), "missing-section")).toEqual([expect.objectContaining({ evidence: "customer quote" })]);
  });
});

describe("customer-quote-sounds-fake: a speaker introduced before their words", () => {
  it("takes a person named as the subject of the sentence before the quote as named", () => {
    const quote =
      "Nadia Okoro swims before her shift at the hospital. \"I used to queue on the poolside for twenty minutes most mornings. Now I book the night before and walk straight into my lane.\"";
    expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake")).toEqual([]);
  });

  it("still fires when the sentence before the quote names nobody", () => {
    const quote = "One swimmer tried it in May. \"It is amazing, I love it!\"";
    expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake")).toHaveLength(1);
  });
});

describe("customer-quote-sounds-fake: a speaker described after the verb", () => {
  it("takes 'said one of the <role>s in <where>, who ...' as a described speaker", () => {
    const quote =
      '"I used to queue on the poolside for twenty minutes; now I walk straight into my lane," said one of the lifeguards in our four-week trial, who swims before her shift.';
    expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake")).toEqual([]);
  });

  it("still takes 'said one of our customers' as nobody", () => {
    const quote = '"I used to queue on the poolside for twenty minutes; now I walk straight into my lane," said one of our customers at the pool.';
    expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake")[0]?.message).toContain("nobody is named");
    const atACompany = '"I used to queue on the poolside for twenty minutes; now I walk straight into my lane," said a duty manager at a client.';
    expect(findingsOf(docWith({ customerQuote: atACompany }), "customer-quote-sounds-fake")[0]?.message).toContain("nobody is named");
  });
});

describe("customer-quote-sounds-fake: praise any product could get", () => {
  it("takes 'useful', 'so much easier' and 'I'd recommend it' with no situation as generic praise", () => {
    for (const spoken of [
      "It's a really handy app and it has made booking so much easier for our family",
      "LaneLine is a useful service for swimmers and I'd recommend it to my friends",
    ]) {
      const quote = `"${spoken}," ${NAMED}`;
      expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake"), spoken).toHaveLength(1);
    }
  });

  it("does not fire when the same words come with a before and after", () => {
    const quote = `"It has made mornings so much easier: I used to wait twenty minutes for a lane and now I swim as soon as I arrive," ${NAMED}`;
    expect(findingsOf(docWith({ customerQuote: quote }), "customer-quote-sounds-fake")).toEqual([]);
  });
});
