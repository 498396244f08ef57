import { describe, expect, it } from "vitest";
import { findDate } from "./dates.js";

describe("findDate", () => {
  it.each([
    ["Available 1 April 2027 for clinics", "2027-04-01", "April 1, 2027"],
    ["BOISE, Idaho, April 1, 2027 — today", "2027-04-01", "April 1, 2027"],
    ["launch on 2027-03-03.", "2027-03-03", "March 3, 2027"],
    ["First customers live on 15th January 2027.", "2027-01-15", "January 15, 2027"],
    ["Pilot in Sept. 2027", "2027-09-01", "September 1, 2027"],
  ])("reads %j", (text, iso, display) => {
    expect(findDate(text)).toMatchObject({ iso, display });
  });

  it.each(["Launch: when ready.", "Pricing and launch timing are not decided.", "Q3 soon", "on 2027-13-45"])("finds no date in %j", (text) => {
    expect(findDate(text)).toBeUndefined();
  });

  it("takes the first date in the text", () => {
    expect(findDate("Pilot 1 March 2027, general availability 1 June 2027")?.iso).toBe("2027-03-01");
  });
});
