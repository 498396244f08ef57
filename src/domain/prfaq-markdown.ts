import { parse as parseYaml } from "yaml";
import { inline, paragraphs, unescape } from "./markdown-text.js";
import { emptyPrfaq, PRESS_RELEASE_SECTIONS, type FaqItem, type PressReleaseSection, type Prfaq } from "./prfaq.js";

// One file on purpose (~600 lines, over the soft cap): the renderer relies on the parser to decide whether plain
// markdown round-trips, so the two must change together.

type Section = PressReleaseSection;
type Block =
  | { kind: "heading"; level: number; text: string }
  | { kind: "para"; text: string; item: boolean }
  | { kind: "marker"; name: string; value: string };

const SECTION_SET: ReadonlySet<string> = new Set(PRESS_RELEASE_SECTIONS);
const PROSE_SECTIONS = ["problem", "solution", "howItWorks", "callToAction"] as const;
type Prose = (typeof PROSE_SECTIONS)[number];

// ---------------------------------------------------------------------------------------------
// Render

/**
 * Renders a PR/FAQ as markdown: `# heading`, `## subheading`, the dateline + summary paragraph
 * ("BOISE, Idaho, April 1, 2027 — ..."), the problem, solution, leader quote, how it works, customer
 * quote and call to action paragraphs, then `## Frequently Asked Questions` with `### External FAQ`
 * and `### Internal FAQ` items written as `**Question?** answer`.
 *
 * `parsePrfaqMarkdown(renderPrfaqMarkdown(doc))` equals `doc` for every document whose fields are
 * normal markdown text (trimmed, single spaces, paragraphs separated by one blank line, no paragraph
 * opening with markdown block syntax, no `**` in questions). When plain markdown would be read back
 * differently (an empty section shifts the positions, a title that is not the heading's product
 * name, an answer paragraph that reads like an FAQ heading), invisible `<!-- prfaq:... -->` comments label
 * the sections and the further paragraphs of each answer, so nothing is lost.
 */
export function renderPrfaqMarkdown(doc: Prfaq): string {
  // A meeting renders the same draft for its event, every reviewer's prompt and the next revision (as
  // copies: LangGraph hands each step its own), and each render parses its output back to check it.
  // Renderings are remembered by content, the most recent RENDER_CACHE of them.
  const json = JSON.stringify(doc);
  const known = rendered.get(json);
  if (known !== undefined) {
    rendered.delete(json);
    rendered.set(json, known);
    return known;
  }
  const markdown = renderChecked(doc);
  rendered.set(json, markdown);
  if (rendered.size > RENDER_CACHE) rendered.delete(rendered.keys().next().value ?? json);
  return markdown;
}
const RENDER_CACHE = 256;
const rendered = new Map<string, string>();

function renderChecked(doc: Prfaq): string {
  const plain = renderWith(doc, false);
  if (samePrfaq(parsePrfaqMarkdown(plain), doc)) return plain;
  const labelled = renderWith(doc, true);
  // Outside the round-trip domain (e.g. single newlines inside a field) neither form is exact;
  // the plain one then reads better.
  return samePrfaq(parsePrfaqMarkdown(labelled), doc) ? labelled : plain;
}

function renderWith(doc: Prfaq, labelled: boolean): string {
  // Every field is escaped for its position (markdown-text.ts): headings, the dateline and questions as one
  // line, sections and answers as paragraphs; the parser undoes the escaping, so the round trip still holds.
  const pr = doc.pressRelease;
  const out: string[] = [];
  const mark = (name: Section) => (labelled ? `<!-- prfaq:${name} -->\n` : "");
  if (doc.title !== inferTitle(pr.heading)) {
    // JSON keeps any title on one line; escaping "<" and ">" keeps "-->" from closing the comment early and
    // leaves no tag in it.
    out.push(`<!-- prfaq:title ${JSON.stringify(doc.title).replace(/>/g, "\\u003e").replace(/</g, "\\u003c")} -->`);
  }
  if (pr.heading) out.push(`${mark("heading")}# ${inline(pr.heading)}`);
  if (pr.subheading) out.push(`${mark("subheading")}## ${inline(pr.subheading)}`);
  if (labelled) {
    if (pr.dateline) out.push(`${mark("dateline")}${inline(pr.dateline)}`);
    if (pr.summary) out.push(`${mark("summary")}${paragraphs(pr.summary)}`);
  } else if (pr.dateline) {
    out.push(pr.summary ? `${inline(pr.dateline)} — ${paragraphs(pr.summary)}` : `${inline(pr.dateline)} —`);
  } else if (pr.summary) {
    out.push(paragraphs(pr.summary));
  }
  for (const s of ["problem", "solution", "leaderQuote", "howItWorks", "customerQuote", "callToAction"] as const) {
    if (pr[s]) out.push(`${mark(s)}${paragraphs(pr[s])}`);
  }
  if (doc.externalFaq.length + doc.internalFaq.length > 0) {
    out.push("## Frequently Asked Questions");
    // An answer's first paragraph follows its question; in the labelled form each further one is marked as
    // part of the answer, so that a paragraph reading "Internal FAQ" or "Why now?" stays inside it.
    const item = (f: FaqItem) => {
      const [first = "", ...rest] = f.answer ? paragraphs(f.answer).split("\n\n") : [];
      const more = rest.map((p) => `${labelled ? "<!-- prfaq:answer -->\n" : ""}${p}`);
      return [`**${inline(f.question)}**${first ? ` ${first}` : ""}`, ...more].join("\n\n");
    };
    if (doc.externalFaq.length) out.push("### External FAQ", ...doc.externalFaq.map(item));
    if (doc.internalFaq.length) out.push("### Internal FAQ", ...doc.internalFaq.map(item));
  }
  return `${out.join("\n\n")}\n`;
}

