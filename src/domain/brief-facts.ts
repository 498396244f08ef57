import type { Brief, BriefFacts, BriefPart } from "./brief.js";
import { MONTH_RE } from "./dates.js";
import { MONEY_AMOUNT, numeralsFromWords } from "./quantities.js";
import { PAIN } from "./vocabulary.js";

/**
 * Heading or label words that name each part of a brief, from general English for each part (how
 * people title a section about it). Checked in order; the first match wins, so the specific words
 * of a part come before the generic "what" and "how" of the solution.
 */
const PART_NAMES: readonly (readonly [BriefPart, RegExp])[] = [
  // Questions about money name the business part whoever they mention: "What does it cost the customer?", "How big is the market?".
  ["business", /\b(?:what (?:does|do|will|would|should) (?:it|this|they|we|the \w+) (?:cost|charge)|cost (?:the customer|customers|us|them)|how much (?:does|do|will|would|should) (?:it|this|they|we|customers?) (?:cost|pay|charge)|how big is the market|(?:does it )?take to build|cost to build)\b/i],
  // "How do you know it hurts?": a question about what was seen names the evidence.
  ["evidence", /\bhow (?:do|did|can) (?:you|we|they) know\b|\bwhat (?:we|you) (?:know|(?:have |'ve )?(?:found|learned|learnt|seen))\b|\bwhat (?:have|did) (?:you|we) (?:seen|see|tried|learned|learnt|found)\b/i],
  ["other", /\b(won't do|will not do|out of scope|not in v1|non-goals?)\b/i],
  // "Why hasn't someone done it?", "Competition": who else solves it is a risk to the plan, not the customer.
  ["risks", /\bwhy (?:hasn't|has not|haven't|have not|didn't|did not) (?:someone|anyone|anybody|nobody|a competitor|the market)\b|\b(?:competition|competitors?|alternatives|who else)\b/i],
  ["risks", /\b(risks?|dependenc\w*|concerns?|assumptions|could go wrong|might go wrong|get wrong|worries|worr(?:y|ies) (?:me|us)|keeps? me up|unknowns|caveats)\b/i],
  ["customer", /\b(customers?|who|whose|how many|target (?:customers?|users?|market|audience|segment|buyers?|group)|audience|segment|persona|users?|buyers?|clients?|someone|typical|for whom|market we serve)\b|^\s*(?:for|it'?s for)\s*$/i],
  ["problem", /\b(problem|pain|opportunity|need|why|challenge|goes wrong|go wrong|wrong today|today|now|currently|what happens|how often|status quo|situation|issue|frustration|struggle|background)\b/i],
  ["evidence", /\b(evidence|validation|results?|pilot|research|data|traction|proof|saw|seen|learn(?:ed|t)|observed|tried|tested|trial|found|so far|happened|used it|tried it|tested it)\b/i],
  // "How we will know", "What I'd hold us to": the words of a commitment name the success measure.
  ["metrics", /\b(metrics?|success|measure|kpis?|goals?|outcomes?|targets?|aims?|(?:will|'ll|would|'d) know|hold (?:us|me|ourselves|the team) to)\b/i],
  ["business", /\b(business|pricing|price|economics|revenue|model|costs?|market|money|pays?|budget|the ask|build cost|cost to build|investment)\b/i],
  ["launch", /\b(launch|timeline|date|when|availability|schedule|starts?|starting|begin\w*|kick-?off|roll-?out|go-?live|opening)\b/i],
  ["solution", /\b(solution|product|idea|what|how|proposal|approach|features?|description|does)\b/i],
];

/** Contractions written without their apostrophe ("dont", "wed charge", "its free"): read as written with it. */
const BARE_CONTRACTIONS: readonly [RegExp, string][] = [
  [/\b(there|that|what|here|who)s\b/gi, "$1's"],
  [/\b(do|does|did|is|are|was|were|has|have|had|would|could|should|wo|ca)nt\b/gi, "$1n't"],
  [/\b(they|you)ll\b/gi, "$1'll"],
  [/\b(we|they|you)d\b(?=\s+(?:charge|like|need|want|build|sell|expect|have|be)\b)/gi, "$1'd"],
  [/\bits\s+(?=(?:working|been|going|a|an|the|not|about|worth|free|live)\b)/gi, "it's "],
];

function withApostrophes(text: string): string {
  return BARE_CONTRACTIONS.reduce((t, [re, to]) => t.replace(re, to), text);
}

/** Labels that only name the part ("Problem: ..."); other labels ("Price: $9") say what the value is and stay. */
const STRUCTURAL_LABEL = /^\s*(customer|problem|solution|evidence|risks?|idea|product|who|why|what|for)\s*$/i;
/**
 * True when a label only names the part it starts: a part's name ("Problem") or a question ("What goes
 * wrong", "Who pays"). Its words go; any other label says something ("Price", "No data needed") and stays.
 */
function namesOnlyThePart(label: string): boolean {
  return STRUCTURAL_LABEL.test(label) || /^\s*(what|who|whom|why|how|when|where|which)\b/i.test(label) || /^\s*(launch|timing|timeline|risks?|success|evidence|background|business|money)\s*$/i.test(label);
}



/** A sentence that states how success is measured, wherever it stands: "success means", "we will measure", "we'll know it has worked if". */
const METRIC_CUE = /\b(success (means|measure|is|looks like|would be)|we('ll| will) measure|(we|you)('ll| will) know (it|this)('s| is| has)? ?(working|worked|a success|succeeded)|north[- ]star|target: \d)/i;

/** A calendar date with a year, or a quarter or year on its own: "31 March 2028", "March 31, 2028", "Q3 2027", "2028". */
const DATE = `(?:(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?${MONTH_RE}(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+(?:19|20)\\d{2}|q[1-4]\\s+(?:19|20)\\d{2}|(?:the )?end of (?:19|20)\\d{2}|(?:19|20)\\d{2}|\\d{4}-\\d{2}-\\d{2})`;
const DATE_RE = new RegExp(DATE, "gi");
/** A deadline: "by 31 March 2028", "by the end of 2027", "within 60 days of starting". */
const DEADLINE = new RegExp(`\\bby\\s+(?:the\\s+end\\s+of\\s+)?${DATE}|\\bwithin\\s+(?:\\d+|a|one|two|three|six|twelve)\\s+(?:days?|weeks?|months?|quarters?|years?)\\s+of\\b`, "i");
/** Words of a report, not of a commitment: "fell", "had", "was". */
const PAST = /\b(was|were|had|did|fell|rose|dropped|went|grew|saw|came)\b/i;

/**
 * A goal stated in a sentence of its own, wherever it stands: a number to reach by a deadline, not a
 * report of what happened ("150 surgeries live by 31 March 2028", "40% fewer calls within 60 days of switching on").
 */
export function statesGoal(sentence: string): boolean {
  if (!DEADLINE.test(sentence) || PAST.test(sentence)) return false;
  const withoutDates = sentence.replace(DATE_RE, " ").replace(/\bwithin\s+\d+\s+\w+\s+of\b/gi, " ");
  // Money by a date is a goal only as revenue; otherwise it is an ask or a price.
  return /\d/.test(withoutDates) && (!MONEY_AMOUNT.test(withoutDates) || /\b(revenue|sales|bookings|arr|mrr|recurring)\b/i.test(withoutDates));
}

/** A start named by its date: "Starts 1 September 2027", "from 1 November 2027", "open sign-ups on 1 April 2027". */
const STARTS_ON = new RegExp(`\\b(?:starts?|starting|begins?|beginning|opens?|opening|launch(?:es|ing)?|go(?:es)? live|open (?:sign-?ups?|orders|bookings)|roll(?:s|ing)? out|from)\\s+(?:on\\s+|in\\s+)?${DATE}`, "i");

/** Money named as what a customer pays or what it costs us: the business part, wherever it stands. */
const PRICING = /\b(price[ds]?|pricing|charge|charging|fees?|subscriptions?|per month|per year|per seat|per user|revenue|gross margin|monetis\w*|monetiz\w*|costs? (about|us)|to serve)\b/i;

/** Cues that place an unlabelled sentence in a part (weak briefs are often one paragraph). Checked in order. */
const SENTENCE_CUES: readonly (readonly [BriefPart, RegExp])[] = [
  // A sentence about the message itself ("Quick rundown before Thursday.", "Now the decision we want your view on.") says nothing of the idea.
  ["other", /^(?:(?:now|so|ok|okay|right)[,\s]+)?(?:(?:a |the |my |our |here(?:'s| is) (?:a |the |my )?)?(?:quick |short )?(?:rundown|summary|update|version|recap|decision (?:we want|we need)|question (?:we want|for you))\b[^.!?]{0,40}[.!?]?$|(?:details|more) below\.?$|^[^.!?]{0,30}\bhere(?:'s| is) where (?:we are|things stand)\b[^.!?]{0,20}[.!?]?$)/i],
  // A person introduced as one of the customers: "Kwame is one of our 140 adjusters", "Rosa, 52, is a ...".
  ["customer", /^\s*[A-Z][\p{Ll}'-]+(?:,\s*\d{2},)? (?:is|was) (?:one of|a|an) |\bis one of (?:our|the|about) [\d,]+\b/u],
  // A launch names a time: "available on 1 May 2027", "live by spring", "we ship next quarter".
  ["launch", STARTS_ON],
  ["launch", /^\s*(launch|timing)\b|\b(launch(es|ing)?|available|go[- ]live|ship(s|ping)?|release[sd]?|(?:go|goes|be|is|are)\s+(?:\p{Ll}+ly\s+)?live)\b(?=.*\b((19|20)\d{2}|jan\w*|feb\w*|mar(ch)?|apr\w*|may|june?|july?|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|q[1-4]|spring|summer|autumn|fall|winter|next (week|month|quarter|year)|this (month|quarter|year)|soon|when (it is )?(ready|done))\b)/iu],
  // A price named with an amount, or pricing talked about as such; "more than online prices" is not the business part.
  ["business", new RegExp(`(?=.*[$£€\\d])(?:${PRICING.source})|\\b(pricing|we(?:'d| would| will)? charge|subscription)\\b`, "i")],
  // Effort to build is a cost: "5 engineers for 12 months", "a loaded $15,000 per engineer-month".
  ["business", /\b\d+ (engineers?|developers?)\b[^.]{0,30}\b(for|over)\b|\bloaded\b(?=[^.]*[$£€\d])|\bper (engineer|developer)/i],
  ["evidence", /\b(pilot(ed)?|trial|we (found|measured|observed|interviewed|surveyed|tried|tested|ran|counted)|in a study|study (at|of|with)|time study|replay(ing|ed))\b/i],
  // Customers using it over a stated time: "Gary and three other firms used it for eight weeks".
  ["evidence", /\b(used|tried|tested|ran|trialled|trialed|had) (it|this|them|the (?:tool|app|prototype|service|rough version|version))\b[^.]{0,40}?\b(for|over) (?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve) (days?|weeks?|months?)\b/i],
  ["metrics", /\b(target:|kpis?)\b/i],
  // A count of the customers: "there are about 2,600 of them in the UK" (before pain: "nearly all of them still ...").
  ["customer", /\bthere(?:'s| is| are) (?:about|around|roughly|some|over|nearly|almost|more than)? ?[\d,.]+\s*(?:k|thousand|million)?\s+(?:of them|such|[\p{L}-]+s (?:in|across|like))\b/iu],
  // What the product did, measured: "It flagged 44 patches", "Seven of the nine firms have asked to keep it".
  ["evidence", /^(?:it|they|we|the (?:prototype|pilot|trial|test|app|tool|service|version))\s+(?:\w+\s+){0,2}?(?:flagged|found|caught|cut|saved|booked|sent|answered|handled|processed|reduced|completed|issued|logged|matched|prevented)\b[^.]*\d|\basked to keep\b|\bwant(?:s|ed)? to (?:keep|continue)\b|\bstill using\b|^(?:we\s+)?(?:sold|shipped|installed|delivered) \d[\d,]* [^.]*\b(?:still (?:running|in use|using)|renewed|called us|came back|reordered)\b/i],
  ["risks", /\b(risks?|depends on|dependency|regulations?|regulatory|worr(?:y|ies) (?:me|us)|could (?:copy|go wrong))\b/i],
  ["problem", PAIN],
  // Money that is neither a price nor a cost to us is what the pain costs the customer, or else business.
  ["business", MONEY_AMOUNT],
  // Who it is for: "for ...", "our customers are", "the X we serve/target are", or a count of them ("there are about N").
  ["customer", /^\s*(for|built for|designed for|aimed at)\b|\b(representative (customer|user)|typical (customer|user)|our (customers?|users?|buyers?) (are|is)|the (?!(?:decision|thing|answer|view|feedback|help|outcome|result|money|budget|approval|call)\b)\w+ we (want|serve|target|sell to|build for|are building for))\b|\bthere('s| is| are) (about|around|roughly|some|over|nearly)? ?[\d,.]+\b/iu],
];

/**
 * Splits a brief into its named parts, from headings (`## Customer`), labels (`Customer: ...`,
 * `**Problem**`) or, failing those, from sentence cues. Structured fields of the brief override.
 * Pure and total: never throws, returns empty strings for what the brief does not say.
 */
export function extractBriefFacts(brief: Brief): BriefFacts {
  const parts: Record<BriefPart, string[]> = {
    customer: [], problem: [], solution: [], evidence: [], business: [], metrics: [], launch: [], risks: [], other: [],
  };
  let current: BriefPart | undefined;
  // A heading that says what its value is ("Cost to serve", "Price") labels the first line under it, as "Price: $9" would.
  let headingLabel: string | undefined;
  const product = productSubject(brief.title);
  // The part the last cued sentence of this paragraph was in: a sentence with no cue of its own continues it.
  let topic: BriefPart | undefined;
  let seenHeading = false;
  let seenText = false;
  // Whether a sentence has yet said what the product does (a solution heading, label or subject).
  let seenSolution = false;
  // Paragraphs of text read so far: only the opening paragraph tells the situation by default.
  let paragraphs = 0;
  let previousLine = "";
  // The part of a line that opens a list ("What's in it:"): its items continue it, whatever words they use.
  let listPart: BriefPart | undefined;
  let openerPart: BriefPart | undefined;
  // Where the last sentence of a line went, and whether the line before was a list item.
  let lastPart: BriefPart | undefined;
  let itemBefore = false;
  const lines = itemisedCosts(tableRowsAsLabels(chatTurns(numeralsFromWords(withApostrophes(brief.text)).replace(/~\s?(?=[\d$£€])/g, "about ").split(/\r?\n/)).flatMap(inlineLabels)));
  for (const [index, rawLine] of lines.entries()) {
    // "**Who it's for.** Self-employed ...", "**Q: What does it cost?** £14": a bold lead-in is a label.
    const answerLine = rawLine.trim().replace(/^((?:[-*+]|\d+[.)])\s+)?\*\*([^*]{1,60}?)\s*[.:]?\s*\*\*\s*[.:]?\s+(?=\S)/, (_m, bullet: string | undefined, l: string) => `${bullet ?? ""}${l.replace(/^Q\s*[:.]\s*/i, "").replace(/\?$/, "")}: `);
    // "A: Around 2,500 practices ...": an answer's marker says nothing.
    // "Money. £140 a year per shop.": a run-in heading at a paragraph's start is a label.
    const line = runInHeading(answerLine.replace(/^A\s*[:.]\s+/, ""), !previousLine);
    // A blank line ends a paragraph, and with it the topic its sentences continue.
    if (!line) topic = undefined;
    // An email's greeting or header opens no paragraph of the brief: the first paragraph is the first one with content.
    if (line && !/^#/.test(line) && !EMAIL_FRAME.test(line) && (paragraphs === 0 || !previousLine)) paragraphs += 1;
    previousLine = line;
    const isItem = /^(?:[-*+]|\d+[.)])\s+/.test(line);
    if (!isItem) listPart = undefined;
    if (isItem && openerPart) listPart = openerPart;
    if (line) openerPart = undefined;
    if (!line || EMAIL_FRAME.test(line)) continue;
    // "grain dryer alarm - notes for Dave": a plain first line that is the title names the brief, not a part.
    const isFirstLine = !seenText;
    seenText = true;
    if (isFirstLine && !/^#/.test(line) && !/[:.]\s*$|:\s/.test(line) && line.split(/\s+/).length <= 12 && plainLine(line) === brief.title.trim()) continue;
    const solutionBefore = parts.solution.length;
    const heading = /^#{1,6}\s+(.*)$/.exec(line) ?? /^\*\*([^*]{1,60})\*\*:?\s*$/.exec(line);
    if (heading) {
      // "Q: How often does that happen?": a question heading is named by its question.
      const name = (heading[1] ?? "").replace(/^\s*Q\s*[:.]\s*/i, "");
      // The document title (a level-1 heading naming the product) starts no part.
      // A heading that names no part ("Background", "Notes", "Subject") leaves its lines to be read by their cues.
      // The document's title (its level-1 heading, or a bold first line) names the product, not a part.
      const isTitle = !seenHeading && (/^#\s/.test(line) || !/^#/.test(line)) && name.trim() === brief.title.trim();
      seenHeading = true;
      current = isTitle ? undefined : corroborated(partOf(name), sectionAfter(lines, index), name);
      if (current === "solution") seenSolution = true;
      topic = undefined;
      headingLabel = current && ["business", "metrics", "customer"].includes(current) && !namesOnlyThePart(name) ? name.trim() : undefined;
      continue;
    }
    // A label ("Problem: ...") names the part of every sentence after it on its line.
    let lineLabel: BriefPart | undefined;
    const runOn = isRunOn(line);
    // A line with a label of its own keeps it ("Price: $9"); "About $46 a month per firm: ..." is no label.
    const body = headingLabel && !/^[^:\d$£€]{1,30}:/.test(stripBullet(line)) && !line.startsWith(headingLabel) ? `${headingLabel}: ${stripBullet(line)}` : stripBullet(line);
    headingLabel = undefined;
    // A very long sentence joined by semicolons says several things: each clause is read on its own.
    for (const read of splitSentences(body).flatMap((x) => (ITEMISED.test(x) ? [x] : runOn ? x.split(/;\s+/).flatMap(clauses) : x.length > 220 ? x.split(/;\s+/) : [x]))) {
      // "For anyone new: on fruit farms, pickers are paid by the bin.": an aside to the reader leads into the idea's own words.
      const sentence = READER_ASIDE.test(read) ? upperFirstLetter(read.replace(READER_ASIDE, "")) : read;
      const leadIn = LEAD_IN.exec(sentence);
      // A lead-in that names no part ("As for the dollars and cents, ...") still ends the topic before it.
      if (leadIn && !partOf(leadIn[1] ?? "")) lineLabel = undefined;
      if (leadIn && partOf(leadIn[1] ?? "")) {
        // "As for the problem, a cancelled appointment ...": a lead-in names the part like a label does.
        lineLabel = partOf(leadIn[1] ?? "");
        // Like a label, a lead-in that says what the value is ("As for the cost to serve, $41") keeps its words.
        const name = (leadIn[1] ?? "").trim();
        const rest = upperFirstLetter(sentence.slice(leadIn[0].length));
        parts[METRIC_CUE.test(sentence) ? "metrics" : (lineLabel ?? "other")].push(namesOnlyThePart(name) || /^(price|pricing)$/i.test(name) ? rest : `${upperFirstLetter(name)}: ${rest}`);
        continue;
      }
      const label = /^\*{0,2}([A-Za-z][A-Za-z0-9 '’/&,?-]{1,40}?)\*{0,2}\s*(?::|\s=)\s*\*{0,2}\s*(.+)$/.exec(sentence);
      const labelPart = label ? partOf(label[1] ?? "") : undefined;
      // "farms that dry their own corn: someone gets up at 2am ...": a group of people or firms as the label is the customer, its text their day.
      const group = !labelPart && !current ? CUSTOMER_LABEL.exec(sentence) : null;
      if (group?.[1] && group[2] && !NO_ONE.test(group[1].split(/\s+/)[0] ?? "")) {
        parts.customer.push(`${upperFirstLetter(group[1].trim())}.`);
        parts[classify(group[2], product, "problem", seenSolution)].push(upperFirstLetter(group[2]));
        lastPart = "customer";
        continue;
      }
      if (labelPart) lineLabel = labelPart;
      // A success measure stated inside another section is still the success measure.
      if (METRIC_CUE.test(sentence) || (statesGoal(sentence) && (lineLabel ?? current) !== "launch" && !(label && labelPart))) {
        parts.metrics.push(sentence);
        lastPart = "metrics";
      }
      // A label ("Price: $9", "Representative customer: Dana") keeps its words: they say what the value is.
      else if (label && labelPart) {
        parts[labelPart].push(namesOnlyThePart(label[1] ?? "") ? (label[2] ?? "") : sentence.replace(/\*\*/g, ""));
        lastPart = labelPart;
      }
      // A start date after a label's sentence ("Target: ... . Starts 1 September 2027."), or under a heading
      // about something else ("How we'll know: Launch on 1 March 2027. Goal: ..."), is the launch.
      else if ((current ?? lineLabel) !== "launch" && (current || lineLabel) && STARTS_ON.test(sentence)) parts.launch.push(sentence);
      else {
        // An item with an amount of money keeps its own cue: "The numbers:" lists prices and costs.
        const part = current ?? lineLabel ?? (MONEY_AMOUNT.test(sentence) ? undefined : listPart) ?? classify(sentence, product, topic, seenSolution || paragraphs > 1);
        if (part === "solution") seenSolution = true;
        if (!current && !lineLabel) topic = part;
        parts[part].push(sentence);
        lastPart = part;
      }
    }
    // "What we saw:" alone on its line names the part of the list under it, as a heading would.
    if (!isItem && /:\**\s*$/.test(line)) openerPart = (line.split(/\s+/).length <= 6 ? partOf(line.replace(/[*:]+\s*$/, "").replace(/^\*+/, "")) : undefined) ?? lastPart;
    // A list in the solution stays a list: each item, and the text after the list, starts a paragraph.
    if ((isItem || itemBefore) && parts.solution.length > solutionBefore) parts.solution[solutionBefore] = `${PARAGRAPH}${parts.solution[solutionBefore]}`;
    itemBefore = isItem;
  }
  // Each piece ends as a sentence, so a line without a full stop does not run into the next one.
  const join = (p: BriefPart) =>
    parts[p]
      .map((x) => (/[.!?;:]["”')]?$/.test(x.trim()) ? x : `${x.trim()}.`))
      .join(" ")
      .replace(/\s+/g, " ")
      .replace(/\s*\uE000\s*/g, "\n\n")
      .trim();
  const facts: BriefFacts = {
    title: brief.title,
    customer: brief.customer ?? join("customer"),
    problem: brief.problem ?? join("problem"),
    solution: brief.solution ?? join("solution"),
    evidence: brief.evidence ?? join("evidence"),
    business: brief.pricing ?? join("business"),
    metrics: brief.metrics ?? join("metrics"),
    launch: brief.launchDate ?? join("launch"),
    risks: brief.risks ?? join("risks"),
    other: join("other"),
  };
  // A brief written as prose often says what it is in its first unlabelled sentences.
  if (!facts.solution && facts.other) facts.solution = facts.other;
  // "We want to sell centres a €79-a-month service that puts a tag on every item": what it does, said with its price.
  if (!facts.solution && !brief.solution) {
    const described = [facts.business, facts.evidence, facts.problem].flatMap(splitSentences).find((x) => PRODUCT_DOES.test(x));
    if (described) facts.solution = described;
  }
  // "The proposal. Turn the tracker into ... Today a lab manager keeps a list ... and the checks slip.": with no
  // problem part of its own, the solution's sentences that tell of harm today (not of what the product does) are the problem.
  if (!facts.problem && !brief.problem && !brief.solution) {
    const told = splitSentences(facts.solution);
    const harm = told.filter((x, i) => i > 0 && PAIN.test(x) && !SOLUTION_SUBJECT.test(x) && !/\b(?:will|would|can|lets?|helps?)\b/i.test(x) && (product === undefined || !product.test(x)));
    if (harm.length > 0 && harm.length < told.length) {
      facts.problem = harm.join(" ");
      facts.solution = facts.solution.split(/\n\s*\n/).map((p) => splitSentences(p).filter((x) => !harm.includes(x)).join(" ")).filter(Boolean).join("\n\n");
    }
  }
  // "Who it's for: sweeps in the UK. Bethan ... on a Sunday night she types the week's up.": with no problem
  // part of its own, the customer part's story of their day after its first sentence is the problem.
  if (!facts.problem && !brief.problem) {
    const [first, ...rest] = splitSentences(facts.customer);
    if (first && rest.length > 0) {
      facts.customer = first;
      facts.problem = rest.join(" ");
    }
  }
  // A brief that never says "Customer" usually names them in its title or opening sentences:
  // "refills for veterinary clinics", "Letting agencies in England managing 300 to 2,000 flats ...".
  if (!facts.customer) facts.customer = customerNamedFor(brief.title, [facts.problem, facts.other, facts.solution], facts.business);
  return facts;
}

/** A label that is a group of buyers described by what they do: "farms that dry their own corn: ...". */
const CUSTOMER_LABEL = /^((?:[\p{L}'-]+\s+){0,3}?\p{Ll}[\p{L}-]*s\s+(?:that|who|which|with|running|using)\s+[^:]{3,60}?)\s*:\s+(\S.+)$/iu;

/** A line as plain words, for comparing with the title: emphasis and a bullet go. */
function plainLine(line: string): string {
  return line.replace(/^(?:[-*+]\s+)/, "").replace(/(\*\*|__)(.+?)\1/g, "$2").replace(/^\*\*|\*\*$/g, "").trim();
}

/** Marks a piece that starts a paragraph of its own (a list item kept as one): joined as a blank line. */
const PARAGRAPH = "\uE000";

/** A sentence that says what a product does: "a service that puts ...", "an app which lets ...". */
const PRODUCT_DOES = /\b(?:service|app|tool|product|system|platform|device|tag|sensor|kit|software|subscription|check|checklist|form|portal|code|link|card|label|bot)\s+(?:that|which)\s+(?:\p{Ll}+s|can|will|lets)\b|\b(?:the|a|an|our)\s+(?:[\p{L}-]+\s+){0,2}(?:app|tool|system|platform|device|sensor|reader|monitor|tracker|dashboard|bot|prototype)\s+(?:\p{Ll}+(?:s|ed))\b/iu;

/** Plural nouns that name no one in particular, or are not people or organisations at all. */
const NO_ONE = /^(years|months|weeks|days|hours|minutes|everyone|all|users|people|things|ages|customers|businesses|companies|others|times|ones|lots|loads|dollars|pounds|euros|items|products|features|results)$/i;

/**
 * The customer a brief names without saying "Customer": the plural noun phrase after "for" in its title
 * ("X: prescription refills for veterinary clinics" → "Veterinary clinics."), else an opening sentence whose
 * subject is a group described by where or what it is ("Letting agencies in England managing ...",
 * "Small removal firms (2 to 10 vans) still ..."), kept whole. "" when neither.
 */
function customerNamedFor(title: string, parts: string[], business: string): string {
  const openings = parts.flatMap((p) => splitSentences(p).slice(0, 2));
  const forGroup = (text: string) => {
    const group = /\bfor\s+((?:(?:[\p{Ll}-]+|\p{Lu}{2,5})\s+){0,3}\p{Ll}[\p{L}-]*s)\b(?!\s+(?:of|to)\b)/u.exec(text)?.[1];
    return group && !NO_ONE.test(group.split(/\s+/).at(-1) ?? "") ? `${group.charAt(0).toUpperCase()}${group.slice(1)}.` : undefined;
  };
  const inTitle = forGroup(title);
  if (inTitle) return inTitle;
  // "every night our night auditors (62 of them across the 31 hotels) copy ...": an internal tool's users, the company's own staff.
  for (const sentence of openings) {
    const m = /\bour\s+((?:[\p{Ll}-]+\s+){0,2}\p{Ll}[\p{L}-]*s)\s*\((\d[\d,]*) of them\b|\bour\s+(\d[\d,]*)\s+((?:[\p{Ll}-]+\s+){0,2}\p{Ll}[\p{L}-]*s)\b/u.exec(sentence);
    const group = m?.[1] ?? m?.[4];
    const count = m?.[2] ?? m?.[3];
    if (group && count && !NO_ONE.test(group.split(/\s+/).at(-1) ?? "")) return `Our ${count} ${group}.`;
  }
  // "There are about 6,500 grassroots clubs in England with youth sections.": the brief's count of who could buy names them.
  for (const sentence of [...parts, business].flatMap(splitSentences)) {
    // "About 6,000 US suppliers and sleep clinics set up CPAP patients.": an approximate count that opens a sentence counts them too.
    const m = /(?:\b[Tt]here (?:are|is) (?:about |around |roughly |some |over |nearly |almost |an estimated )?|^(?:(?:[Mm]arket|[Hh]ow many|[Ww]ho could buy(?: it)?)\s*:\s*)?(?:[Aa]bout|[Aa]round|[Rr]oughly|[Ss]ome|[Nn]early|[Aa]lmost|[Aa]n estimated) )\d[\d,]*(?:\s?(?:k|thousand|million))?\s+((?:[\p{L}-]+\s+){0,3}?\p{Ll}[\p{L}-]*s\b(?:\s+(?:and|or)\s+(?:[\p{L}-]+\s+){0,2}?\p{Ll}[\p{L}-]*s\b)?(?:\s+(?:in|across|with|that|who)\s+[^.;,]{3,100}(?=[.;,]|$))?)/u.exec(sentence);
    const head = m?.[1]?.split(/\s+(?:in|across|with|that|who)\s+/)[0]?.split(/\s+/).at(-1) ?? "";
    if (m?.[1] && !NO_ONE.test(head) && !/^(?:hours|minutes|days|weeks|months|years|times)$/i.test(head)) return `${upperFirstLetter(m[1].trim())}.`;
  }
  for (const text of openings.slice(0, 2)) {
    const group = forGroup(text);
    if (group) return group;
  }
  for (const sentence of openings) {
    const m = /^(?:(?:most|many|some|all|the)\s+)?((?:[\p{L}'-]+\s+){0,3}?)(\p{Ll}[\p{L}-]*s)(?=\s*\(|\s+(?:in|with|that|who|which|managing|running|across|of|from|on|at)\b)/iu.exec(sentence);
    const noun = m?.[2];
    if (noun && /^\p{Lu}/u.test(sentence) && !NO_ONE.test(noun) && !/\d/.test(m?.[1] ?? "")) return sentence;
  }
  return "";
}

const INLINE_LABEL = /(?:\(\d{1,2}\)\s*)?\*\*[^*\n]{1,60}?[.:?]?\*\*[.:]?(?=\s)|\(\d{1,2}\)\s+(?=[A-Z][A-Za-z' ]{1,40}[:.]\s)/g;

/**
 * A paragraph that runs labelled items together ("(1) **Customer.** ... (2) **Price.** ...") is read as
 * one line per item, so each label names only its own sentences.
 */
function inlineLabels(line: string): string[] {
  const marks = [...line.matchAll(INLINE_LABEL)];
  if (marks.length < 2) return [line];
  const out: string[] = [];
  let start = 0;
  for (const m of marks) {
    if (m.index > start) out.push(line.slice(start, m.index).trim());
    start = m.index;
  }
  out.push(line.slice(start).trim());
  return out.filter(Boolean).map((x) => x.replace(/^\(\d{1,2}\)\s*/, ""));
}

/** The text under a heading, up to the next heading. */
function sectionAfter(lines: string[], index: number): string {
  const out: string[] = [];
  for (const line of lines.slice(index + 1)) {
    if (/^\s*#{1,6}\s/.test(line) || /^\s*\*\*[^*]{1,60}\*\*:?\s*$/.test(line.trim())) break;
    out.push(line);
  }
  return out.join(" ");
}

/**
 * A heading's part, when what stands under it bears it out: a money heading has an amount under it, a
 * launch heading a time, a success heading a number. "The list nobody pays for" over a story with no
 * amount is read by its sentences instead.
 */
function corroborated(part: BriefPart | undefined, section: string, name = ""): BriefPart | undefined {
  // "How big is the market?" over "About 1,300 US firms do this work": a market heading over a count.
  if (part === "business" && /\bmarket\b|\bhow (?:big|many)\b/i.test(name) && /\d|\b(?:hundred|thousand|million)\b/i.test(section)) return part;
  if (part === "business" && !MONEY_AMOUNT.test(section) && !/\bfree\b|\bprice|\bcharg|\bcost|\bengineers?\b/i.test(section)) return undefined;
  if (part === "launch" && !/\d|\b(?:spring|summer|autumn|fall|winter|soon|ready|next|quarter|month|year|week)\b/i.test(section)) return undefined;
  return part;
}

/** A heading or label that names what serving a customer costs us ("Cost to serve, per center per month", "Our costs"), not what it costs them. */
/** "What it costs us", "What each book costs us to make and ship": a cost heading asked as a question; names the unit when it has one. */
const ASKED_COST = /\b(?:what|how much)\s+(?:it|(each|every|one|a|an))\s+(?:([\p{L}-]+)\s+)?(?:costs?|will cost)\s+us\b/iu;
const COST_HEADING = new RegExp(String.raw`^(?:#{1,6}\s+|(?:(?:[-*+]|\d+[.)])\s+)?\*\*|(?:[-*+]|\d+[.)])\s+)?\s*(?:(?:our|monthly|running|operating|serving)\s+)*(?:${ASKED_COST.source}|costs?\b(?!\s+(?:them|the customer|customers|you)))(?:(?!\bprice)[^:])*?:?\**(?:\s*\([^)]{0,120}\))?:?\s*$`, "iu");

/** A line itemisedCosts wrote ("Cost to serve per book: printing: $12.80; postage: $5.20."): one statement, however long. */
const ITEMISED = /^[^:;]{0,80}\b(?:costs?|to serve)\b[^:;]{0,60}:\s*[^;]{1,90}[$£€]\s?\d[\d.,]*(?:;\s*[^;]{1,90}[$£€]\s?\d[\d.,]*)+\.?$/i;

/** A cost item as a sentence: "Hosting: £2.50." (on the label's own line, the amount ends it) or "Support: 2 hours at $46 an hour." */
const AMOUNT_ENDS_ITEM = /^[^:]{2,100}:\s*[^:$£€]*[$£€]\s?\d[\d.,]*\.?$/;
const AMOUNT_IN_ITEM = /^[^:]{2,60}:\s*[^:]*[$£€]\s?\d/;

const withoutStop = (item: string) => item.replace(/[.;]\s*$/, "");

/** The sentences of `text` as cost items, when there are two or more and every one is an item; else undefined. */
function sentenceItems(text: string, item: RegExp): string[] | undefined {
  const sentences = splitSentences(text);
  return sentences.length >= 2 && sentences.every((x) => item.test(x)) ? sentences.map(withoutStop) : undefined;
}

/**
 * An itemised cost under its heading is one statement: the heading followed by two or more bullets
 * that each name an amount ("- Hosting: $21", "- Support: 2 hours at $46 an hour") becomes one line,
 * "Cost to serve, per center per month: Hosting: $21; Support: 2 hours at $46 an hour", which the
 * economics model adds up.
 */
function itemisedCosts(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    out.push(line);
    // "Running costs per society per month: Texts: £4.00. Hosting: £2.50.": the label and its items on one line.
    const inline = /^((?:[-*+]|\d+[.)])\s+)?([^:]{2,70}):\s+(.*)$/.exec(line.trim());
    const onItsLine = inline?.[2] && inline[3] && COST_HEADING.test(`${inline[2]}:`) ? sentenceItems(inline[3], AMOUNT_ENDS_ITEM) : undefined;
    if (inline?.[2] && onItsLine) {
      out[out.length - 1] = `${inline[2]}: ${onItsLine.join("; ")}.`;
      continue;
    }
    if (!COST_HEADING.test(line.trim())) continue;
    const items: string[] = [];
    let j = i + 1;
    // An item is short and names one amount ("- hosting: £3", "- $4 text messages"); a sentence after the list is not one.
    const isItem = (l: string) => /^\s*([-*+]|\d+[.)])\s+.*[$£€]\s?\d/.test(l) && l.trim().length <= 90 && (l.match(/[$£€]\s?\d/g) ?? []).length === 1;
    // "## Costs" then "Our operations lead has costed each site visit ...:": a line that introduces the list belongs to the heading.
    const intro = /^[^-*+\d#|].{10,200}:\s*$/.test((lines[j] ?? "").trim()) && isItem(lines[j + 1] ?? "") ? (lines[j] ?? "").trim().replace(/:\s*$/, "") : undefined;
    if (intro) j += 1;
    while (j < lines.length && isItem(lines[j] ?? "")) items.push(withoutStop(stripBullet((lines[j] ?? "").trim()))), j++;
    // The same list written as sentences on the next line: "Hosting: $21. Texts: $26. Support: 2 hours at $46 an hour."
    const onNextLine = items.length === 0 ? sentenceItems(lines[j] ?? "", AMOUNT_IN_ITEM) : undefined;
    if (onNextLine) {
      items.push(...onNextLine);
      j += 1;
    }
    if (items.length < 2) continue;
    // A "Total per visit: £13.90" line is the list's own sum: it is the cost, and it names the basis.
    const total = items.find((x) => /^\W*total\b/i.test(x));
    const basis = /\b(?:per|a|an|each)\s+[\p{L} -]{2,30}$/iu.exec((total ?? "").split(":")[0] ?? "")?.[0] ?? (intro ? /\beach\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)/iu.exec(intro)?.[0] : undefined);
    // "What each book costs us to make and ship" names a cost to serve per book.
    const question = ASKED_COST.exec(line);
    const asked = question?.[1] ? question[2] : undefined;
    const name = asked ? `Cost to serve per ${asked}` : `${line.trim().replace(/^#{1,6}\s+/, "").replace(/^(?:[-*+]|\d+[.)])\s+/, "").replace(/\*\*/g, "").replace(/\s*\([^)]*\)/g, "").replace(/:\s*$/, "").trim()}${basis && !/\b(?:per|each)\b/i.test(line) ? `, ${basis.replace(/^each\s+(?:[\p{L}-]+\s+)?([\p{L}-]+)$/iu, "per $1")}` : ""}`;
    // A markdown heading stays (it opens a section); a bold or list-item label becomes the combined line itself.
    if (!/^\s*#/.test(line)) out.pop();
    out.push(total ? `${name}: ${total.replace(/^\W*total\b[^:]*:\s*/i, "").replace(/\*+/g, "")}.` : `${name}: ${items.join("; ")}.`);
    i = j - 1;
  }
  return out;
}

/** A chat message's sender and time: "**Tom 09:12:** ...", "[09:12] Tom: ...", "Tom (09:12): ...". */
const CHAT_SENDER = /^\s*\**\s*(?:\[\d{1,2}[:.]\d{2}(?:\s*[ap]m)?\]\s*)?[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*)?\s*(?:\(?\d{1,2}[:.]\d{2}(?:\s*[ap]m)?\)?)?\s*:\s*\**\s*(?=\S)/u;
const HAS_TIME = /\d{1,2}[:.]\d{2}/;
/** "so £13", "total £13", "£13 all in": the sum of the amounts before it. */
const STATED_SUM = /^(?:so|total|in total|that's|thats|altogether|all in|all told)\b[^$£€\d]{0,20}(?:~|about |around |roughly )?[$£€]\s?\d[\d.,]*(?:\s*(?:in (?:all|total)|altogether|all in))?(?:\s+(?:a|an|per|each)\s+\p{L}+){0,2}\.?$/iu;

/**
 * A chat thread read as the brief it is: each message loses its sender and time ("**Ade 09:14:** Helen Marsh ..."),
 * and a short question followed by another message is a label for the answer ("price going forward?" then "£117 a
 * quarter" reads "price going forward: £117 a quarter"). A cost answer that ends with its own sum ("... hosting ~£2.
 * support ~£3.80. so £13") states the sum first. A thread is three or more messages with a sender and a time.
 */
function chatTurns(lines: string[]): string[] {
  const messages = lines.filter((l) => CHAT_SENDER.test(l) && HAS_TIME.test(CHAT_SENDER.exec(l)?.[0] ?? ""));
  if (messages.length < 3) return lines;
  const out: string[] = [];
  let question: string | undefined;
  for (const raw of lines) {
    const sent = CHAT_SENDER.exec(raw);
    const line = sent && HAS_TIME.test(sent[0]) ? raw.slice(sent[0].length).replace(/\*\*/g, "").trim() : raw;
    if (!line.trim()) {
      out.push(line);
      continue;
    }
    const asked = /^(?:(?:and|so|ok|okay|right|also|what about|how about)\b[,\s]*)*(.{3,60}?)\?\s*$/i.exec(line);
    if (asked?.[1] && asked[1].split(/\s+/).length <= 8 && !/[.!]/.test(asked[1])) {
      question = asked[1].replace(/^(?:the|your)\s+/i, "");
      continue;
    }
    if (!question) {
      out.push(line);
      continue;
    }
    const sentences = splitSentences(line);
    const sum = sentences.length > 1 && COST_HEADING.test(`${question}:`) && STATED_SUM.test(sentences.at(-1) ?? "") ? sentences.at(-1) : undefined;
    // An answer with a label of its own ("members who play live twice a month: ~38,000") keeps it.
    out.push(sum ? `${question}: ${sum.replace(/^(?:so|total|in total|that's|thats|altogether|all in|all told)\b[\s:,]*/i, "")}` : /^[^:]{2,90}:\s/.test(line) ? line : `${question}: ${line}`);
    if (sum) out.push("", sentences.slice(0, -1).join(" "));
    question = undefined;
  }
  return out;
}

/**
 * Markdown table rows read as labelled lines: "| Price | $49 per lot |" becomes "Price: $49 per lot";
 * a row of a wider table names each cell by its column ("Month: June; Orders: 40"). Separator and
 * empty rows go.
 */
function tableRowsAsLabels(lines: string[]): string[] {
  const out: string[] = [];
  let headers: string[] | undefined;
  lines.forEach((line, i) => {
    if (!/^\s*\|.*\|\s*$/.test(line)) {
      headers = undefined;
      out.push(line);
      return;
    }
    const cells = line.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
    if (cells.every((c) => /^:?-*:?$/.test(c))) return;
    const next = lines[i + 1] ?? "";
    if (/^\s*\|?\s*:?-{2,}/.test(next)) {
      headers = cells;
      // A header row of a key/value table says nothing; one with names is kept for the rows under it.
      if (cells.length > 2 && cells.some(Boolean)) out.push(cells.filter(Boolean).join(", "));
      return;
    }
    // Each row is its own sentence: a row's value rarely ends with a full stop.
    const stop = (t: string) => (/[.!?]$/.test(t) || t === "" ? t : `${t}.`);
    if (cells.length === 2) out.push(stop(cells[0] ? `${cells[0]}: ${cells[1]}` : cells[1] ?? ""));
    else out.push(stop(cells.map((c, j) => (headers?.[j] && j > 0 ? `${headers[j]} ${c}` : c)).filter(Boolean).join("; ")));
  });
  return out;
}

/**
 * A paragraph that opens with a short heading run into its text ("What we tried. In November we gave ...",
 * "Money. £140 a year per shop.", "How we'll know. 300 paying shops ...") is read as if the heading were a
 * label: a question-word phrase of up to five words, or up to three words with no person as subject, that
 * names a part. A sentence that says something ("We tried.", "Nobody pays.") is not a heading.
 */
function runInHeading(line: string, startsParagraph: boolean): string {
  if (!startsParagraph) return line;
  const m = /^([A-Z][A-Za-z'’ -]{1,40}?)\.\s+(?=\S)/.exec(line);
  const phrase = m?.[1];
  if (!m || !phrase) return line;
  const words = phrase.trim().split(/\s+/);
  const question = /^(?:what|how|who|why|when|where|which)$/i.test(words[0] ?? "") && words.length <= 5;
  const noun = words.length <= 3 && !words.some((w) => /^(?:i|we|you|they|he|she|it|nobody|everyone|no one|someone|this|that)$/i.test(w));
  return (question || noun) && partOf(phrase) ? `${phrase}: ${line.slice(m[0].length)}` : line;
}

function partOf(name: string): BriefPart | undefined {
  return PART_NAMES.find(([, re]) => re.test(name))?.[0];
}

/** A sentence about what the product does: its subject is the product, or "we" doing it now or later. */
const SOLUTION_SUBJECT = /^(?:it|this|the (?:app|tool|product|service|platform|system|device|kit|software|sensor|bot|assistant|dashboard|feature)|our (?:app|tool|product|service|platform|system|device))\s+(?:will\s+|would\s+|can\s+)?\p{Ll}+s?\b|^we(?:'ll| will| would|'d| can)?\s+(?!(?:sat|counted|found|saw|asked|interviewed|ran|tried|tested|measured|spoke|talked|visited|watched|studied|surveyed|checked|looked|were|had|did|knocked|built|spent|learned|learnt|heard|got|came|went|started|set|put|rang|called)\b)\p{Ll}+\b/iu;
/** Parts a sentence without a cue of its own continues from the sentence before it (a story about the customer, the pain or a trial). */
const CONTINUED: ReadonlySet<BriefPart> = new Set(["customer", "problem", "evidence"]);

function classify(sentence: string, product: RegExp | undefined, topic: BriefPart | undefined, seenSolution: boolean): BriefPart {
  const cue = SENTENCE_CUES.find(([, re]) => re.test(sentence))?.[0];
  // "StopWatch sends parents a text...": a sentence whose subject is the product describes the solution,
  // unless it names a price, a launch, a trial or a risk.
  if ((product?.test(sentence) || SOLUTION_SUBJECT.test(sentence)) && (cue === undefined || cue === "problem" || cue === "customer")) return "solution";
  if (cue) return cue;
  if (topic && CONTINUED.has(topic)) return topic;
  // In the opening paragraph, before anything has said what the product does, a sentence with no cue tells the customer's situation.
  return seenSolution ? "solution" : "problem";
}

/** The product name: the title up to a colon or dash ("RefillReady: refills for vets" → "RefillReady"). */
export function productName(title: string): string {
  const head = title.split(/\s*[:–—|]\s*|\s+-\s+/)[0]?.trim() ?? title;
  const name = head.replace(/\s+(for|by|to)\s+.*$/i, "").trim();
  return name || title.trim();
}

/** Matches a sentence that opens with the product's name, when the title gives one short enough to be a name. */
function productSubject(title: string): RegExp | undefined {
  const name = productName(title);
  if (!name || name.split(/\s+/).length > 3) return undefined;
  return new RegExp(`^(the )?${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i");
}

/** A lead-in addressed to the reader, not about the idea: "For anyone new:", "For those who missed Monday:". */
const READER_ASIDE = /^for (?:anyone|those|everyone|people|newcomers)(?: who)?(?: (?:new|joining|missed [^:]{1,30}|weren't there|wasn't there))?\s*:\s*/i;

/** A lead-in naming what a sentence is about: "As for the problem, ...", "Regarding price: ...", "On the risks, ...". */
const LEAD_IN = /^(?:as for|as to|regarding|concerning|about|on)\s+(?:the\s+|our\s+)?([a-z][a-z'’ ]{1,40}?)\s*[,:]\s+/i;

function upperFirstLetter(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The frame of an email: header lines, the greeting and the sign-off say nothing about the idea. */
const EMAIL_FRAME = /^(?:(?:[Ff]rom|[Tt]o|[Cc]c|[Bb]cc|[Dd]ate|[Ss]ent|[Ss]ubject):\s.*|(?:(?:[Hh]i|[Hh]ello|[Dd]ear|[Hh]ey)\s+)?[A-Z][\p{L}'-]+(?:\s+(?:and|&)\s+[A-Z][\p{L}'-]+)?,|(?:[Hh]i|[Hh]ello|[Dd]ear|[Hh]ey)\s+[A-Z][\p{L}'-]+|(?:[Hh]i|[Hh]ello|[Hh]ey|[Dd]ear)\s+(?:all|everyone|team|folks|there|both|guys)[,.!]?|(?:[Tt]hanks|[Tt]hank you|[Bb]est|[Rr]egards|[Cc]heers|[Bb]est regards|[Kk]ind regards)[,.!]?|[A-Z][\p{Ll}'-]+)$/u;

/** A line written without full stops: long, with hardly any sentence ends. Only such lines are read clause by clause. */
function isRunOn(line: string): boolean {
  const ends = (line.match(/[.!?](\s|$)/g) ?? []).length;
  return line.length > 300 && ends <= line.length / 400;
}

/** A run-on "sentence" (a brief written without full stops) is read clause by clause: after its semicolons, split at top-level commas. */
function clauses(sentence: string): string[] {
  if (sentence.length <= 240) return [sentence];
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sentence.length; i++) {
    const ch = sentence[i];
    if (ch === "(") depth += 1;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (ch === "," && depth === 0 && sentence[i + 1] === " " && !/\d/.test(sentence[i + 2] ?? "")) {
      out.push(sentence.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(sentence.slice(start).trim());
  // Only worth it when the pieces are clauses, not a list of words.
  return out.length >= 4 && out.every((c) => c.split(" ").length >= 3) ? out.filter(Boolean) : [sentence];
}

function stripBullet(line: string): string {
  return line.replace(/^([-*+]|\d+[.)])\s+/, "");
}

// Words a full stop ends without ending the sentence: "e.g. a clinic", "approx. 40", "vs. last year".
const ABBREVIATION = /(?:^|\s)(?:e\.g|i\.e|vs|approx|incl|esp|no|nos|dept|est|avg|fig|cf|ca|c|pp)\.$/i;

/**
 * Splits prose into sentences, keeping decimals ("4.5") and common abbreviations intact. Casual writing
 * starts sentences in lower case ("we weighed it. 8 salons, 4 weeks"): a full stop before a lower-case word
 * ends a sentence too, unless it ends an abbreviation ("etc." before a lower-case word, too).
 */
export function splitSentences(text: string): string[] {
  const flat = text.replace(/\s+/g, " ");
  const out: string[] = [];
  let start = 0;
  for (const m of flat.matchAll(/(?<=[.!?])\s+(?=["“(]?[A-Za-z0-9£$€])/g)) {
    const before = flat.slice(start, m.index);
    const lower = /^[a-z]/.test(flat.slice((m.index ?? 0) + m[0].length));
    if (ABBREVIATION.test(before) || (lower && /(?:^|\s)(?:\p{L}|etc|mo|wk|yr|min|max)\.$/iu.test(before))) continue;
    out.push(before);
    start = (m.index ?? 0) + m[0].length;
  }
  out.push(flat.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}
