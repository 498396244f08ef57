import type { Persona } from "../domain/persona.js";
import type { PersonaLibrary } from "./loader.js";

/**
 * What is wrong with a persona carried in a brief, as field errors: it may not take a library persona's
 * id (it would replace that persona under its name) nor another kind of seat than a customer's.
 * One rule for the API's check before anything is written and for seating the meeting.
 */
export function inlinePersonaErrors(persona: Persona, library: PersonaLibrary): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (library.byId(persona.id)) errors.push({ path: "brief.persona.id", message: `'${persona.id}' is a library persona's id; choose another (or name the library persona in options.personas)` });
  if (persona.kind !== "customer") errors.push({ path: "brief.persona.kind", message: `must be 'customer', not '${persona.kind}': the brief's persona takes a customer seat` });
  return errors;
}
