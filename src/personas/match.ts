/**
 * Phrase matching for persona selection: lowercase word tokens with a light plural stem, so
 * "Front-desk staff at veterinary clinics" contains the keywords "front desk" and "clinic". Pure.
 */

/** Lowercase alphanumeric words; punctuation and hyphens split words ("e-commerce" → "e commerce"). */
export function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stem);
}

/** Singular-ish form: "clinics" → "clinic", "companies" → "company"; short words and "-ss" stay. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The normalised form of a keyword or segment: its stemmed tokens joined by single spaces. */
export function phraseKey(phrase: string): string {
  return tokens(phrase).join(" ");
}

/** A text prepared for repeated phrase lookups. */
export type IndexedText = { has(key: string): boolean };

/** Indexes a text once; `has(phraseKey(k))` is then true when the phrase occurs as whole words. */
export function indexText(text: string): IndexedText {
  // Padding with spaces makes `includes` a whole-word match.
  const padded = ` ${tokens(text).join(" ")} `;
  return { has: (key) => key !== "" && padded.includes(` ${key} `) };
}

/** Keywords that name no one in particular: they say nothing about whether a persona fits. */
const GENERIC = new Set(["people", "person", "user", "everyone", "everybody", "consumer", "customer", "client", "app", "smartphone", "business", "small business", "company", "team", "owner", "manager", "staff"].map(phraseKey));

/** The specific keywords of a persona that occur, as whole words, in a text: how well the persona fits it. */
export function personaFit(keywords: string[], text: string): string[] {
  const index = indexText(text);
  return keywords.filter((k) => !GENERIC.has(phraseKey(k)) && index.has(phraseKey(k)));
}
