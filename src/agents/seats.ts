import type { BriefFacts } from "../domain/brief.js";
import type { Persona } from "../domain/persona.js";
import { ValidationError } from "../domain/errors.js";
import type { PersonaLibrary } from "../personas/loader.js";
import { selectPersonas } from "../personas/select.js";

/** One reviewer seat: a customer persona, the engineer or finance. */
export type Seat = { agent: string; role: "customer" | "engineer" | "finance"; persona?: Persona };
export type SeatChoice = { seats: Seat[]; personas: { id: string; name: string; why: string }[] };

/**
 * Seats the meeting: the customer personas (explicit ids, or up to three that best match the brief's
 * customer), then the skeptical engineer and the finance partner. Unknown ids are a validation error.
 */
export function chooseSeats(facts: BriefFacts, library: PersonaLibrary, ids: string[] | undefined, inline?: Persona): SeatChoice {
  const fullText = Object.values(facts).join("\n");
  // A brief's own persona takes the first seat; the library fills the rest.
  const max = inline ? 2 : 3;
  const picked = selectPersonas({ customerText: facts.customer, fullText }, library, ids ? { ids } : { max });
  const choice = inline
    ? { ...picked, selected: [{ persona: inline, why: "supplied with the brief" }, ...picked.selected.filter((p) => p.persona.id !== inline.id)] }
    : picked;
  if (choice.unknownIds.length > 0) {
    throw new ValidationError(
      `Unknown persona id(s): ${choice.unknownIds.join(", ")}`,
      choice.unknownIds.map((id) => ({ path: `options.personas.${(ids ?? []).indexOf(id)}`, message: `no persona with id '${id}'` })),
      "unknown_persona",
    );
  }
  const seats: Seat[] = [
    ...choice.selected.map(({ persona }) => ({ agent: `customer:${persona.id}`, role: "customer" as const, persona })),
    // The internal reviewers' personas give a model engine their voice; the offline engine reads only the role.
    { agent: "engineer", role: "engineer", persona: library.role("engineer") },
    { agent: "finance", role: "finance", persona: library.role("finance") },
  ];
  return { seats, personas: choice.selected.map(({ persona, why }) => ({ id: persona.id, name: persona.name, why })) };
}
