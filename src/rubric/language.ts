import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { documentText, matchesOf, MEASUREMENT, prSentences, prText, quoteList } from "./text.js";

// A comparative adjective: "better", "faster", "more reliable" (not "more than", which counts).
const COMPARATIVE = String.raw`(?:better|faster|easier|simpler|smarter|cheaper|safer|quicker|clearer|stronger|more (?!than\b)[a-z]+)`;

// Sweeping change with no size: "changes the experience completely", "dramatically better", "transforms how
// pools work". A number beside it makes it a claim (HYPE_UNLESS_MEASURED).
const SWEEPING = String.raw`(?:completely|totally|entirely|radically|fundamentally|dramatically|drastically|massively|hugely|vastly|profoundly|utterly)`;
const CHANGE = String.raw`(?:chang(?:e|es|ed|ing)|transform\w*|improv(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|simplif\w*|reinvent\w*|reshap\w*|redefin\w*|rethink\w*|rethought|overhaul\w*|revamp\w*|streamlin\w*|moderni[sz]\w*|boost\w*|increas\w*|lower\w*|better|different|new|faster|easier|smarter|simpler)`;

// Superlatives that are never a claim a customer can check.
const HYPE_ALWAYS = [
  /\brevolutionar(?:y|ies)\b/i,
  /\brevolutioni[sz](?:e|es|ing)\b/i,
  /\bbest[- ]in[- ]class\b/i,
  /\bbest[- ]of[- ]breed\b/i,
  /\bworld[- ]class\b/i,
  /\bgame[- ]?chang(?:ing|er)\b/i,
  /\bnext[- ]gen(?:eration)?\b/i,
  /\bcutting[- ]edge\b/i,
  /\bstate[- ]of[- ]the[- ]art\b/i,
  /\bground[- ]?breaking\b/i,
  /\bunparalleled\b/i,
  /\bunprecedented\b/i,
  /\bunmatched\b/i,
  /\b(?:industry|market)[- ]leading\b/i,
  /\bever (?:made|built|created|designed)\b/i,
  /\bmost advanced\b/i,
  /\blike never before\b/i,
  /\bparadigm shift\b/i,
  /\bsecond to none\b/i,
  /\bthe ultimate\b/i,
];
// Praise that can be fine when a measurement stands right beside it.
const HYPE_UNLESS_MEASURED = [
  /\bseamless(?:ly)?\b/i,
  /\beffortless(?:ly)?\b/i,
  /\bmagical(?:ly)?\b/i,
  /\bamazing\b/i,
  /\bincredibl[ey]\b/i,
  /\bawesome\b/i,
  /\b(?:blazing|lightning)[- ]fast\b/i,
  /\binnovative\b/i,
  /\bdisruptive\b/i,
  /\bbreakthrough\b/i,
  /\bthe best\b/i,
  new RegExp(String.raw`\b${SWEEPING} (?:[a-z]+ )?${CHANGE}\b|\b${CHANGE} (?:[a-z]+ ){0,3}?${SWEEPING}\b`, "i"),
  /\b(?:transform(?:s|ing|ed)?|reinvent(?:s|ing|ed)?|reimagin(?:es|ing|ed)|redefin(?:es|ing|ed)|reshap(?:es|ing|ed)|upend(?:s|ing|ed)?|revolutioni[sz]\w*)\b/i,
  /\b(?:changes?|changed|changing) (?:everything|the game|forever|lives)\b|\ba new era\b/i,
  // A comparison with nothing to compare: an intensified comparative ("far easier"), or one against
  // everything or the status quo ("faster than anything", "better than what you use now").
  new RegExp(String.raw`\b(?:simply|just|much|far|way|vastly|so much|a lot|clearly|dramatically|significantly|infinitely|miles) ${COMPARATIVE}`, "i"),
  new RegExp(String.raw`\b${COMPARATIVE}(?:,? (?:and )?${COMPARATIVE})* than (?:anything|everything|ever|before|any other|all the others|the rest|the competition|what (?:\w+ )?(?:use|have|had|do|did)|(?:the|your|their|our) (?:old|current|existing|usual) \w+|today'?s \w+)\b`, "i"),
];

