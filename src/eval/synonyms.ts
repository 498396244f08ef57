// A small hand-made table, not a thesaurus library: the eval needs a few exact, reviewable, context-guarded swaps, not broad coverage.

/** The five forms of an English verb: base, third person singular, -ing, past, past participle. */
type Forms = readonly [base: string, s: string, ing: string, past: string, pp: string];

/**
 * What must follow a verb for the swap to keep its meaning:
 * `object` (a noun phrase or an amount: "lose 9 customers"), `intransitive` (nothing, a comma, an
 * amount or "by/from": "fell by 12%"), `change` (an amount of change: "grew 12%", "grew from 3 to 5"),
 * `amount` (a number or a time or money word) or `any`.
 */
type Needs = "object" | "intransitive" | "change" | "amount" | "any";

type VerbSwap = {
  from: Forms;
  /** Words that must follow the verb (consumed and replaced with it): "wait for" → "await". */
  then?: readonly string[];
  to: Forms;
  needs: Needs;
  /** The base and -s forms are also nouns ("the wait", "price increases"): swap them only after a subject or auxiliary. */
  nounToo?: boolean;
  /** Objects that change the meaning ("lose money" is not "miss out on money"). */
  notBefore?: readonly string[];
};

const goUp: Forms = ["go up", "goes up", "going up", "went up", "gone up"];
const goDown: Forms = ["go down", "goes down", "going down", "went down", "gone down"];

/** General English pairs for verbs of pain and outcome, tried in order; the first that fits wins. */
const VERB_SWAPS: readonly VerbSwap[] = [
  { from: ["lose", "loses", "losing", "lost", "lost"], to: ["miss out on", "misses out on", "missing out on", "missed out on", "missed out on"], needs: "object", notBefore: ["money", "cash", "track", "touch", "sight", "interest", "weight", "sleep", "heart", "patience", "faith", "it", "them"] },
  { from: ["turn", "turns", "turning", "turned", "turned"], then: ["away"], to: ["lose", "loses", "losing", "lost", "lost"], needs: "object" },
  { from: ["spend", "spends", "spending", "spent", "spent"], to: ["put in", "puts in", "putting in", "put in", "put in"], needs: "object", nounToo: true, notBefore: ["it", "them"] },
  { from: ["waste", "wastes", "wasting", "wasted", "wasted"], to: ["throw away", "throws away", "throwing away", "threw away", "thrown away"], needs: "object", nounToo: true, notBefore: ["it", "them"] },
  { from: ["throw", "throws", "throwing", "threw", "thrown"], then: ["away"], to: ["waste", "wastes", "wasting", "wasted", "wasted"], needs: "object" },
  { from: ["wait", "waits", "waiting", "waited", "waited"], then: ["for"], to: ["await", "awaits", "awaiting", "awaited", "awaited"], needs: "any", nounToo: true },
  { from: ["wait", "waits", "waiting", "waited", "waited"], then: ["on", "hold"], to: ["sit on hold", "sits on hold", "sitting on hold", "sat on hold", "sat on hold"], needs: "any", nounToo: true },
  { from: ["struggle", "struggles", "struggling", "struggled", "struggled"], then: ["to"], to: ["find it hard to", "finds it hard to", "finding it hard to", "found it hard to", "found it hard to"], needs: "any", nounToo: true },
  { from: ["struggle", "struggles", "struggling", "struggled", "struggled"], then: ["with"], to: ["have a hard time with", "has a hard time with", "having a hard time with", "had a hard time with", "had a hard time with"], needs: "any", nounToo: true },
  { from: ["reduce", "reduces", "reducing", "reduced", "reduced"], to: ["cut", "cuts", "cutting", "cut", "cut"], needs: "any" },
  { from: ["increase", "increases", "increasing", "increased", "increased"], to: goUp, needs: "intransitive", nounToo: true },
  { from: ["increase", "increases", "increasing", "increased", "increased"], to: ["raise", "raises", "raising", "raised", "raised"], needs: "object", nounToo: true },
  { from: ["decrease", "decreases", "decreasing", "decreased", "decreased"], to: goDown, needs: "intransitive", nounToo: true },
  { from: ["decrease", "decreases", "decreasing", "decreased", "decreased"], to: ["lower", "lowers", "lowering", "lowered", "lowered"], needs: "object", nounToo: true },
  { from: ["fall", "falls", "falling", "fell", "fallen"], to: ["drop", "drops", "dropping", "dropped", "dropped"], needs: "intransitive", nounToo: true },
  { from: ["drop", "drops", "dropping", "dropped", "dropped"], to: goDown, needs: "intransitive", nounToo: true },
  { from: ["decline", "declines", "declining", "declined", "declined"], to: goDown, needs: "intransitive", nounToo: true },
  { from: ["rise", "rises", "rising", "rose", "risen"], to: goUp, needs: "intransitive", nounToo: true },
  // "want to grow" (expand) is not "go up"; only a grown amount is.
  { from: ["grow", "grows", "growing", "grew", "grown"], to: goUp, needs: "change" },
  { from: ["go", "goes", "going", "went", "gone"], then: ["up"], to: ["rise", "rises", "rising", "rose", "risen"], needs: "intransitive" },
  { from: ["go", "goes", "going", "went", "gone"], then: ["down"], to: ["fall", "falls", "falling", "fell", "fallen"], needs: "intransitive" },
  { from: ["complain", "complains", "complaining", "complained", "complained"], to: ["grumble", "grumbles", "grumbling", "grumbled", "grumbled"], needs: "any" },
  { from: ["save", "saves", "saving", "saved", "saved"], to: ["free up", "frees up", "freeing up", "freed up", "freed up"], needs: "amount" },
];

