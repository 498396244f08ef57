import type { PressReleaseSection, Prfaq } from "../domain/prfaq.js";
import { ROLE_NOUNS } from "./nouns.js";
import { splitSentences, wordCount } from "./text.js";

// How the checks read lists: a run of comma-separated phrases inside a sentence ("A, B, C and D"), and a
// bulleted or numbered list, which the PR/FAQ reader keeps as a run of short paragraphs in one section.

/** A list in a sentence: its items (the first with the words that lead into it) and the text before them. */
export type SentenceList = { items: string[]; lead: string; clauses: boolean };

/** The items of the longest run of short, comma-separated phrases in a sentence ("A, B, C and D"). */
export function listItems(sentence: string): string[] {
  return findList(sentence)?.items ?? [];
}

/**
 * The longest run of short, comma-separated phrases in a sentence, with the text before its first item.
 * `clauses` is true when semicolons separate the parts (clauses, not items).
 */
export function findList(sentence: string): SentenceList | undefined {
  const parts = sentence
    .replace(/[.!?]+$/, "")
    // Commas inside numbers ("£2,500") separate nothing.
    .split(/\s*(?:,(?!\d)|;)\s*(?:and\s+|or\s+)?|\s+(?:and|or|plus)\s+(?=[^,]*$)/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (NOT_FEATURES.test(parts[0] ?? "")) return undefined;
  const short = (p: string) => wordCount(p) <= 5;
  let best: string[] = [];
  for (let i = 0; i < parts.length; ) {
    if (!short(parts[i] ?? "")) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < parts.length && short(parts[j] ?? "")) j += 1;
    const items = parts.slice(i, j);
    // Around a real list, the long phrases on either side hold its first and last items
    // ("It adds timesheets, rota swaps, ... and a payroll export to the tools you have").
    if (items.length >= 2) {
      const before = parts[i - 1]?.split(/\s+/);
      const after = parts[j]?.split(/\s+/);
      if (before) items.unshift(before.slice(-3).join(" "));
      if (after) items.push(after.slice(0, 3).join(" "));
    }
    if (items.length > best.length) best = items;
    i = j;
  }
  // An English list of n items has at least n - 2 commas ("A, B, C and D"); more "and"s than that join
  // clauses, not items ("picks a lane and a time and gets a reminder").
  const commas = sentence.match(/,(?!\d)|;/g)?.length ?? 0;
  if (best.length < 2 || best.length > commas + 2) return undefined;
  const at = sentence.indexOf(best[0] ?? "");
  return { items: best, lead: at > 0 ? sentence.slice(0, at) : "", clauses: sentence.includes(";") };
}

// A list right after these words names integrations, places or customers, not features.
const NOT_FEATURES = /(?<![\w-])(?:works with|integrates with|connects to|compatible with|supports|available (?:in|on|at)|in|across|including|such as|like|from|at)\s+(?:\S+\s*){1,3}$/i;

/** A bulleted or numbered list as the reader keeps it: the paragraph that introduces it and its items. */
export type BulletList = { section: PressReleaseSection; intro: string; items: string[] };

// An item of a list the author set as bullets: one short line (a label, a phrase, a sentence or two).
const MAX_ITEM_WORDS = 25;
const MIN_ITEMS = 4;

/**
 * The bulleted or numbered lists of the press release: runs of at least four short paragraphs in one
 * section (the reader keeps a list's items as paragraphs, together in one section), each with the
 * paragraph before it, which introduces it.
 */
export function bulletLists(doc: Prfaq, sections: readonly PressReleaseSection[]): BulletList[] {
  const lists: BulletList[] = [];
  for (const section of sections) {
    let intro = "";
    let run: string[] = [];
    const close = () => {
      if (run.length >= MIN_ITEMS) lists.push({ section, intro, items: run });
      run = [];
    };
    for (const p of doc.pressRelease[section].split(/\n\s*\n/).map((t) => t.trim()).filter(Boolean)) {
      // A line ending in a colon opens a list ("DeskMate gives the front desk:"); it is no item of one.
      const opens = /:$/.test(p);
      if (!opens && wordCount(p) <= MAX_ITEM_WORDS && splitSentences(p).length <= 2) {
        run.push(p);
        continue;
      }
      close();
      intro = p;
    }
    close();
  }
  return lists;
}

/** The item's head noun: its last word before a preposition or clause ("a booking tool for dentists" → "tool"). */
export function headNoun(item: string): string {
  const words = item.replace(/[.:!?]+$/, "").split(/\s+/);
  const stop = words.findIndex((w, i) => i > 0 && /^(?:for|to|in|on|at|with|from|of|by|that|which|who|so|when)$/i.test(w));
  return (stop > 0 ? words.slice(0, stop) : words).at(-1) ?? "";
}

const ROLE_HEAD = new RegExp(String.raw`^${ROLE_NOUNS}$`, "i");

/** An item that names who it is for ("dispatchers", "independent clinics"), not something the product does. */
export function isAudience(item: string): boolean {
  return ROLE_HEAD.test(headNoun(item)) || /^(?:anyone|everyone|everybody)\b/i.test(item);
}

/** What a list item names when it is a product of its own: "a shift-swap board", "a payroll portal". */
export const PRODUCT_HEAD =
  /\b(?:apps?|applications?|tools?|systems?|platforms?|portals?|services?|networks?|marketplaces?|stores?|shops?|wallets?|bots?|chatbots?|assistants?|trackers?|planners?|scanners?|wikis?|calendars?|messengers?|feeds?|dashboards?|boards?|walls?|clients?|suites?|games?|players?|libraries|library|hubs?|exchanges?)$/i;

// Words in -ing that name no activity: things, times, and participles used as adjectives.
const NOT_ACTIVITY = /^(?:\w*thing|morning|evening|building|ceiling|spring|string|ring|king|during|wedding|pudding|sibling|bring|sing|wing|ongoing|upcoming|existing|following|remaining|missing|incoming|outgoing|leading|working|living|amazing|exciting|interesting|boring|growing|rising|increasing|changing|booming)$/i;

/**
 * An item shaped like a capability: an activity ("scheduling", "booking lanes", "lane booking") or a tool
 * ("an expense scanner", "a payroll portal"), rather than a record or an event ("cancellations", "no-shows").
 */
export function isCapability(item: string): boolean {
  const words = item.replace(/^(?:an?|the|our|your|its|their)\s+/i, "").split(/\s+/);
  const head = headNoun(item);
  const activity = (w: string | undefined) => w !== undefined && /^[a-z-]*[a-z]ing$/i.test(w) && !NOT_ACTIVITY.test(w.replace(/^.*-/, ""));
  return activity(head) || activity(words[0]) || PRODUCT_HEAD.test(head);
}
