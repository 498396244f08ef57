import { z } from "zod";
import type { BriefFacts, BriefPart } from "./brief.js";
import { splitSentences } from "./brief-facts.js";
import { countsIn, moneyIn, percentsIn, ratesIn } from "./quantities.js";

/** Where a ledger entry comes from: the brief, the author's answers, the economics model, or an assumption we made. */
export const LedgerSourceSchema = z.enum(["brief", "author", "computed", "assumption"]);
export type LedgerSource = z.infer<typeof LedgerSourceSchema>;

export const LedgerKindSchema = z.enum(["fact", "number", "claim", "assumption"]);

/** One entry of the evidence ledger: what every statement of the meeting cites by id. */
export const LedgerEntrySchema = z.object({
  id: z.string().regex(/^L\d+$/).describe("Ledger id, L1, L2, ..."),
  kind: LedgerKindSchema.describe("fact: a sentence of the brief; number: a figure in it; claim: an absolute claim; assumption: what we assumed"),
  source: LedgerSourceSchema,
  part: z.string().describe("The part of the brief it belongs to (customer, problem, ...) or the economics line it computes"),
  text: z.string().describe("The sentence, figure or statement, verbatim where it comes from the brief"),
  value: z.number().optional().describe("The figure's value, for numbers"),
  unit: z.string().optional().describe("What the figure counts or is per: '$ per practice per month', 'restaurant', '%'"),
  /** The fact a number was read from. */
  of: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;
export const LedgerSchema = z.array(LedgerEntrySchema);
export type Ledger = z.infer<typeof LedgerSchema>;

/** The order parts are entered in: the ids read top to bottom like a brief. */
const PARTS: readonly BriefPart[] = ["customer", "problem", "solution", "evidence", "business", "metrics", "launch", "risks", "other"];

/** Appends entries with the next free ids. */
export class LedgerBuilder {
  readonly entries: LedgerEntry[];
  constructor(entries: Ledger = []) {
    this.entries = [...entries];
  }
  add(entry: Omit<LedgerEntry, "id">): LedgerEntry {
    const full = { id: `L${this.entries.length + 1}`, ...entry };
    this.entries.push(full);
    return full;
  }
}

/**
 * The brief's ledger: every sentence of every part as a fact, and every figure in it (money, counts,
 * rates, percentages) as a number that points back at its sentence. Answers the author gave are
 * entered the same way with source `author`. Pure.
 */
export function ledgerFromFacts(facts: BriefFacts, answers: { part: BriefPart; text: string }[] = []): LedgerBuilder {
  const ledger = new LedgerBuilder();
  const enter = (part: BriefPart, text: string, source: LedgerSource) => {
    for (const sentence of splitSentences(text)) {
      const fact = ledger.add({ kind: "fact", source, part, text: sentence });
      for (const m of moneyIn(sentence)) {
        const unit = [m.currency, m.per ? `per ${m.per}` : "", m.period ? `per ${m.period}` : "", m.oneOff ? "one-off" : ""].filter(Boolean).join(" ");
        ledger.add({ kind: "number", source, part, text: m.text, value: m.value, unit, of: fact.id });
      }
      for (const r of ratesIn(sentence)) ledger.add({ kind: "number", source, part, text: r.text, value: r.value, unit: `${r.noun} per ${r.period}`, of: fact.id });
      for (const c of countsIn(sentence)) ledger.add({ kind: "number", source, part, text: c.text, value: c.value, unit: c.noun, of: fact.id });
      for (const p of percentsIn(sentence)) ledger.add({ kind: "number", source, part, text: p.text, value: p.value, unit: "%", of: fact.id });
    }
  };
  for (const part of PARTS) enter(part, facts[part], "brief");
  for (const a of answers) enter(a.part, a.text, "author");
  return ledger;
}

/** The fact entry that holds `text` (a sentence or a figure of it), for citing. */
export function citeText(ledger: Ledger, text: string): string[] {
  const t = text.trim();
  if (!t) return [];
  const hit = ledger.find((e) => e.kind === "fact" && (e.text.includes(t) || t.includes(e.text)));
  return hit ? [hit.id] : [];
}

/** The ids of the facts of a part. */
export function factsOf(ledger: Ledger, part: BriefPart): LedgerEntry[] {
  return ledger.filter((e) => e.kind === "fact" && e.part === part);
}
