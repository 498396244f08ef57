import { splitSentences } from "../../domain/brief-facts.js";

/** Sentence helpers the offline engine composes its prose with. Pure. */
export function sentences(text: string): string[] {
  return splitSentences(text);
}

export function firstSentence(text: string): string {
  return sentences(text)[0] ?? "";
}

/** Drops the final period so the sentence can be embedded in another one. */
export function clause(sentence: string): string {
  return sentence.trim().replace(/[.;:!]+$/, "");
}

export function lowerFirst(text: string): string {
  // Keep acronyms and names ("US clinics", "Dana") as written.
  if (/^[A-Z]{2,}\b/.test(text) || /^[A-Z][a-z]+\b(?=,)/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ends a sentence with a period unless it already has final punctuation. */
export function period(text: string): string {
  const t = text.trim();
  return t === "" || /[.!?"”]$/.test(t) ? t : `${t}.`;
}

/** The sentences of `text` that contain a number (the brief's own evidence). */
export function numericSentences(text: string): string[] {
  return sentences(text).filter((s) => /\d/.test(s));
}

/** Words of a text, lowercased, for overlap checks. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z][a-z0-9'-]+/g) ?? [];
}

/** A short quoted excerpt for messages. */
export function excerpt(text: string, max = 140): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** A citation to append to a sentence: " [L3, L12]", or "" when it rests on nothing in the ledger. */
export function cite(ids: readonly string[]): string {
  const unique = [...new Set(ids.filter(Boolean))];
  return unique.length > 0 ? ` [${unique.join(", ")}]` : "";
}

/** The whole sentence, never cut mid-way: a long one is shortened at a clause boundary and says so. */
export function wholeSentence(text: string, max = 220): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max).search(/[;,:—–]\s[^;,:—–]*$/);
  return cut > 40 ? `${t.slice(0, cut)} (…)` : t;
}
