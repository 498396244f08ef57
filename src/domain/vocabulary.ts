/**
 * Shared vocabulary: the words that mark what a sentence is about, used both to read a brief
 * (src/domain/brief-facts.ts) and to check a PR/FAQ (src/rubric). One list, so the two agree.
 *
 * PAIN is built from general classes of English, not from any brief: each class is a kind of harm a
 * customer can describe, and each is tested on sentences written for the test (vocabulary.test.ts).
 */

const words = (...ws: string[]) => ws.join("|");

/** Losing something: money, customers, time, stock, yield, sleep. */
const LOSS = words(
  "los(?:e|es|ing|t)", "miss(?:es|ed|ing)?", "misses out", "turn(?:s|ed|ing)? (?:away|down)", "giv(?:e|es|ing) up", "gave up", "walk(?:s|ed)? away",
  "drop(?:s|ped)? out", "churn\\w*", "cancel\\w*", "no-shows?", "leav(?:e|es|ing) for", "left for", "go(?:es)? elsewhere", "went elsewhere",
  "wast\\w*", "throw(?:s|n)? (?:away|out)", "threw (?:away|out)", "spoil\\w*", "expir\\w*", "run(?:s|ning)? out", "ran out", "out of stock", "stock-?outs?",
);
/** Effort and time the work takes today. */
const BURDEN = words(
  "spend(?:s|ing)?", "spent", "tak(?:e|es|ing) (?:\\d+|hours|days|weeks|too long|ages|forever)", "took (?:\\d+|hours|days|weeks|too long)", "wait\\w*", "on hold",
  "queu\\w*", "chas(?:e|es|ed|ing)", "by hand", "manual(?:ly)?", "re-?(?:key|type|enter)\\w*", "phone tag", "call(?:s|ed|ing)? back", "back-and-forth",
  "juggl(?:e|es|ed|ing)", "end(?:s|ed)? up \\w+ing", "one by one", "overtime", "late nights?", "weekends?", "have to", "has to", "had to", "must (?:still )?(?:phone|call|drive|check|type)", "driv(?:e|es|ing) (?:across|to|out)",
);
/** Things going wrong. */
const FAILURE = words(
  "fail\\w*", "error\\w*", "error-prone", "mistakes?", "wrong", "broken", "break(?:s|down)?", "late", "delay\\w*", "slow\\w*", "behind",
  "forget\\w*", "forgot", "overlook\\w*", "double[- ]?book\\w*", "inaccura\\w*", "overdue", "past (?:due|(?:its|their) (?:date|due date))", "slip(?:s|ped|ping)?", "(?:goes|go|went|gone) stale", "out of date", "laps(?:e|es|ed)", "in question", "complain\\w*", "complaints?", "disput\\w*", "accidents?", "injur\\w*", "near-misses",
);
/** Difficulty and feeling. */
const DIFFICULTY = words(
  "hard to", "difficult", "(?:nobody|no one|never) knows?", "(?:don't|doesn't|didn't) know", "struggl\\w*", "can't", "cannot", "can not", "couldn't", "unable", "no way to", "stuck", "guess\\w*", "confus\\w*", "frustrat\\w*",
  "stress\\w*", "overwhelm\\w*", "worr(?:y|ied|ies)", "anxious", "tired", "exhaust\\w*", "burn(?:ed|t)? out", "guilt\\w*", "afraid", "embarrass\\w*",
  // Idioms of annoyance: "drives me up the wall", "fed up", "a nightmare", "a hassle".
  "dr(?:ive|ives|ove|iving) (?:me|us|them|her|him|people|everyone) (?:mad|crazy|nuts|up the wall|round the bend)", "fed up", "sick of", "nightmares?", "headaches?", "hassle",
);
/** What it costs them: money paid out because of the problem. */
const COST = words(
  "expensive", "costly", "cost(?:s|ing)? (?:them|us|her|him|the \\w+|about|roughly|an? \\w+)", "paid (?:out|for)", "pay(?:s|ing)? for", "fines?", "fined", "penalt\\w*",
  "damages?", "claims? (?:against|for|paid)", "write-?offs?", "refunds?", "rework", "rose", "risen", "rising", "went up", "doubled",
);
/** Going without what the job needs: no usable record, no time to ask, outcomes worse than they should be. */
const LACK = words(
  "no (?:usable|working|reliable|accurate|proper|clear|up-to-date) \\w+", "never ha(?:ve|s|d) (?:the )?time", "no time to", "(?:survival|quality|yields?|sales|rates?|scores?|attendance|recovery|results?|outcomes?|uptake|response)(?: \\w+){0,5} (?:is|are|was|were) (?:lower|worse|poorer)",
);
/** Words that name the pain itself ("today" alone does not: every press release opens with it). */
const TODAY = words("currently", "still", "problem", "pain\\w*");

/** Words that describe a customer's pain or friction today. */
export const PAIN = new RegExp(`\\b(?:${[LOSS, BURDEN, FAILURE, DIFFICULTY, COST, LACK, TODAY].join("|")})\\b`, "i");

/** Words that name no one in particular: no persona can be built from them, and a customer part made of them names no customer. */
export const NO_ONE_IN_PARTICULAR = /\b(everyone|everybody|anyone|anybody|all (users|people|businesses|companies)|companies of all sizes|businesses of (every|all) sizes?|the world|people everywhere)\b/i;
