import { describe, expect, it } from "vitest";
import { PAIN } from "./vocabulary.js";

// Sentences written for this test; none comes from a fixture.
describe("PAIN: a sentence that tells a customer's harm today", () => {
  it.each([
    ["losing something", "The kennel turns away about a dozen dogs every holiday weekend."],
    ["losing something, said another way", "Our tutors miss out on two lessons a week when parents forget."],
    ["giving up", "Half of the applicants give up before the second form."],
    ["waste", "The florist throws out a fifth of the roses by Friday."],
    ["effort by hand", "Each invoice is re-typed into the ledger by the office manager."],
    ["waiting", "Callers sit on hold for 20 minutes before anyone answers."],
    ["travel to fix it", "The technician drives across town to reset a thermostat."],
    ["things going wrong", "One order in twelve ships with the wrong size."],
    ["difficulty", "Foremen struggle to know which crew is free."],
    ["money paid out", "Last winter the co-op paid out $8,000 in refunds for late boxes."],
  ])("matches %s", (_what, sentence) => {
    expect(PAIN.test(sentence)).toBe(true);
  });

  it.each([
    ["what the product does", "The app shows each crew's next job on a map."],
    ["a price", "It is $40 per truck per month."],
    ["a launch date", "Available in Leeds on 3 March 2027."],
  ])("leaves out %s", (_what, sentence) => {
    expect(PAIN.test(sentence)).toBe(false);
  });
});

// Sentences written for this test; none comes from a fixture.
describe("PAIN: harms real documents name in words the first lists missed", () => {
  it.each([
    ["double bookings written as two words", "The rink had four double bookings over the winter."],
    ["feeling overwhelmed", "Most new tutors feel overwhelmed by the marking in their first term."],
    ["juggling the work across places", "Site foremen juggle timesheets across three apps and a notebook."],
  ])("matches %s", (_what, sentence) => {
    expect(PAIN.test(sentence)).toBe(true);
  });
});

describe("PAIN: going without what the job needs (stop 19)", () => {
  it("reads a missing record, no time to do the job and a worse outcome as pain, and leaves neutral sentences alone", () => {
    for (const s of ["Of 300 calves, 61 had no usable birth date on their record.", "Ward clerks never have time to check the list.", "Survival at the default site is lower."]) expect(PAIN.test(s), s).toBe(true);
    for (const s of ["The clerk checks the list at noon.", "Prices are lower online."]) expect(PAIN.test(s), s).toBe(false);
  });
});
