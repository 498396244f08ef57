import { describe, expect, it } from "vitest";
import { absoluteClaims } from "./claims.js";

// Sentences written for the test: each names the general form of an absolute claim.
describe("absoluteClaims", () => {
  it.each([
    ["a property stated as 100%", "The scanner is 100% accurate on every pallet."],
    ["catching all of a kind of failure", "It catches every fraud attempt before payment."],
    ["zero of something that always costs", "Zero setup and zero cost to run."],
    ["learning without data", "No training data needed: it works on day one."],
    ["never failing", "The sensor never fails, even in frost."],
    ["perfection", "It matches volunteers to shifts perfectly."],
    ["a loss that will never happen again", "Once it is fitted, no delivery will ever go missing again."],
    ["never losing one of something again", "With it, you never miss a repeat prescription."],
    ["a failure that will never happen again", "Farmers never plant a failed seed batch again."],
    ["a promise kept every time", "It finds the leak on the first visit, every time."],
    ["an uncapped guarantee", "If a crop fails, we reimburse the full market value of the harvest."],
  ])("flags %s", (_what, sentence) => {
    expect(absoluteClaims([sentence])).toHaveLength(1);
  });

  it.each([
    ["a measured result", "In the pilot, 100% of the 12 clinics renewed."],
    ["a retracted claim", "No system is 100% accurate, so every flag goes to a person."],
    ["a goal", "We aim for zero errors by the second season."],
    ["a capped refund", "If it misses a frost, we refund that month's fee."],
    ["something done each time", "Every time a booking comes in, the rota updates."],
    ["what went wrong before", "None of the twelve sites had ever measured it before."],
  ])("leaves alone %s", (_what, sentence) => {
    expect(absoluteClaims([sentence])).toEqual([]);
  });
});

describe("absolute claims read at stop 18 (sentences written for the test)", () => {
  it.each([
    ["each result said to be right", "Every KeyCut estimate matches the locksmith's final invoice.", "Every KeyCut estimate matches"],
    ["no data needed, said with a list first", "KeyCut does not need past jobs, photos of locks or any training data from the shop.", "any training data"],
    ["a cost of nothing", "It runs on the phone, so each quote costs us zero.", "costs us zero"],
  ])("hears %s", (_what, sentence, phrase) => {
    expect(absoluteClaims([sentence])[0]?.phrase).toContain(phrase);
  });
});
