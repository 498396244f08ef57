/**
 * Shared vocabulary: the words that mark what a sentence is about, used both to read a brief
 * (src/domain/brief-facts.ts) and to check a PR/FAQ (src/rubric). One list, so the two agree.
 */

/** Words that describe a customer's pain or friction today. */
export const PAIN =
  /\b(?:today|currently|still|have to|has to|had to|spend|spends|spent|wast\w*|wait\w*|struggl\w*|frustrat\w*|hard to|difficult|can't|cannot|can not|unable|miss(?:es|ed|ing)?|los(?:e|es|ing|t)|manual(?:ly)?|by hand|phone tag|back-and-forth|delay\w*|slow|expensive|costly|problem|pain\w*|tired of|overtime|chas(?:e|es|ing)|forget\w*|forgot|fail\w*|error-prone|mistakes?|burden\w*|stuck|guess\w*|no way to|only about|drop(?:s|ped)? out|(?:run|runs|ran|running) out|stock-?outs?|out of stock|cost (?:them|us|him|her|one of them)|(?:takes?|took) (?:hours|days|weeks|too long|\d+)|rose|risen|rising|went up|doubled|paid|claims?|complaints?|elsewhere|(?:another|a competing) (?:firm|provider|supplier|pharmacy|company|vendor|shop|store)|churn\w*|throw(?:s|n)? (?:away|out)|threw (?:away|out)|exhaust\w*|tired|guilt\w*|stress(?:ed|ful)|worr(?:y|ied|ies))\b/i;
