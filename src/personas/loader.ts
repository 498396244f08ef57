import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, YAMLParseError } from "yaml";
import { AppError } from "../domain/errors.js";
import { PersonaSchema, type Persona } from "../domain/persona.js";
import { compareIds, createPersonaLibrary, type PersonaLibrary } from "./library.js";

export type { PersonaLibrary, ReviewerKind } from "./library.js";

/** One problem in a persona file: a dotted field path ("" for the whole file) and what is wrong. */
export type PersonaIssue = { path: string; message: string };

/** A persona file that cannot be used. The message names the file and every failing field path. */
export class PersonaLoadError extends AppError {
  constructor(
    readonly file: string,
    readonly issues: PersonaIssue[],
    options?: { cause?: unknown },
  ) {
    const list = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    super("validation", `Invalid persona file ${file}: ${list}`, options);
  }
}

/** The repository's `personas/` folder, found from this module's location so any cwd works. */
export function defaultPersonaDir(): string {
  return fileURLToPath(new URL("../../personas/", import.meta.url));
}

/**
 * Reads every `.yaml` / `.yml` file in `dir` (not recursive), validates each against `PersonaSchema`
 * and returns the library. Throws `PersonaLoadError` for the first bad file (in name order), for a
 * file whose id is not its name, for a duplicate id and for a second persona of an internal kind.
 */
export async function loadPersonaLibrary(dir: string): Promise<PersonaLibrary> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => e.name)
    .sort(compareIds);
  const seen = new Map<string, string>();
  const kinds = new Map<string, string>();
  const personas: Persona[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const persona = parsePersonaFile(file, await readFile(file, "utf8"));
    const stem = name.replace(/\.ya?ml$/i, "");
    if (persona.id !== stem) {
      throw new PersonaLoadError(file, [{ path: "id", message: `id '${persona.id}' must match the file name (${persona.id}.yaml)` }]);
    }
    const twin = seen.get(persona.id);
    if (twin) throw new PersonaLoadError(file, [{ path: "id", message: `duplicate id '${persona.id}', also in ${twin}` }]);
    seen.set(persona.id, file);
    const sameKind = persona.kind === "customer" ? undefined : kinds.get(persona.kind);
    if (sameKind) throw new PersonaLoadError(file, [{ path: "kind", message: `a second ${persona.kind} persona; ${sameKind} already is one` }]);
    kinds.set(persona.kind, file);
    personas.push(persona);
  }
  return createPersonaLibrary(personas);
}

/** Parses and validates one persona file's text; `file` is only used in errors. */
export function parsePersonaFile(file: string, text: string): Persona {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    const where = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line})` : "";
    throw new PersonaLoadError(file, [{ path: "", message: `not valid YAML${where}: ${firstLine(err)}` }], { cause: err });
  }
  const result = PersonaSchema.safeParse(data);
  if (!result.success) {
    throw new PersonaLoadError(
      file,
      result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      { cause: result.error },
    );
  }
  return result.data;
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split("\n")[0] ?? "";
}
