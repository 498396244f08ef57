import { NotFoundError } from "../domain/errors.js";
import type { Persona, PersonaKind } from "../domain/persona.js";

/** The kinds that seat exactly one internal reviewer (everything but `customer`). */
export type ReviewerKind = Exclude<PersonaKind, "customer">;

/** A validated, read-only set of personas, ordered by id. */
export type PersonaLibrary = {
  /** Every persona, ordered by id. */
  readonly all: readonly Persona[];
  /** The persona with this id, if any. */
  byId(id: string): Persona | undefined;
  /** The customer personas, ordered by id. */
  customers(): Persona[];
  /** The one persona of an internal reviewer kind; throws a `NotFoundError` when the library has none. */
  role(kind: ReviewerKind): Persona;
};

/**
 * Builds a library from already-validated personas (the loader's output, or test data).
 * Throws when two personas share an id or an internal kind appears more than once, because
 * `byId` and `role` would then be ambiguous.
 */
export function createPersonaLibrary(personas: readonly Persona[]): PersonaLibrary {
  const all = [...personas].sort((a, b) => compareIds(a.id, b.id));
  const index = new Map<string, Persona>();
  for (const p of all) {
    if (index.has(p.id)) throw new Error(`duplicate persona id '${p.id}'`);
    index.set(p.id, p);
  }
  const roles = new Map<PersonaKind, Persona>();
  for (const p of all) {
    if (p.kind === "customer") continue;
    const other = roles.get(p.kind);
    if (other) throw new Error(`more than one ${p.kind} persona: '${other.id}' and '${p.id}'`);
    roles.set(p.kind, p);
  }
  const customers = all.filter((p) => p.kind === "customer");
  return {
    all,
    byId: (id) => index.get(id),
    customers: () => [...customers],
    role: (kind) => {
      const p = roles.get(kind);
      if (!p) throw new NotFoundError(`${kind} persona`);
      return p;
    },
  };
}

/** Code-point order, not locale order, so the same ids sort the same on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
