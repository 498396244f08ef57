import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { listItems, PRODUCT_HEAD } from "./lists.js";
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
