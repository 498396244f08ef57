/**
 * Reads the quantities a brief states: money with its currency and what it is per ("$249 per practice
 * per month", "£3.10 per scan", "$14 each delivery"), counts of things ("30,000 restaurants", "38 people"),
 * rates of use ("2.3 consultations a month"), effort ("5 engineers for a year") and percentages.
 * Pure; no I/O. Hand-written because the sentences are prose, not a unit grammar any library parses.
 */

export type Currency = "USD" | "GBP" | "EUR";
export type Period = "day" | "week" | "month" | "quarter" | "year";

/** Months in one period: the one conversion table every figure uses (a month is 4.33 weeks). */
export const MONTHS_PER: Record<Period, number> = { day: 1 / 21, week: 1 / 4.33, month: 1, quarter: 3, year: 12 };
/** Working weeks in a year when the brief does not say. */
export const WORKING_WEEKS = 46;

export type Money = {
  value: number;
  currency: Currency;
  /** The period it recurs over ("per month"), if any. */
  period?: Period;
  /** What it is per, other than a period ("practice", "order", "seat", "hectare"): singular, lowercase. */
  per?: string;
  /** "one-time", "setup": not recurring. */
  oneOff: boolean;
  /** The matched text, e.g. "$249 per practice per month". */
  text: string;
  index: number;
};

export type Count = { value: number; noun: string; text: string; index: number };
export type Rate = { value: number; noun: string; period: Period; text: string; index: number };

const SYMBOL: Record<string, Currency> = { $: "USD", "£": "GBP", "€": "EUR" };
/** The symbol of each currency: SYMBOL the other way round. */
const SYMBOL_OF = Object.fromEntries(Object.entries(SYMBOL).map(([symbol, currency]) => [currency, symbol])) as Record<Currency, string>;
const WORD_CURRENCY: Record<string, Currency> = { usd: "USD", dollars: "USD", dollar: "USD", gbp: "GBP", pounds: "GBP", pound: "GBP", eur: "EUR", euros: "EUR", euro: "EUR" };
const SCALE: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };
const PERIOD_WORDS: Record<string, Period> = {
  day: "day", daily: "day", week: "week", weekly: "week", wk: "week", month: "month", monthly: "month", mo: "month", mth: "month",
  quarter: "quarter", quarterly: "quarter", year: "year", yearly: "year", annually: "year", annual: "year", yr: "year", annum: "year",
};
/** Words after "per"/"a" that are not units ("a few", "a lot"). */
const NOT_UNITS = new Set(["few", "little", "lot", "one", "third", "half", "bit", "total", "the", "our", "their", "its", "his", "her", "and", "or", "in", "on", "of", "minimum", "maximum", "discount", "fee", "margin", "cost", "price", "saving", "start"]);

/** English number words a brief may use instead of digits. */
/** Numbers written as words, one to ninety; each reader's own pattern says which of them it reads. */
const UNITS_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE_WORDS: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000 };
/** "a year", "an hour": the article counts as one where a reader's pattern allows it. */
const NUMBER_WORDS: Record<string, number> = { ...UNITS_WORDS, a: 1, an: 1 };
/** A number as a brief writes a small one: "6", "4.5", "six" (read with `numeric`). */
/** Counts of several, two to twelve, in words, as a regex alternation: "runs twelve lorries". */
export const SMALL_WORDS = "(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)";
export const SMALL_NUMBER = String.raw`(?:\d+(?:\.\d+)?|one|${SMALL_WORDS})`;
const NUMBER_WORD = `(?:${[...Object.keys(UNITS_WORDS), ...Object.keys(SCALE_WORDS)].join("|")})`;
// "a hundred and twenty-five thousand, four hundred and eighty-eight": a comma may follow "thousand" or "million" inside one number.
const NUMBER_SPAN = new RegExp(`\\b(?:an?[\\s-]+(?=(?:hundred|thousand|million)\\b))?${NUMBER_WORD}(?:(?:[\\s-]+and[\\s-]+|(?<=(?:thousand|million)),\\s+|[\\s-]+)${NUMBER_WORD})*\\b`, "gi");

