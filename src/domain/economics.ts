import { z } from "zod";
import type { LedgerBuilder, LedgerEntry } from "./ledger.js";
import { buildEffort, countsIn, MONTHS_PER, moneyIn, numeric, pluralOf, pluralPattern, ratesIn, round2, singular, SMALL_NUMBER, SMALL_WORDS, toNumber, WORKING_WEEKS, type Currency, type Money } from "./quantities.js";

/** One computed line: its value, how it was computed, and the ledger ids it rests on. */
export const EconomicsLineSchema = z.object({
  label: z.string(),
  value: z.number(),
  formula: z.string().describe("How the value was computed, in words and numbers"),
  sources: z.array(z.string()).describe("Ledger ids the line rests on"),
});

const figure = (what: string) => z.number().nullable().describe(what);

/** The economics model's figures: each a number, or null when the brief does not give the inputs. */
export const EconomicsSchema = z.object({
  currency: z.enum(["USD", "GBP", "EUR"]).nullable(),
  pricePerMonth: figure("What one paying customer pays per month, normalised to one customer and one month"),
  costToServePerMonth: figure("What it costs to serve that customer per month"),
  grossMarginPct: figure("(price - cost to serve) / price x 100"),
  marketCustomers: figure("Customers who could buy it, as the brief counts them"),
  tamPerYear: figure("The whole market per year in money: customers x price per month x 12"),
  targetCustomers: figure("Paying customers the success measure aims at"),
  targetRevenuePerYear: figure("Target customers x price per month x 12"),
  buildCost: figure("Engineers x months x loaded cost per engineer-month"),
  paybackMonths: figure("Months of the target's contribution (or the tool's value) to repay the build"),
  breakEvenCustomers: figure("Customers needed to repay the build within 36 months"),
  valuePerYear: figure("For tools with no price: hours saved x people x working weeks x loaded hourly cost"),
  lines: z.array(EconomicsLineSchema),
});
export type Economics = z.infer<typeof EconomicsSchema>;

/**
 * Which money problem it is: every sale loses money, free with a real cost, the whole market cannot repay
 * the build, a tool's value cannot repay it, the revenue goal is bigger than the market, or the brief's own
 * target takes longer than PAYBACK_LIMIT_MONTHS to repay the build.
 */
export const EconomicsProblemKindSchema = z.enum(["loss", "no-revenue", "market", "value", "goal", "payback"]);
export type EconomicsProblemKind = z.infer<typeof EconomicsProblemKindSchema>;

/** A problem with the money that decides the meeting on its own, whatever else the brief says. */
export const EconomicsProblemSchema = z.object({ kind: EconomicsProblemKindSchema, text: z.string(), sources: z.array(z.string()) });
export type EconomicsProblem = z.infer<typeof EconomicsProblemSchema>;

/** Months a build must repay itself in before the whole market counts as too small. */
export const PAYBACK_HORIZON_MONTHS = 36;
/** A build its own target repays more slowly than this is not a business case: twice the horizon. */
export const PAYBACK_LIMIT_MONTHS = 2 * PAYBACK_HORIZON_MONTHS;
/** The loaded cost of one engineer-month assumed when the brief gives none (labelled as an assumption). */
export const ASSUMED_ENGINEER_MONTH: Record<Currency, number> = { USD: 15_000, GBP: 12_000, EUR: 13_000 };

type Role = "price" | "cost" | "loaded" | "hourly" | "build" | "other";
/** An amount with its role; `items` when it is the sum of an itemised list ("$21 + $26 + 2 x $46"). */
type Found = Money & { role: Role; id: string; part: string; items?: string };

