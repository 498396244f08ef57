import type { Finding } from "../domain/finding.js";
import type { PressReleaseSection, Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { technicalAcronyms } from "./language.js";
import { hasEvidence, isPain } from "./problem.js";
import { documentText, faqSentences, prSentences, splitSentences } from "./text.js";

// Built and decided before the document: it rationalises instead of discovering.
const ALREADY_BUILT = [
  /\b(?:we(?:'ve| have)|our team has|the team has|we)\s+already\s+(?:built|developed|shipped|launched|finished|completed|written|coded)\b/i,
  /\b(?:is|are|was|were|has been|have been)\s+already\s+(?:built|developed|shipped|in production|deployed)\b/i,
  // Finished or decided, said of the product or the plan ("the app is already finished"), not of a customer's claim or form.
  /\b(?:it|this|the (?:app|platform|product|tool|system|software|module|service|feature|code|build|plan|launch|project|design|integration))\s+(?:is|are|was|were|has been|have been)\s+already\s+(?:decided|finished|done|complete)\b/i,
  /\balready (?:built|shipped|developed)\b/i,
  /\b(?:our|the) (?:engineering )?team has (?:developed|built|created|finished)\b/i,
  // Time spent building; time spent "working with speech technology" is the technology's story, not the product's.
  /\b(?:we(?:'ve| have)?|(?:our|the) (?:engineering )?team has) spent (?:the (?:last|past) )?(?:\w+ )?(?:months|years) (?:building|developing|on)\b/i,
  /\b(?:v2|version 2|second version) of our existing\b/i,
  /\b(?:the )?decision (?:has|was) (?:already )?(?:been )?made\b/i,
  // The work itself said to be over: "the build is finished", "development was completed", "the roll-out is complete".
  /\b(?:the )?(?:build|development|engineering|code|coding|implementation|integration work|roll-?out)(?: itself)? (?:is|was|has been) (?:already |now )?(?:complete|completed|done|finished)\b/i,
  /\b(?:it|the (?:app|platform|product|tool|system|software|module)) is (?:already |now )?(?:finished|complete|built)\b/i,
  // In use already: "went live at all 27 parks", "has been live since March".
  /\b(?:went|has been|have been|is already|are already) live\b/i,
  // Run for customers for a long time already: "the service it has run at its own races for the past eighteen months".
  /\b(?:has|have) (?:run|operated|offered|sold) (?:it |this )?[^.;]{0,60}\bfor (?:the )?(?:past|last) (?:\w+ )?(?:months|years)\b/i,
  // Everything fixed before the review: "The features, pricing and terms are fixed; this PR/FAQ describes them."
  /\b(?:features|scope|pricing|terms|design)\b[^.;]{0,40}\b(?:are|is) (?:already )?(?:fixed|locked|final|signed off)\b/i,
];
// Only in the press release: an FAQ answer may well explain a decision ("we decided to launch in 10 states").
const DECIDED = /\bwe (?:have )?(?:already )?decided to\b|\b(?:have|has) already decided to\b/i;
// The AI-era amendment: a prototype built to learn from is evidence, not rationalisation.
const PROTOTYPE = /\b(?:prototypes?|pilots?|trials?|tested|observed|experiments?|mock-?ups?)\b/i;

// Building told in the past tense, with when it happened: "Engineering finished it last month after 18
// months", "the app shipped last quarter", "we launched it a year ago". A launch "today" is the press
// release's own fiction, not a past.
const BUILT = String.raw`(?:built|finished|completed|shipped|developed|launched|released|rolled out|delivered|coded|wrote|written|engineered|deployed|(?:started|began) (?:building|developing|coding))`;
const NUMBER = String.raw`(?:a|an|a few|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|several|many|\d+)`;
const PAST_TIME = new RegExp(
  String.raw`\b(?:last (?:week|month|quarter|year|spring|summer|autumn|fall|winter|sprint)|${NUMBER} (?:days?|weeks?|months?|years?|quarters?) ago|after ${NUMBER} (?:\w+ )?(?:days?|weeks?|months?|years?)|earlier this (?:week|month|quarter|year)|over the (?:past|last)|back in|this past|already)\b`,
  "i",
);
// How long it took, said as done: "after 18 months of development", "took two years to build".
const BUILD_TIME = new RegExp(
  String.raw`\b(?:after|following) ${NUMBER} (?:\w+ )?(?:months?|years?) (?:of|in) (?:development|building|engineering|work|design)\b|\btook ${NUMBER} (?:\w+ )?(?:months?|years?) to (?:build|develop|finish|make|ship)\b|\b${NUMBER} (?:months?|years?) in (?:development|the making)\b`,
  "i",
);

/** The past-building patterns for a document whose product is called `name`. */
function pastBuilding(name: string): RegExp[] {
  const product = String.raw`(?:it|${name ? `${name}|` : ""}(?:the|our|its) (?:[\w-]+ ){0,2}(?:app|platform|product|tool|system|software|service|feature|module|release|version|integration|code))`;
  const builders = String.raw`(?:we|our (?:[\w-]+ )?team|the (?:[\w-]+ )?team|engineering|development|the build|our engineers|(?:the )?developers|${product})`;
  return [
    new RegExp(String.raw`\b${builders} (?:have |has |had )?(?:already |just |finally )?${BUILT}\b`, "i"),
    new RegExp(String.raw`\b${product} (?:was|were|has been|have been|went) (?:already )?(?:${BUILT}|live|into production|in production)\b`, "i"),
  ];
}

// Where one clause ends and another begins: "We built it because ... last year" dates the pain, not the build.
const CLAUSE_BREAK = /[;:—–]|,\s+(?!after\b)|\s(?:because|since|so|but|while|when|which|who|although|though|whereas|and then)\s/i;

function clauses(sentence: string): string[] {
  return sentence.split(CLAUSE_BREAK);
}

/** `writing-pr-after-building`: the text says the product already exists and the decision is made. */
export function checkAfterBuilding(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const pr = prSentences(doc).map((s) => ({ text: s.text, inPr: true }));
  const faq = faqSentences(doc).map((s) => ({ text: s.text, inPr: false }));
  const name = (doc.title || doc.pressRelease.heading).trim().split(/\s+/)[0]?.replace(/[^\p{L}\p{N}-]/gu, "") ?? "";
  const past = pastBuilding(name);
  const builtInPast = (t: string) => BUILD_TIME.test(t) || clauses(t).some((c) => PAST_TIME.test(c) && past.some((re) => re.test(c)));
  const hit = [...pr, ...faq].find(
    (s) => !PROTOTYPE.test(s.text) && (ALREADY_BUILT.some((re) => re.test(s.text)) || builtInPast(s.text) || (s.inPr && DECIDED.test(s.text))),
  );
  if (!hit) return [];
  return [
    finding(
      "writing-pr-after-building",
      "This describes something already built or decided, so the document rationalises instead of testing the idea. Write it from the customer's problem as if nothing were built yet, and say what evidence would change the plan.",
      hit.text,
    ),
  ];
}

// An opening that leads with the technology.
const TECH_LEAD =
  /\b(?:powered by|leverag(?:e|es|ing)|built on|harness(?:es|ing)?|uses? (?:AI|machine learning|ML|blockchain|deep learning|computer vision|LLMs?|large language models?|quantum)|AI-(?:powered|driven|based|first)|(?:our|a|its) (?:new |proprietary |novel |patented )?(?:[\w-]+ )?(?:engine|platform|algorithm|chip|chipset|processor|ledger|blockchain|architecture|framework|protocol|stack)|quantum|blockchain|distributed ledger|neural|consensus algorithm)\b/i;
// Who might buy, and the technology shown to them: "customers will want it once they see the demo".
const BUYERS = String.raw`(?:they|customers|buyers|users|people|enterprises|companies|businesses|organi[sz]ations|teams|the market|[a-z]+s)`;
const EXPOSURE = String.raw`(?:see|sees|try|tries|understand|understands|experience|experiences|hear about|learn about|discover)\s+(?:it|this|what (?:it|the \w+) can do|(?:the|our|its) (?:[\w-]+ )?(?:demo|demos|benchmarks?|technology|tech|results|performance|numbers|speed|prototype|platform|product))`;
// A technology looking for a problem, said outright; or demand expected to follow once buyers see the
// technology, instead of a need someone observed.
const LOOKING = new RegExp(
  // A customer finding a market "for their surplus" is the customer's pain, not the company's search.
  String.raw`\b(?:where else (?:could|can|might|would|should)\b[^.?!]{0,60}?\b(?:be used|be applied|be put to (?:work|use)|make a difference|be useful|help|go|sell|use it)|exploring which (?:industries|markets|customers|use cases)|looking for (?:a |the )?(?:new |more |other |further |next )?(?:use cases?|problems?|applications?|markets?)(?! for (?:their|his|her|your)\b)|(?:find|finding) (?:a |the )?(?:market|use cases?|problem) for(?! (?:their|his|her|your)\b)|a solution (?:looking|in search) for|could use it)\b` +
    // Pilots spread over several markets to see which one takes: "run pilots across our application areas to find the strongest one".
    String.raw`|\b(?:pilots?|trials?|tests?)\s+(?:across|in)\s+(?:(?:our|several|many|all|different|the|multiple)\s+)*(?:application areas|applications|markets|segments|sectors|verticals|use cases|industries)\b|\b(?:find|see|learn|work out|discover)\s+(?:out\s+)?(?:which|the strongest|the best|the right)\s+(?:one|application|market|use case|segment|sector|vertical)s?\b` +
    // The product as a showcase for the technology: "a product that shows what it can do".
    String.raw`|\b(?:shows?|showcases?|showing|demonstrates?|demonstration of|proves?) what (?:[\w'’-]+ ){0,3}can do\b` +
    String.raw`|\b(?:will|would|are going to)\s+(?:want|buy|adopt|use|need|love|pay for|sign up for)\b[^.?!]*\bonce\s+${BUYERS}\s+${EXPOSURE}\b` +
    String.raw`|\bonce\s+${BUYERS}\s+${EXPOSURE}\b[^.?!]*,\s*(?:they|${BUYERS})\s+(?:will|would)\s+(?:want|buy|adopt|need|love|pay for|sign up)\b`,
  "i",
);
const OPENING: readonly PressReleaseSection[] = ["heading", "subheading", "summary"];
/** Acronyms of a company's own business systems: jargon in a press release, not a technology looking for a problem. */
const BUSINESS_SYSTEMS = /^(?:ERP|OMS|CRM|SKUs?|WMS|TMS|PMS|POS|B2B|B2C|SLAs?|KPIs?|HRIS|EDI|MIS|BI|POs?|EOD|MOQs?|ETAs?|SOPs?|RFQs?|ROI|P&L|YoY|QoQ)$/;
// A technology moved to a new market because it was there: "could reuse the telemetry engine", "new markets where ... could be reused", "the obvious next vertical".
const REUSE = /\b(?:(?:could|can|to) (?:re-?use|repurpose) (?:it|this|that|our [\w-]+|the (?:technology|tech|engine|platform|model|chip|sensor|algorithm|core))(?:\s+[\w-]+){0,3}\s+(?:for|in|across|elsewhere|on)\b|could be re-?used (?:for|in|across|elsewhere)|(?:find|found|finding|look(?:ed|ing)? for) (?:new )?(?:markets|segments?|verticals?|customers) (?:where|that|for|to)|next vertical|applies it to|spare capacity)\b/i;
// The company going looking for a market for what it has: "we looked for the market where it could be put to work".
// Only with "we" as the seeker: "growers struggle to find a market for their surplus" is a customer's pain.
const WE_SOUGHT_A_MARKET =
  /\bwe (?:then |next |first )?(?:looked|searched|went looking|are looking|were looking|set out to find|looked around) (?:for )?(?:a|the|an|our) (?:first |right |best |new )?(?:market|segment|vertical|industry|customer group|use case|application)\b/i;

/**
 * `solution-first-thinking`: the document opens with a technology or capability, no customer pain
 * comes before it and the problem paragraph does not supply one; or it says it is looking for a
 * problem to apply the technology to.
 */
export function checkSolutionFirst(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const all = [...prSentences(doc).map((s) => s.text), ...faqSentences(doc).map((s) => s.text)];
  const looking = all.find((t) => LOOKING.test(t) || REUSE.test(t) || WE_SOUGHT_A_MARKET.test(t));
  if (looking) {
    return [
      finding(
        "solution-first-thinking",
        "The document has a technology and is looking for a problem. Start from one customer and the pain you observed; keep the technology only if it removes that pain.",
        looking,
      ),
    ];
  }
  const opening = prSentences(doc, OPENING);
  // A technology lead: named outright, or a product described by its component and spec acronyms.
  const wholeText = documentText(doc);
  // Business-system acronyms ("the SKU list from the OMS") are internal jargon, a check of their own, not a technology lead.
  const techAt = opening.findIndex((s) => TECH_LEAD.test(s.text) || technicalAcronyms(s.text, wholeText).filter((a) => !BUSINESS_SYSTEMS.test(a)).length > 0);
  if (techAt < 0 || opening.slice(0, techAt).some((s) => isPain(s.text))) return [];
  // A problem paragraph that states the pain with evidence means the thinking started from the customer.
  if (splitSentences(doc.pressRelease.problem).some(isPain) && hasEvidence(doc.pressRelease.problem)) return [];
  return [
    finding(
      "solution-first-thinking",
      "The opening leads with the technology, and no customer problem comes before it. Open with who the customer is and what hurts today; the technology belongs in the FAQ.",
      opening[techAt]?.text ?? "",
    ),
  ];
}

const CALLS_ITSELF_FINAL =
  /\b(?:final (?:draft|version|pr\/?faq|document)|this is the final\b|status:?\s*\**\s*final\b|\(final\)|no (?:further )?(?:review rounds?|drafts|iterations?)\b|(?:first|only) and only (?:draft|version)|approved as written|(?:will not|won't|does not need to|doesn't need to) go through (?:any )?(?:review|iteration|revision)|v1[,:]? final|first draft[^.]{0,60}\b(?:final|approv\w*|sign[- ]off|decision|fund\w*)|ready for (?:sign[- ]off|approval|funding) (?:as is|without (?:changes|review))|no (?:further )?(?:revisions?|reviews?) (?:needed|required|planned))/i;
const REVISION_HISTORY =
  /\b(?:revision history|revised (?:after|following|based on|in response)|changes since|version [2-9]|v[2-9]\b|draft [2-9]|round [2-9]|after (?:the )?(?:review|feedback)|incorporat\w+ (?:the )?feedback|reviewers? (?:asked|said|pointed|raised))/i;

/**
 * `skipping-the-iteration`: a first draft treated as final. Fires when the caller says this is
 * version 1 and not a revision, or when the text calls itself final (or a first draft up for a
 * decision) and shows no revision history.
 */
export function checkIteration(doc: Prfaq, ctx: RubricContext): Finding[] {
  if (ctx.version === 1 && ctx.revised !== true) {
    return [
      finding(
        "skipping-the-iteration",
        "This is version 1 and has not been revised against a review. Review it, answer the objections in a new version, and only then decide.",
        "version 1 (not yet revised)",
      ),
    ];
  }
  const all = [...prSentences(doc).map((s) => s.text), ...faqSentences(doc).map((s) => s.text), ...[...doc.externalFaq, ...doc.internalFaq].map((f) => f.question)];
  // "_First draft, marked final._": emphasis marks are not words.
  const final = all.find((t) => CALLS_ITSELF_FINAL.test(t.replace(/[_*]+/g, " ")));
  if (!final || all.some((t) => REVISION_HISTORY.test(t))) return [];
  return [
    finding(
      "skipping-the-iteration",
      "The document calls itself final but shows no review or revision. A first draft is where the review starts: circulate it, revise against the objections, then decide.",
      final,
    ),
  ];
}