/**
 * Figures written in words, as numerals: "twenty-four hundred euro" → "2400 euro", "a hundred and ten
 * cylinders" → "110 cylinders", "four euro per hectare" → "4 euro per hectare". A lone small number
 * ("two engineers", "one of them") is left as written unless money follows it: the readers of
 * counts and effort read those words themselves.
 */
export function numeralsFromWords(text: string): string {
  return wordsAsNumerals(text).replace(/\b(\d+) (pounds?|dollars?|euros?) (\d{2})\b(?!\s*(?:%|pence|p\b|cents?|[.,]\d|times\b|x\b|[a-z]+s\b))/gi, (_m, whole: string, unit: string, part: string) => `${SYMBOL_OF[WORD_CURRENCY[unit.toLowerCase()] ?? "USD"]}${whole}.${part}`);
}

/** "one pound forty" → "1 pound 40": the number words, before pounds-and-pence are joined. */
function wordsAsNumerals(text: string): string {
  return text.replace(NUMBER_SPAN, (span: string, offset: number) => {
    // "between five and thirty lorries" is two numbers; "a hundred and ten" is one: "and" joins only after a scale word.
    const split = /^(.*?\b(?!hundred\b|thousand\b|million\b)[a-z]+)([\s-]+and[\s-]+)(.+)$/i.exec(span);
    if (split?.[1] && split[2] && split[3]) return `${wordsAsNumerals(split[1])}${split[2]}${wordsAsNumerals(split[3])}`;
    const tokens = span.toLowerCase().split(/[\s,-]+/).filter((t) => t !== "and" && t !== "");
    // "$4 million", "12 thousand": a scale word after a numeral is read with it, as written.
    if ((tokens[0] ?? "") in SCALE_WORDS && /\d[\s-]*$/.test(text.slice(0, offset))) return span;
    const big = tokens.some((t) => t in SCALE_WORDS || (UNITS_WORDS[t] ?? 0) > 12);
    const money = /^\s+(?:euros?|pounds?|dollars?)\b/i.test(text.slice(offset + span.length));
    if (!big && !money) return span;
    let total = 0;
    let current = 0;
    for (const t of tokens) {
      if (t === "a" || t === "an") current += 1;
      else if (t in UNITS_WORDS) current += UNITS_WORDS[t] ?? 0;
      else if (t === "hundred") current = (current || 1) * 100;
      else {
        total += (current || 1) * (SCALE_WORDS[t] ?? 1);
        current = 0;
      }
    }
    return String(total + current);
  });
}

/** Plurals that do not end in -s. ("people" stays: the brief's word for a crowd, read as such.) */
const IRREGULAR: Record<string, string> = { children: "child", women: "woman", men: "man", teeth: "tooth", feet: "foot", mice: "mouse", geese: "goose" };

/** The plural of a singular noun: "child" → "children", "lab" → "labs", "company" → "companies". */
export function pluralOf(word: string): string {
  const irregular = Object.entries(IRREGULAR).find(([, one]) => one === word)?.[0];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return /(?:s|x|z|ch|sh)$/.test(word) ? `${word}es` : `${word}s`;
}

/** A singular noun in the singular or plural, as a regex: "lorry" → "lorr(?:y|ies)", "box" → "box(?:es)?". */
export function pluralPattern(unit: string): string {
  if (/[^aeiou]y$/.test(unit)) return `${unit.slice(0, -1)}(?:y|ies)`;
  return /(?:s|x|z|ch|sh)$/.test(unit) ? `${unit}(?:es)?` : `${unit}s?`;
}

export function singular(word: string): string {
  const w = word.toLowerCase();
  if (IRREGULAR[w]) return IRREGULAR[w];
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(ches|shes|sses|xes)$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")) return w.slice(0, -1);
  return w;
}

/** "21,000" → 21000; with a scale word or letter ("12 k", "3 million") multiplied by it. */
export function toNumber(digits: string, scale?: string): number {
  return Number(digits.replace(/,/g, "")) * (scale ? SCALE[scale.toLowerCase()] ?? 1 : 1);
}

