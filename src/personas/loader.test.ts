import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../domain/errors.js";
import { PERSONA_KINDS } from "../domain/persona.js";
import { defaultPersonaDir, loadPersonaLibrary, PersonaLoadError } from "./loader.js";

const realDir = defaultPersonaDir();

describe("the repository's persona library", () => {
  it("resolves personas/ from the module, not the working directory", () => {
    expect(realDir).toBe(path.resolve(import.meta.dirname, "../../personas") + path.sep);
  });

  it("loads at least 15 personas with every kind, ordered by id", async () => {
    const lib = await loadPersonaLibrary(realDir);
    expect(lib.all.length).toBeGreaterThanOrEqual(15);
    expect(new Set(lib.all.map((p) => p.kind))).toEqual(new Set(PERSONA_KINDS));
    const ids = lib.all.map((p) => p.id);
    expect(ids).toEqual([...ids].sort());
    expect(lib.customers().length).toBeGreaterThanOrEqual(12);
    expect(lib.customers().every((p) => p.kind === "customer")).toBe(true);
  });

  it("seats exactly one engineer, finance partner and bar raiser", async () => {
    const lib = await loadPersonaLibrary(realDir);
    expect(lib.role("engineer").id).toBe("skeptical-engineer");
    expect(lib.role("finance").id).toBe("finance-partner");
    expect(lib.role("leader").id).toBe("bar-raiser");
    expect(lib.all.filter((p) => p.kind !== "customer")).toHaveLength(3);
  });

  it("covers clearly different customer segments", async () => {
    const lib = await loadPersonaLibrary(realDir);
    const segments = new Set(lib.customers().map((p) => p.segment));
    for (const s of ["consumer", "small-business", "veterinary", "healthcare", "logistics", "enterprise", "public-sector", "developer", "education"]) {
      expect(segments, s).toContain(s);
    }
    expect(segments.size).toBeGreaterThanOrEqual(10);
  });

  it("finds personas by id", async () => {
    const lib = await loadPersonaLibrary(realDir);
    expect(lib.byId("vet-clinic-front-desk")?.segment).toBe("veterinary");
    expect(lib.byId("no-such-persona")).toBeUndefined();
  });
});

describe("loadPersonaLibrary on a temp dir", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "prfaq-personas-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A valid persona file's text, taken from the real library and re-keyed. */
  async function validYaml(id: string, kind = "customer"): Promise<string> {
    const text = await readFile(path.join(realDir, "hardware-store-owner.yaml"), "utf8");
    return text.replace(/^id: .*$/m, `id: ${id}`).replace(/^kind: .*$/m, `kind: ${kind}`);
  }

  async function loadError(): Promise<PersonaLoadError> {
    const err: unknown = await loadPersonaLibrary(dir).then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof PersonaLoadError)) throw new Error(`expected a PersonaLoadError, got ${String(err)}`);
    return err;
  }

  it("loads .yaml and .yml files and ignores others", async () => {
    await writeFile(path.join(dir, "a.yaml"), await validYaml("a"));
    await writeFile(path.join(dir, "b.yml"), await validYaml("b"));
    await writeFile(path.join(dir, "README.md"), "# not a persona");
    const lib = await loadPersonaLibrary(dir);
    expect(lib.all.map((p) => p.id)).toEqual(["a", "b"]);
    expect(() => lib.role("leader")).toThrow(NotFoundError);
  });

  it("names the file and every bad field path", async () => {
    await writeFile(path.join(dir, "good.yaml"), await validYaml("good"));
    const bad = (await validYaml("bad")).replace(/^skepticism: .*$/m, "skepticism: 9").replace(/^keywords:\n(  - .*\n)+/m, "keywords: []\n");
    await writeFile(path.join(dir, "bad.yaml"), bad);
    const err = await loadError();
    expect(err.file).toBe(path.join(dir, "bad.yaml"));
    expect(err.issues.map((i) => i.path)).toEqual(["skepticism", "keywords"]);
    expect(err.message).toContain("bad.yaml");
    expect(err.message).toMatch(/skepticism: .*; keywords: /);
    expect(err.code).toBe("validation");
  });

  it("names nested paths inside lists", async () => {
    const text = (await validYaml("nested")).replace(/^goals:\n  - .*$/m, "goals:\n  - key: not a string");
    await writeFile(path.join(dir, "nested.yaml"), text);
    const err = await loadError();
    expect(err.issues).toEqual([{ path: "goals.0", message: expect.stringContaining("expected string") }]);
    expect(err.message).toContain("goals.0");
  });

  it("reports YAML syntax errors with the file and line", async () => {
    await writeFile(path.join(dir, "broken.yaml"), "id: broken\nname: [unclosed\n");
    const err = await loadError();
    expect(err.file).toBe(path.join(dir, "broken.yaml"));
    expect(err.message).toMatch(/broken\.yaml: not valid YAML \(line \d+\)/);
  });

  it("rejects an empty file as a whole", async () => {
    await writeFile(path.join(dir, "empty.yaml"), "");
    const err = await loadError();
    expect(err.issues).toEqual([{ path: "", message: expect.any(String) }]);
  });

  it("rejects duplicate ids, naming both files", async () => {
    await writeFile(path.join(dir, "twin.yaml"), await validYaml("twin"));
    await writeFile(path.join(dir, "twin.yml"), await validYaml("twin"));
    const err = await loadError();
    expect(err.file).toBe(path.join(dir, "twin.yml"));
    expect(err.issues).toEqual([{ path: "id", message: `duplicate id 'twin', also in ${path.join(dir, "twin.yaml")}` }]);
  });

  it("requires the file name to be the id", async () => {
    await writeFile(path.join(dir, "other-name.yaml"), await validYaml("some-id"));
    const err = await loadError();
    expect(err.issues.map((i) => i.path)).toEqual(["id"]);
    expect(err.message).toContain("other-name.yaml");
  });

  it("rejects a second persona of an internal kind", async () => {
    await writeFile(path.join(dir, "lead-a.yaml"), await validYaml("lead-a", "leader"));
    await writeFile(path.join(dir, "lead-b.yaml"), await validYaml("lead-b", "leader"));
    const err = await loadError();
    expect(err.file).toBe(path.join(dir, "lead-b.yaml"));
    expect(err.issues.map((i) => i.path)).toEqual(["kind"]);
  });
});
