import { describe, expect, it } from "vitest";
import { analyseBrief } from "./analysis.js";
import type { BriefFacts } from "./brief.js";

// Written for the test; each case names the general rule.
const brief = (parts: Partial<BriefFacts>): BriefFacts => ({ title: "Kiln: glaze tests", customer: "", problem: "", solution: "", evidence: "", business: "", metrics: "", launch: "", risks: "", other: "", ...parts });

describe("the evidence ledger", () => {
  it("enters every sentence as a fact and every figure in it as a number that points back at its sentence", () => {
    const a = analyseBrief(brief({ customer: "Studio potters in Wales; about 900 studios.", business: "£25 per studio per month." }));
    const facts = a.ledger.filter((e) => e.kind === "fact");
    expect(facts.map((f) => f.text)).toEqual(["Studio potters in Wales; about 900 studios.", "£25 per studio per month."]);
    const money = a.ledger.find((e) => e.kind === "number" && e.unit === "GBP per studio per month");
    expect(money).toMatchObject({ value: 25, of: facts[1]?.id });
    expect(a.ledger.map((e) => e.id)).toEqual(a.ledger.map((_e, i) => `L${i + 1}`));
  });
});

describe("stage: what customers have done with it", () => {
  it.each([
    ["hypothesis: only intent", "A survey found 70% of potters would try it.", "hypothesis", "nothing"],
    ["validated: a mock-up shown", "We showed a clickable mock-up to 8 potters and 6 of them booked a follow-up.", "validated", "mock-up"],
    ["validated: a working trial measured", "In a 5-week pilot at 3 studios, failed firings fell from 9 to 2.", "validated", "prototype"],
    ["growth: paying customers", "40 paying studios renewed last month.", "growth", "shipped"],
  ] as const)("%s", (_what, evidence, stage, maturity) => {
    const a = analyseBrief(brief({ evidence }));
    expect(a.stage).toBe(stage);
    expect(a.maturity).toBe(maturity);
  });
});

describe("the door", () => {
  it("one-way for an irreversible commitment, two-way for software that can be switched off", () => {
    expect(analyseBrief(brief({ solution: "We lease a fleet of 20 vans for three years." })).door).toBe("one-way");
    expect(analyseBrief(brief({ solution: "Potters get a text when the kiln has cooled." })).door).toBe("two-way");
  });
});

describe("the representative customer", () => {
  it.each([
    ["introduced as representative", "Representative customer: Bronwen, who runs a two-wheel studio in Cardiff.", "Bronwen"],
    ["introduced by example", "For example, Idris, a potter who fires twice a week.", "Idris"],
    ["told about as a person", "Carys, 61, in Tenby, runs the town's only community kiln.", "Carys"],
    ["quoted by name and role", "\"I lose a morning a week to it,\" said Morwenna, studio manager at a glass workshop in Truro.", "Morwenna"],
    ["quoted by name and what they do", "\"The kiln log is a mess,\" says Ifan, who fires for three potters in Bala.", "Ifan"],
    ["after a semicolon, with who", "When the potter leaves, the notes go too; Gwilym, who has fired the club kiln for ten years, keeps his in a shoebox.", "Gwilym"],
    ["with an appositive that starts with a place word", "Sioned, on the night shift at a tile works, checks the kiln by torchlight.", "Sioned"],
    ["with an appositive without an article", "Elin, secretary of a pottery club with 80 members, spends two evenings a week on the rota.", "Elin"],
    ["named after their role", "At the forge we watched, the owner, Bryn, said most callers ring back twice.", "Bryn"],
    ["someone the author sat with and tells about", "I sat with Non on the Friday shift. She keeps the list on her hand.", "Non"],
    ["with a title, a parenthesis and a past-tense verb", "Mrs Pryce (head of year 3, Rhyl) showed us a drawer of forms.", "Mrs Pryce"],
    ["by the business the brief visits", "I spent a week in Nerys's studio near Conwy. studios like hers fire twice a week.", "Nerys"],
  ])("%s", (_what, customer, name) => {
    expect(analyseBrief(brief({ customer })).representative?.name).toBe(name);
  });

  it("not the product, a place or a plural noun", () => {
    expect(analyseBrief(brief({ customer: "Kiln runs every night. Wales has 900 studios." })).representative).toBeNull();
  });

  it("not a question word, nor the company's own spokesperson", () => {
    expect(analyseBrief(brief({ customer: "What does the studio pay? About £20 a month." })).representative).toBeNull();
    expect(analyseBrief(brief({ customer: "\"Every studio needs this,\" said Rhodri, our founder and CEO." })).representative).toBeNull();
  });
});

describe("already built", () => {
  it("a product finished before customers saw it is flagged; a prototype customers used is not", () => {
    expect(analyseBrief(brief({ other: "The team has spent the last 14 months building it and it is feature complete." })).alreadyBuilt).not.toBeNull();
    expect(analyseBrief(brief({ evidence: "A prototype ran in 3 studios for 4 weeks and cut failed firings from 9 to 2." })).alreadyBuilt).toBeNull();
  });
});
