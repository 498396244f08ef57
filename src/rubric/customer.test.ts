import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("vague-customer-definition", () => {
  it("fires on an everyone-customer with no named segment, quoting the sentence", () => {
    const doc = docWith({
      heading: "LaneLine Ends the Wait for a Lap Lane",
      subheading: "A better way to book a lane",
      summary: "LaneLine is for everyone. Book a lane in two taps.",
    });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([expect.objectContaining({ severity: "critical", evidence: "LaneLine is for everyone." })]);
  });

  it("fires on organisations of every size or kind", () => {
    const doc = docWith({ heading: "LaneLine", subheading: "Built for teams of every size", summary: "LaneLine books rooms, desks and lanes." });
    const [f] = findingsOf(doc, "vague-customer-definition");
    expect(f).toMatchObject({ severity: "critical", evidence: "Built for teams of every size" });
    expect(f?.message).toContain('"teams of every size" is not a customer');
  });

  it("fires on organisations described by their size alone", () => {
    for (const subheading of ["Booking for small and mid-sized businesses", "The booking tool large enterprises trust", "Made for enterprise customers"]) {
      const doc = docWith({ heading: "LaneLine", subheading, summary: "LaneLine books rooms, desks and lanes." });
      expect(findingsOf(doc, "vague-customer-definition"), subheading).toEqual([expect.objectContaining({ evidence: subheading })]);
    }
  });

  it("fires when no customer is named at all", () => {
    const doc = docWith({ heading: "LaneLine Is Here", subheading: "", summary: "LaneLine books in two taps.", problem: "", customerQuote: "" });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([
      expect.objectContaining({ evidence: "customer (not named in the heading, subheading or summary)" }),
    ]);
  });

  it("does not fire for a named, countable segment", () => {
    expect(findingsOf(cleanDoc(), "vague-customer-definition")).toEqual([]);
  });

  it("does not fire when 'anyone' or a size appears beside a specific customer", () => {
    const doc = docWith({ callToAction: "Anyone at the front desk of a small or mid-sized leisure centre can start a free 60-day trial at laneline.example." });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([]);
  });
});

// Sentences written for these tests (a lane-booking product for public pools); none comes from a fixture.
describe("vague-customer-definition: a named segment widened again", () => {
  it.each([
    ["a segment said to apply broadly", "LaneLine serves council pools, and leisure operators broadly.", "operators broadly"],
    ["consumers added to a business segment", "LaneLine is for council-run pools and consumers.", "and consumers"],
    ["the public added to a segment", "Duty managers, swim clubs as well as the general public can book lanes.", "as well as the general public"],
    ["organisations of every size", "LaneLine is for swim clubs of every size.", "clubs of every size"],
    ["a range that ends in the largest enterprises", "Pools use it, from single-site clubs to global enterprises.", "from single-site clubs to global enterprises"],
    ["anyone as the audience, narrowed by nothing", "LaneLine is for duty managers and anyone who loves swimming.", "anyone who"],
    ["everyone as the audience", "Built for lap swimmers, and really for everyone.", "for everyone"],
    ["a role said to be everywhere", "LaneLine helps lap swimmers everywhere book a lane.", "swimmers everywhere"],
  ])("fires on %s, even beside a named role", (_pattern, s, phrase) => {
    const [f] = findingsOf(docWith({ callToAction: s }), "vague-customer-definition");
    expect(f).toMatchObject({ severity: "critical", evidence: s });
    expect(f?.message).toContain(`"${phrase}" is not a customer`);
  });

  it.each([
    ["anyone narrowed to a role", "Anyone who runs the front desk of a council pool can start a free trial."],
    ["everyone in a counted segment", "LaneLine is for everyone on the poolside team at 1,100 council pools."],
    ["what people do, in the problem paragraph", "At peak hours everyone who arrives after 7 a.m. waits for a lane, and one swimmer in five goes home."],
    ["a size of the customer's own sites", "It suits council pools with four to eight lanes."],
  ])("does not fire on %s", (_pattern, s) => {
    const doc = _pattern.includes("problem") ? docWith({ problem: s }) : docWith({ callToAction: s });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([]);
  });
});

describe("vague-customer-definition: words for everyone that name no audience", () => {
  it("does not fire on 'anyone can see': it says who may look, not who it is for", () => {
    const solution = "With LaneLine, the duty manager posts the lane plan, and anyone can see which lanes are free before leaving home.";
    expect(findingsOf(docWith({ solution }), "vague-customer-definition")).toEqual([]);
  });

  it("still fires on 'anyone can sign up'", () => {
    const solution = "With LaneLine, anyone can sign up and book a lane.";
    expect(findingsOf(docWith({ solution }), "vague-customer-definition")).toHaveLength(1);
  });

  it("does not fire on 'everyone else': the people the customer is set against", () => {
    const doc = docWith({
      subheading: "LaneLine books a lane for lap swimmers",
      summary: "LaneLine launched today for lap swimmers at council pools.",
      problem: "At peak hours, one lap swimmer in five waits on the poolside while everyone else swims. Duty managers count swimmers by hand every half hour.",
    });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([]);
  });

  it.each([
    ["a pub", "TapList shows a pub's guest beers on the screen above the bar"],
    ["passengers", "Rail passengers see which carriage has seats before the train pulls in"],
  ])("takes %s as a named customer", (_what, subheading) => {
    const doc = docWith({ heading: "Launch", subheading, summary: "It launched today. It costs £9 a month." });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([]);
  });
});

describe("vague-customer-definition: everyone else", () => {
  it("does not take 'for everyone else' (a price for those outside the named customer) as the customer", () => {
    const doc = docWith({ howItWorks: "LaneLine is free for pools in the county scheme and £20 a month for everyone else." });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([]);
  });

  it("still fires on 'for everyone' as the audience", () => {
    const doc = docWith({ howItWorks: "LaneLine is for everyone, at £20 a month." });
    expect(findingsOf(doc, "vague-customer-definition")).toHaveLength(1);
  });
});

describe("vague-customer-definition: a segment named at the start of a sentence", () => {
  it("takes 'For <plural people> ...' opening the subheading as a named customer", () => {
    const doc = docWith({
      heading: "LaneLine: a lane that is free when you arrive",
      subheading: "For early-morning open-water swimmers in Cornwall, LaneLine shows which coves are calm before they drive",
      summary: "LaneLine launched today. It reads the tide and wind at each cove and shows a green or red flag.",
      problem: "Half the trips to the coast end with the sea too rough to swim.",
      customerQuote: "\"I used to drive forty minutes to find red flags; now I check the night before and go when it is calm,\" said Tom Hale of Falmouth.",
    });
    expect(findingsOf(doc, "vague-customer-definition")).toEqual([]);
  });
});