/** Words after a unit that do not continue it: "per firm per month", "per shop for texts", "per lesson booked". */
const COMPOUND_STOP = new Set(["per", "a", "an", "each", "every", "for", "in", "on", "at", "with", "and", "or", "to", "of", "the", "plus", "including", "excluding", "paid", "billed", "upfront", "up-front", "up", "when", "if", "so", "but", "than", "from", "by", "after", "before", "while", "which", "that", "who", "as", "is", "are", "was", "were", "we", "they", "it", "unlimited", "all", "including", "about", "only", "extra", "more", "less", "minimum", "maximum", "one-time", "one-off", "once", "then", "via", "through", "into", "across", "over", "under", "around"]);

/** Numbers written as words are read too: "five engineers", "a year". */
export function numeric(token: string): number | undefined {
  if (/^\d/.test(token)) return Number(token.replace(/,/g, ""));
  return NUMBER_WORDS[token.toLowerCase()];
}

/**
 * The basis that follows an amount: "per practice per month", "a month", "/mo", "each order",
 * "per active user", "one-time". Reads at most three units after the amount.
 */
function basisAfter(tail: string): { period?: Period; per?: string; oneOff: boolean; length: number } {
  let period: Period | undefined;
  let per: string | undefined;
  let oneOff = false;
  let length = 0;
  for (let i = 0; i < 3; i++) {
    const rest = tail.slice(length);
    const flag = /^\s*(monthly|yearly|annually|annual|weekly|daily|quarterly|one-time|one-off|upfront|up-front|once)\b/i.exec(rest);
    // "£12 a month for each technician": "for each" names the unit as "per" does.
    const unit = /^\s*(?:\/\s*|(?:per|a|an|each|every|for each|for every)\s+)(?:(?:active|paying|registered|enrolled|billed|single|additional|extra)\s+)?(\p{L}[\p{L}-]*)/iu.exec(rest);
    if (flag) {
      const w = (flag[1] ?? "").toLowerCase();
      if (PERIOD_WORDS[w]) period ??= PERIOD_WORDS[w];
      else oneOff = true;
      length += flag[0].length;
      continue;
    }
    if (!unit) break;
    // "$41/hr": an hour by its short names.
    const word = /^(?:hr|hrs|h)$/i.test(unit[1] ?? "") ? "hour" : (unit[1] ?? "").toLowerCase();
    // "a lot", "a few", "a third" are not units; "per lot" is.
    const article = /^\s*an?\s/i.test(rest);
    if (NOT_UNITS.has(word) && (article || !["lot", "head", "third"].includes(word))) break;
    if (PERIOD_WORDS[word]) period ??= PERIOD_WORDS[word];
    else if (per === undefined) per = /^(engineer|developer)-?month$/.test(word) ? "engineer-month" : singular(word);
    else break;
    length += unit[0].length;
    // A compound unit: "per ski area" is per area; but "per preparer seat" is per preparer (the seat is what
    // is sold, the preparer what is counted).
    const next = /^\s+(\p{Ll}[\p{L}-]*)\b/u.exec(tail.slice(length));
    const nextWord = next?.[1]?.toLowerCase() ?? "";
    if (next && per !== undefined && !PERIOD_WORDS[word] && !PERIOD_WORDS[nextWord] && !COMPOUND_STOP.has(nextWord) && !/(?:ed|ing|ly)$/.test(nextWord)) {
      if (!/^(?:seats?|licen[cs]es?|accounts?|logins?|slots?)$/.test(nextWord)) per = singular(nextWord);
      length += next[0].length;
    }
  }
  return { ...(period ? { period } : {}), ...(per ? { per } : {}), oneOff, length };
}

/** Every amount of money in a text, with its basis. */
/** An amount of money anywhere in a text: "$9", "£1,200", "USD 90", "40 euros". The one test for "this states money". */
export const MONEY_AMOUNT = /[$£€]\s?\d|\b(?:USD|US\$|GBP|EUR)\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars?|euros?|pounds?)\b/i;

/** A currency code before an amount ("USD 90", "GBP 1,500") read as its symbol, the text's length kept so positions still point into it. */
function codesAsSymbols(text: string): string {
  return text.replace(/\b(USD|US\$|GBP|EUR)(\s?)(?=\d)/gi, (all: string, code: string) => `${SYMBOL_OF[(code.toUpperCase() === "US$" ? "USD" : code.toUpperCase()) as Currency]}${" ".repeat(all.length - 1)}`);
}

