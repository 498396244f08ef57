import { describe, expect, it } from "vitest";
import { InlinePersonaSchema, PersonaSchema, personaSlug, toPersona } from "./persona.js";

const valid = {
  id: "bakery-owner",
  name: "Ines Carvalho",
  kind: "customer",
  role: "Owner of a 2-shop bakery in Porto",
  segment: "small-business",
  background: "Took over her father's bakery in 2015.",
  dayToday: "Bakes from 4 am, serves until 2 pm, orders flour and does the books in the evening.",
  goals: ["Waste less bread"],
  frustrations: ["About 12% of bread is thrown away each day"],
  paysForToday: "A POS terminal at €39 a month.",
  wouldPay: "Up to €30 a month for less waste.",
  decisionCriteria: ["Pays for itself within a month"],
  voice: "Direct and warm.",
  skepticism: 3,
  keywords: ["bakery", "small business"],
};

/** Field paths of the issues zod reports for `data`. */
function issuePaths(data: unknown): string[] {
  const r = PersonaSchema.safeParse(data);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
}

describe("PersonaSchema", () => {
  it("accepts a complete persona and returns it unchanged", () => {
    expect(PersonaSchema.parse(valid)).toEqual(valid);
  });

  it("reports each bad field by path", () => {
    expect(issuePaths({ ...valid, skepticism: 6 })).toEqual(["skepticism"]);
    expect(issuePaths({ ...valid, skepticism: 2.5 })).toEqual(["skepticism"]);
    expect(issuePaths({ ...valid, kind: "investor" })).toEqual(["kind"]);
    expect(issuePaths({ ...valid, keywords: [] })).toEqual(["keywords"]);
    expect(issuePaths({ ...valid, goals: ["ok", ""] })).toEqual(["goals.1"]);
    const { voice: _voice, ...noVoice } = valid;
    expect(issuePaths(noVoice)).toEqual(["voice"]);
  });

  it("requires kebab-case ids and segments", () => {
    expect(issuePaths({ ...valid, id: "Bakery Owner" })).toEqual(["id"]);
    expect(issuePaths({ ...valid, id: "bakery--owner" })).toEqual(["id"]);
    expect(issuePaths({ ...valid, segment: "Small Business" })).toEqual(["segment"]);
  });

  it("rejects unknown fields, so a misspelt key in a YAML file is caught", () => {
    expect(issuePaths({ ...valid, frustration: ["typo"] })).toEqual([""]);
  });

  it("describes every field for model prompts", () => {
    for (const [key, field] of Object.entries(PersonaSchema.shape)) {
      expect(field.description, key).toBeTruthy();
    }
  });
});

describe("InlinePersonaSchema", () => {
  it("makes id optional and defaults kind to customer", () => {
    const { id: _id, kind: _kind, ...inline } = valid;
    const parsed = InlinePersonaSchema.parse(inline);
    expect(parsed.kind).toBe("customer");
    expect(parsed.id).toBeUndefined();
    expect(toPersona(parsed)).toEqual({ ...valid, id: "ines-carvalho" });
  });

  it("keeps a given id and still validates the rest", () => {
    expect(toPersona(InlinePersonaSchema.parse(valid)).id).toBe("bakery-owner");
    expect(InlinePersonaSchema.safeParse({ ...valid, skepticism: 0 }).success).toBe(false);
  });

  it("derives completed personas that pass the library schema", () => {
    const { id: _id, ...inline } = valid;
    expect(PersonaSchema.safeParse(toPersona(InlinePersonaSchema.parse({ ...inline, name: "Zoë O'Brien-Díaz" }))).success).toBe(true);
  });
});

describe("personaSlug", () => {
  it("slugs names, accents and punctuation", () => {
    expect(personaSlug("Zoë O'Brien-Díaz")).toBe("zoe-o-brien-diaz");
    expect(personaSlug("  Dr. Sam  Lee ")).toBe("dr-sam-lee");
    expect(personaSlug("!!!")).toBe("persona");
  });
});
