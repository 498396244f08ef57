import { z } from "zod";
import type { BriefFacts, BriefPart } from "./brief.js";
import { absoluteClaims } from "./claims.js";
import { computeEconomics, EconomicsProblemSchema, EconomicsSchema } from "./economics.js";
import { productName } from "./brief-facts.js";
import { LedgerSchema, ledgerFromFacts, type LedgerEntry } from "./ledger.js";
import { buildEffort } from "./quantities.js";

/** How far the idea has come: no customer evidence, customers have used something, or customers pay. */
export const StageSchema = z.enum(["hypothesis", "validated", "growth"]).describe("hypothesis: no customer evidence; validated: interviews, a pilot or a prototype in front of customers; growth: paying customers");
export type Stage = z.infer<typeof StageSchema>;

/** What has been built or tried: nothing, a mock-up customers looked at, a working prototype or pilot, a shipped product. */
export const MaturitySchema = z.enum(["nothing", "mock-up", "prototype", "shipped"]);
export type Maturity = z.infer<typeof MaturitySchema>;

export const DoorSchema = z.enum(["one-way", "two-way"]).describe("one-way: hard to reverse (hardware, regulation, long contracts, large builds); two-way: cheap to undo");
export type Door = z.infer<typeof DoorSchema>;

const Cited = z.object({ text: z.string(), sources: z.array(z.string()) });

