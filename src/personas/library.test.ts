import { describe, expect, it } from "vitest";
import { NotFoundError } from "../domain/errors.js";
import { PersonaSchema, type PersonaKind } from "../domain/persona.js";
import { createPersonaLibrary } from "./library.js";

const persona = (id: string, kind: PersonaKind) =>
  PersonaSchema.parse({
    id, name: "N", kind, role: "r", segment: "s", background: "b", dayToday: "d", goals: ["g"], frustrations: ["f"],
    paysForToday: "p", wouldPay: "w", decisionCriteria: ["c"], voice: "v", skepticism: 1, keywords: ["k"],
  });

describe("createPersonaLibrary", () => {
  it("orders by id and splits customers from reviewers", () => {
    const lib = createPersonaLibrary([persona("c2", "customer"), persona("eng", "engineer"), persona("c1", "customer")]);
    expect(lib.all.map((p) => p.id)).toEqual(["c1", "c2", "eng"]);
    expect(lib.customers().map((p) => p.id)).toEqual(["c1", "c2"]);
    expect(lib.role("engineer").id).toBe("eng");
    expect(lib.byId("c2")?.kind).toBe("customer");
  });

  it("throws NotFoundError for a missing reviewer kind", () => {
    const lib = createPersonaLibrary([persona("c1", "customer")]);
    expect(() => lib.role("finance")).toThrow(NotFoundError);
  });

  it("rejects duplicate ids and a second reviewer of one kind", () => {
    expect(() => createPersonaLibrary([persona("x", "customer"), persona("x", "customer")])).toThrow("duplicate persona id 'x'");
    expect(() => createPersonaLibrary([persona("f1", "finance"), persona("f2", "finance")])).toThrow("more than one finance persona");
  });

  it("hands out copies, so callers cannot reorder the library", () => {
    const lib = createPersonaLibrary([persona("a", "customer"), persona("b", "customer")]);
    lib.customers().reverse();
    expect(lib.customers().map((p) => p.id)).toEqual(["a", "b"]);
  });
});