function samePrfaq(a: Prfaq, b: Prfaq): boolean {
  const faqEqual = (x: FaqItem[], y: FaqItem[]) =>
    x.length === y.length && x.every((f, i) => f.question === y[i]?.question && f.answer === y[i]?.answer);
  return (
    a.title === b.title &&
    PRESS_RELEASE_SECTIONS.every((s) => a.pressRelease[s] === b.pressRelease[s]) &&
    faqEqual(a.externalFaq, b.externalFaq) &&
    faqEqual(a.internalFaq, b.internalFaq)
  );
}

/** The product name a heading implies: "PickPath: shorter walks" → "PickPath", "StreamBox 2 Is Here" → "StreamBox 2". */
function inferTitle(heading: string): string {
  const h = heading.trim();
  const head = h.split(/\s*[:–—|]\s*|\s+-\s+/)[0]?.trim() ?? "";
  const named = head.replace(/\s+(?:for|by|to)\s+.*$/i, "").trim() || head;
  if (named !== h) return named;
  const words = h.split(/\s+/);
  if (words.length <= 3) return h;
  const name = [words[0] ?? ""];
  for (const w of words.slice(1)) {
    if (/^(?:\d[\w.+]*|v\d+|[IVX]{1,4}|Pro|Plus|Max|Mini|Go)$/.test(w)) name.push(w);
    else break;
  }
  return name.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Parse

/**
 * Reads a PR/FAQ from markdown, leniently: with or without headings; `Q:`/`A:`, bold, numbered or
 * `###` questions; FAQ parts under many names ("FAQ", "Customer FAQ", "Internal", "For clinics and
 * pet owners"); datelines in several styles. Unlabelled press-release paragraphs are assigned by
 * position and content (quotes by attribution, prices and sign-up to "how it works"). Never throws:
 * whatever cannot be read stays empty, for the rubric to report.
 */
export function parsePrfaqMarkdown(text: string): Prfaq {
  try {
    return parseBlocks(tokenize(typeof text === "string" ? text : ""));
  } catch {
    // The parser is written not to throw; this guard keeps that promise for inputs nobody imagined.
    return emptyPrfaq();
  }
}

// Document chrome a reader does not see as text: a whole-line image (maybe linked), and HTML comments.
const IMAGE_LINE = /^(?:\[\s*)?!\[[^\]]*\]\([^)]*\)(?:\s*\]\([^)]*\))?$/;
const NORMALIZE = (raw: string) => raw.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");

/** A leading YAML front matter block (`---` ... `---` or `...`) and the text after it. */
function splitFrontMatter(text: string): { yaml?: string; body: string } {
  const front = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  return front ? { yaml: front[1] ?? "", body: text.slice(front[0].length) } : { body: text };
}

/**
 * A document's text as a reader sees it: without its YAML front matter, whole-line images and HTML
 * comments (a brief reader fed the raw file would read YAML keys and image alt text as prose). Pure.
 */
export function documentBody(raw: string): string {
  const out: string[] = [];
  let inComment = false;
  for (const line of splitFrontMatter(NORMALIZE(typeof raw === "string" ? raw : "")).body.split("\n")) {
    const t = line.trim();
    if (inComment) {
      if (t.includes("-->")) inComment = false;
      continue;
    }
    if (t.startsWith("<!--") && !t.includes("-->")) inComment = true;
    else if (IMAGE_LINE.test(t)) out.push("");
    else out.push(line.replace(/<!--.*?-->/g, ""));
  }
  return out.join("\n").trim();
}