/** Fixed phrases: `before` must match whole words; `amount` requires a number or money right after. */
const PHRASE_SWAPS: readonly { before: readonly string[]; after: string; amount?: boolean }[] = [
  { before: ["by", "hand"], after: "manually" },
  { before: ["manually"], after: "by hand" },
  { before: ["frustrated", "with"], after: "fed up with" },
  { before: ["frustrated", "by"], after: "fed up with" },
  { before: ["difficult", "to"], after: "hard to" },
  { before: ["expensive"], after: "costly" },
  { before: ["about"], after: "roughly", amount: true },
  { before: ["roughly"], after: "about", amount: true },
  { before: ["around"], after: "about", amount: true },
  { before: ["approximately"], after: "about", amount: true },
  { before: ["nearly"], after: "almost", amount: true },
  { before: ["almost"], after: "nearly", amount: true },
  { before: ["more", "than"], after: "over", amount: true },
  { before: ["fewer", "than"], after: "under", amount: true },
  { before: ["less", "than"], after: "under", amount: true },
];

const set = (words: string) => new Set(words.split(" "));
const DETERMINERS = set("a an the this these those my your his her its our their each every any some no much many few several such whose another other");
const PREPOSITIONS = set("of in on at by for from with into onto over under about after before during since until through without within across against among between toward towards per via than");
const GERUND_PREPOSITIONS = set("by without after before from");
const BE = set("be is are was were been being am it's that's there's they're we're you're");
const HAVE = set("have has had having we've they've i've you've");
const CONTRACTED_IS = set("it's that's there's what's he's she's who's here's");
const BASE_LEFT = set("to will would can could may might must should shall do does did don't doesn't didn't won't can't cannot not never often always usually also still just we they you i who then rarely sometimes typically regularly constantly frequently");
const S_LEFT = set("he she it who which that also often always usually still never rarely sometimes just only typically everyone everybody nobody someone");
const QUANTIFIERS = set("many most some all few several other these those such both");
const NOT_OBJECT = set("to in on at by for from with of into onto over under out off up down away back after before during since until through and or but nor so yet because when while if than as that which who whom whose where why how is are was were be been being has have had will would can could may might must should shall do does did not never also too very again often always sometimes still just even only there");
const LY_WORDS = set("family supply monthly weekly daily yearly early elderly likely only assembly");
const INTRANSITIVE_NEXT = set("by from below sharply slightly steadily significantly substantially dramatically noticeably markedly further again quickly rapidly overall and but while when after as because since");
const APPROXIMATORS = set("about around roughly nearly almost approximately over under just some");
const AMOUNT_WORDS = set("time money hours days minutes weeks months");

