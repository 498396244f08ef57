import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { ROLE_NOUNS } from "./nouns.js";
import { prSentences, prText } from "./text.js";

// Customers described as everybody: the phrases prfaq-method.md names, and their cousins.
const VAGUE = [
  /\beveryone\b/i,
  /\beverybody\b/i,
  /\banyone\b/i,
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


/**
 * `vague-customer-definition`: the customer is "everyone", "businesses" or "users", or is never
 * named at all in the heading, subheading and summary (where a reader learns who it is for).
 */
export function checkCustomer(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const who = prText(doc, ["heading", "subheading", "summary"]);
  // A role or trade named where the reader learns who it is for; a bare number ("50,000 transactions") is not a customer.
  const specific = ROLE.test(who);
  const vague = prSentences(doc, ["heading", "subheading", "summary", "problem", "solution", "howItWorks", "callToAction"]).find((s) =>
    VAGUE.some((re) => re.test(s.text)),
  );
  if (vague && !specific) {
    const phrase = VAGUE.map((re) => re.exec(vague.text)?.[0]).find(Boolean) ?? "";
    return [
      finding(
        "vague-customer-definition",
        `"${phrase}" is not a customer. Name one segment you can count (who, where, how many) and a representative person whose day changes.`,
        vague.text,
      ),
    ];
  }
  if (specific || ROLE.test(prText(doc, ["problem", "customerQuote"]))) return [];
  if (/\bfor (?:[a-z-]+ ){0,4}[a-z-]+s\b/.test(who)) return [];
  return [
    finding(
      "vague-customer-definition",
      "The press release never says who the customer is. Name the segment in the subheading or summary (who, where, how many) and a representative person.",
      "customer (not named in the heading, subheading or summary)",
    ),
  ];
}