export function moneyIn(original: string): Money[] {
  const out: Money[] = [];
  const text = codesAsSymbols(original);
  const re = /([$£€])\s{0,4}(\d[\d,]*(?:\.\d+)?)(?:\s?(k|m|mn|bn|million|thousand|billion)\b)?|\b(\d[\d,]*(?:\.\d+)?)(?:\s?(k|m|million|thousand|billion)\b)?\s?(usd|gbp|eur|dollars?|pounds?|euros?)\b|(?<![$£€\d.,])\b(\d{1,2}(?:\.\d+)?)\s?(p|pence|c|cents?)\b(?!-)/gi;
  // Cents belong to the text's dollars or euros ("€2 a month; about 40 cents of that is hosting").
  const centsCurrency: Currency = /€|\beuros?\b/i.test(text) && !/\$/.test(text) ? "EUR" : "USD";
  for (const m of text.matchAll(re)) {
    const symbol = m[1];
    // "80p", "40 cents": a hundredth of a pound, dollar or euro.
    const cents = m[7] && m[8] ? { value: Number(m[7]) / 100, currency: /^p/i.test(m[8]) ? ("GBP" as const) : centsCurrency } : undefined;
    const currency = cents?.currency ?? (symbol ? SYMBOL[symbol] : WORD_CURRENCY[(m[6] ?? "").toLowerCase()]);
    const digits = symbol ? m[2] : m[4];
    if (!currency || (!digits && !cents)) continue;
    const value = cents?.value ?? toNumber(digits ?? "0", symbol ? m[3] : m[5]);
    const end = (m.index ?? 0) + m[0].length;
    // "a €79-a-month service": the basis may be joined to the amount by hyphens.
    const basis = basisAfter(text.slice(end, end + 60).replace(/^-(a|an|per)-/i, " $1 "));
    // "$300 one-time setup" and "a one-off fee of $300" are not recurring.
    const before = text.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0);
    const oneOff = basis.oneOff || /\b(one-?time|one-?off|setup|set-up|upfront|up-front)\b[^.,;]*$/i.test(before) || /^\s*(setup|set-up|one-?time)/i.test(text.slice(end, end + 20));
    // "An annual licence of £480", "a monthly fee: $30": the period may stand before the amount.
    const lead = /\b(annual|yearly|monthly|weekly|quarterly)\b[^.,;:$£€\d]{0,30}(?:\bof|\bat|\bis|:)?\s*$/i.exec(before);
    const period = basis.period ?? (lead?.[1] ? PERIOD_WORDS[lead[1].toLowerCase()] : undefined);
    out.push({
      value,
      currency,
      ...(period ? { period } : {}),
      ...(basis.per ? { per: basis.per } : {}),
      oneOff,
      text: original.slice(m.index ?? 0, end + basis.length).trim(),
      index: m.index ?? 0,
    });
  }
  return out;
}

/** Counts of things: "30,000 restaurants", "about 38 people", "5 engineers", "120k households". Money and percentages are not counts. */
export function countsIn(text: string): Count[] {
  const out: Count[] = [];
  const re = /(?<![$£€\d.,])\b(\d[\d,]*(?:\.\d+)?)(?:\s?(k|m|million|thousand)\b)?\s+(?:(?:[a-z]+-)?(?:independent|small|large|mid-sized|medium-sized|active|qualifying|eligible|licensed|paying|registered|full-time|part-time|certified|potential|possible|practising|practicing|working|qualified|professional|commercial|regional|private|public|specialist|other|more|such|similar|[A-Z][\p{L}]+)\s+){0,3}(\p{Ll}[\p{L}-]+)/gu;
  for (const m of text.matchAll(re)) {
    const noun = m[3] ?? "";
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 3);
    if (/^%/.test(after) || /^(percent|per|to|of|and|or|in|a|an|the|by|x|times|am|pm|hours?|minutes?|days?|weeks?|months?|years?|km|kg|miles?|m|cm|mm|ha|hectares?|acres?)$/i.test(noun)) continue;
    out.push({ value: toNumber(m[1] ?? "0", m[2]), noun: singular(noun), text: m[0], index: m.index ?? 0 });
  }
  // "about 2,300 such growers", "about 30,000 of them": the count names the noun after "such", or "them".
  for (const m of text.matchAll(/(?<![$£€\d.,])\b(\d[\d,]*(?:\.\d+)?)(?:\s?(k|m|million|thousand)\b)?\s+(such\s+(\p{Ll}[\p{L}-]+)|of them)\b/gu)) {
    out.push({ value: toNumber(m[1] ?? "0", m[2]), noun: m[4] ? singular(m[4]) : "them", text: m[0], index: m.index ?? 0 });
  }
  return out;
}