function tokenize(raw: string): Block[] {
  const split = splitFrontMatter(NORMALIZE(raw));
  const text = split.body;
  const blocks: Block[] = [];
  if (split.yaml !== undefined) {
    const title = readFrontMatterTitle(split.yaml);
    if (title) blocks.push({ kind: "marker", name: "title", value: title });
    // The front matter's title heads a document whose body has no `#` heading of its own.
    if (title && !/^ {0,3}#[ \t]+\S/m.test(text)) blocks.push({ kind: "heading", level: 1, text: title });
  }
  let inComment = false;
  let buf: string[] = [];
  let item = false;
  const flush = () => {
    const t = buf.join(" ").replace(/\s+/g, " ").trim();
    if (t) blocks.push({ kind: "para", text: t, item });
    buf = [];
    item = false;
  };
  for (const rawLine of text.split("\n")) {
    const line = rawLine.replace(/^\s{0,3}>\s?/, "").trimEnd();
    const trimmed = line.trim();
    const marker = /^<!--\s*prfaq:([A-Za-z]+)\s*(.*?)\s*-->$/.exec(trimmed);
    const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(trimmed);
    if (inComment) {
      // A comment over several lines is skipped to its end.
      if (trimmed.includes("-->")) inComment = false;
    } else if (trimmed === "" || /^```/.test(trimmed) || IMAGE_LINE.test(trimmed)) flush();
    else if (trimmed.startsWith("<!--") && !trimmed.includes("-->")) {
      flush();
      inComment = true;
    }
    else if (marker) {
      flush();
      blocks.push({ kind: "marker", name: marker[1] ?? "", value: marker[2] ?? "" });
    } else if (/^<!--.*-->$/.test(trimmed)) continue;
    else if (heading) {
      flush();
      blocks.push({ kind: "heading", level: heading[1]?.length ?? 1, text: stripEmphasis(heading[2] ?? "") });
    } else if (buf.length === 1 && !item && /^(=+|-+)$/.test(trimmed)) {
      // Setext heading: the single line above is the heading text.
      const t = stripEmphasis(buf[0] ?? "");
      buf = [];
      if (t) blocks.push({ kind: "heading", level: trimmed.startsWith("=") ? 1 : 2, text: t });
    } else if (/^(?:-{3,}|\*{3,}|_{3,})$/.test(trimmed)) flush();
    else {
      const listItem = /^(?:[-*+•]|\d{1,3}[.)])\s+(.*)$/.exec(trimmed);
      // Case-sensitive: "a. b." or "q: x" in running text opens nothing.
      const startsQa = /^(?:\*\*)?(?:Q|A|Question|Answer|QUESTION|ANSWER)\s*\d*\s*[:.)]\s+\S/.test(trimmed);
      const boldQuestion = /^\*\*[^*]+?[?:]\s*\*\*/.test(trimmed) || /^\*\*[^*]+\*\*\s*[?:]/.test(trimmed);
      if (listItem) {
        flush();
        item = true;
        buf.push(listItem[1] ?? "");
      } else {
        if (startsQa || boldQuestion) flush();
        buf.push(trimmed);
      }
    }
  }
  flush();
  return blocks;
}

function readFrontMatterTitle(yamlText: string): string | undefined {
  try {
    const data: unknown = parseYaml(yamlText);
    if (data && typeof data === "object" && "title" in data && typeof data.title === "string") return data.title.trim();
  } catch {
    // Malformed front matter is ignored, like any other unreadable part.
  }
  return undefined;
}

function stripEmphasis(text: string): string {
  return text.replace(/^(\*\*|__|\*|_)(.+)\1$/, "$2").trim();
}

// Headings and one-line labels that open the FAQ (or one of its two parts).
// "Questions clubs ask", "Questions from inside Dojoline", "What the trustees ask": a heading naming questions by who asks them.
const FAQ_LABEL = /^(?:faqs?|frequently asked questions|questions(?: and answers)?|q ?& ?a|(?:internal|external)(?: faqs?| questions)?|(?:customer|stakeholder|public)s? (?:faqs?|questions)|questions (?:(?:[\p{L}'’-]+ ){1,3}ask|from [\p{L}'’ -]{2,40}|for [\p{L}'’ -]{2,40})|what (?:[\p{L}'’-]+ ){1,4}ask)$/iu;
// "Shelf Hold - PR/FAQ (revision 2)" names the document, not its FAQ.
// So does "NannyNest - press release and FAQ".
const FAQ_HEADING = /\b(?:(?<!\bpr\s?[/-]\s?|\bpress release\s?(?:and|&|\+|\/)\s?)faqs?|frequently asked questions|q ?& ?a)\b/i;
const INTERNAL_PART = /\b(?:internal|internally|in-house|inside|stakeholders?|business|team|investors?|leadership|executives?|company|trustees?|board|directors?|finance|funders?|committee|governors?|shareholders?)\b/i;
// A question tagged with its part: "Q (internal): ...", "(External) ...".
const PART_TAG = /^[([](internal|external)[)\]]\s*[:.)]?\s*/i;
// The same tag after the question: "Who is the customer? (internal)", "[External]".
const PART_TAG_END = /\s*[([](internal|external)[)\]]\s*$/i;

function isFaqStart(b: Block): boolean {
  if (b.kind === "heading") return FAQ_HEADING.test(b.text) || FAQ_LABEL.test(b.text);
  if (b.kind === "para") return FAQ_LABEL.test(b.text.replace(/[*_:]/g, "").trim()) || /^(?:Q|Question|QUESTION)\s*\d*\s*[:.)]\s+\S/.test(b.text);
  return false;
}

function parseBlocks(blocks: Block[]): Prfaq {
  const doc = emptyPrfaq();
  let title: string | undefined;
  let faqAt = blocks.length;
  // Inside a labelled section (after a prfaq marker) paragraphs are content even when they read "FAQ";
  // only a heading not directly labelled can open the FAQ there.
  let inLabel = false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const prev = blocks[i - 1];
    if (!b) continue;
    if (b.kind === "marker") {
      inLabel = b.name !== "title";
      continue;
    }
    const directlyLabelled = prev?.kind === "marker" && prev.name !== "title";
    const candidate = b.kind === "heading" ? !directlyLabelled : !inLabel;
    if (candidate && isFaqStart(b)) {
      faqAt = i;
      break;
    }
    if (b.kind === "heading" && !directlyLabelled) inLabel = false;
  }
  for (const b of blocks) {
    if (b.kind === "marker" && b.name === "title") title = readTitleMarker(b.value);
  }
  readPressRelease(blocks.slice(0, faqAt), doc);
  readFaq(blocks.slice(faqAt), doc);
  // Read as a markdown viewer shows it: backslash escapes and entities decoded, once the structure is read.
  for (const s of PRESS_RELEASE_SECTIONS) doc.pressRelease[s] = unescape(doc.pressRelease[s]);
  for (const f of [...doc.externalFaq, ...doc.internalFaq]) {
    f.question = unescape(f.question);
    f.answer = unescape(f.answer);
  }
  doc.title = title ?? inferTitle(doc.pressRelease.heading);
  return doc;
}

function readTitleMarker(value: string): string {
  try {
    const v: unknown = JSON.parse(value);
    if (typeof v === "string") return v;
  } catch {
    // Hand-written markers may not be JSON; the raw text is the title then.
  }
  return value.replace(/^"|"$/g, "");
}

// Section labels a hand-written document may use as headings or "Label:" prefixes.
const LABELS: [RegExp, Section | "ignore"][] = [
  [/^(?:press release|pr\/?faq|pr-faq|working backwards)\b/i, "ignore"],
  [/^(?:headline|heading)$/i, "heading"],
  [/^sub-?(?:head(?:ing|line)?|title)$/i, "subheading"],
  [/^(?:summary|overview|introduction|intro)$/i, "summary"],
  [/^(?:the )?(?:customer(?:'s|’s)? )?(?:problem|pain|challenge)s?(?: (?:today|now|for [\w' -]{2,30}|we (?:solve|fix)|it (?:solves|fixes)))?$/i, "problem"],
  [/^(?:the )?solution$/i, "solution"],
  [/^(?:leader|leadership|company|executive|founder|spokesperson)(?:'s|’s)? quote$/i, "leaderQuote"],
  [/^(?:how it works|getting started|how to get started|availability|pricing(?: and availability)?)$/i, "howItWorks"],
  [/^(?:customer(?:'s|’s)? quote|testimonial)$/i, "customerQuote"],
  [/^(?:call to action|next steps?)$/i, "callToAction"],
  // "What Collect My Sofa does", "What changes", "Introducing Shelf Hold": a heading that says what the product does.
  [/^(?:what (?:[\w'’ -]{1,40} )?(?:does|changes|is|offers)|what changes|how [\w'’ -]{1,30} works|the (?:product|idea|answer)|introducing\b.*)$/i, "solution"],
];

function labelOf(text: string): Section | "ignore" | undefined {
  const t = text.replace(/[*_]/g, "").replace(/[:.]$/, "").trim();
  return LABELS.find(([re]) => re.test(t))?.[1];
}

function readPressRelease(blocks: Block[], doc: Prfaq): void {
  const pr = doc.pressRelease;
  const explicit = new Map<Section, string[]>();
  const add = (s: Section, t: string) => {
    const list = explicit.get(s);
    if (list) list.push(t);
    else explicit.set(s, [t]);
  };
  const pool: string[] = [];
  const notes: string[] = [];
  const headings: string[] = [];
  let label: Section | undefined;
  let marked = false;
  let fromMarker = false;
  // The previous paragraph was a list item, or a line ending in a colon that opens a list.
  let listOpen = false;
  for (const b of blocks) {
    if (b.kind === "marker") {
      label = SECTION_SET.has(b.name) ? (b.name as Section) : undefined;
      marked = label !== undefined;
      fromMarker = marked;
    } else if (b.kind === "heading") {
      if (marked && label) add(label, b.text);
      else {
        const l = labelOf(b.text);
        label = l === "ignore" ? undefined : l;
        if (l === "ignore") {
          const named = /[:–—]\s*(.+)$/.exec(b.text)?.[1];
          if (named && !headings.length) headings.push(named.trim());
        } else if (!l && pool.length === 0 && headings.length < 2) headings.push(b.text);
        // A top-level title after a note or two (a revision line, a status line) is still the title: the notes
        // before it open the document, ahead of the summary.
        else if (!l && b.level === 1 && headings.length === 0 && explicit.size === 0) {
          notes.push(...pool.splice(0));
          headings.push(b.text);
        }
        // The same for a subheading set as a heading below a revision note: "# Title", "> Draft 3 ...", "### For ...".
        else if (!l && headings.length === 1 && explicit.size === 0 && pool.every(isNote)) {
          notes.push(...pool.splice(0));
          headings.push(b.text);
        }
        // A third heading before any paragraph ("### For busy parents ...") continues the subheading.
        else if (!l && pool.length === 0) headings[1] = `${headings[1] ?? ""}\n\n${b.text}`;
        else if (!l) label = undefined;
        fromMarker = false;
      }
      marked = false;
    } else if (b.kind === "para") {
      // "Problem: ...", "**Problem** — ...", or a bold run-in heading that ends in a full stop ("**The problem today.** ...").
      const inline = /^\*{0,2}([A-Za-z' ]{3,30}?)\*{0,2}\s*[:—–]\s*\*{0,2}\s*(.+)$/.exec(b.text);
      const runIn = /^\*\*([A-Za-z' ]{3,30}?)\.\*\*\s+(.+)$/.exec(b.text);
      const inlineLabel = !fromMarker && inline ? labelOf(inline[1] ?? "") : undefined;
      const runInLabel = !fromMarker && !inlineLabel && runIn ? labelOf(runIn[1] ?? "") : undefined;
      if (inlineLabel && inlineLabel !== "ignore" && inline) {
        label = inlineLabel;
        add(inlineLabel, inline[2] ?? "");
      } else if (runInLabel && runInLabel !== "ignore" && runIn) {
        label = runInLabel;
        add(runInLabel, runIn[2] ?? "");
      } else if (label && !fromMarker && label !== "leaderQuote" && label !== "customerQuote" && isQuote(b.text)) {
        // A quote ends a section a heading named ("What it does"): it and what follows are placed like unlabelled text.
        label = undefined;
        pool.push(b.text);
      } else if (label) add(label, b.text);
      else if (b.item && listOpen && pool.length > 0) {
        // A bulleted or numbered list stays with the line that introduces it, as paragraphs of one section.
        pool[pool.length - 1] += `\n\n${b.text}`;
      } else if (!/^for immediate release\.?$/i.test(b.text)) pool.push(b.text);
      listOpen = b.item || /:$/.test(b.text);
      marked = false;
    }
    if (b.kind !== "para") listOpen = false;
  }
  assignByPosition(pool, headings, pr, notes);
  for (const [s, texts] of explicit) pr[s] = texts.join("\n\n");
}

const DATE = String.raw`(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})`;
// City/region, then the date (maybe in parentheses), then a dash or colon: "SEATTLE – (March 3, 2027) –".
const DATELINE_WITH_DATE = new RegExp(String.raw`^((?:[^.!?"“—–:\s][^.!?"“—–:]{0,60}?(?:,\s*|\s+[—–-]{1,2}\s+|\s+))?\(?${DATE}\)?(?:\s*\([^()]{1,80}\))?)(?:\s*(?:—|–|--|-|:)(?:\s+|$)|\.\s+(?=[A-Z])|$)`, "i");
// An upper-case city and a dash, no date: "SEATTLE — ...".
const DATELINE_CITY = /^([A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30}){0,2}(?:\s+[—–-]{1,2}\s+\([^()]{1,40}\))?)\s+(?:—|–|--)\s+/;

/** Splits "BOISE, Idaho, April 1, 2027 — RefillReady launched..." into dateline and the rest. */
function splitDateline(para: string): { dateline: string; rest: string; closed: boolean } | undefined {
  // A dateline set in bold or italics ("**LEEDS, 4 May 2027** - ...") is read without its emphasis.
  // So is one that ends in a full stop inside the emphasis ("**LONDON, 5 June 2028.** Parcell Software today ...").
  const p = para.replace(/^(\*\*|__|\*|_)([^*_\n]{3,80}?)\1(?=\s*(?:[—–:-]|$))/, "$2").replace(/^(\*\*|__)([^*_\n]{3,80}?\.)\1(?=\s+\p{Lu})/u, "$2");
  const m = DATELINE_WITH_DATE.exec(p) ?? DATELINE_CITY.exec(p);
  if (!m) return undefined;
  const rest = p.slice(m[0].length).trim();
  // "closed": the dateline ended in a dash or colon, so an empty rest means an empty summary.
  return { dateline: (m[1] ?? "").trim(), rest, closed: m[0].trimEnd().length > (m[1] ?? "").trimEnd().length };
}

// A note to the reader about the document itself: "Revision 3, after ...", "_Draft 2 - ..._", "Author's note: ...".
const NOTE = /^[*_\s]*(?:revision|revised|version|v\d+\b|(?:working |first |second |third |final )?draft|author(?:'s|’s) note|note to (?:readers?|reviewers?)|status|change ?log|changes since)\b/i;

/** A heading that names the document rather than the news: "X - PR/FAQ", "X: press release and FAQ", "Working backwards: X". */
const DOCUMENT_TITLE = /(?:^|\s[-–—:|]\s*|:\s*)(?:pr\s?[/-]\s?faq|press release(?:\s?(?:and|&|\+|\/)\s?(?:faqs?|frequently asked questions))?|working backwards(?: document)?)(?:\s*\([^)]*\))?\s*$/i;

function isNote(p: string): boolean {
  return NOTE.test(p);
}

/** One sentence of at most 45 words, not a quote: a standfirst written as prose. */
function oneSentence(p: string): boolean {
  return !isQuote(p) && p.split(/\s+/).length <= 45 && !/[.!?]["”’)]*\s+["“]?[A-Z0-9]/.test(p.trim());
}

function assignByPosition(pool: string[], headings: string[], pr: Prfaq["pressRelease"], notes: readonly string[] = []): void {
  const paras = [...pool];
  // "SlideDesk - PR/FAQ", "NannyNest: press release and FAQ": a first heading that names the document, with a
  // headline after it, is the document's title; the press release starts at the next heading.
  // The third heading that was read as continuing the subheading is then the subheading itself.
  const named = headings.length >= 2 && DOCUMENT_TITLE.test(headings[0] ?? "") ? [...(headings[1] ?? "").split("\n\n"), ...headings.slice(2)] : headings;
  pr.heading = named[0] ?? "";
  pr.subheading = named[1] ?? "";
  // A line set wholly in italics or bold before the dateline is a standfirst: a subheading, even as a sentence.
  const emphasised = (p: string) => /^(\*\*|__|\*|_)[^*_]+\1$/.test(p) && p.split(/\s+/).length <= 60;
  const headingLike = (p: string) =>
    !splitDateline(p) && !isQuote(p) && ((p.split(/\s+/).length <= 20 && !/[.!]$/.test(p)) || emphasised(p));
  // A revision note with a date ("Revision 2, 20 January 2027") is a note, not the dateline.
  let datelineAt = paras.findIndex((p, i) => i < 4 && !isNote(p) && splitDateline(p) !== undefined);
  if (!pr.heading && paras.length > 1 && headingLike(paras[0] ?? "") && datelineAt !== 0) {
    pr.heading = paras.shift() ?? "";
    datelineAt -= 1;
  }
  if (!pr.subheading && datelineAt === 1 && headingLike(paras[0] ?? "")) {
    pr.subheading = stripEmphasis(paras.shift() ?? "");
    datelineAt = 0;
  } else if (!pr.subheading && pr.heading && datelineAt === 2 && isNote(paras[1] ?? "") && !isNote(paras[0] ?? "") && (headingLike(paras[0] ?? "") || oneSentence(paras[0] ?? ""))) {
    // A standfirst, then a revision note, then the dateline: the note leads the summary, as notes do.
    pr.subheading = stripEmphasis(paras.shift() ?? "");
    datelineAt = 1;
  }
  let body = paras;
  if (datelineAt >= 0) {
    const d = splitDateline(paras[datelineAt] ?? "");
    pr.dateline = d?.dateline ?? "";
    // Prose before the dateline (a note to the reader ahead of the release) opens the document: it leads the
    // summary instead of standing in for the problem paragraph. A quote there stays a quote.
    const before = paras.slice(0, datelineAt);
    const lead = before.filter((p) => !isQuote(p));
    body = [...before.filter(isQuote), ...paras.slice(datelineAt + 1)];
    const at = body.length - (paras.length - datelineAt - 1);
    let summary = d?.rest ?? "";
    if (!summary && !d?.closed && body[at] && !isQuote(body[at] ?? "")) summary = body.splice(at, 1)[0] ?? "";
    pr.summary = [...notes, ...lead, summary].filter(Boolean).join("\n\n");
  } else if (body[0] && !isQuote(body[0])) {
    pr.summary = [...notes, body[0]].join("\n\n");
    body = body.slice(1);
  } else if (notes.length) pr.summary = notes.join("\n\n");
  assignBody(body, pr);
}

// Words that attribute a quote, to a name ("says Amara Okafor") or a description ("a project lead who tested it
// describes the difference: ...").
const ATTRIBUTION =
  /\b(?:said|says|adds|added|explains|explained|according to|recalls|recalled|notes|noted|commented|shares|shared|describes|described|puts it|put it|tells|told|writes|wrote|admits|admitted|remembers|sums (?:it|this) up|reports|reported)\b/i;

function isQuote(p: string): boolean {
  if (/^["“]/.test(p)) return ATTRIBUTION.test(p) || /["”]\s*[—–-]\s*\S/.test(p);
  const spoken = [...p.matchAll(/["“]([^"”]{12,})["”]/g)].map((m) => m[1] ?? "");
  if (spoken.length === 0) return false;
  const share = spoken.join(" ").length / p.length;
  // A few quoted words inside prose (a text message, what callers ask) do not make the paragraph a quote.
  if (ATTRIBUTION.test(p)) return share >= 0.3;
  // A person introduced in a sentence, then their own words at length ("Ana Reyes runs a bakery in Leeds. "Before, ...").
  return share >= 0.5 && /^[A-Z][\p{L}'’-]+(?:\s+[A-Z][\p{L}'’-]+)+(?:'s|’s)?\s/u.test(p) && /["”]\s*$/.test(p);
}

/**
 * How strongly a quote's attribution (the words outside the quotation marks) names the company side: a
 * title ("founder", "CEO", "head of product"), or a role at the product's own company ("Amara Okafor, who
 * founded KickoffKit", "a spokesperson for KickoffKit"). A customer's attribution names where they work
 * or what they did with the product ("a project lead who tested it", "front-desk lead at Riverside Clinic").
 */
function leaderScore(p: string, product: string): number {
  const outside = p.replace(/["“][^"”]*["”]/g, " ");
  let score = 0;
  if (/\b(?:founder|co-founder|cofounder|ceo|cto|coo|cfo|cpo|chief|president|vp|svp|evp|chair(?:man|woman|person)?|spokesperson|spokeswoman|spokesman)\b/i.test(outside)) score += 3;
  if (/\b(?:team|head of|director of|general manager|vice|product lead|leader)\b/i.test(outside)) score += 2;
  const name = product.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  if (name && new RegExp(String.raw`\b(?:at|of|for|from) ${name}\b|\b${name}(?:'s|’s) (?!customers?|users?)|\bwho (?:co-?)?(?:founded|started|created|built|runs|leads) ${name}\b`, "i").test(outside)) score += 3;
  if (/\b(?:customer|user|owner of|patient|parent|member|at [A-Z][\w'’]+(?: [A-Z][\w'’]+)* in\b)/.test(outside)) score -= 2;
  if (/\b(?:who|after|since|when) (?:\w+ )?(?:tested|tried|used|uses|piloted|trialled|trialed|switched)\b|\b(?:tester|early user|trial(?:l)?ist|pilot (?:user|customer))\b/i.test(outside)) score -= 3;
  return score;
}

const CUES: Record<Prose, RegExp[]> = {
  problem: [
    /\b(?:today|currently|still|have to|has to|spend|spends|spent|wast\w*|wait\w*|struggl\w*|frustrat\w*|hard to|difficult|can't|cannot|unable|miss\w*|los[et]\w*|manual\w*|by hand|phone tag|delay\w*|slow|expensive|problem|pain\w*|tired of|overtime|chas\w+|forget|fail\w*|instead of)\b/i,
    /\b\d[\d,.]*\s?(?:%|percent)|\bone (?:\w+ )?in (?:\w+)\b|\ba (?:third|quarter|half)\b/i,
  ],
  solution: [
    /\b(?:with \w+|now|lets?|automatically|one tap|so that|no longer|can now|instead)\b/i,
    // A list of what the product holds, introduced as such ("StudioStep includes:" and its items).
    /^[^\n]{0,60}\b(?:includes?|including|offers?|provides?|comes with|features?|gives (?:you|\w+s))\s*:\n/i,
  ],
  howItWorks: [
    /[$£€]\s?\d|\bper (?:month|year|clinic|user|seat|warehouse|practice)\b|\b(?:free|trial|pricing|price|costs?|subscription)\b/i,
    /\b(?:start|sign up|set up|turn \w+ on|install|download|available|works with|integrat\w*|connect\w*|in an afternoon)\b/i,
  ],
  callToAction: [/\b(?:visit|go to|learn more|sign up|join|request|try|start)\b/i, /\bhttps?:\/\/|\b[\w-]+\.(?:com|org|io|example|co|app|net|ai)\b/i],
};

function proseScore(p: string, slot: Prose, isLast: boolean): number {
  let s = CUES[slot].reduce((n, re) => n + (re.test(p) ? 1 : 0), 0);
  if (slot === "callToAction" && p.length < 200) s += 0.5;
  if (slot === "callToAction" && isLast) s += 0.5;
  return s;
}

function assignBody(body: string[], pr: Prfaq["pressRelease"]): void {
  const quotes = body.map((p, i) => (isQuote(p) ? i : -1)).filter((i) => i >= 0);
  const roles = new Map<number, "leaderQuote" | "customerQuote">();
  // The product's name, to tell its own people ("founder of KickoffKit") from its customers.
  const product = inferTitle(pr.heading);
  const score = (i: number) => leaderScore(body[i] ?? "", product);
  if (quotes.length === 1) roles.set(quotes[0] ?? 0, score(quotes[0] ?? 0) >= 2 ? "leaderQuote" : "customerQuote");
  else if (quotes.length > 1) {
    // The most company-sounding quote speaks for the leader (the first on a tie); the rest are customers.
    const leader = quotes.reduce((best, i) => (score(i) > score(best) ? i : best), quotes[0] ?? 0);
    for (const i of quotes) roles.set(i, i === leader ? "leaderQuote" : "customerQuote");
  }
  const out = new Map<Section, string[]>();
  // Append in place: copying the array on every push made long documents quadratic.
  const push = (s: Section, t: string) => {
    const list = out.get(s);
    if (list) list.push(t);
    else out.set(s, [t]);
  };
  for (const [i, role] of roles) push(role, body[i] ?? "");
  const first = quotes[0] ?? body.length;
  const last = quotes[quotes.length - 1] ?? body.length;
  const before = body.slice(0, first);
  const between = body.slice(first + 1, Math.max(first + 1, last)).filter((_, k) => !roles.has(first + 1 + k));
  const after = quotes.length ? body.slice(last + 1) : [];
  if (!quotes.length) fill(before, [...PROSE_SECTIONS], push, true);
  else {
    fill(before, ["problem", "solution"], push, false);
    fill(between, ["howItWorks"], push, false);
    fill(after, between.length ? ["callToAction"] : ["howItWorks", "callToAction"], push, true);
  }
  for (const [s, texts] of out) pr[s] = texts.join("\n\n");
}

/** Best order-preserving assignment of paragraphs to slots (a small DP); merging two paragraphs into one slot costs more than any cue can gain. */
function fill(paras: string[], slots: Prose[], push: (s: Section, t: string) => void, endsDoc: boolean): void {
  if (!paras.length) return;
  const MERGE = 4;
  const n = paras.length;
  const k = slots.length;
  const best: number[][] = Array.from({ length: n }, () => new Array<number>(k).fill(-Infinity));
  const from: number[][] = Array.from({ length: n }, () => new Array<number>(k).fill(-1));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < k; j++) {
      const gain = proseScore(paras[i] ?? "", slots[j] ?? "problem", endsDoc && i === n - 1) - j * 0.01;
      if (i === 0) {
        best[i]![j] = gain;
        continue;
      }
      for (let p = 0; p <= j; p++) {
        const v = (best[i - 1]![p] ?? -Infinity) + gain - (p === j ? MERGE : 0);
        if (v > best[i]![j]!) {
          best[i]![j] = v;
          from[i]![j] = p;
        }
      }
    }
  }
  let j = best[n - 1]!.reduce((bi, v, idx, arr) => (v > arr[bi]! ? idx : bi), 0);
  const picks: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    picks[i] = j;
    j = from[i]![j]!;
  }
  paras.forEach((p, i) => push(slots[picks[i] ?? 0] ?? "problem", p));
}

