import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { MEASUREMENT, splitSentences, wordCount } from "./text.js";

// Nobody in particular: "said a customer", "according to one beta tester".
const ANONYMOUS =
  /\b(?:said|says|adds|added|according to|writes|wrote)\s+(?:a|an|one|another|our|some|many|every)\s+(?:(?:happy|satisfied|early|beta|real|loyal|delighted|enthusiastic)\s+)*(?:customers?|users?|clients?|testers?|buyers?|fans?|shoppers?|reviewers?|people|parents?|owners?|members?)\b|[—–-]\s*(?:a|an|one)\s+(?:\w+\s+)?(?:customer|user|client|tester)\b/i;
// A person named: "said Elena Ruiz", "Dana Smith, coordinator at ..., said", "— Marcus, shift manager", or a
// sentence about them before their words ("Ana Reyes runs a bakery in Leeds. "Before, ...").
const NAMED =
  /^[A-Z][\p{L}'’-]+\s+[A-Z][\p{L}'’-]+(?:'s|’s)?\s+[a-z]|\b(?:said|says|adds|added|explains|explained|recalls|notes|according to)\s+(?:Dr\.?\s+)?[A-Z][\p{L}'’-]+|[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)?,?\s+(?:[^."“”]{0,80}?,\s+)?(?:said|says|adds|added|explains)\b|["”]\s*[—–-]\s*[A-Z][\p{L}'’-]+/u;
// A person described instead of named: a role with where they work or what they did ("a project lead who
// tested it at a 40-person agency describes ..."). "A customer" or "a user" describes nobody.
const DESCRIBED =
  /\b(?:a|an|one)\s+(?:[\w'’-]+\s+){0,2}?(?!(?:customers?|users?|clients?|testers?|buyers?|fans?|shoppers?|reviewers?|people|persons?|members?|someone)\s)[\w'’-]+\s+(?:who|at|from)\s+(?:[\w'’-]+\s+){0,12}?(?:describes|described|says|said|explains|explained|recalls|puts it|tells|told|writes|wrote|remembers)\b/i;
// The same described person after the verb: "said one of the growers in our trial, who farms near Ely", "says a
// nurse at a 40-bed hospice". A role with where they are or what they do; "one of our customers" or "a manager at
// a customer" describes nobody.
const DESCRIBED_AFTER =
  /\b(?:said|says|adds|added|explains|explained|recalls|recalled|notes|noted|according to)\s+(?:a|an|one(?:\s+of\s+(?:the|our|its|their))?)\s+(?:[\w'’-]+\s+){0,2}?(?!(?:customers?|users?|clients?|testers?|buyers?|fans?|shoppers?|reviewers?|people|persons?|members?|someone)\b)[\w'’-]+\s+(?:who|at|from|in|on)\s+(?!(?:an?|the|one|our)\s+(?:customers?|clients?|compan(?:y|ies)|business(?:es)?|firms?|organi[sz]ations?|users?)\b)\S/i;
// Praise any product could get: superlatives, "a really useful tool", "made things so much easier", "I'd recommend it".
const PRAISE =
  /\b(?:(?:really |very |so |super |incredibly )?(?:useful|helpful|handy)|(?:so |much |a lot |far )+easier|(?:would|I'd|we'd|I would|we would|can|could) (?:definitely |happily |highly )?recommend|love[sd]?|amazing|incredibl[ey]|awesome|great|fantastic|wonderful|the best|game[- ]?changer|life[- ]?changing|changed my life|highly recommend|can't live without|five stars|must-have|blown away|obsessed|perfect|so easy|easy to use|revolutionary|best[- ]in[- ]class|excellent|brilliant)\b/i;
// A situation or a before/after: what the customer's day was and is.
const SITUATION =
  /\b(?:used to|before|now|no longer|any ?more|instead of|every (?:day|morning|week|shift|month)|each (?:day|week|shift|morning)|last (?:week|month|year|season)|this (?:morning|week|month)|(?:by|at|around) (?:noon|midnight|lunch(?:time)?|dawn|dusk|closing(?: time)?|the end of (?:the|my|our|each|every) (?:day|shift|week))|had to|have to|spent|spend|I was|we were|until|since|after|saves?|saved|cut|dropped|fell|went from|took|takes|waited|waiting|on the phone|at night|weekends?)\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)/i;

/** The words inside quotation marks, or the whole text when none are marked. */
function spokenPart(text: string): string {
  const parts = [...text.matchAll(/["“]([^"”]+)["”]/g)].map((m) => m[1] ?? "");
  return parts.length ? parts.join(" ") : text;
}

/**
 * `customer-quote-sounds-fake`: a quote no real customer would say. It fires when nobody is named,
 * or when the words are praise (or a handful of words) with no situation and no before/after.
 */
export function checkCustomerQuote(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const quote = doc.pressRelease.customerQuote.trim();
  if (!quote) return [];
  const spoken = spokenPart(quote);
  const attribution = quote.replace(/["“][^"”]*["”]/g, " ");
  const anonymous = ANONYMOUS.test(attribution) || !(NAMED.test(quote) || DESCRIBED.test(attribution) || DESCRIBED_AFTER.test(attribution));
  const situated = SITUATION.test(spoken) || MEASUREMENT.test(spoken);
  const praise = PRAISE.exec(spoken)?.[0];
  const evidence = quote.length <= 400 ? quote : (splitSentences(quote)[0] ?? quote);
  const reasons: string[] = [];
  if (anonymous) reasons.push("nobody is named (a real customer has a name, a role and a place)");
  if (!situated && praise) reasons.push(`"${praise}" is praise, not a situation`);
  else if (!situated && wordCount(spoken) < 8) reasons.push("it is too short to say anything");
  if (!situated) reasons.push("there is no before and after");
  // Named, situated praise is believable; an anonymous but situated quote still lacks a speaker.
  if (!anonymous && situated) return [];
  if (!anonymous && !praise && wordCount(spoken) >= 8) return [];
  return [
    finding(
      "customer-quote-sounds-fake",
      `The customer quote does not sound like a real customer: ${reasons.join("; ")}. Quote a named customer describing their day before and after.`,
      evidence,
    ),
  ];
}
