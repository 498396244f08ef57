import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { faqSentences, prSentences, quoteList, SECTION_NAMES, wordCount } from "./text.js";

// A list right after these words names integrations, places or customers, not features.
const NOT_FEATURES = /\b(?:works with|integrates with|connects to|compatible with|supports|available (?:in|on|at)|in|across|including|such as|like|from|at)\s+(?:\S+\s*){1,3}$/i;
const PRODUCT_INTRO = /\b(?:with|adds?|includ(?:es|ing)|offers?|features|comes with)\b/i;

/** The items of the longest run of short, comma-separated phrases in a sentence ("A, B, C and D"). */
export function listItems(sentence: string): string[] {
  const parts = sentence
    .replace(/[.!?]+$/, "")
    // Commas inside numbers ("£2,500") separate nothing.
    .split(/\s*(?:,(?!\d)|;)\s*(?:and\s+|or\s+)?|\s+(?:and|or|plus)\s+(?=[^,]*$)/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (NOT_FEATURES.test(parts[0] ?? "")) return [];
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
  return best.length > commas + 2 ? [] : best;
}

/**
 * `too-many-features`: one press release, one benefit. Fires on a list of four or more features or
 * products in the heading, subheading, summary or solution.
 */
export function checkFeatureCount(doc: Prfaq, _ctx: RubricContext): Finding[] {
  for (const s of prSentences(doc, ["heading", "subheading", "summary", "problem", "solution", "howItWorks", "callToAction"])) {
    const items = listItems(s.text);
    // Outside the opening and the solution a list must be introduced as what the product has.
    const opening = ["heading", "subheading", "summary", "solution"].includes(s.section);
    if (items.length >= 4 && (opening || PRODUCT_INTRO.test(s.text))) {
      const where = s.section === "solution" ? "solution" : opening ? "opening" : SECTION_NAMES[s.section];
      return [
        finding(
          "too-many-features",
          `The ${where} lists ${items.length} features or products. Lead with the one that removes the customer's pain; move the rest to the FAQ or a later launch.`,
          s.text,
        ),
      ];
    }
  }
  return [];
}

const INDUSTRY =
  /\b(?:healthcare|health care|health records|finance|financial services|banking|insurance|retail|education|schools|supply chain|logistics|gaming|voting|elections|manufacturing|real estate|government|agriculture|media|travel|hospitality|energy|automotive|legal|telecom\w*|e-commerce)\b/gi;
// Distinct product categories: several in one document are several documents.
const PRODUCT_KIND =
  /\b(?:social network|marketplace|dating|payments?|wallet|wiki|booking system|chat ?bot|bot|tracker|planner|messenger|search engine|app store|ride[- ]hailing|food delivery|streaming service|email client|calendar|crm|store|game|news feed|video calls?|photo sharing|music)\b/gi;
// What a list item names when it is a product of its own: "a shift-swap board", "a payroll portal".
const PRODUCT_HEAD =
  /\b(?:apps?|applications?|tools?|systems?|platforms?|portals?|services?|networks?|marketplaces?|stores?|shops?|wallets?|bots?|chatbots?|assistants?|trackers?|planners?|scanners?|wikis?|calendars?|messengers?|feeds?|dashboards?|boards?|walls?|clients?|suites?|games?|players?|libraries|library|hubs?|exchanges?)$/i;
// Hedged options, two or more in one sentence: "it could be dentists, perhaps vets, possibly physios".
const HEDGE = String.raw`(?:maybe|perhaps|possibly|potentially|might be|could be|or even)`;
const BUNDLING = [
  new RegExp(String.raw`\b${HEDGE}\b[^.?!]*[,;:][^.?!]*\b${HEDGE}\b`, "i"),
  /\b(?:also (?:launch(?:es|ing)?|introduc(?:es|ing)|announc(?:es|ing)|unveil(?:s|ing))|a second product|two new products|three new products)\b/i,
  /\b(?:exploring|considering) (?:which|several|many|multiple) (?:industries|markets|verticals)\b/i,
  // One thing said to be several: "one app that does three things", "it is also a wallet", "an all-in-one", "a super app".
  /\b(?:does|do|doing) (?:two|three|four|five|several|many) (?:things|jobs)\b|\b(?:two|three|four|five|several) (?:apps|products|services|businesses) in one\b|\ball-in-one\b|\bsuper[- ]?app\b/i,
  /\b(?:is|it's|it is) also an? (?:[\w-]+ ){0,3}(?:app|wallet|marketplace|network|service|store|platform|game|bank|exchange)\b/i,
];

/**
 * `combining-ideas`: several products or markets in one document: three or more markets or
 * product kinds in a sentence, a list of items that are each a product of their own, markets named as
 * hedged options, or a second product announced.
 */
export function checkCombining(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const sentences = [...prSentences(doc).map((s) => s.text), ...faqSentences(doc).map((s) => s.text)];
  for (const text of sentences) {
    const industries = distinct(text, INDUSTRY);
    // List items that each name a product of their own ("a timesheet app, a shift-swap board and a payroll portal"),
    // then product categories named anywhere in the sentence.
    const named = listItems(text).filter((i) => PRODUCT_HEAD.test(i)).map(productName);
    const products = [...named, ...distinct(text, PRODUCT_KIND).filter((k) => !named.some((n) => n.toLowerCase().includes(k)))];
    const bundled = BUNDLING.some((re) => re.test(text));
    if (!bundled && industries.length < 3 && products.length < 3) continue;
    const what =
      industries.length >= 3 ? `markets (${quoteList(industries)})` : products.length >= 3 ? `products (${quoteList(products)})` : "ideas";
    return [
      finding(
        "combining-ideas",
        `This bundles several ${what} in one document. Pick the one with the clearest customer and problem; write a separate PR/FAQ for any other worth pursuing.`,
        text,
      ),
    ];
  }
  return [];
}

/** A list item's product, without the words that lead into it: "It bundles a timesheet app" → "timesheet app". */
function productName(item: string): string {
  const words = item.split(/\s+/);
  const article = words.findLastIndex((w, i) => i < words.length - 1 && /^(?:an?|the|and|or|with|plus)$/i.test(w));
  return words.slice(article >= 0 ? article + 1 : Math.max(0, words.length - 2)).join(" ");
}

function distinct(text: string, re: RegExp): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(re)) {
    const w = m[0].toLowerCase();
    if (!seen.includes(w)) seen.push(w);
  }
  return seen;
}