const QUESTION_WORD = /^(?:how|what|why|when|who|whom|whose|where|which|can|could|do|does|did|is|are|will|would|should|shall|may|has|have)\b/i;

function readFaq(blocks: Block[], doc: Prfaq): void {
  let part: "externalFaq" | "internalFaq" = "externalFaq";
  let current: FaqItem | undefined;
  const explicitStyle = blocks.some(
    (b) => (b.kind === "para" && (/^\*\*[^*]+\*\*/.test(b.text) || /^(?:Q|Question|QUESTION)\s*\d*\s*[:.)]/.test(b.text) || (b.item && b.text.includes("?")))) || (b.kind === "heading" && isQuestionText(b.text)),
  );
  const open = (question: string, answer: string) => {
    const lead = PART_TAG.exec(question.trim());
    const tail = lead ? null : PART_TAG_END.exec(question.trim());
    const tag = lead ?? tail;
    const q = lead ? question.trim().slice(lead[0].length) : tail ? question.trim().slice(0, tail.index) : question.trim();
    if (!q) return;
    current = { question: q, answer: answer.trim() };
    // A tagged question belongs to its part wherever it stands; the next untagged one keeps the heading's part.
    doc[tag ? (/^internal$/i.test(tag[1] ?? "") ? "internalFaq" : "externalFaq") : part].push(current);
  };
  const addAnswer = (t: string) => {
    if (current && t.trim()) current.answer = current.answer ? `${current.answer}\n\n${t.trim()}` : t.trim();
  };
  // Set by a `<!-- prfaq:answer -->` marker: the next paragraph continues the current answer, whatever it reads like.
  let continues = false;
  for (const b of blocks) {
    if (b.kind === "marker") {
      continues = b.name === "answer";
      continue;
    }
    if (continues && b.kind === "para" && current) {
      continues = false;
      addAnswer(b.text);
      continue;
    }
    continues = false;
    if (b.kind === "heading") {
      // "What the trustees ask" names a part of the FAQ; it is not itself a question.
      if (isQuestionText(b.text) && !FAQ_LABEL.test(b.text.replace(/[*_:]/g, "").trim())) open(stripNumber(b.text), "");
      else {
        part = INTERNAL_PART.test(b.text) ? "internalFaq" : "externalFaq";
        current = undefined;
      }
      continue;
    }
    const t = b.text;
    const bold = /^\*\*(.+?)\*\*(.*)$/.exec(t);
    const q = /^(?:Q|Question|QUESTION)\s*\d*\s*[:.)]\s*(.*)$/.exec(t);
    const a = /^(?:A|Answer|ANSWER)\s*\d*\s*[:.)]\s*(.*)$/.exec(t);
    // "**For trustees and coordinators (internal)**": a bold line alone that asks nothing names a part of the FAQ.
    const partLine = bold && !(bold[2] ?? "").trim() && !isQuestionText(bold[1] ?? "") && /^for\b|\((?:internal|external)\)|\b(?:customers?|readers?|members?|people|users?|trustees|staff|partners)\b/i.test(bold[1] ?? "");
    if (FAQ_LABEL.test(t.replace(/[*_:]/g, "").trim()) || partLine) {
      part = INTERNAL_PART.test(t) || /\(internal\)/i.test(t) ? "internalFaq" : "externalFaq";
      current = undefined;
    } else if (bold && !bold[1]?.startsWith("*")) {
      const inner = (bold[1] ?? "").replace(/^(?:Q|Question)\s*\d*\s*(?:[:.)]\s*|(?=[([](?:internal|external)[)\]]))/i, "");
      open(stripNumber(inner), (bold[2] ?? "").trim().replace(/^(?:A|Answer)\s*[:.)]\s+/, ""));
    } else if (q) {
      const [question, answer] = splitInlineAnswer(q[1] ?? "");
      open(question, answer);
    } else if (a) addAnswer(a[1] ?? "");
    else if ((b.item || !explicitStyle) && looksLikeQuestion(t)) {
      const cut = t.indexOf("?") + 1;
      open(t.slice(0, cut), t.slice(cut));
    } else addAnswer(t);
  }
}

function splitInlineAnswer(text: string): [string, string] {
  const m = /^(.*?)\s+(?:A|Answer):\s+(.*)$/.exec(text);
  return m ? [m[1] ?? "", m[2] ?? ""] : [text, ""];
}

function stripNumber(text: string): string {
  // "3.", "Q2:", and a part letter with its number ("B1.", "A.3)").
  return text.replace(/^(?:[A-Z]\.?\s?\d{1,3}[.)]|\d{1,3}[.)]|Q\s*\d*\s*[:.)])\s*/i, "").trim();
}

function isQuestionText(text: string): boolean {
  const t = stripNumber(text).replace(PART_TAG_END, "");
  return /\?$/.test(t) || (QUESTION_WORD.test(t) && !FAQ_HEADING.test(t));
}

function looksLikeQuestion(text: string): boolean {
  const cut = text.indexOf("?");
  return cut > 0 && text.slice(0, cut).split(/\s+/).length <= 30 && (QUESTION_WORD.test(text) || cut === text.length - 1);
}
