const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
/** A month's name or abbreviation, as a regex source (one capture group). */
export const MONTH_RE = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

/** A calendar date found in text. */
export type FoundDate = { iso: string; display: string; match: string };

/**
 * Finds the first concrete calendar date in `text`: "1 April 2027", "April 1, 2027", "2027-04-01".
 * Month-only dates ("March 2027") count too, as the first of the month. Returns undefined for none.
 */
export function findDate(text: string): FoundDate | undefined {
  const candidates: { index: number; y: number; m: number; d: number; match: string }[] = [];
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    candidates.push({ index: m.index, y: +m[1]!, m: +m[2]! - 1, d: +m[3]!, match: m[0] });
  }
  for (const m of text.matchAll(new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? ${MONTH_RE},? (\\d{4})\\b`, "gi"))) {
    candidates.push({ index: m.index, y: +m[3]!, m: monthIndex(m[2]!), d: +m[1]!, match: m[0] });
  }
  for (const m of text.matchAll(new RegExp(`\\b${MONTH_RE} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, "gi"))) {
    candidates.push({ index: m.index, y: +m[3]!, m: monthIndex(m[1]!), d: +m[2]!, match: m[0] });
  }
  for (const m of text.matchAll(new RegExp(`\\b${MONTH_RE} (\\d{4})\\b`, "gi"))) {
    candidates.push({ index: m.index, y: +m[2]!, m: monthIndex(m[1]!), d: 1, match: m[0] });
  }
  const valid = candidates
    .filter((c) => c.m >= 0 && c.d >= 1 && c.d <= 31 && c.y >= 1990 && c.y <= 2100)
    .sort((a, b) => a.index - b.index);
  const first = valid[0];
  if (!first) return undefined;
  return { iso: isoDate(first.y, first.m, first.d), display: displayDate(first.y, first.m, first.d), match: first.match };
}

/** "April 1, 2027" from year, 0-based month, day. */
export function displayDate(y: number, m: number, d: number): string {
  const name = MONTHS[m] ?? "";
  return `${name.charAt(0).toUpperCase()}${name.slice(1)} ${d}, ${y}`;
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m + 1).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function monthIndex(name: string): number {
  const key = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.startsWith(key));
}
