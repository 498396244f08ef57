/**
 * Absolute claims: statements no product can keep (100% accuracy, zero errors, no data needed, never
 * fails). A reviewer challenges every one; one the product rests on blocks. Pure.
 */

/** A claim of perfection: a property stated as total. Each alternative is a general form, not a phrase of one brief. */
const ABSOLUTE = new RegExp(
  [
    // "100% accurate", "100% accuracy", "catches 100% of fraud", "100% uptime"
    String.raw`\b100\s?(?:%|percent|per cent)\s+(?:accura\w*|reliab\w*|uptime|automat\w*|correct\w*|precis\w*|guarantee\w*|safe\w*|secure|effective\w*|success\w*|of (?:errors?|mistakes?|fraud|defects?|cases|issues|bugs|threats|problems|no-shows))`,
    String.raw`\b(?:catch|catches|detect|detects|prevent|prevents|eliminat\w*|remov\w*|fix|fixes|stop|stops|block|blocks)\s+(?:100\s?%|all|every)\s+(?:of\s+)?(?:the\s+)?(?:errors?|mistakes?|fraud|defects?|bugs|threats|problems|issues|no-shows|cases|leaks?|failures?)`,
    // "zero errors", "zero cost", "zero downtime", "zero setup"
    String.raw`\bzero\s+(?:errors?|mistakes?|cost|costs|downtime|setup|set-up|risk|effort|maintenance|false (?:positives|negatives)|training|integration|marginal cost)`,
    // "no data needed", "without any training data", "needs no data", "does not need repair histories ... or any training data"
    String.raw`\b(?:no|without(?: any)?)\s+(?:training\s+)?data\s+(?:needed|required|at all)|\bneeds? no (?:training )?data\b|\bwithout (?:any )?(?:training )?data\b|\b(?:does not|doesn't|do not|don't) need\b[^.]{0,60}\bany (?:training )?data\b`,
    // "Every TickQuote estimate matches the final bill", "every reading is correct": each result said to be right.
    String.raw`\bevery\s+(?:[\p{L}-]+\s+){0,2}(?:estimates?|quotes?|results?|answers?|predictions?|readings?|diagnos[ie]s|forecasts?|match(?:es)?)\s+(?:matches|is (?:right|correct|accurate|exact))\b`,
    // "each estimate costs us zero", "it costs us nothing to run"
    String.raw`\bcosts?\s+(?:us\s+)?(?:zero|nothing)\b`,
    // "never fails", "never wrong", "never misses", "always right", "always accurate"
    String.raw`\bnever\s+(?:fails?|wrong|misses|makes? (?:a )?mistakes?|breaks?|goes down|errs)\b|\balways\s+(?:right|accurate|correct|works|available|on time)\b`,
    // "no wheel will ever be lost again", "no invoice is ever missed", "never lose a booking again"
    String.raw`\bno\s+(?:[\p{L}-]+\s+){1,2}(?:will|would|can|could|is|are|gets?|goes)\s+(?:\p{L}+\s+)?ever\b|\bnever\s+(?:again|(?:lose|loses|miss|misses|forget|forgets)\s+(?:a|an|another|any|one)\b|(?:\p{L}+\s+){1,5}again\b)|\bever\s+again\b|,\s*every (?:single )?time[.!]`,
    // An uncapped guarantee: "we refund its full retail value", "we pay the full cost of any loss"
    String.raw`\b(?:refund|reimburse|compensate|pay(?: for)?|cover)\w*\s+(?:you\s+|them\s+|customers\s+)?(?:for\s+)?(?:the|its|their|your)\s+full\s+(?:retail\s+|market\s+|replacement\s+)?(?:value|cost|price|loss)\b`,
    // "guaranteed results", "perfectly accurate", "flawless", "error-free", "works for everyone"
    String.raw`\b(?:instantly and )?perfectly\b|\bany (?:subject|language|task|problem|question|business|industry) (?:at|in|for) any\b`,
    String.raw`\bguarantee[ds]?\s+(?:results?|success|accuracy|savings?|to)\b|\bperfect(?:ly)?\s+(?:accura\w*|results?|every time|match\w*)\b|\bflawless(?:ly)?\b|\berror-free\b|\bworks for everyone\b|\bno (?:setup|set-up|configuration|integration|training) (?:needed|required|at all)\b`,
  ].join("|"),
  "iu",
);

/** Words that retract or bound the claim ("not 100% accurate", "no system is error-free"). */
const NEGATED = /\b(not|no system|nothing is|cannot|can't|never be|isn't|aren't|won't be|unlikely|aim(s|ing)? for|target(s|ing)?|hope|goal)\b/i;

/** The absolute claims in a text: the sentences that make them, with the phrase that does. */
export function absoluteClaims(sentences: string[]): { sentence: string; phrase: string }[] {
  const out: { sentence: string; phrase: string }[] = [];
  for (const sentence of sentences) {
    const m = ABSOLUTE.exec(sentence);
    if (!m) continue;
    const before = sentence.slice(Math.max(0, m.index - 30), m.index);
    if (NEGATED.test(before)) continue;
    out.push({ sentence, phrase: m[0] });
  }
  return out;
}
