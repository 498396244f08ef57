import { describe, expect, it } from "vitest";
import { toPersona } from "../domain/persona.js";
import { inlinePersonaErrors } from "./inline.js";
import { defaultPersonaDir, loadPersonaLibrary } from "./loader.js";

const library = await loadPersonaLibrary(defaultPersonaDir());
const base = {
  name: "Rhiannon Price", kind: "customer" as const, role: "owner of a 6-room guest house in Conwy", segment: "hospitality", background: "b", dayToday: "d", goals: ["g"], frustrations: ["f"],
  paysForToday: "p", wouldPay: "w", decisionCriteria: ["c"], voice: "v", skepticism: 3, keywords: ["guest house"],
};

describe("inlinePersonaErrors", () => {
  it("accepts a customer persona of the brief's own", () => {
    expect(inlinePersonaErrors(toPersona(base), library)).toEqual([]);
  });
  it("refuses a library persona's id and another kind of seat, naming the fields", () => {
    const taken = library.customers()[0]?.id ?? "";
    const errors = inlinePersonaErrors(toPersona({ ...base, id: taken, kind: "engineer" }), library);
    expect(errors.map((e) => e.path)).toEqual(["brief.persona.id", "brief.persona.kind"]);
  });
});
