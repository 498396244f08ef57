import type { Finding } from "../domain/finding.js";
import type { PressReleaseSection, Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { bulletLists, findList, isAudience, isCapability } from "./lists.js";
import { prSentences, SECTION_NAMES } from "./text.js";

// What one press release may hold before it reads as a feature list: one benefit leads, a few details follow.
const MAX_CAPABILITIES = 3;
// Words that hand the reader what the product has: "adds A, B and C", "comes with", "you get", "with".
// "Has to" and "gets to" are obligations, not possessions.
const HAVING = /\b(?:with|adds?|includ(?:es|ing)|offers?|features|comes with|bundles?|gives?|provides?|packs?|combines?|brings?|gets?|has|have)\b(?! to\b)/gi;
const HAS_HAVING = new RegExp(HAVING.source, "i");
// Steps of one job, not separate capabilities: "then", "next", "finally", "step 2".
// Items of one job told in order: "then ...", "At 7 pm the evening before, ...", "If the time has moved, tap ...".
const SEQUENCE = /\b(?:then|next|finally|afterwards|step \d+)\b|^(?:at \d|when|if|once|after|before|on the day)\b/i;
const STEPS_INTRO = /\b(?:how (?:it|to|does)|steps?|process|works|starts?|from then on|what happens|to (?:book|start|sign up|join|get started))\b|\bhow\b[^:]{0,40}\buses? (?:it|them)\b/i;
const OPENING: readonly PressReleaseSection[] = ["heading", "subheading", "summary", "solution"];
// A release that counts its own products: "four services", "six modules", "5 separate apps".
const COUNTED = /\b(four|five|six|seven|eight|nine|ten|[4-9]|1\d)\s+(?:separate\s+|different\s+|distinct\s+)?(?:services|products|tools|modules|apps|offerings)\b/i;
const WORD_NUMBERS: Record<string, number> = { four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const READ: readonly PressReleaseSection[] = ["heading", "subheading", "summary", "problem", "solution", "howItWorks", "callToAction"];

/**
 * The distinct customer-facing capabilities a sentence lists, or none when it lists no more than one:
 * - a list of things the product has ("adds A, B, C and D", "with A, B, C and D", or a heading that is
 *   only the list) counts each item; a list of what one action touches ("the desk sees A, B, C and D",
 *   "adapts to A, B and C") is one capability;
 * - verbs sharing one subject ("confirms appointments, fills cancellations and texts the waitlist") are
 *   one job when two or three, and separate capabilities from four on;
 * - who it is for ("for dentists, vets and physios") and numbers or dates are no capability.
 */
export function capabilitiesIn(sentence: string, fragment = false): string[] {
  // An aside in parentheses gives examples ("at each step (checked in, waiting on parts, ready)"), not features.
  // What it spares the customer ("without printing, scanning or opening another tool") is no capability either.
  const list = findList(sentence.replace(/\([^()]*\)/g, "").replace(/,?\s*\bwithout\b[^.;:]*/gi, ""));
  if (!list) return [];
  const [first = "", ...rest] = list.items;
  const context = `${list.lead}${first}`;
  if (rest.every(startsWithVerb) || (MODAL_LEAD.test(context) && rest.every(startsWithBareVerb))) {
    return list.items.length > MAX_CAPABILITIES && !SEQUENCE.test(sentence) ? distinct(list.items) : [];
  }
  if (list.clauses) return [];
  // A short label and a colon hand over a list: "Features: ...", "It is finished: ...". A label about who or
  // where ("For memorial masons: ...") introduces the customer, not a feature list.
  const label = /^\s*(?!(?:for|to|in|at|from|by)\b)(?:\S+\s+){0,3}\S+:\s+(.+)$/i.exec(context);
  if (label) return distinct(things([label[1] ?? "", ...rest]));
  // So does a having word that leads straight into an item: at most four words between it and the next comma.
  const items = [context, ...rest];
  const from = items.findIndex((item) => afterHaving(item) !== undefined);
  // "It goes on with a cloth, cures overnight, and gives ...": verbs after the having word make it one subject's
  // clauses, not a list of possessions; they count as verbs do.
  const verbs = items.slice(from + 1).map((i) => i.replace(/^(?:and|or)\s+/i, "")).filter(startsWithVerb);
  if (from >= 0 && verbs.length > 0) return verbs.length + 1 > MAX_CAPABILITIES && !SEQUENCE.test(sentence) ? distinct([items[from] ?? "", ...verbs]) : [];
  if (from >= 0) return distinct(things([afterHaving(items[from] ?? "") ?? "", ...items.slice(from + 1)]));
  // A line that is only the list ("Booking, Payments, Chat and Reviews"), not one about who or where it is for.
  if (fragment && !/\b(?:for|to|by|from|in|at)\b/i.test(context)) return distinct(things(list.items));
  // Whatever leads into it, a list of activities and tools names capabilities ("handles scheduling, invoicing, payroll and reporting").
  const listed = things(list.items);
  return listed.filter(isCapability).length * 2 >= listed.length ? distinct(listed) : [];
}

// A lead that hands the list its verb: "lets you book lanes, pay for lessons, ...", "swimmers can book ...".
const MODAL_LEAD = /\b(?:can|could|will|to|(?:lets?|helps?|allows?|enables?)(?:\s+[a-z]+){1,2}?)\s+(?!(?:it|them|you|us|me|him|her|the|an?)\b)[a-z]+(?:\s+\S+){0,3}$/i;
// Words that open no verb phrase: articles, pronouns, conjunctions, hedges and adverbs.
const NOT_VERB = /^(?:an?|the|our|your|its|their|every|each|all|some|more|new|and|or|but|so|because|maybe|perhaps|possibly|nobody|no|not|never|just|only|even|also|then|of|for|to|in|on|at|with|from|as|if|when|while|which|who|that|this|these|those|it|they|we|you|he|she)$/;

const DATE_OR_NUMBER = /^(?:[$£€]?\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)/i;

/** The items that can name a capability: not who it is for, not a figure or a date ("40% fewer calls"), not "every X" or a hedge. */
function things(items: readonly string[]): string[] {
  return items.filter((i) => i && !isAudience(i) && !DATE_OR_NUMBER.test(i) && !/^(?:every|each|all|any|maybe|perhaps|possibly)\b/i.test(i));
}

/** The words after the last having word of a phrase, when at most four follow it ("adds AI email summaries" → "AI email summaries"). */
function afterHaving(phrase: string): string | undefined {
  const having = [...phrase.matchAll(HAVING)].at(-1);
  if (!having) return undefined;
  const rest = phrase.slice(having.index + having[0].length).trim();
  const words = rest.split(/\s+/).filter(Boolean).length;
  return words >= 1 && words <= 4 ? rest : undefined;
}

/** A verb phrase in the base form, after "can" or "lets you": a verb and its object ("book lanes", "pay for lessons"). */
function startsWithBareVerb(item: string): boolean {
  const [verb = "", next] = item.split(/\s+/);
  return /^[a-z]+$/.test(verb) && !NOT_VERB.test(verb) && !/ly$/.test(verb) && next !== undefined;
}

/** A verb phrase: a verb in the third person and its object ("fills cancellations", "runs payroll"). */
function startsWithVerb(item: string): boolean {
  const [verb = "", next] = item.split(/\s+/);
  return /^[a-z]+[^s\W]s$/.test(verb) && !/(?:ss|us|is|ics)$/.test(verb) && next !== undefined && !/^(?:and|or|of|for|to|in|on|at|with|from)$/i.test(next);
}

/** The items once each: an item named twice ("reminders", "Reminders") is one capability. */
function distinct(items: readonly string[]): string[] {
  const seen = new Set<string>();
  return items.filter((i) => {
    const key = i.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").replace(/s\b/g, "").trim();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The capabilities a bulleted list names: each item, unless the list is the steps of one job. */
function capabilitiesInList(intro: string, items: readonly string[], section?: PressReleaseSection): string[] {
  // The call to action is what the reader does to start: its list is the steps of that one job.
  if (section === "callToAction" || STEPS_INTRO.test(intro) || items.filter((i) => SEQUENCE.test(i)).length >= 2) return [];
  return distinct(things(items));
}

/**
 * `too-many-features`: one press release, one benefit. Counts the distinct customer-facing capabilities
 * a list names (see {@link capabilitiesIn}; a bulleted or numbered list counts each item unless it is
 * the steps of one job) and fires on four or more in one list. Outside the opening and the solution, a
 * list must be introduced as what the product has.
 */
export function checkFeatureCount(doc: Prfaq, _ctx: RubricContext): Finding[] {
  for (const list of bulletLists(doc, READ)) {
    const found = capabilitiesInList(list.intro, list.items, list.section);
    if (found.length > MAX_CAPABILITIES) return [fire(list.section, found.length, list.intro || list.items.join(" "))];
  }
  for (const s of prSentences(doc, READ)) {
    const opening = OPENING.includes(s.section);
    // "get four services under one account", "launches with five modules": the release counts them itself.
    const counted = COUNTED.exec(s.text);
    const n = counted ? (WORD_NUMBERS[counted[1]?.toLowerCase() ?? ""] ?? Number(counted[1])) : 0;
    if (n > MAX_CAPABILITIES) return [fire(s.section, n, s.text)];
    // A heading, or a line with no full stop, is read as the list it is.
    const fragment = ["heading", "subheading"].includes(s.section) || !/[.!?]["”’)]?$/.test(s.text);
    const found = capabilitiesIn(s.text, fragment);
    if (found.length > MAX_CAPABILITIES && (opening || HAS_HAVING.test(s.text))) return [fire(s.section, found.length, s.text)];
  }
  return [];
}

function fire(section: PressReleaseSection, count: number, evidence: string): Finding {
  const where = section === "solution" ? "solution" : OPENING.includes(section) ? "opening" : SECTION_NAMES[section];
  return finding(
    "too-many-features",
    `The ${where} lists ${count} features or products. Lead with the one that removes the customer's pain; move the rest to the FAQ or a later launch.`,
    evidence,
  );
}