/** Rates of use: "2.3 consultations a month", "25 scans per month", "three orders a week". */
export function ratesIn(text: string): Rate[] {
  const out: Rate[] = [];
  const re = /\b(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty)\s+([a-z][a-z-]+)(?:\s+[a-z]+)?\s+(?:a|an|per|each|every)\s+(day|week|month|quarter|year)\b/gi;
  for (const m of text.matchAll(re)) {
    const value = numeric(m[1] ?? "");
    const period = PERIOD_WORDS[(m[3] ?? "").toLowerCase()];
    if (value === undefined || !period) continue;
    out.push({ value, noun: singular(m[2] ?? ""), period, text: m[0], index: m.index ?? 0 });
  }
  return out;
}

/** Percentages: "61%", "12 percent". */
export function percentsIn(text: string): { value: number; text: string; index: number }[] {
  return [...text.matchAll(/\b(\d+(?:\.\d+)?)\s?(%|percent\b|per cent\b)/gi)].map((m) => ({ value: Number(m[1]), text: m[0], index: m.index ?? 0 }));
}

/** A span of time in months: "for a year", "8 months", "18 months", "two years", "six weeks". */
export function durationMonths(text: string): number | undefined {
  const m = /\b(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)\s+(full\s+)?(years?|months?|quarters?|weeks?)\b/i.exec(text);
  if (!m) return undefined;
  const n = numeric(m[1] ?? "");
  if (n === undefined) return undefined;
  const unit = (m[3] ?? "").toLowerCase().replace(/s$/, "") as Period;
  return n * (MONTHS_PER[unit] ?? 1);
}

/** Effort to build: "5 engineers for a year", "a team of four for 9 months", "two developers, six months". */
export function buildEffort(text: string): { engineers: number; months: number; text: string } | undefined {
  const m = /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+(?:full-time\s+|senior\s+|)(?:engineers?|developers?|devs|people|staff)\b([^.;]{0,60}?)(?:\b(?:for|over|in|during)|,|\s[x×])\s+((?:about\s+|around\s+|roughly\s+)?(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)\s+(?:full\s+)?(?:years?|months?|quarters?|weeks?))/i.exec(text)
    ?? /\bteam of (\d+|two|three|four|five|six|seven|eight|nine|ten)\b([^.;]{0,40}?)\b(?:for|over|in)\s+((?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|nine|twelve|eighteen)\s+(?:years?|months?|quarters?|weeks?))/i.exec(text)
    // "takes 4 engineers 9 months": the duration straight after the team.
    ?? /\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\s+(?:engineers?|developers?|devs)()\s+((?:about\s+|around\s+)?(?:\d+(?:\.\d+)?|one|two|three|four|five|six|nine|twelve|eighteen)\s+(?:years?|months?|quarters?|weeks?))\b/i.exec(text);
  // "me full time for 5 months", "a freelance developer for 3 months": one person builds it.
  const solo = m ? undefined : /\b(?:me|myself|(?:a|one)\s+(?:single\s+|solo\s+|freelance\s+|contract\s+)?(?:engineer|developer|dev))\b(?:\s+(?:working\s+)?(?:full[- ]time|alone))?\s+(?:for|over)\s+((?:about\s+|around\s+)?(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen)\s+(?:years?|months?|quarters?|weeks?))\b/i.exec(text);
  if (solo) {
    const months = durationMonths(solo[1] ?? "");
    return months ? { engineers: 1, months, text: solo[0] } : undefined;
  }
  if (!m) return undefined;
  const engineers = numeric(m[1] ?? "");
  const months = durationMonths(m[3] ?? "");
  if (!engineers || !months) return undefined;
  return { engineers, months, text: m[0] };
}

/** Rounds to cents (money) or to one decimal place (percentages). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
