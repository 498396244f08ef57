import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { PEOPLE_NOUNS, ROLE_NOUNS } from "./nouns.js";
import { prSentences, prText } from "./text.js";

// Customers described as everybody: the phrases prfaq-method.md names, and their cousins.
// "Everyone else" is the people the customer is set against, not the customer.
const VAGUE = [
  /\beveryone\b(?! else)/i,
  /\beverybody\b(?! else)/i,
  /\banyone\b(?! else)/i,
  /\ball (?:users|customers|people|businesses|companies|teams|organi[sz]ations)\b/i,
  /\b(?:companies|businesses|teams|organi[sz]ations|enterprises) of (?:all|every|any) (?:sizes?|kinds?|types?)\b/i,
  /\benterprise (?:customers|clients|users)\b/i,
  // Organisations by size alone, with no trade: "large enterprises", "small and mid-sized businesses".
  /\b(?:large|big|small|mid-?sized?|medium-?sized?)(?: (?:and|or|to) (?:large|big|small|mid-?sized?|medium-?sized?))? (?:enterprises|businesses|companies|organi[sz]ations)\b/i,
  /\bfor (?:businesses|companies|users|consumers|people|enterprises|organi[sz]ations|customers)\b/i,
  /\bevery (?:office|business|company|team|user|person|home|household|industry)\b/i,
  /\b(?:helps|lets|for) (?:all )?users\b/i,
  /^users\b/i,
];

/** Names a concrete customer: a role, a trade or a kind of organisation. */
export const ROLE = new RegExp(String.raw`\b${ROLE_NOUNS}\b`, "i");


// Who it is for, widened past any segment the text names: "enterprise customers broadly", "clinics and
// consumers", "organisations of every size", "from freelancers to global enterprises", and everyone or
// anyone as the audience with nothing that narrows them ("for anyone who loves swimming").
const WIDENED = [
  new RegExp(String.raw`\b(?:${PEOPLE_NOUNS}|customers|users|businesses|companies|enterprises|organi[sz]ations|teams|consumers|clients|people|buyers|markets?)\s+(?:broadly|widely|at large|in general|generally|everywhere|worldwide|of all ages)\b`, "i"),
  /\bbroadly (?:for|to|across|useful|applicable|appealing)\b/i,
  /\b(?:and|or|as well as|plus|but also)\s+(?:to\s+|for\s+)?(?:consumers|individuals|the (?:general )?public|people everywhere)\b/i,
  /\b[a-z]+s of (?:all|every|any) (?:sizes?|kinds?|types?|shapes and sizes)\b/i,
  /\bfrom (?:[\w'’-]+ ){1,3}to (?:large |global |big |huge )?(?:enterprises|corporations|multinationals|(?:the )?fortune 500)\b/i,
];
// Everyone as the audience: "for everyone", "helps anyone", "anyone can sign up", "everyone who wants ...".
// "Free for members and £5 for everyone else" sets a price for those outside the customer, not the customer.
// "Anyone can see the free dates" says who may look, not who it is for.
// "moves anyone who misses the slot" names people inside the audience as the object of what the product does:
// only "anyone who ..." as a sentence's subject or after "for"/"to" widens who it is for.
const EVERYONE =
  /(?:\b(?:for|serves?|helps?|lets)\s+(?:anyone|everyone|everybody)(?!\s+else\b)|(?<=(?:^|[,:;(]|\b(?:to|and)\s)\s*)(?:anyone|everyone|everybody)\s+(?:who|that|(?:can|could|will)(?!\s+(?:see|view|check|read|look|watch|find out)\b)))\b(.*)$/i;
// What narrows "anyone" to a segment: a role or trade, or a count ("anyone at the front desk of a clinic").
const NARROWED = new RegExp(String.raw`\b${ROLE_NOUNS}\b|\d`, "i");

/** The phrase that widens who the product is for past any named segment, if the sentence has one. */
function widened(sentence: string): string | undefined {
  for (const re of WIDENED) {
    const m = re.exec(sentence);
    if (m) return m[0];
  }
  const m = EVERYONE.exec(sentence);
  // Only the words right after it can narrow it: "everyone who runs a clinic", not a role three clauses on.
  if (m && !NARROWED.test((m[1] ?? "").split(/[,;:.]/)[0]?.split(/\s+/).slice(0, 9).join(" ") ?? "")) return m[0].slice(0, m[0].length - (m[1] ?? "").length).trim();
  return undefined;
}

/**
 * `vague-customer-definition`: the customer is "everyone", "businesses" or "users", or is never
 * named at all in the heading, subheading and summary (where a reader learns who it is for). A named
 * segment does not save a text that widens it again ("clinics and consumers", "enterprise customers
 * broadly", "for anyone who ...").
 */
export function checkCustomer(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const who = prText(doc, ["heading", "subheading", "summary"]);
  // A role or trade named where the reader learns who it is for; a bare number ("50,000 transactions") is not a customer.
  const specific = ROLE.test(who);
  const sentences = prSentences(doc, ["heading", "subheading", "summary", "problem", "solution", "howItWorks", "callToAction"]);
  // The problem paragraph describes what people do ("everyone who drops off a car calls back"), not who it is for.
  for (const s of sentences.filter((x) => x.section !== "problem")) {
    const phrase = widened(s.text);
    if (phrase) return [vagueFinding(phrase, s.text)];
  }
  const vague = sentences.find((s) => VAGUE.some((re) => re.test(s.text)));
  if (vague && !specific) return [vagueFinding(VAGUE.map((re) => re.exec(vague.text)?.[0]).find(Boolean) ?? "", vague.text)];
  if (specific || ROLE.test(prText(doc, ["problem", "customerQuote"]))) return [];
  // "for dog groomers", and the same at the start of a sentence ("For home-based soap makers in Wales, ...").
  if (/\b(?:for|For|FOR) (?:[a-z-]+ ){0,4}[a-z-]+s\b/.test(who)) return [];
  return [
    finding(
      "vague-customer-definition",
      "The press release never says who the customer is. Name the segment in the subheading or summary (who, where, how many) and a representative person.",
      "customer (not named in the heading, subheading or summary)",
    ),
  ];
}

function vagueFinding(phrase: string, evidence: string): Finding {
  return finding(
    "vague-customer-definition",
    `"${phrase}" is not a customer. Name one segment you can count (who, where, how many) and a representative person whose day changes.`,
    evidence,
  );
}