type Token = { text: string; type: "word" | "number" | "space" | "punct" };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/(\p{L}+(?:['’]\p{L}+)*)|(\d(?:[\d,.]*\d)?)|(\s+)|([^\s\p{L}\d])/gu)) {
    tokens.push({ text: m[0], type: m[1] ? "word" : m[2] ? "number" : m[3] ? "space" : "punct" });
  }
  return tokens;
}

const lower = (t: Token | undefined) => (t?.type === "word" ? t.text.toLowerCase().replace("’", "'") : undefined);
const isAmount = (t: Token | undefined) => t?.type === "number" || (t?.type === "punct" && /[$£€]/.test(t.text));

/** The meaningful tokens around a position: what comes before and after, and whether a sentence starts there. */
class Context {
  constructor(private readonly sig: Token[]) {}
  word(i: number): string | undefined {
    return lower(this.sig[i]);
  }
  startsSentence(i: number): boolean {
    const prev = this.sig[i - 1];
    return !prev || (prev.type === "punct" && /[.!?:;(\u2014"“]/.test(prev.text));
  }
  /** A proper name (capitalised mid-sentence) or an acronym is never swapped. */
  isName(i: number): boolean {
    const t = this.sig[i]!.text;
    return (/^\p{Lu}/u.test(t) && !this.startsSentence(i)) || (t.length > 1 && t === t.toUpperCase());
  }
  isObject(i: number, notBefore: readonly string[] = []): boolean {
    const t = this.sig[i];
    if (isAmount(t)) return true;
    const w = lower(t);
    if (!w || NOT_OBJECT.has(w) || notBefore.includes(w)) return false;
    return !(w.endsWith("ly") && w.length > 4 && !LY_WORDS.has(w));
  }
  isIntransitiveEnd(i: number): boolean {
    const t = this.sig[i];
    if (!t || isAmount(t) || (t.type === "punct" && !/[$£€(]/.test(t.text))) return true;
    const w = lower(t)!;
    if (w === "to") return isAmount(this.sig[i + 1]) || APPROXIMATORS.has(this.word(i + 1) ?? "");
    return INTRANSITIVE_NEXT.has(w);
  }
  isChange(i: number): boolean {
    const w = this.word(i);
    return isAmount(this.sig[i]) || ((w === "by" || w === "from" || w === "to") && (isAmount(this.sig[i + 1]) || APPROXIMATORS.has(this.word(i + 1) ?? "")));
  }
  isAmountAt(i: number): boolean {
    return isAmount(this.sig[i]);
  }
  isAmountStart(i: number): boolean {
    const w = this.word(i);
    return isAmount(this.sig[i]) || AMOUNT_WORDS.has(w ?? "") || (APPROXIMATORS.has(w ?? "") && isAmount(this.sig[i + 1]));
  }
  /** A plural subject right before: "the patients wait", "Parents wait", "3 dispatchers spend". */
  pluralSubjectBefore(i: number): boolean {
    const w = this.word(i - 1);
    if (!w || !/^[a-z]{3,}s$/.test(w) || /(ss|us|is)$/.test(w) || set("this was has does its his less always perhaps towards across thus plus").has(w)) return false;
    const before = this.sig[i - 2];
    const b = lower(before);
    return this.startsSentence(i - 1) || before?.type === "number" || (b !== undefined && (DETERMINERS.has(b) || QUANTIFIERS.has(b) || /'s$/.test(b)));
  }
}

/** Which form slot a word fills, choosing the past participle after have and the past otherwise. */
function formOf(word: string, forms: Forms, prev: string | undefined): number {
  if (word === forms[4] && (HAVE.has(prev ?? "") || word !== forms[3])) return 4;
  return forms.indexOf(word);
}

/** Whether the left context reads as a verb in that form, not as a noun or an adjective. */
function verbal(ctx: Context, i: number, form: number, nounToo: boolean): boolean {
  const prev = ctx.word(i - 1);
  const start = ctx.startsSentence(i);
  if (prev && (DETERMINERS.has(prev) || (/'s$/.test(prev) && !CONTRACTED_IS.has(prev)))) return false;
  if (form === 0 && nounToo) return !!prev && (BASE_LEFT.has(prev) || ctx.pluralSubjectBefore(i));
  if (form === 1 && nounToo) return !!prev && S_LEFT.has(prev);
  // -ing and past forms after a number, a mark or a preposition read as adjectives: "41% lost yield", "with increasing demand".
  if (form === 2) return !!prev && !start && (!PREPOSITIONS.has(prev) || GERUND_PREPOSITIONS.has(prev));
  if (form >= 3) return !!prev && !start && !PREPOSITIONS.has(prev);
  return true;
}

function tryVerb(ctx: Context, i: number, swap: VerbSwap): { length: number; text: string } | undefined {
  const word = ctx.word(i)!;
  const prev = ctx.word(i - 1);
  const form = formOf(word, swap.from, prev);
  if (form < 0) return undefined;
  const then = swap.then ?? [];
  if (then.some((w, k) => ctx.word(i + 1 + k) !== w)) return undefined;
  const next = i + 1 + then.length;
  if (!verbal(ctx, i, form, swap.nounToo ?? false)) return undefined;
  // An intransitive replacement has no passive: "was increased by" cannot become "was gone up by".
  if ((swap.needs === "intransitive" || swap.needs === "change") && form >= 3 && BE.has(prev ?? "")) return undefined;
  const fits =
    swap.needs === "any" ||
    (swap.needs === "object" && ctx.isObject(next, swap.notBefore)) ||
    (swap.needs === "intransitive" && ctx.isIntransitiveEnd(next)) ||
    (swap.needs === "change" && ctx.isChange(next)) ||
    (swap.needs === "amount" && ctx.isAmountStart(next));
  return fits ? { length: 1 + then.length, text: swap.to[form]! } : undefined;
}

function tryPhrase(ctx: Context, i: number): { length: number; text: string } | undefined {
  for (const p of PHRASE_SWAPS) {
    if (p.before.some((w, k) => ctx.word(i + k) !== w)) continue;
    if (p.amount && !ctx.isAmountAt(i + p.before.length)) continue;
    return { length: p.before.length, text: p.after };
  }
  return undefined;
}

const matchCase = (source: string, text: string) => (/^\p{Lu}/u.test(source) ? text[0]!.toUpperCase() + text.slice(1) : text);

/** Swaps the table's words in one run of prose; numbers, money, names and dates pass through untouched. */
function swapProse(text: string): string {
  const tokens = tokenize(text);
  const sigIndex = tokens.flatMap((t, k) => (t.type === "space" ? [] : [k]));
  const ctx = new Context(sigIndex.map((k) => tokens[k]!));
  const out: string[] = [];
  let done = 0; // tokens[0..done) are already in out
  for (let i = 0; i < sigIndex.length; i++) {
    if (tokens[sigIndex[i]!]!.type !== "word" || ctx.isName(i)) continue;
    const hit = tryPhrase(ctx, i) ?? VERB_SWAPS.map((s) => tryVerb(ctx, i, s)).find(Boolean);
    if (!hit) continue;
    const first = sigIndex[i]!;
    const last = sigIndex[i + hit.length - 1]!;
    out.push(...tokens.slice(done, first).map((t) => t.text), matchCase(tokens[first]!.text, hit.text));
    done = last + 1;
    i += hit.length - 1;
  }
  out.push(...tokens.slice(done).map((t) => t.text));
  return out.join("");
}

/**
 * Rewrites prose with general English synonyms for verbs and phrases of pain and outcome ("lose" →
 * "miss out on", "fell" → "dropped", "by hand" → "manually"), whole words only, keeping case and
 * tense. Code spans and URLs are left alone.
 */
export function swapSynonyms(text: string): string {
  return text
    .split(/(`[^`]*`|https?:\/\/\S+|\]\([^)]*\))/)
    .map((part, k) => (k % 2 === 1 ? part : swapProse(part)))
    .join("");
}