const PRICE_CUE = /\b((?:would|will|'d|to|should) cost (?:a|an|each|every|one|the) \p{L}[\p{L}-]*|price[ds]?|pricing|charg\w*|subscriptions?|fees?|sells? (it )?for|sold for|sell(?:s|ing)? (?:[\p{L}'-]+\s+){1,5}an?(?=\s*$)|list|plans?|tiers?|licen[cs]es?|pays?|paid|pay us|costs? (customers|clinics|practices|the customer|users|members|them|each customer|a customer|the (district|city|school|hotel|firm|practice|clinic|team|company|agency|store|farm|restaurant|shop|bakery|council|hospital|family|household))|we('d| would| will)? (ask|bill|invoice))\b|^\s*$/iu;
const COST_CUE = /\b(costs? (?:per|of each|to us)|costs? us|cost to us|to serve|serving|to run|running|hosting|our cost|cogs|cost of (goods|delivery|serving|each|running)|we pay|we spend|unit cost|variable cost|marginal cost|operating cost|in (fees|texting|hosting|operations|compute|support|labou?r|materials|postage|shipping|cloud|data|sms|api))\b/i;
/** Things we pay for to serve a customer: "hosting and support cost about $X", "filters and shipping cost $Y". */
const COST_SUBJECT = /\b(hosting|texting|text messages|sms|data|support|compute|servers?|cloud|operations|shipping|postage|insurance|materials|labou?r|fuel|drivers?|couriers?|filters?|parts|api calls?|inference|gpu|storage|bandwidth|payment processing|processing|minutes)\b[^.;$£€]{0,30}\b(?:costs?|comes? to|add(?:s)? up to|runs? (?:us )?(?:to|about)|totals?)\b/i;
const LOADED_CUE = /\b(loaded|salary|salaries|per engineer|engineer-month|developer-month|per developer|day rate)\b/i;
const BUILD_CUE = /\b(to build|build cost|building it|development cost|one-?off build|capex|up-?front investment|invest(ment)? of|budget of|ask(ing)? for)\b/i;
const FREE = /\b((?:is|are|will be|stays?|remains?|always)\s+free\b(?! (?:of|up|from|to try))|free for the first (?:\w+ )?(?:year|years|\d+ months|six months|twelve months)|launch(?:es|ing)? free\b|free (forever|for (?:\p{L}+ ){0,2}?(?:users|everyone|customers|members|life|families|patients|students|parents|residents|carers|caregivers|volunteers|\p{L}+s)\b)|free of charge|free to (use|join|download)|no charge|costs? (users|customers|them|members|families|patients|parents) nothing|we (won't|will not|do not|don't|never) charge|revenue (is |of |will be )?[£$€]\s?0\b|no revenue|zero revenue)\b/iu;
const N = SMALL_NUMBER;
const HOURS_SAVED_FORMS = [
  new RegExp(String.raw`\b(${N})\s*(hours?|hrs?|minutes?|mins?)\s+saved\s+(?:a|per|each|every)\s+(day|week|month)\b`, "i"),
  new RegExp(String.raw`\bsaves?\s+(?:\w+\s+){0,4}?(${N})\s*(hours?|hrs?|minutes?|mins?)\s+(?:a|per|each|every)\s+(day|week|month)\b`, "i"),
  new RegExp(String.raw`\b(?:time|hours)\s+(?:fell|dropped|went down)\s+by\s+(${N})\s*(hours?|minutes?)\s+(?:per\s+\w+\s+)?(?:a|per|each)\s+(day|week|month)\b`, "i"),
];
/** A return written out as a product: "3 hours x 38 technicians x 46 working weeks x £24 loaded an hour". */
const TIMES = String.raw`(?:\s*[x×]\s*|,?\s+times\s+)`;
const STATED_RETURN = new RegExp(String.raw`\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:hours?|hrs?)(?:\s+(?:a|per)\s+week)?${TIMES}(\d[\d,]*)\s+([\p{L}-]+)${TIMES}(\d+)\s+(?:working\s+)?weeks?(?:\s+(?:of|in)\s+(?:the\s+|a\s+)?(?:[\p{L}-]+\s+)?[\p{L}-]+)?${TIMES}(?:an?\s+)?(?:loaded\s+)?(?:(?:hourly\s+)?(?:cost|rate)\s+of\s+)?(?:[$£€]\s?(\d[\d,]*(?:\.\d+)?)|(\d[\d,]*(?:\.\d+)?)\s*(?:pounds?|dollars?|euros?))`, "iu");
/**
 * A return written as bare figures with the brief's own total: "1.5 x 140 x 46 x $41 = $396,060 a year".
 * Read only when the product of the figures is the total the brief states (within 2%).
 */
const BARE_RETURN = new RegExp(String.raw`\b(\d+(?:\.\d+)?)${TIMES}(\d[\d,]*)${TIMES}(\d{2})${TIMES}[$£€]\s?(\d[\d,]*(?:\.\d+)?)\s*(?:=|is|comes to|equals|makes)\s*(?:about\s+|around\s+|roughly\s+)?[$£€]\s?(\d[\d,]*(?:\.\d+)?)\s?(k|m)?`, "i");
const HOURS_SAVED = new RegExp(String.raw`\b(?:saves?|saving|saved|cuts?|frees? up|gives? back|reduces?|back)\b[^.;]{0,60}?\b(${N})\s*(hours?|hrs?|minutes?|mins?)\b[^.;]{0,30}?\b(?:a|per|each|every)\s+(day|week|month)\b|\b(${N})\s*(hours?|hrs?|minutes?|mins?)\s+(?:a|per|each|every)\s+(day|week|month)\b[^.;]{0,40}?\b(saved|back|freed|would go|would disappear|go away)\b`, "i");
/** The hours a job takes today: "they spend 2 hours a week rewriting sheets", "each clerk loses 90 minutes a day to it". */
const HOURS_SPENT = new RegExp(String.raw`\b(?:spends?|spent|spending|lose|loses|losing|wastes?|wasting|takes? (?:them|her|him|each \w+|every \w+))\s+(?:about\s+|around\s+|roughly\s+|up to\s+|over\s+)?(${N})\s*(hours?|hrs?|minutes?|mins?)\s+(?:a|per|each|every)\s+(day|week|month)\b`, "i");
const PEOPLE = /^(people|person|staff|employee|engineer|developer|analyst|agent|nurse|technician|driver|planner|dispatcher|coordinator|clerk|worker|operator|inspector|teacher|manager|accountant|adjuster|member|user|rep|representative|associate|picker|scheduler|recruiter|lawyer|paralegal|auditor|officer|caseworker|designer|volunteer|pharmacist|researcher|scientist|physician|doctor|foreman|foremen|vet|dentist|chef|cook|housekeeper|caregiver|cleaner|installer|electrician|plumber|mechanic|surveyor|estimator|buyer|controller|specialist|administrator|admin|receptionist|assistant|clinician|therapist|counsellor|counselor|underwriter|trader|editor|writer|reporter|producer|student|learner|tutor|coach|guide|advisor|adviser|consultant|banker|broker|agent)$/;
const TRANSACTION = /^(order|service|survey|delivery|trip|ride|booking|rental|call|visit|submission|shipment|transaction|box|kit|meal|scan|consultation|session|report|test|inspection|use|lesson|appointment|claim|case|job|load|pickup|return|message|check|request|search|print|class|ticket|wash|repair|treatment|screening|review|letter|quote|invoice|audit|policy|lookup|render|sample|pallet|parcel|package|event|stay|night|course|application|filing|referral|match|lead|translation|query|analysis|assessment|document|form|tour|install|installation)$/;

/** A return the brief works out itself, as its figures: hours a week x people x working weeks x hourly rate. */
type StatedReturn = { hours: number; people: number; noun: string; weeks: number; rate: number };

/**
 * "Saving = 6 hrs/week x 14 staff x £24/hr loaded x 46 working weeks": the same figures as STATED_RETURN in any
 * order, each known by its unit (hours a week, an hourly amount, working weeks, a count of people); weeks are
 * the usual working year when the product leaves them out. Undefined unless hours, people and rate are all there.
 */
function factorReturn(text: string): StatedReturn | undefined {
  const pieces = text.split(/\s+[x×]\s+|\s+times\s+/i);
  if (pieces.length < 3) return undefined;
  let hours: number | undefined;
  let rate: number | undefined;
  let weeks: number | undefined;
  let people: { value: number; noun: string } | undefined;
  pieces.forEach((raw, i) => {
    // The first piece is read after its label ("Saving = ", "Value: "), the last up to the end of its clause.
    const piece = ((i === 0 ? raw.split(/[=:]\s*/).at(-1) ?? raw : raw).split(/[;,.](?:\s|$)|\s=\s/)[0] ?? "").trim();
    const h = /^(?:about\s+|around\s+)?(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b(?:\s*(?:\/|a|per)\s*(?:week|wk)\b)?/i.exec(piece);
    const money = moneyIn(piece)[0];
    const w = /^(\d+)\s+(?:working\s+)?weeks?\b/i.exec(piece);
    const c = /^(?:the\s+|our\s+|all\s+)?(\d[\d,]*)\s+(\p{L}[\p{L}-]*)/iu.exec(piece);
    if (h?.[1] && hours === undefined) hours = Number(h[1]);
    else if (money && rate === undefined && (money.per === "hour" || /\b(?:hour|hr|h)\b|loaded/i.test(piece))) rate = money.value;
    else if (w?.[1] && weeks === undefined) weeks = Number(w[1]);
    else if (c?.[1] && c[2] && people === undefined && !/^(?:months?|years?|days?|minutes?|mins?)$/i.test(c[2])) people = { value: Number(c[1].replace(/,/g, "")), noun: c[2] };
  });
  if (!hours || !people || !rate) return undefined;
  return { hours, people: people.value, noun: people.noun, weeks: weeks ?? WORKING_WEEKS, rate };
}

/** STATED_RETURN (its figures as written), else factorReturn, else BARE_RETURN when their product is the total the brief states (within 2%). */
function statedReturn(text: string): StatedReturn | undefined {
  const m = STATED_RETURN.exec(text);
  if (m) {
    const num = (i: number) => numeric(m[i] ?? "") ?? 0;
    return { hours: num(1), people: num(2), noun: m[3] ?? "people", weeks: num(4), rate: num(5) || num(6) };
  }
  const f = factorReturn(text);
  if (f) return f;
  const b = BARE_RETURN.exec(text);
  if (!b) return undefined;
  const [hours, people, weeks, rate] = [b[1], b[2], b[3], b[4]].map((x) => Number((x ?? "").replace(/,/g, "")));
  const total = toNumber(b[5] ?? "0", b[6]);
  if (!hours || !people || !weeks || !rate || Math.abs(hours * people * weeks * rate - total) > 0.02 * total) return undefined;
  return { hours, people, noun: "people", weeks, rate };
}

/** A figure given as a label and its value, as a table row or a label line: "people: 11", "build: months: 3". */
type Labelled = { value: number; id: string; label: string };
function labelledFigures(facts: LedgerEntry[]): Labelled[] {
  return facts.flatMap((f) => {
    const m = /^(.{2,90}?):\s*(?:about\s+|around\s+|roughly\s+)?(?:[$£€]\s?)?(\d[\d,]*(?:\.\d+)?)\.?$/.exec(f.text.trim());
    return m?.[1] && m[2] ? [{ value: Number(m[2].replace(/,/g, "")), id: f.id, label: m[1] }] : [];
  });
}

/**
 * A return laid out as labelled rows rather than one sentence ("hours saved per person per week: 3.5",
 * "people: 11", "working weeks a year: 46", "loaded cost per hour: €62"): read when hours, people and an hourly rate are all there.
 */
function labelledReturn(facts: LedgerEntry[]): { f: LedgerEntry; r: StatedReturn; ids: string[] } | undefined {
  const rows = labelledFigures(facts);
  const hours = rows.find((r) => /\bhours?\b/i.test(r.label) && /\b(?:saved|saving|back|freed)\b/i.test(r.label) && /\b(?:a|per|each)\s+week\b/i.test(r.label));
  const people = rows.find((r) => new RegExp(`^(?:number of\\s+)?(?:[\\p{L}-]+\\s+)?(?:${PEOPLE.source.replace(/^\^\(|\)\$$/g, "")})s?\\b`, "iu").test(r.label.trim()) && !/\b(?:build|engineer|developer)/i.test(r.label));
  const weeks = rows.find((r) => /\bweeks\b/i.test(r.label) && /\b(?:a|per|each)\s+year\b|\bworking\b/i.test(r.label));
  const rate = rows.find((r) => /\b(?:per|an|a)\s+hour\b|\bhourly\b/i.test(r.label) && /\b(?:cost|rate|loaded|wage|pay)\b/i.test(r.label));
  const fact = facts.find((f) => f.id === hours?.id);
  if (!hours || !people || !rate || !fact) return undefined;
  return { f: fact, r: { hours: hours.value, people: people.value, noun: people.label.trim().split(/\s+/).at(-1) ?? "people", weeks: weeks?.value ?? WORKING_WEEKS, rate: rate.value }, ids: [people.id, rate.id, ...(weeks ? [weeks.id] : [])] };
}

/** A build laid out as labelled rows: "build: engineers: 2", "build: months: 3". */
function labelledEffort(facts: LedgerEntry[]): { engineers: Labelled; months: Labelled } | undefined {
  const rows = labelledFigures(facts).filter((r) => /\b(?:build|development|team)\b/i.test(r.label));
  const engineers = rows.find((r) => /\b(?:engineers?|developers?|devs?)\s*$/i.test(r.label));
  const months = rows.find((r) => /\bmonths?\s*$/i.test(r.label));
  return engineers && months ? { engineers, months } : undefined;
}

/** The clause around position `at`: from the last ";", "," or sentence start to the next one. */
function clauseBefore(sentence: string, at: number, floor: number): string {
  const start = Math.max(floor, sentence.lastIndexOf(";", at - 1) + 1, sentence.lastIndexOf(". ", at - 1) + 1);
  return sentence.slice(start, at);
}
function clauseAfter(sentence: string, from: number, ceiling: number): string {
  const rest = sentence.slice(from, ceiling);
  const cut = rest.search(/[;]|,\s(?!\d)|\.\s/);
  return cut === -1 ? rest : rest.slice(0, cut);
}

/** What a sentence's amount is: a price, a cost to serve, a loaded cost, a build cost, or something else (the customer's pain). */
function roleOf(sentence: string, m: Money, prevEnd: number, nextStart: number, part: string): Role {
  const before = clauseBefore(sentence, m.index, prevEnd);
  const after = clauseAfter(sentence, m.index + m.text.length, nextStart);
  if (m.per === "hour" && !/\b(charg|price|fee|bill)/i.test(before)) return "hourly";
  // "$16,000 a month each, loaded": the word may follow the amount past a comma.
  const rawAfter = sentence.slice(m.index + m.text.length, m.index + m.text.length + 20);
  if (m.per === "engineer-month" || m.per === "engineer" || m.per === "developer" || LOADED_CUE.test(`${before.slice(-40)} ${m.text} ${after.slice(0, 25)}`) || /^[^.;]{0,12}\bloaded\b/i.test(rawAfter)) return "loaded";
  if (BUILD_CUE.test(before) || /^\s*(to build|in development|of development)/i.test(after)) return "build";
  // Money the customer keeps or saves is a return, not a price: "$1.2 million a year of adjuster time we get back".
  if (/^\s*(?:a (?:year|month|week) )?(?:of|in) (?:\w+ )?(?:time|savings?|hours|value|staff time|labou?r)\b|\b(?:saved|we get back|back for)\b/i.test(after)) return "other";
  // "$149 a month per yard, which is the price we would launch at": the amount named as the price after it.
  if (/^[^.;]{0,20}\b(?:which|that) (?:is|would be|will be) (?:the|our) (?:launch |list |planned )?price\b/i.test(sentence.slice(m.index + m.text.length))) return "price";
  // A total the brief works out ("4.5 hours x 28 clerks x 46 weeks x £21 is about £121,700 a year") or a saving
  // ("we expect to save ... £40,000 a year") is a return, not a price.
  const upTo = sentence.slice(0, m.index);
  if (/[x×]\s*[$£€]?\s?\d[^.;]*\b(?:is|comes to|equals|makes|gives)\s+(?:about\s+|around\s+|roughly\s+|some\s+)?$|=\s*$/i.test(upTo)) return "other";
  if (/\b(?:that is|that's|which is|this is|(?:it |that |which )?comes to|adds? up to|works? out (?:at|to))\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|over\s+)?$/i.test(upTo) && /\b(?:hours?|saved?|time|loaded)\b/i.test(upTo)) return "other";
  if (/\b(?:save|saves|saving|saved)\b/i.test(upTo) && !/\b(?:price|charge|fee|subscription|pay us|we bill)\b/i.test(upTo)) return "other";
  const pain = /\b(lose|lost|loses|losing|waste[ds]?|spend|spent|spends|paid|(?<!(?:would|will|'d|could) )pays? (out|for)|costs? (them|her|him|the (practice|clinic|business|firm|city|district|store|farm|hotel|company))|worth|damage|fines?|overtime|penalt)/i;
  // "Support and licences after go-live: £12,000 a year": licences named with what it takes to keep a system running are paid by us.
  if (/\b(?:support|maintenance|hosting|running)\b[^.;]{0,30}\blicen[cs]es?\b|\blicen[cs]es?\b[^.;]{0,30}\b(?:support|maintenance|hosting)\b|\b(?:after|from|post)[ -]go-?live\b/i.test(before)) return "cost";
  if (COST_CUE.test(before) || COST_SUBJECT.test(before) || (/\bcosts?\b/i.test(before) && /\bus\b/i.test(before))) return "cost";
  if (pain.test(before) && !/\b(price|charge|fee|subscription)\b/i.test(before)) return "other";
  // "WellSure costs $350 a month per contractor", "The app costs $9 a month": the product's cost is its price.
  if (/^(?:it|this|the (?:app|tool|service|product|subscription|plan|platform|system|kit|device)|\p{Lu}\p{Ll}+\p{Lu}\p{L}*)\s+(?:costs|will cost|is priced at|sells for)\s+(?:just\s+|only\s+)?$/u.test(before.trim() + " ") && (m.period || m.per)) return "price";
  if (PRICE_CUE.test(before.slice(-60))) return part === "business" || /\b(price|charge|fee|subscription|pays?|pricing)\b/i.test(before) || m.period || m.per ? "price" : "other";
  if (COST_CUE.test(after.slice(0, 40))) return "cost";
  // An unlabelled recurring amount per customer in the business part is what the customer pays, unless it is
  // told in the past tense ("Tasha's was £420 a month"): a price is offered, a past amount was measured.
  if (part === "business" && (m.period || m.per)) return /\b(?:was|were|had been|came to|used to be)\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+)?$/i.test(before) ? "other" : "price";
  return "other";
}

/** Every amount in the ledger's facts, with its role and the fact that states it. */
function amounts(facts: LedgerEntry[]): Found[] {
  const out: Found[] = [];
  for (const fact of facts) {
    const found = moneyIn(fact.text);
    found.forEach((m, i) => {
      const prev = found[i - 1];
      const next = found[i + 1];
      // "Each delivery costs us $14": the unit may stand before the amount.
      // "Each delivery costs us $14", "Cost per scan: $3.10": the unit may stand before the amount.
      const lead = /\b(?:each|every|per|one|a single)\s+(\p{L}[\p{L}-]+)(?:\s+(?:costs?|is|are|brings?|pays?)\b|\s*:)[^$£€]{0,25}$/iu.exec(fact.text.slice(prev ? prev.index + prev.text.length : 0, m.index));
      const leadUnit = lead?.[1] ? singular(lead[1]) : undefined;
      // "Cost per month: $12": a period named before the amount is its period, not a unit.
      const leadPeriod = leadUnit !== undefined && leadUnit in MONTHS_PER ? (leadUnit as keyof typeof MONTHS_PER) : undefined;
      // "Loaded cost of a porter hour: £19", "Hourly rate: £24": an amount labelled by the hour is per hour.
      const hourLabel = !m.per && !m.period && /\bhour(?:ly)?\b[^$£€\d.;]{0,15}$/i.test(fact.text.slice(prev ? prev.index + prev.text.length : 0, m.index));
      // "Our cost per tile per month, covering depreciation and data, is €7": the basis a cost or price names further before its amount.
      const farBasis = !m.per && !leadUnit && !hourLabel ? /\b(?:costs?|price|fee|charge)\s+(?:to serve\s+|to us\s+)?per\s+(\p{L}[\p{L}-]+)(?:\s+(?:a|per)\s+(day|week|month|quarter|year))?\b[^$£€.;]{0,80}$/iu.exec(fact.text.slice(prev ? prev.index + prev.text.length : 0, m.index)) : null;
      const farUnit = farBasis?.[1] && !(singular(farBasis[1]) in MONTHS_PER) ? singular(farBasis[1]) : undefined;
      const farPeriod = farBasis?.[2] ? (farBasis[2].toLowerCase() as keyof typeof MONTHS_PER) : farBasis?.[1] && singular(farBasis[1]) in MONTHS_PER ? (singular(farBasis[1]) as keyof typeof MONTHS_PER) : undefined;
      const per = m.per ?? (hourLabel ? "hour" : leadPeriod ? undefined : (leadUnit ?? farUnit));
      const period = m.period ?? leadPeriod ?? farPeriod;
      const withPer = { ...m, ...(per ? { per } : {}), ...(period ? { period } : {}) };
      // "our cost is 60p a survey ..., plus £5 a month per firm for hosting": an amount added with "plus" is more of the same.
      const added = prev && /^[^.;$£€]{0,80}\b(?:plus|on top of that|and another)\s*$/i.test(fact.text.slice(prev.index + prev.text.length, m.index)) ? out.at(-1) : undefined;
      const role = added && added.id === fact.id ? added.role : roleOf(fact.text, withPer, prev ? prev.index + prev.text.length : 0, next ? next.index : fact.text.length, fact.part);
      out.push({ ...withPer, role: isEngineerRate(fact.text, withPer, role) ? "loaded" : role, id: fact.id, part: fact.part });
    });
  }
  return out;
}

/**
 * "2 engineers for 6 months at £9,000 a month each", "2 devs, 5 months, £8k a month each": a monthly or
 * yearly amount after the team and its months is what each engineer costs, not a price.
 */
function isEngineerRate(sentence: string, m: Money, role: Role): boolean {
  if (role !== "price" && role !== "other") return false;
  const effort = buildEffort(sentence);
  if (!effort) return false;
  const at = sentence.indexOf(effort.text);
  return at >= 0 && m.index >= at + effort.text.length - 1 && (m.period === "month" || m.period === "year") && !m.per;
}

type Scaled = { value: number; id: string; text: string; unit?: string };

/** How many times one customer uses a per-use unit each month, when the brief says ("2.3 consultations a month"). */
function usesPerMonth(facts: LedgerEntry[], unit: string): Scaled | undefined {
  // The unit the price names first ("$22 a book, one book a month"), then any per-use noun.
  for (const same of [true, false]) {
    for (const fact of facts) {
      if (fact.part === "metrics") continue; // a target ("20,000 orders a month") is not one customer's use
      for (const r of ratesIn(fact.text)) {
        if ((same ? r.noun === unit : TRANSACTION.test(r.noun)) && r.value < 1000) return { value: r.value / MONTHS_PER[r.period], id: fact.id, text: r.text, unit: r.noun };
      }
    }
  }
  // "£30 a visit. A liveaboard typically needs two a month.": a count a period with no noun of its own counts the per-use unit.
  if (!TRANSACTION.test(unit)) return undefined;
  for (const fact of facts) {
    if (fact.part === "metrics") continue;
    const m = USES_WITHOUT_NOUN.exec(fact.text);
    const value = m?.[1] ? numeric(m[1]) : undefined;
    const period = m?.[2] ? (m[2].toLowerCase() as keyof typeof MONTHS_PER) : undefined;
    if (m && value !== undefined && period && value < 1000) return { value: value / MONTHS_PER[period], id: fact.id, text: m[0], unit };
  }
  return undefined;
}

/** "needs two a month", "books about 3 a week": how often a customer uses the product, the unit left to the price it follows. */
const USES_WITHOUT_NOUN = new RegExp(String.raw`\b(?:needs?|uses?|books?|orders?|gets?|takes?|makes?|averages?|buys?|has|have|does|do)\s+(?:about |around |roughly |typically |usually |on average |some )?(${SMALL_NUMBER})\s+(?:a|an|per|each|every)\s+(day|week|month|quarter|year)\b`, "i");

/** How many of `unit` one customer has: "hotels with 80 rooms", "an average of 12 seats per firm", "each grower farms about 6 hectares". */
function unitsPerCustomer(facts: LedgerEntry[], unit: string, customer: string | undefined): Scaled | undefined {
  // "a 180-room hotel", "a 3-hectare greenhouse": the representative customer's size.
  for (const fact of facts) {
    // "a 6,000-barrel brewery", but not "a 12-choir pilot" (the size of a trial, not of a customer).
    const m = new RegExp(`\\b(\\d[\\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)-${unit}\\b(?!\\s+(?:pilot|trial|study|test|survey|sample|beta)\\b)`, "i").exec(fact.text);
    const n = m?.[1] ? (numeric(m[1]) ?? NaN) : NaN;
    if (m && Number.isFinite(n)) return { value: n, id: fact.id, text: m[0] };
  }
  // "A typical firm we spoke to runs twelve lorries": a small count in words, said of a typical customer.
  for (const fact of facts) {
    const m = new RegExp(`\\b(?:typical|average|each|every)\\b[^.;]{0,40}?\\b(?:has|have|runs|operates|owns|uses|employs|serves|with)\\s+(?:about\\s+|around\\s+)?(${SMALL_WORDS})\\s+(?:[\\p{L}-]+\\s+)?${pluralPattern(unit)}\\b`, "iu").exec(fact.text);
    const n = m?.[1] ? numeric(m[1]) : undefined;
    if (m && n !== undefined) return { value: n, id: fact.id, text: m[0] };
  }
  for (const fact of facts) {
    for (const c of countsIn(fact.text)) {
      if (c.noun !== unit) continue;
      const before = fact.text.slice(Math.max(0, c.index - 45), c.index);
      if (/\d\s*(to|and|-|–)\s*$/.test(before)) continue; // a range's end says nothing exact
      if (/\b(\d+\s*(to|-|–)\s*)$/.test(before)) continue;
      const near = `${before} ${fact.text.slice(c.index, c.index + c.text.length + 30)}`;
      const mentionsCustomer = customer ? new RegExp(`\\b${customer}`, "i").test(fact.text) : false;
      if (/\b(each|every|per|average|averages|typical|typically|on average|a typical|has|have|with|of|runs|operates|manages|farms|owns|employs|serving|supplying|delivering to|delivers to)\b/i.test(near) && (mentionsCustomer || /\b(each|per|average|typical)\b/i.test(near))) {
        return { value: c.value, id: fact.id, text: c.text };
      }
    }
  }
  return undefined;
}

/** An amount per one customer per month, when the brief gives what it takes to get there. */
type Normal = { value: number; sources: string[]; formula: string };

function perCustomerMonth(m: Found, facts: LedgerEntry[], customer: string | undefined, period: Money["period"]): Normal | undefined {
  const money = (n: number) => fmt(n, m.currency);
  if (m.oneOff) return undefined;
  const p = m.period ?? period;
  // A per-use amount ("18p a walk") times the uses a month the brief states ("around 130 walks a month").
  if (m.per && m.per !== customer && !m.period && (TRANSACTION.test(m.per) || usesPerMonth(facts, m.per)?.unit === m.per)) {
    const uses = usesPerMonth(facts, m.per);
    if (!uses) return undefined;
    return { value: m.value * uses.value, sources: [m.id, uses.id], formula: `${money(m.value)} per ${m.per} x ${round2(uses.value)} a month` };
  }
  if (!p) return undefined;
  const monthly = m.value / MONTHS_PER[p];
  const amount = m.items ? `(${m.items}) = ${money(m.value)}` : money(m.value);
  const periodText = p === "month" ? `${amount} a month` : `${amount} a ${p} / ${round2(MONTHS_PER[p])} months`;
  if (m.per && m.per !== customer && (customer || isSubUnit(facts, m.per, customer))) {
    const n = unitsPerCustomer(facts, m.per, customer);
    // "$26 a month per home" where the customer is a household: a unit that is not a measure, a person or a
    // transaction, and that no customer is said to have several of, is the customer under another name.
    if (!n && !MEASURE.test(m.per) && !PEOPLE.test(m.per) && !TRANSACTION.test(m.per)) return { value: monthly, sources: [m.id], formula: `${periodText} per ${m.per}` };
    if (!n) return undefined;
    return { value: monthly * n.value, sources: [m.id, n.id], formula: `${periodText} per ${m.per} x ${n.value} ${pluralOf(m.per)} per ${customer ?? "customer"}` };
  }
  return { value: monthly, sources: [m.id], formula: periodText };
}

/** Amounts on one raw basis (same unit, same period) compare even when they cannot be normalised to a customer. */
function sameBasis(a: Found, b: Found): boolean {
  if (a.per && b.per && TRANSACTION.test(a.per) && TRANSACTION.test(b.per) && !a.period && !b.period) return !a.oneOff && !b.oneOff;
  return (a.per ?? "") === (b.per ?? "") && (a.period === b.period || !a.period || !b.period) && !a.oneOff && !b.oneOff;
}

/** Prefers a monthly or yearly amount to a daily one: "$2.50 a day, about $450 a year" is read as $450 a year. */
function byPeriod(a: Found, b: Found): number {
  const rank = (m: Found) => (m.period === "month" || m.period === "year" ? 0 : m.period === "quarter" ? 1 : m.period ? 2 : 3);
  return rank(a) - rank(b);
}

export function fmt(n: number, currency: Currency | null): string {
  const symbol = currency === "GBP" ? "£" : currency === "EUR" ? "€" : currency === "USD" ? "$" : "";
  const abs = Math.abs(n);
  const body = abs >= 1e6 ? `${round2(abs / 1e6)}m` : abs >= 100 ? Math.round(abs).toLocaleString("en-US") : abs.toFixed(2).replace(/\.00$/, "");
  return `${n < 0 ? "-" : ""}${symbol}${body}`;
}

/**
 * The economics model shared by both engines: reads the ledger's facts, normalises price and cost to
 * one customer and one month, and computes margin, market, target revenue, build cost, payback,
 * break-even and (for tools with no price) value per year. Every line is entered in the ledger as
 * `computed` (or `assumption`) with its formula and sources. Also returns the problems that decide
 * the meeting on their own. Pure apart from appending to `ledger`.
 */
export function computeEconomics(ledger: LedgerBuilder): { economics: Economics; problems: EconomicsProblem[] } {
  const facts = ledger.entries.filter((e) => e.kind === "fact");
  const found = amounts(facts);
  const currency = (found.find((m) => m.role === "price" || m.role === "cost")?.currency ?? found[0]?.currency ?? null) as Currency | null;
  const lines: Economics["lines"] = [];
  const money = (n: number) => fmt(n, currency);
  const line = (label: string, value: number, formula: string, sources: string[], source: "computed" | "assumption" = "computed"): string => {
    const shown = /%/.test(label) ? `${round2(value)}%` : /customers|months/.test(label) ? String(round2(value)) : money(value);
    const entry = ledger.add({ kind: source === "assumption" ? "assumption" : "number", source, part: "economics", text: `${label}: ${formula} = ${shown}`, value: round2(value) });
    lines.push({ label, value: round2(value), formula, sources: [...new Set(sources.filter(Boolean))] });
    return entry.id;
  };
  const prices = found.filter((m) => m.role === "price").sort(byPeriod);
  const itemised = facts.map(itemisedCost).find((x) => x !== undefined);
  const costs = [...(itemised ? [itemised.found] : []), ...found.filter((m) => m.role === "cost").sort(byPeriod)];
  const customer = customerUnit(facts, [...prices, ...costs]);
  // A price or cost "per home" when the customer is a household: the unit names the customer too.
  const sameCustomer = (noun: string) => [...prices, ...costs].some((m) => m.per === noun && !MEASURE.test(noun) && !PEOPLE.test(noun) && !TRANSACTION.test(noun) && noun !== "engineer-month");

  const freeFact = facts.find((f) => FREE.test(f.text));
  const isFree = freeFact !== undefined && prices.every((p) => p.value === 0 || p.oneOff);
  const priced = prices.map((p) => ({ p, n: perCustomerMonth(p, facts, customer, undefined) })).find((x) => x.n);
  const pricePeriod = priced?.p.period ?? prices[0]?.period;
  const costed = costs.map((c) => ({ c, n: perCustomerMonth(c, facts, customer, c.per === priced?.p.per || !c.per ? pricePeriod : undefined) })).find((x) => x.n);

  let pricePerMonth: number | null = null;
  let costToServePerMonth: number | null = null;
  let grossMarginPct: number | null = null;
  let priceId = "";
  if (isFree && freeFact) {
    pricePerMonth = 0;
    priceId = line("price per customer per month", 0, "free: the brief charges customers nothing", [freeFact.id]);
  } else if (priced?.n) {
    pricePerMonth = round2(priced.n.value);
    priceId = line("price per customer per month", priced.n.value, priced.n.formula, priced.n.sources);
  }
  let costId = "";
  if (costed?.n) {
    costToServePerMonth = round2(costed.n.value);
    costId = line("cost to serve per customer per month", costed.n.value, costed.n.formula, costed.n.sources);
  }
  const commission = takeRate(facts);
  if (pricePerMonth !== null && pricePerMonth > 0 && costToServePerMonth !== null) {
    grossMarginPct = round2(((pricePerMonth - costToServePerMonth) / pricePerMonth) * 100);
    line("gross margin %", grossMarginPct, `(${money(pricePerMonth)} - ${money(costToServePerMonth)}) / ${money(pricePerMonth)}`, [priceId, costId]);
  } else if (!isFree) {
    // Price and cost on one raw basis (both per order, both per hectare a year) compare without a customer.
    const pair = prices.flatMap((p) => costs.filter((c) => sameBasis(p, c)).map((c) => ({ p, c })))[0];
    if (pair && pair.p.value > 0) {
      const cost = pair.c.period && pair.p.period && pair.c.period !== pair.p.period ? (pair.c.value / MONTHS_PER[pair.c.period]) * MONTHS_PER[pair.p.period] : pair.c.value;
      grossMarginPct = round2(((pair.p.value - cost) / pair.p.value) * 100);
      line("gross margin %", grossMarginPct, `(${money(pair.p.value)} - ${money(cost)}) / ${money(pair.p.value)} per ${pair.p.per ?? pair.p.period ?? "sale"}`, [pair.p.id, pair.c.id]);
    } else if (commission) {
      grossMarginPct = commission.margin;
      line("gross margin %", commission.margin, commission.formula, commission.sources);
    }
  }

  // The market: a count of the paying unit, outside the evidence and the success measure.
  const market = marketCount(facts, customer);
  const marketCustomers = market ? market.value : null;
  let marketId = "";
  if (market) marketId = line("customers in the market", market.value, `${market.text}, as the brief counts them`, [market.id]);
  const tamPerYear = marketCustomers !== null && pricePerMonth !== null ? round2(marketCustomers * pricePerMonth * 12) : null;
  if (tamPerYear !== null && pricePerMonth !== null && marketCustomers !== null) line("market per year", tamPerYear, `${marketCustomers.toLocaleString("en-US")} customers x ${money(pricePerMonth)} x 12`, [marketId, priceId]);

  // The target: paying customers the success measure names.
  const target = facts
    .filter((f) => f.part === "metrics" || /\b(targets?|goals?|aims?)\b/i.test(f.text))
    .flatMap((f) => countsIn(f.text).map((c) => ({ ...c, id: f.id })))
    .find((c) => (customer !== undefined && c.noun === customer) || sameCustomer(c.noun));
  const targetCustomers = target ? target.value : null;
  let targetId = "";
  if (target) targetId = line("target customers", target.value, `${target.text}, from the success measure`, [target.id]);
  const targetRevenuePerYear = targetCustomers !== null && pricePerMonth !== null ? round2(targetCustomers * pricePerMonth * 12) : null;
  if (targetRevenuePerYear !== null && targetCustomers !== null && pricePerMonth !== null) line("target revenue per year", targetRevenuePerYear, `${targetCustomers} customers x ${money(pricePerMonth)} x 12`, [targetId, priceId]);

  // The build: engineers x months x loaded cost (stated, or assumed and labelled).
  let buildCost: number | null = null;
  let buildId = "";
  // "Build: 3 engineers x 6 months" before any team and months; never a pilot's ("Pilot: 11 firms, 38 engineers, 8 weeks").
  const efforts = facts.map((f) => ({ f, e: buildEffort(f.text) })).filter((x) => x.e && x.f.part !== "evidence");
  const effort = efforts.find((x) => /\b(?:build\w*|develop\w*|engineering|to make)\b/i.test(x.f.text)) ?? efforts.find((x) => !/\b(?:pilot\w*|trial\w*|tested|beta)\b/i.test(x.f.text));
  const statedBuild = found.find((m) => m.role === "build");
  const effortRows = effort ? undefined : labelledEffort(facts);
  if (effortRows) {
    const loaded = found.find((m) => m.role === "loaded");
    const perMonth = loaded ? (loaded.period === "year" ? loaded.value / 12 : loaded.value) : ASSUMED_ENGINEER_MONTH[currency ?? "USD"];
    const loadedId = loaded ? loaded.id : line("assumed loaded cost per engineer-month", perMonth, `${money(perMonth)} per engineer-month, an assumption: the brief states none`, [], "assumption");
    buildCost = effortRows.engineers.value * effortRows.months.value * perMonth;
    buildId = line("build cost", buildCost, `${effortRows.engineers.value} engineers x ${effortRows.months.value} months x ${money(perMonth)}`, [effortRows.engineers.id, effortRows.months.id, loadedId]);
  } else if (effort?.e) {
    // The loaded cost the effort is priced at: stated beside it, else one with a period; an hourly wage is not a month's cost.
    const loadedAll = found.filter((m) => m.role === "loaded" || (m.id === effort.f.id && (m.period === "month" || m.per === "engineer-month" || m.per === "engineer")));
    const loaded = loadedAll.find((m) => m.id === effort.f.id && m.role === "loaded") ?? loadedAll.find((m) => m.id === effort.f.id) ?? loadedAll.find((m) => m.period || m.per === "engineer-month" || m.per === "engineer" || m.per === "hour");
    const perMonth = loaded ? (loaded.period === "year" ? loaded.value / 12 : loaded.per === "hour" ? loaded.value * 160 : loaded.value) : ASSUMED_ENGINEER_MONTH[currency ?? "USD"];
    const loadedId = loaded ? loaded.id : line("assumed loaded cost per engineer-month", perMonth, `${money(perMonth)} per engineer-month, an assumption: the brief states none`, [], "assumption");
    buildCost = effort.e.engineers * effort.e.months * perMonth;
    buildId = line("build cost", buildCost, `${effort.e.engineers} engineer${effort.e.engineers === 1 ? "" : "s"} x ${round2(effort.e.months)} months x ${money(perMonth)}`, [effort.f.id, loadedId]);
  } else if (statedBuild) {
    buildCost = statedBuild.value;
    buildId = line("build cost", buildCost, `as stated: ${statedBuild.text}`, [statedBuild.id]);
  }

  // A tool with no price: the value of the hours it saves.
  let valuePerYear: number | null = null;
  let valueId = "";
  // A return the brief works out itself: "3 hours x 38 technicians x 46 working weeks x £24 loaded an hour".
  const stated: { f: LedgerEntry; r: StatedReturn | undefined; ids?: string[] } | undefined = facts.map((f) => ({ f, r: statedReturn(f.text) })).find((x) => x.r) ?? labelledReturn(facts);
  // Hours saved, else the hours the job takes today when the tool is to take it over ("they spend 2 hours a week rewriting sheets").
  const saved = HOURS_SAVED_FORMS.flatMap((re) => facts.map((f) => ({ f, m: re.exec(f.text), spent: false }))).find((x) => x.m)
    ?? facts.map((f) => ({ f, m: HOURS_SAVED.exec(f.text), spent: false })).find((x) => x.m)
    ?? facts.filter((f) => f.part !== "metrics").map((f) => ({ f, m: HOURS_SPENT.exec(f.text), spent: true })).find((x) => x.m);
  const hourly = found.find((m) => m.role === "hourly");
  if (stated?.r && (pricePerMonth === null || pricePerMonth === 0)) {
    const { hours, people, noun, weeks, rate } = stated.r;
    if (hours && people && weeks && rate) {
      valuePerYear = hours * people * weeks * rate;
      valueId = line("value per year", valuePerYear, `${hours} hours a week x ${people} ${/(?:s|people|staff|personnel|crew)$/i.test(noun) ? noun : pluralOf(singular(noun))} x ${weeks} working weeks x ${money(rate)} an hour, as the brief works it out`, [stated.f.id, ...(stated.ids ?? [])]);
    }
  } else if (saved?.m && hourly && (pricePerMonth === null || pricePerMonth === 0)) {
    const amount = numeric(saved.m[1] ?? saved.m[4] ?? "") ?? 0;
    const unit = (saved.m[2] ?? saved.m[5] ?? "").toLowerCase();
    const per = (saved.m[3] ?? saved.m[6] ?? "week").toLowerCase();
    const hoursPerWeek = (unit.startsWith("min") ? amount / 60 : amount) * (per === "day" ? 5 : per === "month" ? 1 / 4.33 : 1);
    // "2.5 hours a week for each of the 45 call handlers": the people the saving is counted over, where it says.
    const each = /\b(?:for |across )?(?:each|every|all)(?: of)? (?:the |our )?(\d[\d,]*)\s+((?:[\p{L}-]+\s+){0,2}?[\p{L}-]+?)s\b/iu.exec(saved.f.text);
    const people = each?.[1] ? { value: Number(each[1].replace(/,/g, "")), noun: singular(each[2] ?? "person"), id: saved.f.id } : peopleCount(facts, customer);
    if (people) {
      valuePerYear = hoursPerWeek * people.value * WORKING_WEEKS * hourly.value;
      valueId = line("value per year", valuePerYear, `${round2(hoursPerWeek)} hours a week${saved.spent ? " (spent on the job today, all of it counted as saved)" : ""} x ${people.value} ${people.noun}s x ${WORKING_WEEKS} working weeks x ${money(hourly.value)} an hour`, [saved.f.id, people.id, hourly.id]);
    }
  }

  // Payback and break-even.
  const contribution = pricePerMonth !== null && pricePerMonth > 0 ? pricePerMonth - (costToServePerMonth ?? 0) : null;
  let paybackMonths: number | null = null;
  let breakEvenCustomers: number | null = null;
  if (buildCost !== null && contribution !== null && contribution > 0) {
    breakEvenCustomers = Math.ceil(buildCost / (contribution * PAYBACK_HORIZON_MONTHS));
    line("break-even customers", breakEvenCustomers, `${money(buildCost)} build / (${money(contribution)} a month x ${PAYBACK_HORIZON_MONTHS} months)`, [buildId, priceId, costId]);
    if (targetCustomers !== null) {
      paybackMonths = round2(buildCost / (targetCustomers * contribution));
      line("payback months", paybackMonths, `${money(buildCost)} / (${targetCustomers} customers x ${money(contribution)} a month)`, [buildId, targetId, priceId]);
    }
  } else if (buildCost !== null && valuePerYear !== null && valuePerYear > 0) {
    paybackMonths = round2(buildCost / (valuePerYear / 12));
    line("payback months", paybackMonths, `${money(buildCost)} / (${money(valuePerYear)} a year / 12)`, [buildId, valueId]);
  }

  // A revenue goal stated in money: "$4 million in annual recurring revenue by 31 December 2027".
  const statedTarget = facts
    // "Reach £2 million in annual recurring revenue by 31 December 2028": a goal said with its verb.
    .filter((f) => f.part === "metrics" || /\b(goals?|targets?|aims?|reach|hit|grow to|get to|achieve)\b/i.test(f.text))
    // The amount the revenue words follow ("£2 million ARR", "£2 million in annual recurring revenue"), not an engineer's rate beside it.
    .flatMap((f) => found.filter((m) => m.id === f.id && (m.role === "other" || m.role === "price") && /^[^.;]{0,40}?\b(revenue|arr|sales|bookings|turnover)\b/i.test(f.text.slice(m.index + m.text.length))))
    // The largest goal: a plan that steps up ("£1.2m by 2028; £4m by 2029") is judged by where it says it will get.
    .reduce<(typeof found)[number] | undefined>((best, m) => (m.value > (best?.value ?? 0) ? m : best), undefined);
  if (statedTarget && tamPerYear !== null && statedTarget.value > tamPerYear) {
    line("stated revenue target per year", statedTarget.value, `as the success measure states it: ${statedTarget.text}`, [statedTarget.id]);
  }

  const economics: Economics = {
    currency, pricePerMonth, costToServePerMonth, grossMarginPct, marketCustomers, tamPerYear, targetCustomers, targetRevenuePerYear,
    buildCost: buildCost === null ? null : round2(buildCost), paybackMonths, breakEvenCustomers, valuePerYear: valuePerYear === null ? null : round2(valuePerYear), lines,
  };
  return { economics, problems: problemsOf(economics, isFree) };
}

/**
 * An itemised cost to serve: "Cost to serve, per center per month: Hosting: $21; Texts: $26; Support: 2 hours
 * at $46 an hour" is one cost, the sum of its items, on the basis its label names. Undefined for anything else.
 */
function itemisedCost(fact: LedgerEntry): { found: Found } | undefined {
  const m = /^([^:;]{2,80}):\s*(.+)$/.exec(fact.text);
  if (!m?.[1] || !m[2] || !/\bcosts?\b|to serve/i.test(m[1]) || /\bcosts? (them|the customer|customers)\b/i.test(m[1])) return undefined;
  // "Cost to serve: Per site per month: data SIM £6, ...": a basis after the label belongs to it.
  const sub = /^((?:per|a|an|each)\s[^:$£€\d]{1,40}):\s*(.+)$/i.exec(m[2]);
  const label = sub?.[1] ? `${m[1]} ${sub[1]}` : m[1];
  const list = (sub?.[2] ?? m[2]).replace(/\.\s*$/, "");
  // Items are split by semicolons, or by commas when every piece names one amount ("data SIM £6, hosting £5 and support £10").
  const bySemicolon = list.split(/;\s*/);
  const byComma = list.split(/,\s*(?!\d)/).flatMap((x) => (moneyIn(x).length === 2 ? x.split(/\s+and\s+/) : [x]));
  const items = bySemicolon.length >= 2 ? bySemicolon : byComma.length >= 2 && byComma.every((x) => moneyIn(x).length === 1) ? byComma : [];
  if (items.length < 2) return undefined;
  let total = 0;
  const terms: string[] = [];
  let currency: Currency | undefined;
  for (const item of items) {
    const amounts = moneyIn(item);
    const first = amounts[0];
    if (!first || amounts.length > 1) return undefined;
    currency ??= first.currency;
    // "2 hours at $46 an hour": hours times the rate.
    const hours = first.per === "hour" ? /\b(\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\s+(?:at|x|×)\s*$/i.exec(item.slice(0, first.index)) : null;
    const value = hours?.[1] ? Number(hours[1]) * first.value : first.value;
    total += value;
    terms.push(hours?.[1] ? `${hours[1]} x ${fmt(first.value, first.currency)}` : fmt(first.value, first.currency));
  }
  // The label names the basis: "Cost to serve, per center per month".
  const basis = moneyIn(`$1 ${(/\b(?:per|a|an|each)\s.*$/i.exec(label) ?? [""])[0]}`)[0];
  if (!currency) return undefined;
  const text = `${terms.join(" + ")}${basis?.per ? ` per ${basis.per}` : ""}${basis?.period ? ` a ${basis.period}` : ""}`;
  return { found: { value: total, currency, ...(basis?.per ? { per: basis.per } : {}), ...(basis?.period ? { period: basis.period } : {}), oneOff: false, text, index: 0, role: "cost", id: fact.id, part: fact.part, items: terms.join(" + ") } };
}

/** How many people the time is saved for: "our 60 claims handlers", "140 desk adjusters" (the largest such count outside the evidence). */
function peopleCount(facts: LedgerEntry[], customer: string | undefined): { value: number; noun: string; id: string } | undefined {
  const nouns = PEOPLE.source.replace(/^\^\(|\)\$$/g, "");
  // "six inspectors": a small count in words counts too.
  const re = new RegExp(`(?<![$£€\\d.,])\\b(\\d[\\d,]*|${SMALL_WORDS})\\s+(?:[\\p{L}'-]+\\s+){0,3}?(${nouns}${customer ? `|${customer}` : ""})s?\\b`, "giu");
  const found = facts
    // The team that builds it is not the people whose time it saves.
    .filter((f) => f.part !== "evidence" && !buildEffort(f.text))
    // "eight or nine sheets": a count in words names its noun straight after it, never across a range.
    .flatMap((f) => [...f.text.matchAll(re)].filter((m) => !/\d\s*(to|-|–)\s*$/.test(f.text.slice(Math.max(0, (m.index ?? 0) - 6), m.index)) && (/^\d/.test(m[1] ?? "") || !/\s(?:or|to|and)\s/i.test(m[0]))).map((m) => ({ value: numeric(m[1] ?? "0") ?? 0, noun: (m[2] ?? "").toLowerCase(), id: f.id })));
  const best = found.sort((a, b) => b.value - a.value)[0];
  if (best) return best;
  // Failing a known role, the people the customer part counts ("Our 60 claims handlers").
  return facts
    .filter((f) => f.part === "customer")
    .flatMap((f) => countsIn(f.text).filter((c) => !MEASURE.test(c.noun)).map((c) => ({ value: c.value, noun: c.noun, id: f.id })))
    .sort((a, b) => b.value - a.value)[0];
}

/** Nouns that measure rather than name a customer: a price "per hectare" or "per room" is not per customer. */
const MEASURE = /^(hectare|acre|unit|room|bed|bus|vehicle|truck|van|machine|device|sensor|device|meter|square|sqft|km|mile|kg|tonne|ton|litre|liter|gallon|page|gb|tb|hour|minute|day|week|month|year|seat|user|licen[cs]e|member|login|account)$/;

/** The paying unit: a unit an amount is per that the customer part names, else the customer part's head noun ("managers at dental practices with ..." -> practice). */
function customerUnit(facts: LedgerEntry[], money: Found[]): string | undefined {
  const customerText = facts.filter((f) => f.part === "customer").map((f) => f.text).join(" ");
  const named = (u: string) => new RegExp(`\\b${u.replace(/y$/, "(y|ie)")}s?\\b`, "iu").test(customerText);
  // "$12 per café per month, paid by the bakery": the payer is named.
  // "The caterer pays: €0.90 per child per month": so is the one the brief says pays.
  const payer = facts.map((f) => { const m = /\bpaid (?:for )?by (?:the |each |every )?(\p{L}[\p{L}-]+)|^(?:the|each|every) (\p{Ll}[\p{L}-]+) pays\b(?=\s*:|\s+[$£€]|\s+(?:us|for it|for the))/iu.exec(f.text); return m?.[1] ?? m?.[2]; }).find(Boolean);
  if (payer && !/^(customer|user|them|us|owner)s?$/i.test(payer)) return singular(payer);
  // "Market: about 21,000 US academic and biotech labs": with no customer part, the market names the customer.
  const named0 = headNoun(customerText) ?? marketNoun(facts);
  // "Surveyors ... a typical practice has 2 surveyors": the customer is what the people belong to.
  const head = (named0 && containerOf(facts, named0)) ?? named0;
  const units = money.map((m) => m.per).filter((u): u is string => !!u && !TRANSACTION.test(u) && !PEOPLE.test(u) && !MEASURE.test(u) && u !== "engineer-month" && !isSubUnit(facts, u, head));
  // "per shop" for "independent bookshops": the unit is the customer when it names the same thing.
  // "£12 per chair ... a typical salon's got 6 chairs": with nothing else to go on, what the priced unit belongs to pays.
  const container = head === undefined ? money.map((m) => m.per).filter((u): u is string => !!u && isSubUnit(facts, u, head)).map((u) => containerOf(facts, u)).find(Boolean) : undefined;
  return units.find((u) => named(u) || (head !== undefined && (head.endsWith(u) || u.endsWith(head)))) ?? head ?? container ?? units.find((u) => u) ?? money.map((m) => m.per).find((u): u is string => !!u && PEOPLE.test(u));
}

/**
 * A unit a customer has several of, anywhere in the brief: "firms with 3 to 20 preparers", "an 8-preparer
 * firm", "a typical lab has 40 pipettes". Such a unit is what is counted, not who pays.
 */
function isSubUnit(facts: LedgerEntry[], unit: string, head: string | undefined): boolean {
  if (unit === head) return false;
  // "We sat with 11 firms", "a pilot with 6 clinics" meets customers; it does not count what one customer has.
  const re = new RegExp(`(?<!\\b(?:sat|spoke|talked|met|worked|visited|piloted|tested|trialled|trialed|partnered|pilot|trial|interviews?|conversations?|calls?|version|prototype|beta|study|test)\\s+)\\b(?:with|has|have|got|of|averag\\w*|typical\\w*|runs?|running|operates?|operating|owns?|owning)\\s+(?:about |around |an average of |between )?(?:\\d[\\d,]*|${SMALL_WORDS})\\+?(?:\\s*(?:to|-|–|and)\\s*(?:\\d[\\d,]*|${SMALL_WORDS})|\\s+or more)?\\s+(?:[\\p{L}-]+\\s+)?${pluralPattern(unit)}\\b|\\d+-${unit}\\b`, "iu");
  return facts.some((f) => re.test(f.text));
}

/** What a unit belongs to, as the brief says: "a typical practice has 2 surveyors" → "practice". */
function containerOf(facts: LedgerEntry[], unit: string): string | undefined {
  // "a typical practice has 2 surveyors", "a typical colour salon's got 6 chairs"
  const re = new RegExp(`\\b(?:a|an|each|every|the|most|our)\\s+(?:typical\\s+|average\\s+)?(?:\\p{Ll}+\\s+)?(\\p{Ll}[\\p{L}-]*?)s?(?:['’]s)?\\s+(?:has|have|got|has got|with|employs|runs|serves|feeds|covers|looks after|cares for)\\s+(?:about\\s+|around\\s+|an average of\\s+)?\\d[\\d,]*\\s+${unit}s?\\b`, "iu");
  for (const f of facts.filter((x) => x.part !== "evidence")) {
    const m = re.exec(f.text);
    if (m?.[1] && !MEASURE.test(singular(m[1])) && singular(m[1]) !== unit && !/^(?:version|prototype|pilot|trial|test|beta|study)$/.test(singular(m[1]))) return singular(m[1]);
  }
  return undefined;
}

/** The noun a labelled market count names: "Market: about 21,000 US academic and biotech labs" → "lab". */
function marketNoun(facts: LedgerEntry[]): string | undefined {
  for (const f of facts) {
    const m = /^market\s*:\s*(?:about |around |roughly |some |over |nearly )?\d[\d,]*\s+(?:[\p{L}-]+\s+){0,4}?(\p{Ll}[\p{L}-]*s)\b/iu.exec(f.text);
    if (m?.[1] && /^\p{Ll}/u.test(m[1])) return singular(m[1]);
  }
  return undefined;
}

/** What a team does to learn about customers: never a customer itself. */
const RESEARCH = /^(interview|conversation|meeting|pilot|trial|study|focus group|workshop|visit|call|survey|test)$/;

/** "Office managers at independent dental practices with 3 to 10 chairs" -> "practice". */
export function headNoun(customerText: string): string | undefined {
  // "Wholesale bakeries that deliver ...": the subject is the customer.
  const subject = /^\s*(?:(?:our customers are|customers? (?:is|are)|who:?)\s+)?(?:[\p{L}-]+\s+){0,4}?(\p{Ll}[\p{L}-]*s)(?:\s*:|\s+(?:that|who|which|with|in|across)\b)/iu.exec(customerText);
  // "In our interviews with 27 providers": what the team did to learn is never who buys.
  const first = subject?.[1] && !/^\p{Lu}{2,}s?$/u.test(subject[1]) && !RESEARCH.test(singular(subject[1])) && !TRANSACTION.test(singular(subject[1])) ? singular(subject[1]) : undefined;
  if (first && !PEOPLE.test(first) && !MEASURE.test(first) && !/^(member|famil|owner)/.test(first)) return first;
  const org = orgNoun(customerText);
  // "Residential solar installers in the US with 3 to 25 staff": people named as a trade are the customer when no organisation follows.
  return org ?? (first && !MEASURE.test(first) && !/^(member|famil|owner|user|customer|people|person)/.test(first) ? first : undefined);
}

/** The organisation a customer part names after "at", "of", "for" ...: "managers at dental practices with ..." → "practice". */
function orgNoun(customerText: string): string | undefined {
  const re = /\b(?:at|of|in|for|run|running|own|owning)\s+((?:[\p{L}-]+\s+){0,4}?)(\p{Ll}[\p{L}-]*s)\b(?=\s+(?:with|in|that|who|which|where|across|around|near|of|shipping|growing|running|doing|serving|selling|using|between|from|on)\b|\s*[,;.(:]|\s*$)/giu;
  for (const m of customerText.matchAll(re)) {
    // "in the US": the i flag lets \p{Ll} match capitals, and an abbreviation is a place, not a customer.
    if (!m[2] || !/^\p{Ll}/u.test(m[2]) || RESEARCH.test(singular(m[2]))) continue;
    const noun = singular(m[2]);
    return !PEOPLE.test(noun) && !MEASURE.test(noun) ? noun : undefined;
  }
  return undefined;
}

/** A count found in a fact, with how strongly it reads as the market. */
function counted(f: LedgerEntry, value: number, noun: string, text: string, index: number, rank: number) {
  return { value, noun, text, index, id: f.id, part: f.part, sentence: f.text, rank };
}

/** Customers a brief may name in full or clipped: a price "per lab" and "1,100 dental laboratories" are one unit. */
const CLIPPED: Record<string, string> = { lab: "laborator(?:y|ie)", vet: "veterinar(?:y|ie|ian)", uni: "universit(?:y|ie)" };

/** The count that sizes the market: the paying unit, or a count the customer part presents as the market. */
function marketCount(facts: LedgerEntry[], customer: string | undefined) {
  // "the 38 licensed tug masters": a count whose noun phrase ends in the paying unit, whatever describes it.
  if (customer) {
    const noun = `(?:${customer.replace(/y$/, "(?:y|ie)")}${CLIPPED[customer] ? `|${CLIPPED[customer]}` : ""})`;
    const re = new RegExp(`(?<![$£€\\d.,])\\b(\\d[\\d,]*)(?:\\s?(k|thousand|million))?\\s+(?:(?!(?:euros?|pounds?|dollars?|usd|gbp|eur|per|a|an|each|every)\\b)[\\p{L}'-]+\\s+){0,3}?${noun}s?\\b`, "iu");
    // Of the counts of the paying unit, the one said most like a market ("about 18,000 salons in the UK"), not "8 salons, 4 weeks".
    const found: ReturnType<typeof counted>[] = [];
    for (const f of facts.filter((x) => ["customer", "business", "other", "solution"].includes(x.part))) {
      const m = re.exec(f.text);
      if (!m?.[1] || /\d\s*(to|-|–|and)\s*$/.test(f.text.slice(Math.max(0, m.index - 6), m.index))) continue;
      // "If we have fewer than 30 labs at month nine, we stop": a threshold, not a count.
      if (/\b(?:fewer|less|more) than\s+$|\bat (?:least|most)\s+$/i.test(f.text.slice(Math.max(0, m.index - 12), m.index))) continue;
      // "one adviser for every 3,000 students": a ratio, not a count.
      if (/\b(?:every|each|per|in)\s+$/i.test(f.text.slice(Math.max(0, m.index - 8), m.index))) continue;
      const value = toNumber(m[1], m[2]);
      // "a 1912 carousel": a year written before a noun dates it, it does not count it.
      if (/^(?:1[89]|20)\d\d$/.test(m[1]) && /\b(?:a|an|the|in|since|from|of)\s+$/i.test(f.text.slice(Math.max(0, m.index - 8), m.index))) continue;
      const c = counted(f, value, customer, m[0], m.index, 0);
      if (value >= 5 && marketRank(c) >= 0) found.push({ ...c, rank: marketRank(c) + 3 });
    }
    const best = found.sort((a, b) => b.rank - a.rank)[0];
    // "which most of the 14 shops also take on paper": a count of the paying unit said like no market gives way
    // to a count the brief does say like one ("There are around 5,800 independent butchers in the UK").
    if (best && best.rank > 3) return best;
    const other = marketCountOtherwise(facts, customer, best !== undefined);
    return other && other.rank >= 2 ? other : best ?? other;
  }
  return marketCountOtherwise(facts, customer);
}

/** The market count when no count of the paying unit reads as the market: a labelled market, a count of the customer with no noun, or a count said like a market. */
function marketCountOtherwise(facts: LedgerEntry[], customer: string | undefined, paidUnitSeen = false) {
  // "Organ maintenance firms in the UK (trade body list): 40": a label naming the customers, and their count.
  // "Market: about 21,000 US academic and biotech labs": the count the brief labels as its market.
  for (const f of facts) {
    const m = /^(?:the )?(?:market|market size|addressable market|who could buy(?: it)?)\s*:\s*(?:about |around |roughly |some |over |nearly |approximately )?(\d[\d,]*)(?:\s?(k|thousand|million))?\s+(?:[\p{L}-]+\s+){0,4}?(\p{Ll}[\p{L}-]*s|people)\b/iu.exec(f.text);
    if (!m?.[1] || !m[3]) continue;
    const value = toNumber(m[1], m[2]);
    if (value >= 5) return counted(f, value, singular(m[3]), m[0].replace(/^[^:]*:\s*/, ""), 0, 6);
  }
  const labelled = facts
    .filter((x) => !["evidence", "metrics", "launch", "risks"].includes(x.part))
    .map((f) => ({ f, m: /^((?:[\p{L}+&-]+\s+){0,4}?(\p{L}[\p{L}-]*s)\b(?!.*\b(?:we|visited|interviewed|said|asked|pilot|trial|spends?|estimate)\b)[^:]*):\s*(?:~\s?|about |around |roughly |some |over |nearly )?(\d[\d,]*)\.?$/iu.exec(f.text) }))
    .map(({ f, m }) => ({ f, m, value: m?.[3] ? Number(m[3].replace(/,/g, "")) : 0, noun: m?.[2] ? singular(m[2]) : "" }))
    .filter(({ m, value, noun }) => m && value >= 5 && !MEASURE.test(noun) && !/^(hour|day|week|month|year|minute)$/.test(noun) && (customer === undefined || noun === customer || !PEOPLE.test(noun)))
    .sort((a, b) => b.value - a.value)[0];
  if (labelled?.m) return counted(labelled.f, labelled.value, labelled.noun, labelled.m[0], 0, 5);
  // "..., of which there are about 4,500", "Production breweries ...; about 1,900 in the US": a count of the customer with no noun of its own.
  for (const f of facts.filter((x) => ["customer", "other", "solution"].includes(x.part))) {
    const m = /\bof (?:which|whom|these|them) there are (?:about |around |roughly |some |over |nearly |almost )?(\d[\d,]*)\b|(?:^|[;,:]\s*)(?:[Aa]bout|[Aa]round|[Rr]oughly|[Ss]ome|[Oo]ver|[Nn]early|[Aa]lmost)\s+(\d[\d,]*)\s+in\s+(?:the\s+)?\p{Lu}[\p{L}]*/u.exec(f.text);
    const digits = m?.[1] ?? m?.[2];
    const value = digits ? Number(digits.replace(/,/g, "")) : 0;
    if (m && value >= 5) return counted(f, value, customer ?? "customer", m[0].replace(/^[;,:]\s*/, ""), m.index, 5);
  }
  return facts
    .filter((f) => !["evidence", "metrics", "launch", "risks", "problem"].includes(f.part) || /\b(there (are|is)|in the (us|uk|eu|country)|nationwide|market)\b/i.test(f.text))
    .flatMap((f) => countsIn(f.text).map((c) => ({ ...c, id: f.id, part: f.part, sentence: f.text })))
    .filter((c) => !/(\bto|\band|-|–|\bwith|\bof)\s*$/i.test(c.sentence.slice(Math.max(0, c.index - 6), c.index)) && c.value >= 5)
    // "There are about 3,000 affineurs with their own cellars": the brief's own count of who could buy, whatever it calls them.
    .filter((c) => !(paidUnitSeen && c.noun === customer))
    .filter((c) => (customer !== undefined && c.noun === customer) || /\bsuch\s+\S+$|\bof them$/i.test(c.text) || (c.part === "customer" && !MEASURE.test(c.noun) && marketRank(c) >= 3)
      || (/\bthere (?:are|is)\s+(?:about\s+|around\s+|roughly\s+|some\s+|over\s+|nearly\s+|almost\s+|an estimated\s+)?$/i.test(c.sentence.slice(0, c.index)) && !MEASURE.test(c.noun) && c.part !== "evidence")
      // "roughly 90 practising taxidermists in the United Kingdom", "about 3,000 people in the UK play harp": an approximate count of a kind of buyer in a country.
      || (/\b(?:about|around|roughly|some|nearly|almost|approximately|an estimated)\s+$/i.test(c.sentence.slice(0, c.index)) && new RegExp(`^${c.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?:\\s+\\p{Ll}[\\p{L}-]*){0,2}\\s+(?:in|across)\\s+(?:the\\s+)?\\p{Lu}`, "u").test(c.sentence.slice(c.index)) && !MEASURE.test(c.noun) && (!PEOPLE.test(c.noun) || c.noun === "people") && c.part !== "evidence"))
    .map((c) => ({ ...c, rank: marketRank(c) + (customer !== undefined && c.noun === customer ? 3 : 0) - (PEOPLE.test(c.noun) && c.noun !== customer ? 1 : 0) }))
    .filter((c) => c.rank > 0)
    .sort((a, b) => b.rank - a.rank)[0];
}

/** A marketplace's take: "we take 12% of each rental; insurance costs us 4% of the rental". */
function takeRate(facts: LedgerEntry[]): { margin: number; formula: string; sources: string[] } | undefined {
  let take: { v: number; id: string } | undefined;
  let cost: { v: number; id: string } | undefined;
  for (const f of facts) {
    for (const m of f.text.matchAll(/\b(\d+(?:\.\d+)?)\s?%\s+(?:of|on)\b/g)) {
      const before = f.text.slice(Math.max(0, (m.index ?? 0) - 50), m.index);
      if (/\b(take|takes|keep|keeps|commission|charge|charges|cut|fee of|we earn|we get)\b[^.;]*$/i.test(before)) take ??= { v: Number(m[1]), id: f.id };
      else if (/\b(costs? us|we pay|our cost|insurance|processing|fees?)\b[^.;]*$/i.test(before)) cost ??= { v: Number(m[1]), id: f.id };
    }
  }
  if (!take || !cost || take.v <= 0) return undefined;
  return { margin: round2(((take.v - cost.v) / take.v) * 100), formula: `(${take.v}% take - ${cost.v}% cost) / ${take.v}% take`, sources: [take.id, cost.id] };
}

/** How strongly a count reads as the size of the market ("there are about 30,000 of them in the UK"). */
function marketRank(c: { sentence: string; index: number; part: string; text: string }): number {
  const around = c.sentence.slice(Math.max(0, c.index - 50), c.index + c.text.length + 40);
  let rank = c.part === "customer" ? 1 : 0;
  if (/\b(there (are|is)|about|around|roughly|some|over|nearly|almost|estimated|in the (us|uk|eu|country|state|region)|nationwide|across|market|total|of them|exist|in total)\b/i.test(around)) rank += 2;
  if (/\b(pilot\w*|trial\w*|tested|interviewed|surveyed|survey|asked|studied|signed|paying|waitlist|letters? of intent|spoke|talked|met|visited|we tried|used it)\b/i.test(around)) rank -= 3;
  return rank;
}

const ids = (e: Economics, ...labels: string[]) => e.lines.filter((l) => labels.includes(l.label)).flatMap((l) => l.sources);

/** What the whole market brings in over the payback horizon: the most a build can cost and be repaid. Null without a market and a positive contribution. */
export function marketCanRepay(e: Economics): number | null {
  const contribution = e.pricePerMonth !== null ? e.pricePerMonth - (e.costToServePerMonth ?? 0) : null;
  return e.marketCustomers !== null && contribution !== null && contribution > 0 ? e.marketCustomers * contribution * PAYBACK_HORIZON_MONTHS : null;
}

/** The money problems that decide the meeting on their own. */
function problemsOf(e: Economics, isFree: boolean): EconomicsProblem[] {
  const m = (n: number) => fmt(n, e.currency);
  const out: EconomicsProblem[] = [];
  if (e.grossMarginPct !== null && e.grossMarginPct < 0) {
    out.push({
      kind: "loss",
      text: e.pricePerMonth !== null && e.costToServePerMonth !== null
        ? `Every customer loses money: serving one costs ${m(e.costToServePerMonth)} a month against a price of ${m(e.pricePerMonth)} (gross margin ${e.grossMarginPct}%).`
        : `Every sale loses money: the cost to serve is above the price (gross margin ${e.grossMarginPct}%).`,
      sources: ids(e, "gross margin %", "price per customer per month", "cost to serve per customer per month"),
    });
  }
  if (isFree && (e.costToServePerMonth ?? 0) > 0) {
    out.push({ kind: "no-revenue", text: `There is no revenue: it is free, while serving one customer costs ${m(e.costToServePerMonth ?? 0)} a month.`, sources: ids(e, "price per customer per month", "cost to serve per customer per month") });
  }
  const repayable = marketCanRepay(e);
  if (e.buildCost !== null && repayable !== null && repayable < e.buildCost) {
    const contribution = (e.pricePerMonth ?? 0) - (e.costToServePerMonth ?? 0);
    out.push({
      kind: "market",
      text: `The whole market cannot repay the build: all ${(e.marketCustomers ?? 0).toLocaleString("en-US")} customers at ${m(contribution)} a month for ${PAYBACK_HORIZON_MONTHS} months bring ${m(repayable)}, against a build of ${m(e.buildCost)}.`,
      sources: ids(e, "customers in the market", "build cost", "price per customer per month"),
    });
  }
  if (e.buildCost !== null && e.valuePerYear !== null && (e.pricePerMonth === null || e.pricePerMonth === 0) && e.valuePerYear * (PAYBACK_HORIZON_MONTHS / 12) < e.buildCost) {
    out.push({ kind: "value", text: `The value does not repay the build: ${m(e.valuePerYear)} a year for ${PAYBACK_HORIZON_MONTHS / 12} years against ${m(e.buildCost)}.`, sources: ids(e, "value per year", "build cost") });
  }
  // The brief's own target cannot repay the build in any horizon a business plans for.
  const payback = e.lines.find((l) => l.label === "payback months");
  if (payback && e.paybackMonths !== null && e.paybackMonths > PAYBACK_LIMIT_MONTHS && !out.some((p) => p.kind === "market" || p.kind === "value")) {
    out.push({
      kind: "payback",
      text: `Even at its own target the build is not repaid: ${e.targetCustomers !== null ? `${e.targetCustomers.toLocaleString("en-US")} customers` : "the stated return"} repay ${m(e.buildCost ?? 0)} in ${Math.round(e.paybackMonths)} months (${Math.round(e.paybackMonths / 12)} years).`,
      sources: payback.sources,
    });
  }
  // The goal line is entered only when it is bigger than the whole market.
  const revenueGoal = e.lines.find((l) => l.label === "stated revenue target per year");
  if (revenueGoal && e.tamPerYear !== null) {
    out.push({
      kind: "goal",
      text: `The revenue goal is more than the whole market: ${m(revenueGoal.value)} a year against ${m(e.tamPerYear)} a year if every one of the ${(e.marketCustomers ?? 0).toLocaleString("en-US")} customers bought it.`,
      sources: [...revenueGoal.sources, ...ids(e, "market per year")],
    });
  }
  return out;
}
