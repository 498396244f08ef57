import type { Finding } from "../domain/finding.js";
import { PRESS_RELEASE_SECTIONS, type Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { bulletLists, findList, headNoun, isAudience, listItems, PRODUCT_HEAD } from "./lists.js";
import { PEOPLE_NOUNS, ROLE_NOUNS, sectorsOf } from "./nouns.js";
import { faqSentences, prSentences, quoteList } from "./text.js";

const INDUSTRY =
  /\b(?:healthcare|health care|health records|finance|financial services|banking|insurance|retail|education|schools|supply chain|logistics|gaming|voting|elections|manufacturing|real estate|government|agriculture|media|travel|hospitality|energy|automotive|legal|telecom\w*|e-commerce)\b/gi;
// Distinct product categories: several in one document are several documents.
const PRODUCT_KIND =
  /\b(?:social network|marketplace|dating|payments?|wallet|wiki|booking system|chat ?bot|bot|tracker|planner|messenger|search engine|app store|ride[- ]hailing|food delivery|streaming service|email client|calendar|crm|store|game|news feed|video calls?|photo sharing|music)\b/gi;
// Hedged options, two or more in one sentence: "it could be dentists, perhaps vets, possibly physios".
const HEDGE = String.raw`(?:maybe|perhaps|possibly|potentially|might be|could be|or even)`;
const BUNDLING = [
  new RegExp(String.raw`\b${HEDGE}\b[^.?!]*[,;:][^.?!]*\b${HEDGE}\b`, "i"),
  /\b(?:also (?:launch(?:es|ing)?|introduc(?:es|ing)|announc(?:es|ing)|unveil(?:s|ing))|a second product|two new products|three new products)\b/i,
  // Several things gathered under one launch: "brings together three things cyclists want", "combining four services".
  /\b(?:bring(?:s|ing)? together|combin(?:es|ing)|bundl(?:es|ing)|unit(?:es|ing)) (?:three|four|five|six|several|[3-9]) (?:things|products|services|tools|offerings|businesses)\b/i,
  /\b(?:exploring|considering) (?:which|several|many|multiple) (?:industries|markets|verticals)\b/i,
  // One thing said to be several: "one app that does three things", "it is also a wallet", "an all-in-one", "a super app".
  /\b(?:does|do|doing) (?:two|three|four|five|several|many) (?:things|jobs)\b|\b(?:two|three|four|five|several) (?:apps|products|services|businesses) in one\b|\ball-in-one\b|\bsuper[- ]?app\b/i,
  /\b(?:is|it's|it is) also an? (?:[\w-]+ ){0,3}(?:app|wallet|marketplace|network|service|store|platform|game|bank|exchange)\b/i,
  // Products counted in order: "the third part is a van-sharing network".
  /\bthe (?:second|third|fourth|fifth) (?:part|product|piece|module|offering|business) (?:is|will be|would be) an?\b/i,
];

// Several products counted out loud: "four new apps", "three separate products" (not "replaces three apps").
const COUNTED_PRODUCTS =
  /(?<!\b(?:with|to|from|between|across|than|of|replaces?|replacing|instead of|juggles?|juggling|switch(?:es|ing)?|uses?|using|open|opens|has|have)\s+)\b(?:two|three|four|five|six|seven|eight|several|multiple|[2-9]) (?:new |separate |different |distinct |unrelated )?(?:products|apps|services|businesses|brands|offerings|ventures)\b/i;
// Where the reader learns who it is for: "for landlords", "for independent dental practices".
const FOR_AUDIENCE = new RegExp(String.raw`\bfor (?:[\w'’-]+ ){0,3}${ROLE_NOUNS}\b`, "gi");
// Trades a press release may serve at once before it serves several markets.
const MAX_SECTORS = 2;

/**
 * `combining-ideas`: several products or audiences in one document: three or more markets or product
 * kinds in a sentence, a list (in a sentence or bulleted) of items that are each a product of their own,
 * several products counted out loud, markets named as hedged options, a second product announced, or
 * audiences from three or more unrelated trades (in one list, or named as who it is for across the
 * press release).
 */
export function checkCombining(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const sentences = [...prSentences(doc).map((s) => s.text), ...faqSentences(doc).map((s) => s.text)];
  for (const text of sentences) {
    const industries = distinct(text, INDUSTRY);
    // List items that each name a product of their own ("a timesheet app, a shift-swap board and a payroll portal"),
    // then product categories named anywhere in the sentence.
    const items = listItems(text);
    const named = productsIn(items);
    const products = [...named, ...distinct(text, PRODUCT_KIND).filter((k) => !named.some((n) => n.toLowerCase().includes(k)))];
    const audiences = audiencesListed(text);
    const bundled = BUNDLING.some((re) => re.test(text)) || COUNTED_PRODUCTS.test(text);
    if (!bundled && industries.length < 3 && products.length < 3 && audiences.length <= MAX_SECTORS) continue;
    const what =
      industries.length >= 3
        ? `markets (${quoteList(industries)})`
        : products.length >= 3
          ? `products (${quoteList(products)})`
          : audiences.length > MAX_SECTORS
            ? `audiences (${quoteList(audiences)})`
            : "ideas";
    return [fire(what, text)];
  }
  // The document asking itself why it launches several products at once ("Why two products in one release?"):
  // only counted products or bundling words there, since a customer's question may well list trades or tools;
  // "Why not two separate products?" weighs a split the document did not make.
  const question = [...doc.externalFaq, ...doc.internalFaq].map((f) => f.question).find((q) => !/\bnot\b/i.test(q) && (BUNDLING.some((re) => re.test(q)) || COUNTED_PRODUCTS.test(q)));
  if (question) return [fire("products", question)];
  for (const list of bulletLists(doc, PRESS_RELEASE_SECTIONS)) {
    const products = productsIn(list.items);
    if (products.length >= 3) return [fire(`products (${quoteList(products)})`, list.intro || list.items[0] || "")];
    // Items of three or more unrelated kinds (a sensor, a loyalty token, a podcast) are separate products.
    const kinds = kindsIn(list.items);
    if (kinds.length >= 3) return [fire(`products of unrelated kinds (${quoteList(kinds.map((k) => k.item))})`, list.intro || list.items[0] || "")];
  }
  // Who it is for, across the press release: a customer in three unrelated trades is three customers.
  const named: string[] = [];
  for (const s of prSentences(doc, ["heading", "subheading", "summary", "solution", "howItWorks", "callToAction"])) {
    named.push(...[...s.text.matchAll(FOR_AUDIENCE)].map((m) => headNoun(m[0].replace(/^for\s+/i, ""))));
    const audiences = unrelated(named);
    if (audiences.length > MAX_SECTORS) return [fire(`audiences (${quoteList(audiences)})`, s.text)];
  }
  return [];
}

// A customer named before the list: a role, or any people named by what they do ("surveyors", "florists").
const NAMED_PEOPLE = new RegExp(String.raw`\b${PEOPLE_NOUNS}\b`, "i");

/**
 * The unrelated audiences a sentence lists ("works for dentists, landlords and drivers"), one per trade. A list
 * after a customer already named is that customer's own clients ("surveyors working for landlords, schools
 * and contractors"), not more audiences.
 */
function audiencesListed(sentence: string): string[] {
  const list = findList(sentence);
  if (!list) return [];
  const [first = "", ...rest] = list.items;
  const lead = `${list.lead}${first}`;
  const at = [...lead.matchAll(/\b(?:for|by)\s+/gi)].at(-1)?.index ?? -1;
  if (at >= 0 && NAMED_PEOPLE.test(lead.slice(0, at))) return [];
  const items = [at >= 0 ? lead.slice(at).replace(/^\S+\s+/, "") : first, ...rest];
  return unrelated(items.filter((i) => isAudience(i) && !/^\d/.test(i)).map(headNoun));
}

/** One audience per trade, the first named: ["landlords", "tenants", "dentists"] → ["landlords", "dentists"]. */
function unrelated(audiences: readonly string[]): string[] {
  const trades = new Map<string, string>();
  for (const a of audiences) for (const sector of sectorsOf(a)) if (!trades.has(sector)) trades.set(sector, a);
  return [...new Set(trades.values())];
}

function fire(what: string, evidence: string): Finding {
  return finding(
    "combining-ideas",
    `This bundles several ${what} in one document. Pick the one with the clearest customer and problem; write a separate PR/FAQ for any other worth pursuing.`,
    evidence,
  );
}

/** The list items that each name a product of their own, by name: "a dog-walking marketplace for owners" → "dog-walking marketplace". */
function productsIn(items: readonly string[]): string[] {
  return items.filter((i) => PRODUCT_HEAD.test(headNoun(i))).map((i) => productName(i.split(/\s+(?:for|to|in|on|at|with|from|of|by|that|which|who)\s+/i)[0] ?? i));
}

/** A list item's product, without the words that lead into it: "It bundles a timesheet app" → "timesheet app". */
function productName(item: string): string {
  const words = item.split(/\s+/);
  const article = words.findLastIndex((w, i) => i < words.length - 1 && /^(?:an?|the|and|or|with|plus)$/i.test(w));
  return words.slice(article >= 0 ? article + 1 : Math.max(0, words.length - 2)).join(" ");
}

/** Kinds of product that are businesses of their own: hardware, money, media, a marketplace, a physical service. */
const KINDS: readonly (readonly [string, RegExp])[] = [
  ["hardware", /\b(?:sensors?|devices?|cameras?|kiosks?|robots?|drones?|scales?|wearables?|chargers?|lockers?|hardware)\b/i],
  ["money", /\b(?:tokens?|coins?|crypto\w*|wallets?|loans?|insurance|credit cards?|payments? card|lending|financing)\b/i],
  ["media", /\b(?:podcasts?|newsletters?|magazines?|radio|video series|tv show|youtube channel|blog)\b/i],
  ["marketplace", /\b(?:marketplaces?|exchanges?|resale|second-hand shop)\b/i],
  ["people", /\b(?:payroll|recruitment|hiring|staffing agency)\b/i],
];

/** The distinct kinds of product a list's items name, with the first item of each kind. */
function kindsIn(items: readonly string[]): { kind: string; item: string }[] {
  const found = new Map<string, string>();
  for (const item of items) for (const [kind, re] of KINDS) if (!found.has(kind) && re.test(item)) found.set(kind, productName(item.split(/\s+(?:for|to|in|on|at|with|from|of|by|that|which|who)\s+/i)[0] ?? item));
  return [...found].map(([kind, item]) => ({ kind, item }));
}

function distinct(text: string, re: RegExp): string[] {
  const seen: string[] = [];
  for (const m of text.matchAll(re)) {
    const w = m[0].toLowerCase();
    if (!seen.includes(w)) seen.push(w);
  }
  return seen;
}
