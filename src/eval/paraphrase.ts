import { z } from "zod";
import { joinBriefLines, readBriefLines, renderBriefLine, splitLabel, splitSentences, type BriefLine, type Label } from "./brief-lines.js";
import { swapSynonyms } from "./synonyms.js";

/**
 * How a brief is rewritten without changing its meaning: `synonyms` (general English synonyms for
 * verbs of pain and outcome), `one-paragraph` (headings, labels and bullets flattened into prose),
 * `headings` (`Label: text` lines become `## Label` sections, or the reverse) and `bullets-prose`
 * (bullets become sentences, or multi-sentence paragraphs become bullets).
 */
export const ParaphraseKindSchema = z.enum(["synonyms", "one-paragraph", "headings", "bullets-prose"]);
export type ParaphraseKind = z.infer<typeof ParaphraseKindSchema>;

export const ParaphraseSchema = z.object({
  kind: ParaphraseKindSchema,
  text: z.string().describe("The rewritten brief; a sound reviewer gives it the original's verdict"),
});
export type Paraphrase = z.infer<typeof ParaphraseSchema>;

const upperFirst = (s: string) => s.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
const ordinal = (marker: string) => (/^\d/.test(marker) ? `(${marker.slice(0, -1)}) ` : "");

/** Ends a piece of prose as a sentence: keeps `.`, `!`, `?` or a list-introducing `:`, turns a trailing `,`/`;` into `.`. */
function sentence(text: string): string {
  const s = text.trim();
  if (!s || /[.!?:]["'”’)*_]*$/.test(s)) return s;
  return /[,;]$/.test(s) ? `${s.slice(0, -1)}.` : `${s}.`;
}

const FUNCTION_WORDS = new Set("a an the in on at by for from with of to and or but when if each every one two three most some many our we it its this that these those all no not".split(" "));

/**
 * Lower-cases the first word where it follows a lead-in, but only if it is an ordinary word: one the
 * brief also writes in lower case, or a function word. Names ("Priya", "ChairFill") keep their capital.
 */
function lowerFirst(s: string, lowerCaseWords: Set<string>): string {
  const word = /^\p{Lu}[\p{Ll}'’-]*(?![\p{L}])/u.exec(s)?.[0];
  if (!word || word === "I") return s;
  const lc = word.toLowerCase();
  return lowerCaseWords.has(lc) || FUNCTION_WORDS.has(lc) ? lc + s.slice(word.length) : s;
}

const NO_ARTICLE = new Set("the a an our your their my its what who when why how where which whom".split(" "));

/** The lead-in a heading or label becomes in prose: `Problem` → "As for the problem, ". */
function leadIn(name: string): string {
  const n = name.replace(/[:\s]+$/, "").trim();
  if (/^(who|for|for whom)$/i.test(n)) return "As for who it is for, ";
  const l = /^\p{Lu}\p{Ll}*(?![\p{L}])/u.test(n) ? n[0]!.toLowerCase() + n.slice(1) : n;
  return NO_ARTICLE.has(l.split(/\s+/)[0]!.toLowerCase()) ? `As for ${l}, ` : `As for the ${l}, `;
}

/** Synonyms in the prose of every line; titles, headings and label names stay as written. */
function withSynonyms(lines: BriefLine[]): string[] {
  return lines.map((line) => {
    if (line.kind === "text") return swapSynonyms(line.text);
    if (line.kind === "label") return renderBriefLine({ ...line, label: { ...line.label, rest: swapSynonyms(line.label.rest) } });
    if (line.kind !== "bullet") return renderBriefLine(line);
    const label = splitLabel(line.text);
    return renderBriefLine({ ...line, text: label ? label.prefix + swapSynonyms(label.rest) : swapSynonyms(line.text) });
  });
}

/** Everything under the title as one paragraph: headings and labels become lead-ins, bullets sentences. */
function asOneParagraph(lines: BriefLine[], source: string): string[] {
  // A body that is already one paragraph stays as written (not even a full stop is added).
  const layout = lines.map((l) => (l.kind === "title" ? "" : l.kind === "blank" ? " " : l.kind === "text" ? "t" : "x")).join("");
  if (/^t*$/.test(layout.trim())) return lines.map(renderBriefLine);
  const lowerCaseWords = new Set(source.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []);
  const parts: string[] = [];
  let lead: string | undefined; // a lead-in waiting for its sentence
  let paragraph: string[] = [];
  const addLead = (next: string) => {
    lead = lead ? `${lead.slice(0, -2)} and ${next.replace(/^As for /, "")}` : next;
  };
  const say = (text: string, capital: boolean) => {
    const s = sentence(text);
    if (!s) return;
    parts.push(lead ? lead + lowerFirst(s, lowerCaseWords) : capital ? upperFirst(s) : s);
    lead = undefined;
  };
  const labelled = (label: Label) => {
    addLead(leadIn(label.name));
    say(label.rest, false);
  };
  const flush = () => {
    if (paragraph.length > 0) say(paragraph.join(" "), false);
    paragraph = [];
  };
  for (const line of lines) {
    if (line.kind !== "text") flush();
    if (line.kind === "text") paragraph.push(line.text);
    else if (line.kind === "label") labelled(line.label);
    // A table's empty header and separator rows say nothing once its rows are sentences.
    else if (line.kind === "raw") {
      if (!/^\s*\|[\s|:-]*\|\s*$/.test(line.text)) parts.push(line.text);
    } else if (line.kind === "heading" && /[?!.]$/.test(line.text)) {
      lead = undefined;
      parts.push(line.text);
    } else if (line.kind === "heading") addLead(leadIn(line.text));
    else if (line.kind === "bullet") {
      const label = ordinal(line.marker) ? undefined : splitLabel(line.text);
      if (label) labelled(label);
      else say(ordinal(line.marker) + line.text, true);
    }
  }
  flush();
  const title = lines.find((l) => l.kind === "title");
  return [...(title ? [renderBriefLine(title), ""] : []), parts.join(" ")];
}

/** `## Label` + text becomes `Label: text` when the brief uses headings; otherwise label lines become headings. */
function toggleHeadings(lines: BriefLine[]): string[] {
  return lines.some((l) => l.kind === "heading") ? headingsToLabels(lines) : labelsToHeadings(lines);
}

function headingsToLabels(lines: BriefLine[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.kind !== "heading") {
      out.push(renderBriefLine(line));
      continue;
    }
    const question = /[?!.]$/.test(line.text);
    const name = line.text.replace(/\s*:$/, "");
    let j = k + 1;
    while (lines[j]?.kind === "blank") j++;
    const paragraph: string[] = [];
    for (let next = lines[j]; next?.kind === "text"; next = lines[++j]) paragraph.push(next.text);
    if (out.length > 0 && out.at(-1) !== "") out.push("");
    if (paragraph.length > 0) {
      out.push(`${name}${question ? " " : ": "}${paragraph.join(" ")}`);
      k = j - 1;
    } else out.push(question ? name : `${name}:`);
  }
  return out;
}

function labelsToHeadings(lines: BriefLine[]): string[] {
  // Labelled bullets ("- Who: ...") become sections only in a brief whose labels all sit in bullets.
  const lineLabels = lines.some((l) => l.kind === "label");
  const out: string[] = [];
  for (const line of lines) {
    const label =
      line.kind === "label" ? line.label : line.kind === "bullet" && !lineLabels && !line.indent && !ordinal(line.marker) ? splitLabel(line.text) : undefined;
    if (!label) out.push(renderBriefLine(line));
    // A label with its text becomes a closed section; a bare label ("**Risks**") heads what follows it.
    else out.push("", `## ${label.name}`, ...(label.rest.trim() ? [upperFirst(label.rest), ""] : []));
  }
  return out;
}

/** Bullet lists become prose when the brief has bullets; otherwise multi-sentence paragraphs become bullet lists. */
function toggleBullets(lines: BriefLine[]): string[] {
  return lines.some((l) => l.kind === "bullet") ? bulletsToProse(lines) : sentencesToBullets(lines);
}

function bulletsToProse(lines: BriefLine[]): string[] {
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) out.push(run.join(" "));
    run = [];
  };
  lines.forEach((line, k) => {
    if (line.kind === "bullet") run.push(sentence(ordinal(line.marker) + upperFirst(line.text)));
    // A blank line between two items is still the same (loose) list.
    else if (line.kind === "blank" && run.length > 0 && lines.slice(k).find((l) => l.kind !== "blank")?.kind === "bullet") return;
    else {
      flush();
      out.push(renderBriefLine(line));
    }
  });
  flush();
  return out;
}

