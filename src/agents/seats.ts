import type { Analysis } from "../domain/analysis.js";
import type { BriefFacts } from "../domain/brief.js";
import { splitSentences } from "../domain/brief-facts.js";
import { headNoun } from "../domain/economics.js";
import { singular } from "../domain/quantities.js";
import { NO_ONE_IN_PARTICULAR } from "../domain/vocabulary.js";
import { ValidationError } from "../domain/errors.js";
import { PersonaSchema, personaSlug, type Persona } from "../domain/persona.js";
import type { PersonaLibrary } from "../personas/loader.js";
import { selectPersonas } from "../personas/select.js";
import { inlinePersonaErrors } from "../personas/inline.js";
import { personaFit, stem, tokens } from "../personas/match.js";

/** One reviewer seat: a customer persona, the engineer or finance. `fromBrief`: the brief's own customer. */
export type Seat = { agent: string; role: "customer" | "engineer" | "finance"; persona?: Persona; fromBrief?: boolean };
export type SeatChoice = { seats: Seat[]; personas: { id: string; name: string; why: string }[] };

/** Customer seats at most, the brief's own customer included. */
const MAX_CUSTOMER_SEATS = 3;
/** Keywords a library persona must share with the brief's customer part to be seated automatically. */
const MIN_FIT = 2;

const cut = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

/**
 * The brief's own customer as a persona: the named representative when there is one, else the
 * customer the brief describes. Its day and frustrations are the brief's problem sentences; what it
 * pays and would pay are unknown, and say so. Undefined when the brief names no one specific.
 */
export function briefPersona(facts: BriefFacts, analysis: Analysis): Persona | undefined {
  const rep = analysis.representative;
  const customer = facts.customer.trim();
  // A customer described specifically enough to speak for: a group named by a plural noun ("gym members in Madrid").
  // "Who uses it: Our 60 porters across both sites": past a label and a count, the group is the plural noun.
  const opening = (splitSentences(customer)[0] ?? "").replace(/^[^:]{1,30}:\s*/, "");
  const group = /^\s*(?:(?:our|the)\s+)?(?:(?:about|some|around|all|\d[\d,]*)\s+)?((?:[\p{L}-]+\s+){0,3}?\p{Ll}[\p{L}-]*s)\b/iu.exec(opening)?.[1];
  const noun = headNoun(customer) ?? (group ? singular(group.split(/\s+/).at(-1) ?? "") : undefined);
  if (!rep && (!customer || NO_ONE_IN_PARTICULAR.test(customer) || !noun)) return undefined;
  const problem = splitSentences(facts.problem).slice(0, 12).map((s) => cut(s, 300));
  const role = cut(rep?.role || splitSentences(customer)[0] || customer, 200);
  const name = cut(rep ? rep.name : `The brief's ${noun ?? "customer"}`, 80);
  const keywords = [...new Set((customer.toLowerCase().match(/[a-z][a-z-]{3,}/g) ?? []).slice(0, 40))];
  return PersonaSchema.parse({
    id: `brief-${personaSlug(rep?.name ?? noun ?? "customer")}`.slice(0, 60).replace(/-+$/, ""),
    name,
    kind: "customer",
    role,
    segment: "from-brief",
    background: cut(customer || role, 600),
    dayToday: cut(facts.problem.trim() || "The brief does not describe their day.", 900),
    goals: [cut(`Be rid of what the brief describes: ${problem[0] ?? "a problem it does not state"}`, 300)],
    frustrations: problem.length > 0 ? problem : ["The brief does not say what frustrates them."],
    paysForToday: "The brief does not say what they pay today.",
    wouldPay: "The brief does not say; judged against what the problem costs them.",
    decisionCriteria: ["It removes the problem the release describes", "It costs less than the problem costs"],
    voice: "Speaks from the brief's own description of their day, plainly.",
    skepticism: 3,
    keywords: keywords.length > 0 ? keywords : [noun ?? "customer"],
  });
}

/**
 * A library persona fits a brief's customer when at least MIN_FIT of its keywords occur there and, when the
 * brief names the kind of organisation its customer works at ("vet clinics", "dental practices"), the persona
 * works at one too. A dental office manager shares "front desk" and "appointments" with a vet clinic's front
 * desk, but her practice is not a clinic: the brief is not hers.
 */
function fitsCustomer(persona: Persona, customerText: string): boolean {
  if (personaFit(persona.keywords, customerText).length < MIN_FIT) return false;
  const head = headNoun(customerText);
  return head === undefined || tokens(`${persona.role} ${persona.background}`).includes(stem(head));
}

/**
 * Seats the meeting. The brief's own customer (an inline persona, else one built from the brief's
 * representative) sits first; library personas sit only when they fit the brief's customer (at least
 * two of their keywords in it, at the kind of organisation it names), or when named explicitly. Then the engineer and the finance partner.
 * An inline persona may not take a library persona's id or another kind of seat.
 */
export function chooseSeats(facts: BriefFacts, analysis: Analysis, library: PersonaLibrary, ids: string[] | undefined, inline?: Persona): SeatChoice {
  const inlineErrors = inline ? inlinePersonaErrors(inline, library) : [];
  if (inlineErrors.length > 0) throw new ValidationError("The brief's persona cannot take a seat: see errors.", inlineErrors);
  const own = inline ?? briefPersona(facts, analysis);
  const fullText = Object.values(facts).join("\n");
  const picked = selectPersonas({ customerText: facts.customer, fullText }, library, ids ? { ids } : { max: MAX_CUSTOMER_SEATS });
  if (picked.unknownIds.length > 0) {
    throw new ValidationError(
      `Unknown persona id(s): ${picked.unknownIds.join(", ")}`,
      picked.unknownIds.map((id) => ({ path: `options.personas.${(ids ?? []).indexOf(id)}`, message: `no persona with id '${id}'` })),
      "unknown_persona",
    );
  }
  // Automatic picks must fit the brief's customer, at the kind of organisation it names, not only by work
  // every trade has ("front desk", "appointments"); explicit picks sit as asked (and may abstain).
  const library_ = picked.selected.filter((p) => ids !== undefined || fitsCustomer(p.persona, facts.customer));
  const chosen = [
    ...(own ? [{ persona: own, why: inline ? "supplied with the brief" : analysis.representative ? "the brief's own representative customer" : "the customer the brief describes", fromBrief: true }] : []),
    ...library_.filter((p) => p.persona.id !== own?.id).map((p) => ({ ...p, fromBrief: false })),
  ].slice(0, ids ? MAX_CUSTOMER_SEATS + 2 : MAX_CUSTOMER_SEATS);
  const seats: Seat[] = [
    ...chosen.map(({ persona, fromBrief }) => ({ agent: `customer:${persona.id}`, role: "customer" as const, persona, fromBrief })),
    // The internal reviewers' personas give a model engine their voice; the offline engine reads only the role.
    { agent: "engineer", role: "engineer", persona: library.role("engineer") },
    { agent: "finance", role: "finance", persona: library.role("finance") },
  ];
  return { seats, personas: chosen.map(({ persona, why }) => ({ id: persona.id, name: persona.name, why })) };
}
