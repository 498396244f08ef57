import type { Persona } from "../domain/persona.js";
import { compareIds, type PersonaLibrary } from "./library.js";
import { indexText, phraseKey, type IndexedText } from "./match.js";

/** What the selection reads: the brief's customer section and the whole brief (which includes it). */
export type SelectionInput = { customerText: string; fullText: string };
/** `ids`: seat exactly these customer personas. `max`: how many to pick automatically (default 3). */
export type SelectionOptions = { ids?: string[]; max?: number };
export type PersonaPick = { persona: Persona; why: string };
export type PersonaSelection = { selected: PersonaPick[]; unknownIds: string[] };

/** Default number of customer personas seated when none are named. */
export const DEFAULT_MAX_PERSONAS = 3;
/** A match in the brief's customer section counts this many times more than one elsewhere. */
const CUSTOMER_WEIGHT = 3;
/** Personas scoring below this share of the best score are left out, so weak matches do not dilute the meeting. */
const RELATIVE_CUTOFF = 0.3;
/** Segments that speak for a broad audience, most generic first: the fallback when nothing matches. */
const BROAD_SEGMENTS = ["consumer", "small-business"];

type Hit = { label: string; key: string; weight: number; inCustomer: boolean };

/**
 * Chooses the customer personas for a review. With `ids`, exactly those (unknown or non-customer ids
 * are reported in `unknownIds`). Otherwise every customer persona is scored by the keywords and segment
 * it shares with the brief, weighted up when in the customer section and down when many personas share
 * the keyword; the best `max` are returned (ties by id), never fewer than one: when nothing matches, the
 * broadest personas are seated and `why` says so. Pure and deterministic.
 */
export function selectPersonas(input: SelectionInput, library: PersonaLibrary, opts: SelectionOptions = {}): PersonaSelection {
  if (opts.ids && opts.ids.length > 0) return explicit(opts.ids, library);
  const max = Math.max(1, Math.floor(opts.max ?? DEFAULT_MAX_PERSONAS));
  const customers = library.customers();
  const df = documentFrequency(customers);
  const customer = indexText(input.customerText);
  const full = indexText(`${input.customerText}\n${input.fullText}`);
  const scored = customers
    .map((persona) => {
      const hits = matches(persona, customer, full, df);
      return { persona, hits, score: round(hits.reduce((s, h) => s + h.weight, 0)) };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || compareIds(a.persona.id, b.persona.id));
  const best = scored[0]?.score ?? 0;
  if (best === 0) return { selected: fallback(customers, max), unknownIds: [] };
  const selected = scored
    .filter((s) => s.score >= best * RELATIVE_CUTOFF)
    .slice(0, max)
    .map(({ persona, hits }) => ({ persona, why: explain(hits) }));
  return { selected, unknownIds: [] };
}

function explicit(ids: string[], library: PersonaLibrary): PersonaSelection {
  const selected: PersonaPick[] = [];
  const unknownIds: string[] = [];
  for (const id of new Set(ids)) {
    const persona = library.byId(id);
    // Only customers take customer seats; the internal reviewers are seated by the meeting itself.
    if (persona?.kind === "customer") selected.push({ persona, why: "chosen explicitly" });
    else unknownIds.push(id);
  }
  return { selected, unknownIds };
}

/** Phrases by persona: personas are loaded once and never change, and normalising is most of a selection's work. */
const phraseCache = new WeakMap<Persona, Map<string, string>>();

/** The phrases a persona can match on: its keywords and its segment, deduplicated by normalised form. */
function phrases(persona: Persona): Map<string, string> {
  let out = phraseCache.get(persona);
  if (!out) phraseCache.set(persona, (out = normalisedPhrases(persona)));
  return out;
}

function normalisedPhrases(persona: Persona): Map<string, string> {
  const out = new Map<string, string>();
  for (const label of [...persona.keywords, persona.segment.replace(/-/g, " ")]) {
    const key = phraseKey(label);
    if (key && !out.has(key)) out.set(key, label);
  }
  return out;
}

/** How many customer personas use each phrase: shared phrases ("small business") say less about who fits. */
function documentFrequency(customers: Persona[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const p of customers) for (const key of phrases(p).keys()) df.set(key, (df.get(key) ?? 0) + 1);
  return df;
}

function matches(persona: Persona, customer: IndexedText, full: IndexedText, df: Map<string, number>): Hit[] {
  const hits: Hit[] = [];
  for (const [key, label] of phrases(persona)) {
    const inCustomer = customer.has(key);
    if (!inCustomer && !full.has(key)) continue;
    // Multi-word phrases ("front desk", "clinical trial") are more specific than single words.
    const specificity = (1 + 0.5 * (key.split(" ").length - 1)) / (df.get(key) ?? 1);
    hits.push({ label, key, weight: (inCustomer ? CUSTOMER_WEIGHT : 1) * specificity, inCustomer });
  }
  return hits.sort((a, b) => b.weight - a.weight || compareIds(a.key, b.key));
}

function explain(hits: Hit[]): string {
  const inCustomer = hits.filter((h) => h.inCustomer);
  const elsewhere = hits.filter((h) => !h.inCustomer);
  const parts: string[] = [];
  if (inCustomer.length > 0) parts.push(`${quoteList(inCustomer)} in the brief's customer`);
  if (elsewhere.length > 0) parts.push(`${quoteList(elsewhere)} ${inCustomer.length > 0 ? "elsewhere " : ""}in the brief`);
  return `matches ${parts.join("; ")}`;
}

function quoteList(hits: Hit[], shown = 4): string {
  const names = hits.slice(0, shown).map((h) => `'${h.label}'`);
  const more = hits.length - shown;
  return more > 0 ? `${names.join(", ")} and ${more} more` : names.join(", ");
}

function fallback(customers: Persona[], max: number): PersonaPick[] {
  const rank = (p: Persona) => {
    const i = BROAD_SEGMENTS.indexOf(p.segment);
    return i === -1 ? BROAD_SEGMENTS.length : i;
  };
  const broad = customers.filter((p) => rank(p) < BROAD_SEGMENTS.length);
  // A library without broad personas still seats one customer (the first by id) rather than none.
  const pool = broad.length > 0 ? broad : customers.slice(0, 1);
  return [...pool]
    .sort((a, b) => rank(a) - rank(b) || compareIds(a.id, b.id))
    .slice(0, max)
    .map((persona) => ({
      persona,
      why: `nothing in the brief matches any persona's keywords; seated as a broad '${persona.segment}' voice by default`,
    }));
}

/** Rounds away floating-point noise so equal scores tie (and fall back to id order). */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
