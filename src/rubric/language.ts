import type { Finding } from "../domain/finding.js";
import type { Prfaq } from "../domain/prfaq.js";
import { finding, type RubricContext } from "./checks.js";
import { matchesOf, MEASUREMENT, prSentences, prText, quoteList } from "./text.js";

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
  /\bsimply better\b/i,
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
  /\b(?:faster|better|easier|smarter|more [a-z]+)(?:,? (?:faster|better|easier|smarter|more [a-z]+))*(?:,? and (?:faster|better|easier|smarter|more [a-z]+))? than (?:anything|ever|any other|everything)\b/i,
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

// Engineering and company-internal words. Acronyms are matched case-sensitively so "ml" in "5 ml"
// or "Ota" as a name do not fire; customer-facing ones (US, TV, EHR, AI, PM) are absent on purpose.
const JARGON: Term[] = [
  { re: /\b(?:SoCs?|RTOS|OTA|NPUs?|TPUs?|MCUs?|FPGAs?|ASICs?|BLE|HEVC|AV1)\b/ },
  { re: /\b(?:APIs?|SDKs?|JSON|YAML|SQL|NoSQL|CDN|K8s|CI\/CD|REST)\b/, developerFacing: true },
  { re: /\b(?:ML|LLMs?|NLP|RAG|ETL|CRUD)\b/ },
  { re: /\b(?:SKUs?|MVP|PRD|GTM|TAM|SAM|ARR|MRR|MAUs?|DAUs?|QBRs?|PoC|POC|SLOs?|KPIs?|LTV|CAC|P[0-3])\b/ },
  { re: /\b(?:microservices?|kubernetes|docker|serverless|containeri[sz]ed|back-?end|front-?end|tech stack|codebase|data (?:lake|pipeline)|event-driven|pub\/sub|kafka|graphql|webhooks?)\b/i, developerFacing: true },
  { re: /\b(?:large language models?|transformer models?|neural net(?:work)?s?|vector (?:database|store|search)|embeddings|fine-tun(?:ed|ing)|inference (?:engine|pipeline|server)|orchestration layer)\b/i },
  { re: /\b(?:blockchain|distributed ledger|consensus (?:algorithm|protocol|mechanism)|zero-knowledge(?: proofs?)?|quantum-resistant|smart contracts?)\b/i },
  { re: /\b(?:synerg(?:y|ies)|flywheel|north star metric|go-to-market|headcount|P&L|roadmap|monetis\w*|monetiz\w*)\b/i },
  { re: /\b(?:leverag(?:e|es|ing) (?:our|its|the) (?:[a-z]+ )?(?:platform|stack|infrastructure|capabilit\w+|assets?|competenc\w+))\b/i },
  // Code names: "Project Phoenix", "codenamed Helix", "internally called Atlas".
  { re: /\b(?:[Pp]roject|[Cc]ode-?named?|[Cc]ode name(?:d)?|internally (?:called|known as))\s+["“]?[A-Z][a-z]+\b/ },
];

// Case-sensitive for "IT"; the other words may open a sentence.
const DEVELOPER_AUDIENCE = /\b(?:[Dd]evelopers?|[Ss]oftware engineers?|[Pp]rogrammers?|[Dd]ata (?:engineers?|scientists?)|DevOps|IT (?:teams?|admins?|departments?)|[Ee]ngineering teams?)\b/;

/**
 * `internal-jargon-in-pr`: engineering or company-internal words in the press release. The FAQ may
 * use them; the press release is for the customer. For a developer audience API, SDK and the like
 * are the customer's own words and do not fire.
 */
export function checkJargon(doc: Prfaq, _ctx: RubricContext): Finding[] {
  const forDevelopers = DEVELOPER_AUDIENCE.test(prText(doc, ["heading", "subheading", "summary", "problem"]));
  const terms = JARGON.filter((t) => !(forDevelopers && t.developerFacing)).map((t) => t.re);
  const findings: Finding[] = [];
  for (const s of prSentences(doc)) {
    if (s.section === "dateline") continue;
    const words = allMatches(s.text, terms);
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
