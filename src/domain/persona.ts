import { z } from "zod";

/** The seats a persona can take in the review: a customer, or one of the three internal reviewers. */
export const PERSONA_KINDS = ["customer", "engineer", "finance", "leader"] as const;
export const PersonaKindSchema = z
  .enum(PERSONA_KINDS)
  .describe("Seat in the review: customer (reads only the PR and external FAQ), engineer, finance or leader");
export type PersonaKind = z.infer<typeof PersonaKindSchema>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (what: string, max = 600) => z.string().trim().min(1).max(max).describe(what);
const list = (what: string, max = 12) => z.array(z.string().trim().min(1).max(300)).min(1).max(max).describe(what);

/** The persona's fields; shared by the library schema and the inline (brief-carried) schema. */
const personaShape = {
  id: z
    .string()
    .regex(SLUG, "use a kebab-case slug: lowercase letters, digits and single hyphens")
    .max(60)
    .describe("Stable kebab-case id, e.g. vet-clinic-front-desk; the library file is named <id>.yaml"),
  name: text("The person's name, e.g. Kayla Brooks", 80),
  kind: PersonaKindSchema,
  role: text("Job title or life situation, with where and how big, e.g. front-desk lead at a 4-vet clinic in Spokane", 200),
  segment: z
    .string()
    .regex(SLUG, "use a kebab-case segment, e.g. small-business")
    .max(40)
    .describe("Market segment: consumer, small-business, enterprise, public-sector, developer, healthcare, education, logistics, ..."),
  background: text("Two or three sentences: who they are, how long they have done this, what shapes their view"),
  dayToday: text("Their day today, concretely: what they do, with which tools, where the time goes", 900),
  goals: list("What they are trying to achieve, in their own terms"),
  frustrations: list("What costs them time, money or sleep today, with numbers where they have them"),
  paysForToday: text("What they pay for today in this area, with amounts where plausible"),
  wouldPay: text("What they would pay, how (monthly, per seat, one-off) and for what outcome"),
  decisionCriteria: list("How they decide to switch or buy: the tests a product must pass"),
  voice: text("How they talk: tone, vocabulary, typical phrasing; one or two sentences", 300),
  skepticism: z
    .number()
    .int()
    .min(1)
    .max(5)
    .describe("How hard they are to convince: 1 = early adopter, 5 = has been burned before and needs proof"),
  keywords: list(
    "Words that match this persona against a brief's customer text: industries, job titles, places, company sizes, tools",
    40,
  ),
};

/**
 * A persona: a specific, representative person who reads the PR/FAQ. Customer personas say whether they
 * would switch and pay; the engineer, finance and leader personas give the internal reviewers a voice.
 * The single source of truth for persona YAML files and prompts (every field is described for models).
 */
export const PersonaSchema = z.strictObject(personaShape).describe("A persona taking a seat in a Working Backwards review");
export type Persona = z.infer<typeof PersonaSchema>;

/**
 * A persona carried inside a brief: the same fields, but `id` is optional (derived from the name by
 * {@link toPersona}) and `kind` defaults to `customer`.
 */
export const InlinePersonaSchema = z
  .strictObject({
    ...personaShape,
    id: personaShape.id.optional().describe("Optional kebab-case id; derived from the name when omitted"),
    kind: PersonaKindSchema.default("customer"),
  })
  .describe("A persona supplied with the brief; id is derived from the name when omitted");
export type InlinePersona = z.infer<typeof InlinePersonaSchema>;

/** A kebab-case slug of free text ("Dana O'Neil" → "dana-o-neil"); "persona" when nothing is left. */
export function personaSlug(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "persona";
}

/** Completes an inline persona: keeps its id, or derives one from the name. */
export function toPersona(inline: InlinePersona): Persona {
  return { ...inline, id: inline.id ?? personaSlug(inline.name) };
}
