import { z } from "zod";
import { InlinePersonaSchema } from "./persona.js";

/** Limits on a brief; the service may tighten them by config. */
export const BRIEF_LIMITS = { titleMax: 200, textMax: 20_000, fieldMax: 4_000 } as const;

/**
 * The title of a markdown brief: its first `#` heading, else its first line that is not an email's
 * header, a rule or front matter (an email's `Subject:` names it), cut to 120 characters, else ""
 * (which validation then refuses). Emphasis markers are dropped. One rule for the API, the CLI and the eval.
 */
export function markdownTitle(markdown: string): string {
  // A scan from one non-blank line to the next, never one regex over the whole text: `^\s*#` under the
  // m flag backtracked over every run of newlines from every line start (65,000 newlines took 15 s).
  let firstLine: string | undefined;
  let frontMatter = false;
  let seenLine = false;
  const nonBlank = /\S/g;
  while (nonBlank.exec(markdown)) {
    const start = nonBlank.lastIndex - 1;
    const newline = markdown.indexOf("\n", start);
    const end = newline === -1 ? markdown.length : newline;
    const line = markdown.slice(start, end).trim();
    nonBlank.lastIndex = end;
    const isRule = /^(?:-{3,}|\*{3,}|_{3,})$/.test(line);
    // YAML front matter: everything from an opening "---" on the first line to the closing one.
    if (isRule && !seenLine) frontMatter = true;
    else if (isRule && frontMatter) frontMatter = false;
    seenLine = true;
    if (isRule || frontMatter) continue;
    const subject = /^subject:\s*(.+)$/i.exec(line);
    if (subject?.[1]) return plainTitle(subject[1]);
    if (EMAIL_HEADER.test(line)) continue;
    const heading = line.startsWith("#") && /^\s/.test(line.slice(1)) ? line.slice(1).trim() : "";
    if (heading) return plainTitle(heading);
    firstLine ??= plainTitle(line).slice(0, 120);
  }
  return firstLine ?? "";
}

/** An email's header line: it names the sender or the date, not the idea. */
const EMAIL_HEADER = /^(?:from|to|cc|bcc|date|sent):\s/i;

/** A title as plain words: emphasis markers and a leading bullet go. */
function plainTitle(line: string): string {
  return line.slice(0, 400).replace(/^(?:[-*+]\s+)/, "").replace(/(\*\*|__)(.+?)\1/g, "$2").replace(/^\*\*|\*\*$/g, "").trim();
}

const field = (what: string) =>
  z.string().trim().min(1).max(BRIEF_LIMITS.fieldMax).optional().describe(what);

/** A project brief: free-form markdown plus optional structured fields that override what is parsed from the text. */
export const BriefSchema = z.object({
  title: z.string().trim().min(1, "a title is required").max(BRIEF_LIMITS.titleMax),
  text: z.string().trim().min(1, "the brief text is required").max(BRIEF_LIMITS.textMax),
  customer: field("Who exactly the customer is"),
  problem: field("The customer's pain today, with evidence"),
  solution: field("What the product does for them"),
  evidence: field("What was observed: pilots, interviews, data"),
  metrics: field("How success is measured, with numbers and a time frame"),
  pricing: field("Price and unit economics"),
  launchDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
    .refine((s) => !Number.isNaN(Date.parse(s)), "not a real date")
    .optional()
    .describe("Hypothetical launch date"),
  risks: field("Known risks and dependencies"),
  persona: InlinePersonaSchema.optional().describe("A customer persona of the brief's own, seated first in the review"),
});
export type Brief = z.infer<typeof BriefSchema>;

/** The named parts of a brief, parsed from its text (and its structured fields). Empty string = the brief does not say. */
export const BriefFactsSchema = z.object({
  title: z.string(),
  customer: z.string(),
  problem: z.string(),
  solution: z.string(),
  evidence: z.string(),
  business: z.string(),
  metrics: z.string(),
  launch: z.string(),
  risks: z.string(),
  /** Text that fit no named part, in order. */
  other: z.string(),
});
export type BriefFacts = z.infer<typeof BriefFactsSchema>;
export type BriefPart = Exclude<keyof BriefFacts, "title">;