/** Everything the meeting knows about the brief before anyone speaks: built once at intake, shared by both engines. */
export const AnalysisSchema = z.object({
  ledger: LedgerSchema,
  economics: EconomicsSchema,
  /** Money problems that decide the meeting on their own. */
  economicsProblems: z.array(EconomicsProblemSchema),
  /** Absolute claims; `blocking` when the product rests on them (they stand in what it does or promises). */
  claims: z.array(Cited.extend({ phrase: z.string(), blocking: z.boolean() })),
  stage: StageSchema,
  stageWhy: Cited,
  maturity: MaturitySchema,
  door: DoorSchema,
  doorWhy: Cited,
  representative: z.object({ name: z.string(), role: z.string(), sources: z.array(z.string()) }).nullable(),
  /** What the team asks for, as the brief says it, or null. */
  ask: Cited.nullable(),
  /** The brief says the product is already built: the PR/FAQ would justify a decision already made. */
  alreadyBuilt: Cited.nullable(),
  /** The brief asks the document to justify what is already decided ("show the board it was the right call"). */
  afterTheFact: Cited.nullable().default(null),
  /** The brief says it is several products in one ("one app for everything a crew member needs", "all seven modules"). */
  bundled: Cited.nullable().default(null),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

const PAYING = /\b(\d[\d,]*\s+(?:paying|subscrib\w*)\s+\w+|paying (?:customers|clients|users|subscribers)|customers? (?:already )?(?:pay|paid|are paying)|(?:arr|mrr)\b|revenue of [$£€]\d|renew(?:ed|als?)\b|already (?:sell|charge|invoice)|(?:^|\bwe |\bhave |\bhas )sold \d[\d,]*\b)/i;
/** A try of the product: a pilot, a trial, a test over a stated time, or "we checked/ran/replayed ...". */
const TRIED = /\b(pilot(?:ed|s)? (?:at|with|in|of|across|for|over|run)|(?:a|an|our|the|in a|\d+-\w+) pilot\b|trial\w*|tested|test (?:at|with|of|on|in)|\d+-(?:day|week|month) test|beta|prototype|ran it|we (?:ran|checked|replayed|tried|measured|back-?tested|ran|piloted|used it)|we (?:gave|lent|loaned|handed) (?:\d+|a few|some|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|replay\w*|back-?test\w*|time study|by hand|manually|concierge|pre-?orders?|letters? of intent|signed up|deposits?|waitlist|(?:for|over|during|in) (?:a |an |the )?(?:\d+|one|two|three|four|five|six|eight|ten|twelve)[- ](?:days?|weeks?|months?|quarters?)|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:days?|weeks?|months?) (?:at|with|in|across|of)\b(?! (?:the |a )?(?:year|month|week)))\b/i;
/** In the evidence part, beside measured results: a try named as such ("Trial: ...") or one that lasted a stated time ("10 weeks, 3 installers"). */
const TRIED_OR_LASTED = new RegExp(`${TRIED.source}|^(?:tried|trial|pilot|tested|test|beta)\\s*:|\\b(?:\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[- ](?:days?|weeks?|months?)\\b`, "i");
/** The document asked for to justify a decision already made. */
const AFTER_THE_FACT = /\b(?:show|prove|convince) (?:the board|them|leadership|management|the exec\w*|everyone) (?:that )?(?:it|this) was the right (?:call|decision|choice)|\bjustify (?:it|the spend|the decision|the investment)\b|\bmake the case for it\b|\bpresents? [^.]{0,40} as a new (?:product )?launch\b|\bafter the fact\b/i;
/** The brief saying no customer has seen or used it. */
const NOT_SEEN = /\bwithout (?:a |any )?(?:pilot|trial|test)\b[^.]{0,40}\b(?:without )?(?:showing|testing|trying) it\b|\bwithout (?:showing|testing|trying) it (?:to|with|on)\b|\b(?:have not|haven't|has not|hasn't|not) yet (?:signed|got|won|found) (?:any )?(?:customers?|clients?|buyers?|letters? of intent|contracts?|pre-?orders?)\b|\b(?:haven't|have not|hasn't|has not|never|not yet) (?:yet )?(?:been )?(?:shown|tested|tried|piloted|seen|used|put)\b[^.]{0,30}\b(?:customers?|users?|anyone|clients?|buyers?)\b|\bno (?:customer|user|client|buyer)s? (?:has|have) (?:yet )?(?:seen|used|tried|tested)\b/i;
/** What was measured happening: a change with numbers, or customers doing something. */
const OBSERVED = /\bbefore\b[^.]*\b(?:with|after)\b|\binstead of\b|\bagainst \d|\b(fell|rose|dropped|went (?:up|down|from)|cut|increased|decreased|grew|reduced|improved|halved|doubled|saved|filled|found|flagged|caught|answered|signed|booked|used|returned|renewed|completed|accepted|converted|paid|bought|ordered|re-?ordered|raised|lowered|earned|made|showed|matched|chose|kept|switched|stayed|stopped|prevented|blocked|avoided|asked (?:us )?to (?:keep|carry on|continue|stay)|(?:we|they) did \d+|confirm(?:s|ed)|measured|timed|counted|logged|recorded|weighed|clocked)\b/i;
const MOCKUP = /\b(paper (?:prototype|mock-?up)|mock-?ups?|wireframes?|figma|clickable|storyboard|sketch(?:es)?|landing page|slides?|demo video|fake door)\b/i;
const INTERVIEWS = /\b(interview\w*|spoke (?:to|with)|talked (?:to|with)|conversations? with|shadow\w*|observed|watched)\b/i;
const INTENT_ONLY = /\b(survey\w*|said they would|would (?:try|use|pay|buy|love)|interested|liked the idea|love the idea|excited)\b/i;
const SHIPPED = /\b(in production|feature[- ]complete|spent (?:the )?(?:last |past )?\d+ (?:months|years) (?:building|developing|on)|passes all qa|ready to (?:ship|launch)|already (?:built|shipped|launched|live|running)|has been (?:built|live|running)|(?:engineering|we|the team) (?:has )?(?:finished|completed|built|shipped) [^.]{0,60}\b(?:last|this) (?:month|quarter|year|week)|after \d+ months of (?:development|building|engineering|work)|is (?:now )?live (?:at|with|in)|(?<!\b(?:when|once|until|after|if|before) )(?:it|the (?:module|product|feature|app|system|platform|build|work|development|code)) is (?:now )?(?:finished|complete|done|built)|went live (?:at|in|across|on)|passed (?:uat|qa|acceptance|user acceptance)\w*|code[- ]complete|(?:announced|unveiled|launched) (?:it )?on stage)\b/i;
const ONE_WAY = /\b(hardware|devices? we (?:build|make|manufacture)|manufactur(?:e[sd]?|ing)\b|drones?|vehicles?|(?:buy|buying|lease|leasing|build|building|own|owning|run|running) (?:a |an |our |its )?(?:own |new )?fleet|robots?|kiosks?|warehouses? (?:we|of our own)|lease|exclusive|multi-?year contract|(?:fda|faa|ce|fca|regulatory) (?:approval|clearance|certification)|licen[cs]e from|migrat\w*|replac\w* (?:the|our|their) (?:core|billing|system of record|erp|platform)|rewrite|rewriting|re-?platform\w*|capital|factory|physical (?:stores?|locations?))\b/i;
/** A brief saying it is several products sold as one: "one app for everything ...", "all six modules", "none offers all seven in one place". */
const BUNDLED = /\b(?:(?:everything|all) (?:she|he|they|customers?|owners?|members?) (?:asked for|needs?|wants?) in one (?:package|place|app|subscription|bundle)|the whole (?:package|bundle|suite)\b|one (?:app|subscription|platform|login|place|tool|system|product) for (?:everything|the whole|all (?:the|their|your|of))\b|all (?:\d+|three|four|five|six|seven|eight|nine|ten) (?:of (?:them|these|the) )?(?:modules|products|apps|tools|services|features)\b|(?:\d+|four|five|six|seven|eight|nine|ten) (?:modules|products|apps|tools|services) in one\b|none (?:offers|has|does) all (?:\d+|three|four|five|six|seven|eight|nine|ten)\b)/i;
const ASK = /\b(?:we(?:'re| are)? ask(?:ing)? for|the ask(?: is)?|we need|we request|requesting|funding (?:of|for)|budget (?:of|for)|asking for)\b[^.]*[.]?/i;

/** "Representative customer: Dana, ...", "for example, Carmen, housekeeping manager at ...", "Meet Tom, who ...". */
const REPRESENTATIVE = /(?:[Rr]epresentative(?:\s+(?:customer|user|buyer|one|member|client))?(?:\s+is)?|[Ff]or example|[Ff]or instance|e\.g\.|[Mm]eet|Take|such as|[Aa] typical (?:[\p{Ll}-]+ ){0,2}?(?:one|customer|user|buyer|client|[\p{Ll}-]+)(?: is)?|[Ll]ike)\s*[:,]?\s*([A-Z][\p{Ll}'-]+(?:\s[A-Z][\p{Ll}'-]+)?)(?:,\s*(?:who\s+)?|\s+(?:is|was|runs|manages|owns|works)\s+|\s+(?=\p{Ll}))((?:the |a |an )?[^.;]+)/u;
/**
 * Any person the brief tells about doing something: a capitalised word (never written in lower case in
 * the brief, not a place or the product) followed, after an optional appositive, "who", parenthesis or
 * "at ...", by a verb: "Bethan sweeps around Builth Wells", "Marisol (runs 2 stores) said", "like Dwayne spends".
 */
const PERSON_DOING = /(?:^|[|:(;]\s*|\.\s+|\blike\s+|\bmy\s+\p{Ll}+\s+|\b(?:said|says|according to)\s+)((?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z][\p{Ll}-]{2,})(?!'s\b)(?=(,\s*who\s+\p{Ll}+[^.;|]*|(?:,\s*(?:who|a|an|the|our|at|in|from|on|with|for|by)\b[^,]{0,80},?|\s*\([^)]{0,80}\)|\s+at\s+[^,.]{0,50})?\s+(?:\p{Ll}{2,}s|\p{Ll}{2,}ed|has|had|does|did|told|said|kept|took|ran|spent|found|got|is|was)\b[^.;|]*))/u;
/** A person named with an appositive anywhere in a sentence: "which takes Mikko, an ice technician in Tampere, around two hours". */
const APPOSITIVE = /\b([A-Z][\p{Ll}-]{2,})(?=(,\s+(?:(?:a|an|our)\s+)?\p{Ll}[^,.;|]{2,80},[^.;|]*))/u;
/** A customer quoted by name and role: "said Denise, wardrobe manager at a Dayton rental house", "says Travis, who runs two rigs". */
const QUOTED_BY = /\b(?:said|says|explains|explained|adds|added|told us)\s+([A-Z][\p{Ll}'-]{2,})(?:\s[A-Z][\p{Ll}'-]+)?(?=(,\s+(?:who\s+)?[^.;|"”]{3,100}))/u;
/** A customer's business named by its owner's name: "I've been sat in Tasha's salon in Bristol". */
const POSSESSIVE = /\b([A-Z][\p{Ll}-]{2,})['’]s\s+(\p{Ll}[\p{L}-]+(?:\s+(?:in|at|near|on)\s+[A-Z][\p{L}-]+)?)/u;
/** A person named after their role: "the owner, Dale, said most of them call back", "our head porter, Sue, walks". */
const ROLE_THEN_NAME = /\b((?:the|a|an|one|our)\s+(?:[\p{Ll}-]+\s+){0,3}?[\p{Ll}-]+),\s+([A-Z][\p{Ll}-]{2,}),\s+(?=(?:said|says|told|explained|added|\p{Ll}{2,}s)\b)/u;
/** A person the author spent time with: "I sat with Bev on Tuesday's late shift" (counted when the brief goes on about them). */
const SAT_WITH = /\b(?:sat with|shadowed|watched|visited|spent (?:a|the|an) [\p{Ll}-]+ with|rode along with|followed)\s+((?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?[A-Z][\p{Ll}-]{2,})\b(?=([^.;|]{0,60}))/u;
/** Roles that speak for the company, not as its customer. */
const SPOKESPERSON = /\b(?:founder|co-founder|ceo|cto|coo|cfo|cpo|chief|president|vp|head of|director of|our|we)\b/i;
/** A person the brief tells about: "Giulia manages 28 hectares", "Margaret, 74, in Rotherham, looks after", "Kwame is one of our adjusters". */
const PERSON_SUBJECT = /(?:^|[|:]\s*|\.\s+)([A-Z][\p{Ll}'-]{2,}(?:\s+[A-Z][\p{Ll}'-]{2,})?)(,\s*(?:\d{2},\s*)?(?:the|a|an|our)\s+\p{Ll}[^,.;|]{2,70},\s+\p{Ll}+\b[^.;|]*|(?:,\s*\d{2},)?(?:,?\s*(?:in|from|at)\s+[^,]+,)?(?:,\s*who)?\s+(?:(?:is|was)(?=\s+(?:a|an|the|one|our|\d))|owns|manages|runs|works|looks after|cares for|leads|teaches|drives|farms|keeps|coordinates|schedules|has run|has managed|spends|does|directs|reads|handles|books|sells|buys|orders|plans|hires|answers|tracks|checks|visits|serves|treats|oversees|supervises|lives|uses|writes|fixes|repairs|builds|installs|inspects|delivers|collects|ships|tunes|cleans|cooks|bakes|grows|breeds|trains|coaches)\b[^.;|]*)/u;
const PLACES = /^(London|Paris|Texas|Florida|Georgia|Ohio|England|Scotland|Wales|Ireland|Europe|America|Canada|California|Berlin|Madrid|Lisbon|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|North|South|East|West|Northern|Southern|Eastern|Western|Midlands|Christmas|Easter|Halloween|Thanksgiving|Ramadan|Diwali|Hanukkah|Passover|January|February|March|April|May|June|July|August|September|October|November|December|Today|Every|Each|Last|Next|Most|Our|Their|His|Her|Its|Customers|Users|Pilots?|Owners?|Managers?)$/;
const NOT_NAMES = new Set(["Launch", "Success", "Goal", "Goals", "Target", "Price", "Pricing", "Cost", "Costs", "Risk", "Risks", "Pilot", "Trial", "Market", "Build", "Customer", "Problem", "Solution", "Evidence", "Metrics", "Timeline", "Budget", "Return", "Revenue", "For", "From", "Such", "Dear", "Everything", "Nothing", "Something", "After", "Before", "When", "While", "Since", "Because", "Once", "Until", "Today", "Tomorrow", "Yesterday", "Eleven", "Twelve", "Twenty", "Thirty", "Forty", "Fifty", "Hundreds", "Thousands", "Leadership", "Management", "Sales", "Marketing", "Finance", "Engineering", "Operations", "Product", "Everybody", "Everyone", "Anyone", "Anybody", "Nobody", "Someone", "Somebody", "People", "Parents", "Teachers", "Patients", "The", "Our", "A", "An", "This", "That", "These", "Those", "It", "We", "They", "Customers", "Users", "Most", "Many", "Some", "All", "Every", "Each", "Small", "Large", "Independent", "US", "UK", "EU", "What", "Who", "Why", "How", "Where", "Which", "Whose", "Whom", "She", "He", "Her", "His", "Him", "They", "Them", "You", "Your", "Mine"]);

/**
 * The brief's representative customer: the first person found by the most explicit form first ("Meet
 * Tom", "Kwame is one of our adjusters", "Bex, who tattoos", "Mikko, an ice technician"). A bare
 * capitalised word before a verb counts only when the brief goes on about them (the name again, or
 * "she"/"he" in that sentence or the next).
 */
function findRepresentative(candidates: LedgerEntry[], facts: LedgerEntry[], allText: string, isName: (n: string) => boolean): Analysis["representative"] {
  // A bare capitalised word is a person only when the brief goes on about them (the name again, or "she"/"he" here or next).
  const toldAbout = (name: string, e: LedgerEntry) =>
    (allText.match(new RegExp(`\\b${name}\\b`, "g")) ?? []).length >= 2 || /\b(?:she|he|her|his|him)\b/i.test(`${e.text} ${facts[facts.indexOf(e) + 1]?.text ?? ""}`);
  const plainRole = (m: RegExpMatchArray) => (m[2] ?? "").replace(/^,\s*(?:who\s+)?/, "").replace(/^(the|a|an) /i, "").replace(/^\d+,\s*/, "").trim();
  // Each form, most explicit first: where its name stands, what the person's role reads as, and what else must hold.
  const forms: { re: RegExp; name?: (m: RegExpMatchArray) => string | undefined; role?: (m: RegExpMatchArray) => string; holds?: (m: RegExpMatchArray, e: LedgerEntry, name: string) => boolean }[] = [
    { re: REPRESENTATIVE },
    { re: QUOTED_BY, holds: (m) => !SPOKESPERSON.test(m[2] ?? "") },
    { re: PERSON_SUBJECT },
    {
      re: PERSON_DOING,
      // "like Dwayne spends", "Bex, who tattoos", "Marisol (runs 2 stores)": the form itself says it is a person.
      holds: (m, e, name) => toldAbout(name, e) || /\b(?:like|my\s+\p{Ll}+|said|says|according to)\s+$/u.test(e.text.slice(0, (m.index ?? 0) + m[0].indexOf(name))) || /^(?:,|\s*\()/.test(m[2] ?? ""),
    },
    { re: APPOSITIVE },
    { re: ROLE_THEN_NAME, name: (m) => m[2], role: (m) => (m[1] ?? "").replace(/^(?:the|a|an|one)\s+/i, ""), holds: (m) => !SPOKESPERSON.test(m[1] ?? "") },
    { re: SAT_WITH, role: (m) => `met by the author${(m[2] ?? "").trimEnd()}`, holds: (_m, e, name) => toldAbout(name, e) },
    {
      // "Tasha's salon": the owner of one of the customers the brief counts, when it names that kind of customer again.
      re: POSSESSIVE,
      role: (m) => `whose ${m[2] ?? ""} the brief describes`,
      holds: (m) => (allText.match(new RegExp(`\\b${(m[2] ?? "").split(/\s+/)[0] ?? ""}s?\\b`, "gi")) ?? []).length >= 2,
    },
  ];
  const typical = typicalPerson(candidates, facts, isName);
  if (typical) return typical;
  for (const form of forms) {
    for (const e of candidates) {
      for (const m of e.text.matchAll(new RegExp(form.re.source, `${form.re.flags}g`))) {
        const name = form.name ? form.name(m) : m[1];
        if (!name || !isName(name) || (form.holds && !form.holds(m, e, name))) continue;
        return { name: fullName(e.text, name, isName), role: (form.role ?? plainRole)(m), sources: [e.id] };
      }
    }
  }
  return null;
}

/** A sentence that presents someone as typical of the customers: "X is typical of the 14 firms", "whom reception describe as typical", "the person we have in mind". */
const TYPICAL = /\b(?:is|are|was|are all|is still)\s+(?:(?:pretty much|very|quite|fairly|a|the|our|so)\s+)*(?:typical|representative)\b|\b(?:is|was) (?:a )?(?:good|fair|classic|perfect) example\b|\bthe (?:person|customer|user|buyer|member|guy|woman|man|one|owner|manager|parent|family) (?:we|I) (?:picture|imagine|have in mind|built (?:it|this) (?:round|around|for)|keep coming back to|designed (?:it |this )?for|wrote this for)\b|\bso typical\b|\bwhom?\b[^.;]{0,50}\b(?:describes?|calls?|sees?)\b[^.;]{0,25}\bas (?:typical|representative)\b|\bexactly the kind of\b|\bour typical (?:[\p{Ll}-]+ ){0,2}?(?:customer|user|subscriber|member|buyer|client|owner|one)\s+is\b/iu;
/** A person's name as briefs write it: "Sanne de Wit", "Yann Le Goff", "Dr Amara Obi", "Margaret Haigh". */
const FULL_NAME = /(?:(?:Mrs|Mr|Ms|Miss|Dr)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:\s+(?:(?:de|del|della|van|von|der|den|le|la|du|di|da|ter|ten|ap|ab|bin|ibn|al|el|Le|La|De|Van|Von|Du|Di|Da|Al|El)\s+)*\p{Lu}[\p{Ll}'’-]+){0,2}/gu;

/**
 * The person a sentence presents as typical of the customers, by name: in that sentence, or, when it says
 * "she"/"he", in the sentence before. The role is what the brief says beside the name.
 */
function typicalPerson(candidates: LedgerEntry[], facts: LedgerEntry[], isName: (n: string) => boolean): Analysis["representative"] {
  for (const e of candidates) {
    // "Customer: Yann Le Goff, cidrier near Quimper": a customer label whose value is a person is the typical one too.
    // The customer part opening with a person ("Yann Le Goff, cidrier near Quimper, ...") presents them the same way.
    // In the customer part any short label may introduce them ("Whose week this is about: Lukas Brandt, group accountant").
    const label = e.part === "customer" ? "[^:]{2,40}" : "(?:our |the |a )?(?:typical |representative )?(?:customer|user|buyer|client|subscriber|member|person|persona)";
    const opensWithPerson = new RegExp(`^(?:${label}\\s*:\\s*|(?=[^:]*$))(?:(?:Mrs|Mr|Ms|Miss|Dr)\\.?\\s+)?\\p{Lu}[\\p{Ll}'’-]+(?:\\s+\\p{L}[\\p{Ll}'’-]+){0,3}(?:,|(?<=:\\s*\\S.*)\\.\\s*$)`, "u").test(e.text) && (e.part === "customer" || /^[^:]{3,30}:/.test(e.text));
    const said = TYPICAL.exec(e.text);
    if (!said && !opensWithPerson) continue;
    const before = facts[facts.indexOf(e) - 1];
    const sources = /^\s*(?:she|he|they)(?:'s|’s)?\b/i.test(e.text) && before ? [before, e] : [e];
    // "Our typical subscriber is still Lotte Janssen": the name the sentence says is typical comes first.
    const named = said ? new RegExp(FULL_NAME.source, "u").exec(e.text.slice(said.index + said[0].length).replace(/^\s+(?:still\s+|now\s+)?/, "")) : null;
    if (named && named.index === 0 && named[0].split(/\s+/).every((w) => isName(w))) {
      const rest = e.text.slice(e.text.indexOf(named[0], said?.index ?? 0) + named[0].length);
      return { name: named[0], role: (/^\s*[:,]\s*([^;.]{3,90})/.exec(rest)?.[1] ?? clauseOf(e.text)).trim(), sources: [e.id] };
    }
    for (const source of sources) {
      for (const m of source.text.matchAll(FULL_NAME)) {
        // "Remember Lorraine at ...": the name is the part of the capitalised run that reads as one.
        const words = m[0].split(/\s+/);
        const start = words.findIndex((w) => isName(w) || /^(?:Mrs|Mr|Ms|Miss|Dr)\.?$/.test(w));
        if (start < 0) continue;
        const name = words.slice(start).join(" ");
        if (!isName(words[start] ?? "") && !isName(words[start + 1] ?? "")) continue;
        const after = source.text.slice((m.index ?? 0) + m[0].length);
        const lead = source.text.slice(0, m.index ?? 0);
        // A person reads as one: an appositive or a verb follows the name ("Claire Doherty manages", "Margaret Haigh, 78,"),
        // or the sentence names them as the typical one ("Our typical subscriber is still Lotte Janssen").
        const person = /^(?:,|\s*\(|\s+(?:at|in|from|who|is|was|has|had|\p{Ll}{2,}(?:s|ed))\b)/u.test(after) || /\b(?:is|was)\s+(?:still\s+|now\s+)?$|\b(?:like|customer|user|member|subscriber|owner|person|persona)\s*:?\s*$/i.test(lead);
        if (!person) continue;
        // "person: Aoife Brennan. singer-songwriter in Galway, ...": a name on its own, described by the note after it.
        const next = /^\.?\s*$/.test(after) ? facts[facts.indexOf(source) + 1] : undefined;
        const role = /^(?:,\s*\d{2})?,\s*([^,;.]{3,90})/.exec(after)?.[1] ?? /^\s+(?:runs|owns|manages|is|works)\s+([^,;.]{3,90})/.exec(after)?.[1] ?? (next && /^\p{Ll}/u.test(next.text) ? /^[^,;.]{3,90}/.exec(next.text)?.[0] : undefined) ?? clauseOf(source.text);
        return { name, role: role.trim().replace(/^(?:the|a|an)\s+/i, ""), sources: [...new Set([source.id, e.id])] };
      }
    }
  }
  return null;
}

const clauseOf = (t: string) => t.replace(/\s+/g, " ").slice(0, 90);

/** The name as the brief writes it in full: "Pryce" in "Alan Pryce, treasurer ..." is "Alan Pryce"; "Huber" after "Frau" is "Frau Huber". */
function fullName(text: string, name: string, isName: (n: string) => boolean): string {
  if (/\s/.test(name)) return name;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const m = new RegExp(`(?:\\b(Mrs|Mr|Ms|Miss|Dr|Prof|Frau|Herr|Madame|Mme|Señora|Señor|Signora|Signor)\\.?\\s+)?(?:\\b([A-Z][\\p{Ll}'-]+)\\s+)?\\b${escaped}\\b(?:\\s+([A-Z][\\p{Ll}'-]+)\\b)?`, "u").exec(text);
  if (!m) return name;
  const title = m[1] ? `${m[1]}${/^(?:Mrs|Mr|Ms|Dr|Prof)$/.test(m[1]) && text.slice((m.index ?? 0) + m[1].length).startsWith(".") ? "." : ""} ` : "";
  const first = m[2] && isName(m[2]) ? `${m[2]} ` : "";
  const last = m[3] && isName(m[3]) ? ` ${m[3]}` : "";
  return `${title}${first}${name}${last}`;
}

function cite(e: LedgerEntry | undefined): string[] {
  return e ? [e.id] : [];
}

/**
 * Builds the analysis of a brief: its evidence ledger, the economics model's figures and the problems
 * they show, absolute claims, the idea's stage, whether the decision is a one-way door, the named
 * representative customer, the ask, and whether the product is already built. Pure and deterministic.
 */
export function analyseBrief(facts: BriefFacts, answers: { part: BriefPart; text: string }[] = []): Analysis {
  const builder = ledgerFromFacts(facts, answers);
  const factEntries = builder.entries.filter((e) => e.kind === "fact");
  const inPart = (...parts: string[]) => factEntries.filter((e) => parts.includes(e.part));
  const find = (re: RegExp, entries = factEntries) => entries.find((e) => re.test(e.text));

  // Absolute claims: blocking where they describe what the product does, promises or costs.
  const claims = absoluteClaims(factEntries.map((e) => e.text)).map((c) => {
    const entry = factEntries.find((e) => e.text === c.sentence);
    const part = entry?.part ?? "other";
    return { text: c.sentence, phrase: c.phrase, sources: cite(entry), blocking: !["risks", "problem"].includes(part) };
  });
  for (const c of claims) builder.add({ kind: "claim", source: "brief", part: "claims", text: c.phrase, ...(c.sources[0] ? { of: c.sources[0] } : {}) });

  const { economics, problems } = computeEconomics(builder);

  // Stage and maturity, from what was observed.
  const evidence = inPart("evidence", "other", "business", "problem", "customer", "solution");
  const paying = find(PAYING, evidence.filter((e) => /\d/.test(e.text) || e.part === "evidence"));
  const shipped = find(SHIPPED);
  // Measured, not hoped for: a verb of what happened that comes before any "would", "could" or "will".
  const observed = (e: LedgerEntry) => {
    const seen = OBSERVED.exec(e.text);
    // "we'd like 1,200 signed up": a wish, whatever verb follows it.
    const modal = /\b(would|could|might|will|(?:plan|want|hope|aim|like|expect)s? to)\b|['’]d\b/i.exec(e.text);
    return /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|none|all) of\b|^(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s/i.test(e.text) && !!seen && (!modal || modal.index > seen.index) && !MOCKUP.test(e.text);
  };
  // A try and what was measured in it: in one sentence, or a trial named in the evidence part and its results in the next sentences.
  const evidencePart = inPart("evidence");
  // A build plan ("three engineers for eight months") is not a try.
  // Watching today's work ("we shadowed 6 shops for 2 weeks") measures the problem, not the product: it is no try unless the product was there.
  const watchedOnly = (e: LedgerEntry) => /\b(?:shadow(?:ed|ing)|watched|observed|sat (?:in )?with|sat in on)\b/i.test(e.text) && !/\b(?:prototype|pilot|app|tool|mock-?up|beta|version|our (?:product|service)|by hand for)\b/i.test(e.text);
  const tried = find(TRIED, evidence.filter((e) => observed(e) && !buildEffort(e.text) && !watchedOnly(e))) ?? (evidencePart.some(observed) ? find(TRIED_OR_LASTED, evidencePart.filter((e) => !MOCKUP.test(e.text) && !buildEffort(e.text) && !watchedOnly(e))) : undefined);
  const mockup = find(MOCKUP, evidence);
  const interviews = find(INTERVIEWS, evidence.filter((e) => /\d/.test(e.text)));
  const intent = find(INTENT_ONLY, evidence);
  let stage: Stage = "hypothesis";
  let stageWhy: { text: string; sources: string[] };
  // "We haven't shown it to customers yet": the brief's own word that nobody has used it outweighs any inference.
  const unseen = find(NOT_SEEN);
  if (unseen) {
    stageWhy = { text: `No customer has used it, as the brief says: "${unseen.text}"`, sources: [unseen.id] };
  } else if (paying) {
    stage = "growth";
    stageWhy = { text: `Customers already pay: "${paying.text}"`, sources: [paying.id] };
  } else if (tried || interviews || mockup) {
    stage = "validated";
    const e = tried ?? interviews ?? mockup;
    // Said as what was seen: a try of the product, customers interviewed or watched at work, or a mock-up shown.
    const seen = tried ? "Customers have used it" : interviews ? "Customers were interviewed or watched at work" : "Customers reacted to a mock-up";
    stageWhy = { text: `${seen}: "${e?.text ?? ""}"`, sources: cite(e) };
  } else {
    stageWhy = intent
      ? { text: `Only stated intent, nothing observed: "${intent.text}"`, sources: [intent.id] }
      : { text: "The brief reports nothing customers did with it: no pilot, trial, prototype or interviews.", sources: [] };
  }
  const maturity = shipped || (paying && !unseen) ? "shipped" : tried ? "prototype" : mockup ? "mock-up" : "nothing";

  // The door: irreversible commitments or a large build make it one-way.
  const oneWay = find(ONE_WAY, factEntries.filter((e) => e.part !== "problem"));
  const bigBuild = economics.buildCost !== null && economics.lines.some((l) => l.label === "build cost" && /^(\d+) engineers x (\d+(?:\.\d+)?) months/.test(l.formula) && Number(/^(\d+)/.exec(l.formula)?.[1]) * Number(/x (\d+(?:\.\d+)?) months/.exec(l.formula)?.[1]) >= 24);
  const door: Door = oneWay || bigBuild ? "one-way" : "two-way";
  const buildLine = economics.lines.find((l) => l.label === "build cost");
  const doorWhy = oneWay
    ? { text: `Hard to reverse: "${oneWay.text}"`, sources: [oneWay.id] }
    : bigBuild && buildLine
      ? { text: `A large build (${buildLine.formula}) is spent before customers can say no.`, sources: buildLine.sources }
      : { text: "Software that can be piloted and switched off: a wrong call costs a pilot, not the company.", sources: [] };

  // The representative customer, where the brief names one: introduced as such, or a person the customer part tells about.
  const product = productName(facts.title).toLowerCase();
  const allText = factEntries.map((e) => e.text).join(" ");
  // A word the brief also writes in lower case ("tuition goes on autopay") is a common noun, not a name.
  const common = (n: string) => new RegExp(`(?<![.!?:]\\s*|^)\\b${(n.split(" ")[0] ?? "").toLowerCase()}\\b`).test(allText);
  // A title that is a sentence (a chat message's first line) names people, not the product.
  const titleIsName = facts.title.split(/\s+/).length <= 8;
  const isName = (n: string | undefined) => !!n && !/'s$/.test(n) && !NOT_NAMES.has(n.split(" ")[0] ?? "") && n.toLowerCase() !== product && !product.startsWith(`${n.toLowerCase()} `) && !PLACES.test(n) && !common(n) && !(titleIsName && new RegExp(`\\b${n}\\b`).test(facts.title)) && !/(?:ing|tion|sion|ment|ness|ship|ity|ers)$/.test(n);
  const candidates = [...inPart("customer"), ...inPart("problem"), ...inPart("other"), ...inPart("solution"), ...inPart("evidence"), ...inPart("business", "metrics", "launch", "risks")];
  const representative = findRepresentative(candidates, factEntries, allText, isName);

  const justify = find(AFTER_THE_FACT);
  const bundle = find(BUNDLED, factEntries.filter((e) => e.part !== "risks" || /\bnone\b/i.test(e.text)));
  const askEntry = find(ASK, factEntries.filter((e) => /\d|engineer|team|budget|fund/i.test(e.text)));
  // Built and live, unless what went live was a pilot: "without a pilot" is no pilot.
  const built = shipped && !/\b(pilot|trial|prototype)\b/i.test(shipped.text.replace(/\b(?:without|no|not even) (?:a |any )?(?:pilot|trial|prototype)\b/gi, "")) ? { text: shipped.text, sources: [shipped.id] } : null;

  return AnalysisSchema.parse({
    ledger: builder.entries,
    economics,
    economicsProblems: problems,
    claims,
    stage,
    stageWhy,
    maturity,
    door,
    doorWhy,
    representative,
    ask: askEntry ? { text: askEntry.text, sources: [askEntry.id] } : null,
    alreadyBuilt: built,
    afterTheFact: justify && (shipped || built) ? { text: justify.text, sources: [justify.id] } : null,
    // Said in the title, it is quoted from the title, which is no ledger fact.
    bundled: bundle ? { text: bundle.text, sources: [bundle.id] } : BUNDLED.test(facts.title) ? { text: facts.title, sources: [] } : null,
  });
}
