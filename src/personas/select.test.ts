import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { extractBriefFacts } from "../domain/brief-facts.js";
import { PersonaSchema, type Persona } from "../domain/persona.js";
import { createPersonaLibrary, type PersonaLibrary } from "./library.js";
import { defaultPersonaDir, loadPersonaLibrary } from "./loader.js";
import { selectPersonas, type SelectionInput } from "./select.js";

const BRIEFS = path.resolve(import.meta.dirname, "../../test/fixtures/briefs");

/** The selection input the meeting builds from a brief file (same as agents/seats.ts). */
async function briefInput(file: string): Promise<SelectionInput> {
  const facts = extractBriefFacts({ title: file, text: await readFile(path.join(BRIEFS, file), "utf8") });
  return { customerText: facts.customer, fullText: Object.values(facts).join("\n") };
}

const ids = (r: ReturnType<typeof selectPersonas>) => r.selected.map((s) => s.persona.id);

describe("selectPersonas on the fixture briefs and the real library", () => {
  let lib: PersonaLibrary;
  beforeAll(async () => {
    lib = await loadPersonaLibrary(defaultPersonaDir());
  });

  it("seats the vet front desk for the vet clinic brief, explaining the overlap", async () => {
    const r = selectPersonas(await briefInput("strong-vet-clinic-refills.md"), lib, {});
    expect(ids(r)).toEqual(["vet-clinic-front-desk"]);
    const why = r.selected[0]?.why ?? "";
    expect(why).toMatch(/^matches .*'veterinary'.* in the brief's customer; .*elsewhere in the brief$/);
    expect(why).toContain("'refill'");
  });

  it("seats the warehouse operations manager for the picking brief", async () => {
    const r = selectPersonas(await briefInput("strong-warehouse-picking.md"), lib, {});
    expect(ids(r)).toEqual(["warehouse-operations-manager"]);
    expect(r.selected[0]?.why).toContain("'third-party logistics'");
  });

  it("seats the clinical research coordinator for oncology trial matching", async () => {
    const r = selectPersonas(await briefInput("strong-clinical-trial-matching.md"), lib, {});
    expect(ids(r)[0]).toBe("clinical-research-coordinator");
    expect(r.selected[0]?.why).toContain("'research coordinator'");
  });

  it("seats only consumers for the vague social network for everyone", async () => {
    const r = selectPersonas(await briefInput("weak-social-for-everyone.md"), lib, {});
    expect(ids(r)).toEqual(["young-adult-consumer", "working-parent"]);
    expect(r.selected.every((s) => s.persona.segment === "consumer")).toBe(true);
    // No customer section: every match is from elsewhere in the brief.
    expect(r.selected[1]?.why).toMatch(/^matches .*'social media'.* in the brief$/);
  });

  it("gives different briefs different personas", async () => {
    const files = ["strong-vet-clinic-refills.md", "strong-warehouse-picking.md", "strong-clinical-trial-matching.md", "weak-social-for-everyone.md"];
    const firsts = await Promise.all(files.map(async (f) => ids(selectPersonas(await briefInput(f), lib, {}))[0]));
    expect(new Set(firsts).size).toBe(files.length);
  });

  it("never seats more than max, and at least one", async () => {
    const input = await briefInput("weak-tech-looking-for-problem.md");
    expect(ids(selectPersonas(input, lib, {}))).toEqual(["enterprise-it-buyer", "platform-engineer", "warehouse-operations-manager"]);
    expect(ids(selectPersonas(input, lib, { max: 1 }))).toEqual(["enterprise-it-buyer"]);
    expect(ids(selectPersonas(input, lib, { max: 0 }))).toHaveLength(1);
  });

  it("falls back to the broad consumer personas when nothing matches, and says so", () => {
    const r = selectPersonas({ customerText: "", fullText: "Zyx qwv plorb." }, lib, { max: 2 });
    expect(ids(r)).toEqual(["working-parent", "young-adult-consumer"]);
    expect(r.selected[0]?.why).toBe("nothing in the brief matches any persona's keywords; seated as a broad 'consumer' voice by default");
  });

  it("returns exactly the named personas, in order, and lists unknown ones", () => {
    const r = selectPersonas({ customerText: "warehouse", fullText: "" }, lib, {
      ids: ["school-teacher", "nope", "vet-clinic-front-desk", "bar-raiser", "school-teacher"],
    });
    expect(ids(r)).toEqual(["school-teacher", "vet-clinic-front-desk"]);
    expect(r.selected.map((s) => s.why)).toEqual(["chosen explicitly", "chosen explicitly"]);
    // Internal reviewers cannot take a customer seat.
    expect(r.unknownIds).toEqual(["nope", "bar-raiser"]);
  });
});

/** A minimal valid customer persona for synthetic libraries. */
function persona(id: string, segment: string, keywords: string[]): Persona {
  return PersonaSchema.parse({
    id, name: `Person ${id}`, kind: "customer", role: "r", segment, background: "b", dayToday: "d",
    goals: ["g"], frustrations: ["f"], paysForToday: "p", wouldPay: "w", decisionCriteria: ["c"], voice: "v", skepticism: 3, keywords,
  });
}

describe("selectPersonas scoring", () => {
  it("weights the customer section above the rest of the brief", () => {
    const lib = createPersonaLibrary([persona("a-baker", "food", ["bakery"]), persona("b-florist", "retail", ["florist"])]);
    const r = selectPersonas({ customerText: "Owners of a florist shop.", fullText: "Also sells to a bakery." }, lib, {});
    expect(ids(r)).toEqual(["b-florist", "a-baker"]);
    expect(r.selected.map((s) => s.why)).toEqual(["matches 'florist' in the brief's customer", "matches 'bakery' in the brief"]);
  });

  it("breaks ties by id, deterministically", () => {
    const lib = createPersonaLibrary([persona("zed", "x", ["boats"]), persona("amy", "y", ["boats"]), persona("max", "z", ["boats"])]);
    const input = { customerText: "boat owners", fullText: "" };
    expect(ids(selectPersonas(input, lib, { max: 2 }))).toEqual(["amy", "max"]);
    expect(ids(selectPersonas(input, lib, { max: 2 }))).toEqual(["amy", "max"]);
  });

  it("counts a keyword shared by many personas for less than a specific one", () => {
    const lib = createPersonaLibrary([
      persona("a", "s1", ["clinic"]),
      persona("b", "s2", ["clinic"]),
      persona("c", "s3", ["dental"]),
    ]);
    expect(ids(selectPersonas({ customerText: "dental clinic staff", fullText: "" }, lib, {}))[0]).toBe("c");
  });

  it("matches the segment, plurals and hyphenation", () => {
    const lib = createPersonaLibrary([persona("gov", "public-sector", ["county"]), persona("shop", "retail", ["front desk", "staff"])]);
    const r = selectPersonas({ customerText: "Public sector teams in counties", fullText: "Front-desk staff." }, lib, {});
    expect(r.selected.map((s) => [s.persona.id, s.why])).toEqual([
      // Multi-word phrases weigh more, so they are named first.
      ["gov", "matches 'public sector', 'county' in the brief's customer"],
      ["shop", "matches 'front desk', 'staff' in the brief"],
    ]);
  });

  it("leaves out personas far below the best match", () => {
    const lib = createPersonaLibrary([persona("strong", "a", ["oncology", "research coordinator", "trials"]), persona("weak", "b", ["hospital"])]);
    expect(ids(selectPersonas({ customerText: "research coordinators running oncology trials", fullText: "a hospital" }, lib, {}))).toEqual(["strong"]);
  });

  it("falls back to the first customer when the library has no broad persona", () => {
    const lib = createPersonaLibrary([persona("b", "niche", ["x-ray"]), persona("a", "niche", ["sonar"])]);
    const r = selectPersonas({ customerText: "", fullText: "nothing relevant" }, lib, {});
    expect(ids(r)).toEqual(["a"]);
    expect(r.selected[0]?.why).toContain("nothing in the brief matches");
  });
});