/**
 * `hyperbole-instead-of-specifics`: one finding per press-release sentence with superlatives.
 * The customer quote is left to the quote check, which judges the customer's own words.
 */
export function checkHyperbole(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const findings: Finding[] = [];
  for (const s of prSentences(doc)) {
    if (s.section === "customerQuote") continue;
    const words = [...matchesOf(s.text, HYPE_ALWAYS), ...(MEASUREMENT.test(s.text) ? [] : matchesOf(s.text, HYPE_UNLESS_MEASURED))];
    if (words.length === 0) continue;
    findings.push(
      finding(
        "hyperbole-instead-of-specifics",
        `Replace ${quoteList(words)} with a concrete claim a customer can check: what changes for them and by how much.`,
        s.text,
      ),
    );
  }
  return findings;
}

type Term = { re: RegExp; developerFacing?: boolean };

// Code names: "Project Phoenix", "codenamed Helix", "internally called Atlas".
const CODE_NAME = /\b(?:[Pp]roject|[Cc]ode-?named?|[Cc]ode name(?:d)?|internally (?:called|known as))\s+["“]?[A-Z][a-z]+\b/;

// Engineering and company-internal words. Acronyms are matched case-sensitively so "ml" in "5 ml"
// or "Ota" as a name do not fire; customer-facing ones (US, TV, EHR, AI, PM) are absent on purpose.
// Chip, protocol and codec names are not listed: technicalAcronyms() recognises them by their shape.
const JARGON: Term[] = [
  { re: /\b(?:APIs?|SDKs?|JSON|YAML|SQL|NoSQL|CDN|K8s|CI\/CD|REST)\b/, developerFacing: true },
  { re: /\b(?:ML|LLMs?|NLP|RAG|ETL|CRUD)\b/ },
  { re: /\b(?:SKUs?|MVP|PRD|GTM|TAM|SAM|ARR|MRR|MAUs?|DAUs?|QBRs?|PoC|POC|SLOs?|KPIs?|LTV|CAC|P[0-3])\b/ },
  { re: /\b(?:microservices?|kubernetes|docker|serverless|containeri[sz]ed|back-?end|front-?end|tech stack|codebase|data (?:lake|pipeline)|event-driven|pub\/sub|kafka|graphql|webhooks?)\b/i, developerFacing: true },
  { re: /\b(?:large language models?|transformer models?|neural net(?:work)?s?|vector (?:database|store|search)|embeddings|fine-tun(?:ed|ing)|inference (?:engine|pipeline|server)|orchestration layer)\b/i },
  { re: /\b(?:blockchain|distributed ledger|consensus (?:algorithm|protocol|mechanism)|zero-knowledge(?: proofs?)?|post-quantum|quantum[- ](?:resistant|safe|proof|secure)|smart contracts?)\b/i },
  { re: /\b(?:synerg(?:y|ies)|flywheel|north star metric|go-to-market|headcount|P&L|roadmap|monetis\w*|monetiz\w*)\b/i },
  { re: /\b(?:leverag(?:e|es|ing) (?:our|its|the) (?:[a-z]+ )?(?:platform|stack|infrastructure|capabilit\w+|assets?|competenc\w+))\b/i },
  { re: CODE_NAME },
];

// Case-sensitive for "IT"; the other words may open a sentence.
const DEVELOPER_AUDIENCE = /\b(?:[Dd]evelopers?|[Ss]oftware engineers?|[Pp]rogrammers?|[Dd]ata (?:engineers?|scientists?)|DevOps|IT (?:teams?|admins?|departments?)|[Ee]ngineering teams?)\b/;

// Acronyms a customer reads every day: titles, messaging, places, agencies, carriers, regulations.
const EVERYDAY_ACRONYMS = new Set(
  ("USA CEO CFO COO CTO CMO CIO CPO SVP EVP SMS MMS GPS USB PDF FAQ ATM PIN DIY ETA VAT GST LLC INC LTD PLC NHS FDA FAA FCC " +
    "IRS DMV ICU HVAC EHR EMR ASAP RSVP NYC APR ZIP LED LCD HDMI MRI CPR ADHD HIV COVID NASA UPS USPS DHL BBC CNN NFL NBA MBA " +
    "PhD CPA EMT HOA PTA SAT GCSE GPA DVD CCTV OTC SUV NGO FYI GMT UTC EST PST CET HIPAA GDPR ISO USD EUR GBP CAD AUD").split(" "),
);

/**
 * The technical acronyms of a sentence: ones shaped like component or spec names (mixed case as in
 * "NVMe", a version number as in "DDR5"), and all-capital ones when two or more stand in
 * one sentence (a spec sheet). An acronym the document spells out ("real-time OS (RTOS)"), an
 * everyday one ("GPS") and words in capitals ("FORT WAYNE") do not count.
 */
export function technicalAcronyms(sentence: string, wholeText: string): string[] {
  const found: { word: string; byShape: boolean }[] = [];
  // Words the customer types or says ("Text VISIT to ...", "Reply MOVE or CANCEL") are the customer's own words.
  const typed = new Set([...sentence.matchAll(/\b(?:reply|replying|text|texting|type|send|say|enter|press|dial|message|write)\s+(?:the word\s+)?((?:[A-Z]{2,}(?:\s*(?:,|or|and|\/)\s*)?)+)/gi)].flatMap((m) => (m[1] ?? "").match(/[A-Z]{2,}/g) ?? []));
  for (const m of sentence.matchAll(/(?<![\w-])[A-Z][A-Za-z0-9]{1,6}(?![\w])/g)) {
    const word = m[0];
    const bare = word.replace(/(?<=[A-Z0-9])s$/, "");
    const upper = bare.replace(/[^A-Z]/g, "").length;
    const lower = bare.replace(/[^a-z]/g, "").length;
    if (bare.length < 3 || upper < 2 || lower > 2 || EVERYDAY_ACRONYMS.has(bare) || typed.has(word)) continue;
    // Words in capitals come in runs ("FORT WAYNE", "FREE SHIPPING"); an acronym stands alone.
    const before = sentence.slice(0, m.index).match(/([A-Z]{2,})\s+$/);
    const after = sentence.slice(m.index + word.length).match(/^\s+([A-Z]{2,})\b/);
    if (!/[a-z0-9]/.test(bare) && (before || after)) continue;
    const escaped = bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    if (new RegExp(String.raw`\(${escaped}s?\)|\b${escaped}s? \(`).test(wholeText)) continue;
    if (!found.some((f) => f.word === word)) found.push({ word, byShape: /[a-z0-9]/.test(bare) });
  }
  return found.some((f) => f.byShape) || found.length >= 2 ? found.map((f) => f.word) : [];
}

/**
 * `internal-jargon-in-pr`: engineering or company-internal words in the press release. The FAQ may
 * use them; the press release is for the customer. For a developer audience API, SDK and the like
 * are the customer's own words and do not fire, nor do technical acronyms.
 */
export function checkJargon(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const forDevelopers = DEVELOPER_AUDIENCE.test(prText(doc, ["heading", "subheading", "summary", "problem"]));
  const terms = JARGON.filter((t) => !(forDevelopers && t.developerFacing)).map((t) => t.re);
  const wholeText = documentText(doc);
  const findings: Finding[] = [];
  for (const s of prSentences(doc)) {
    if (s.section === "dateline") continue;
    // A code name is a proper noun: "Project Plan" in a title-case heading is not one when the document also
    // says "plan" in lower case.
    const words = allMatches(s.text, terms).filter((w) => !(CODE_NAME.test(w) && new RegExp(String.raw`\b${w.split(/\s+/).at(-1)?.replace(/["“]/g, "").toLowerCase()}\b`).test(wholeText)));
    if (!forDevelopers) for (const w of technicalAcronyms(s.text, wholeText)) if (!words.includes(w)) words.push(w);
    if (words.length === 0) continue;
    findings.push(
      finding(
        "internal-jargon-in-pr",
        `${quoteList(words)} ${words.length === 1 ? "is" : "are"} internal language. Say what the customer gets in their own words, or move the detail to the internal FAQ.`,
        s.text,
      ),
    );
  }
  return findings;
}

function allMatches(text: string, patterns: RegExp[]): string[] {
  const found: string[] = [];
  for (const re of patterns) {
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags.replace("g", "")}g`))) {
      if (!found.includes(m[0])) found.push(m[0]);
    }
  }
  return found;
}