function sentencesToBullets(lines: BriefLine[]): string[] {
  const out: string[] = [];
  const asList = (sentences: string[]) => ["", ...sentences.map((s) => `- ${s}`), ""];
  let paragraph: string[] = [];
  const flush = () => {
    const sentences = splitSentences(paragraph.join(" "));
    out.push(...(sentences.length > 1 ? asList(sentences) : paragraph));
    paragraph = [];
  };
  for (const line of lines) {
    if (line.kind === "text") {
      paragraph.push(line.text);
      continue;
    }
    flush();
    if (line.kind === "label" && splitSentences(line.label.rest).length > 1) out.push(line.label.prefix.trimEnd(), ...asList(splitSentences(line.label.rest)));
    else out.push(renderBriefLine(line));
  }
  flush();
  return out;
}

const REWRITES: Record<ParaphraseKind, (lines: BriefLine[], source: string) => string[]> = {
  synonyms: withSynonyms,
  "one-paragraph": asOneParagraph,
  headings: toggleHeadings,
  "bullets-prose": toggleBullets,
};

const normalise = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * Meaning-preserving rewrites of a markdown brief, one per kind that changes it (a kind that would
 * leave the text as it is, up to whitespace, is skipped). Deterministic and pure; no sentence, number
 * or currency amount of the original is dropped.
 */
export function paraphrases(text: string): Paraphrase[] {
  const lines = readBriefLines(text);
  return ParaphraseKindSchema.options.flatMap((kind) => {
    const rewritten = joinBriefLines(REWRITES[kind](lines, text));
    return normalise(rewritten) === normalise(text) ? [] : [{ kind, text: rewritten }];
  });
}
