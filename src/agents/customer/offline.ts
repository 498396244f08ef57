import { absoluteClaims } from "../../domain/claims.js";
import { moneyIn, MONTHS_PER } from "../../domain/quantities.js";
import type { Review } from "../../domain/review.js";
import { personaFit } from "../../personas/match.js";
import type { CustomerReviewInput } from "../contracts.js";
import { OPEN_QUESTION } from "../drafter/index.js";
import { composeReview, score, visibleSentences, type Objection } from "../shared/lens.js";
import { clause, excerpt, firstSentence, lowerFirst, sentences, wholeSentence, words } from "../shared/text.js";

/** Words that name no one in particular: a customer cannot recognise themselves in them. */
const NO_ONE = /\b(everyone(?! else)|everybody(?! else)|anyone(?! else)|all (?:users|people|businesses|companies|ages)|businesses of (?:all|every) sizes?|companies of all sizes|people everywhere|the world|consumers|users)\b/i;

/** The money a problem paragraph says the pain costs, per month ("$1,400 of production each week"). */
function painPerMonth(problem: string): { value: number; text: string } | undefined {
  const m = moneyIn(problem).find((x) => x.period);
  return m?.period ? { value: m.value / MONTHS_PER[m.period], text: m.text } : undefined;
}

/**
 * The offline customer persona reads cold: only the press release and the external FAQ, never the
 * rubric, the brief or another reviewer. A library persona for whom the release is not written
 * abstains instead of voting; the brief's own customer always reads it as theirs. Every sentence is
 * an inference from the persona's data and the release's sections, which it names.
 */
export function reviewAsCustomerOffline(input: CustomerReviewInput): Review {
  const { persona, prfaq: doc } = input;
  const pr = doc.pressRelease;
  const visible = visibleSentences(doc, { internal: false });
  const who = `${persona.name}, ${clause(persona.role)}`;
  const product = doc.title || pr.heading;
  const audience = [pr.heading, pr.subheading, pr.summary, pr.problem].join(" ");
  const fit = personaFit(persona.keywords, audience);
  const forNoOne = !pr.subheading.trim() || NO_ONE.test(pr.subheading);

  // Not written for me: a library persona says so and abstains rather than fitting itself to anything.
  if (!input.fromBrief && fit.length < 2) {
    return composeReview(input, {
      stance: "abstain",
      scores: { relevance: 1, problemClarity: score(pr.problem ? 3 : 1), believability: 3, valueForMoney: 3 },
      objections: [],
      questions: [],
      anchor: pr.subheading || pr.summary,
      summary: () =>
        `${who}: I abstain. The release is written for ${pr.subheading ? `"${lowerFirst(clause(pr.subheading))}"` : "no one in particular"} (release: subheading), and my day (${lowerFirst(clause(persona.role))}) is not in it${fit.length ? `: only ${fit.join(", ")} overlaps` : ""}. My vote would be a guess.`,
    }, visible);
  }

  const objections: Objection[] = [];
  const problem = pr.problem.trim();
  if (!problem) {
    objections.push({ kind: "problem", text: "The release never says what is wrong with my day today, so I have no reason to switch.", basis: ["pr:problem"], blocking: true });
  } else if (!/\d/.test(problem)) {
    objections.push({ kind: "problem", text: `The problem is stated without a single figure ("${excerpt(firstSentence(problem), 120)}"): I cannot tell whether it is my problem or a guess about it.`, basis: ["pr:problem"], blocking: false, quote: firstSentence(problem) });
  }
  if (forNoOne) {
    // A subheading that says "everyone" is the plan's; an empty one is the draft's gap, asked about, not held against the idea.
    objections.push({ kind: "customer", text: `It is written for ${pr.subheading ? `"${lowerFirst(clause(pr.subheading))}"` : "no one in particular"}; a product for everyone is made for no one I know.`, basis: ["pr:subheading"], blocking: pr.subheading.trim() !== "", quote: pr.subheading });
  }
  const claims = absoluteClaims(sentences([pr.summary, pr.solution, pr.howItWorks, ...doc.externalFaq.map((q) => q.answer)].join(" ")));
  for (const c of claims) {
    objections.push({ kind: "claims", text: `I do not believe "${c.phrase}": nothing I use is like that, and it makes me doubt the rest.`, basis: ["pr:summary"], blocking: true, quote: c.sentence });
  }
  const priceItem = doc.externalFaq.find((q) => /\b(cost|price|pay)\b/i.test(q.question));
  const priceText = priceItem && priceItem.answer !== OPEN_QUESTION && /\d/.test(priceItem.answer) ? priceItem.answer : undefined;
  const price = priceText ? moneyIn(priceText).find((m) => !m.oneOff) : undefined;
  const pain = problem ? painPerMonth(problem) : undefined;
  let valueLine = "";
  if (!priceText) {
    objections.push({ kind: "economics", text: `I can't tell what it costs. Today I pay for ${lowerFirst(clause(persona.paysForToday))}; I need a price to compare.`, basis: ["externalFaq:price"], blocking: false });
  } else if (price?.period && pain && price.per === undefined) {
    const monthly = price.value / MONTHS_PER[price.period];
    valueLine = monthly < pain.value
      ? ` At ${price.text} against the ${pain.text} the release says the problem costs (release: problem; external FAQ: price), it pays for itself if it removes ${Math.max(1, Math.round((monthly / pain.value) * 100))}% of that.`
      : "";
    if (monthly >= pain.value) objections.push({ kind: "economics", text: `It costs ${price.text}, more than the ${pain.text} the release says the problem costs.`, basis: ["externalFaq:price", "pr:problem"], blocking: true });
  }
  const proof = sentences([pr.summary, pr.solution, pr.customerQuote].join(" ")).find((s) => /\d/.test(s) && /\b(pilot|trial|test|fell|rose|cut|from \S+ to|dropped|saved)\b/i.test(s));
  if (!proof && persona.skepticism >= 4) {
    objections.push({ kind: "evidence", text: "Nothing in the release shows it worked for anyone like me; I have been sold promises before.", basis: ["pr:summary"], blocking: false });
  }
  const scenario = problem
    ? `If I used ${product}: the day the release describes ("${wholeSentence(clause(firstSentence(problem)), 160)}") is ${input.fromBrief ? "mine" : `close to mine (${fit.slice(0, 3).join(", ")})`}; ${pr.solution ? `instead, ${lowerFirst(wholeSentence(clause(firstSentence(pr.solution)), 200))}` : "the release does not say what happens instead"}.${priceText ? ` I would pay ${clause(priceText)}.` : " I do not know what I would pay."}`
    : `If I used ${product}, I could not say what it changes: the release does not describe my problem.`;
  const read = new Set(words(`${audience} ${pr.solution}`));
  const met = persona.decisionCriteria.find((c) => words(c).filter((w) => w.length >= 4 && read.has(w)).length >= 2);
  const unmet = persona.decisionCriteria.find((c) => c !== met);
  const questions = doc.externalFaq.filter((q) => q.answer === OPEN_QUESTION).map((q) => q.question);
  if (unmet && !met) questions.push(`${clause(unmet)}: does it?`);
  const scores = {
    relevance: score(input.fromBrief ? 5 : 1 + fit.length),
    problemClarity: score(problem ? (/\d/.test(problem) ? 5 : 3) : 1),
    believability: score(5 - 2 * claims.length - (proof ? 0 : 1)),
    valueForMoney: score(priceText ? (objections.some((o) => o.kind === "economics" && o.blocking) ? 1 : 4) : 2),
  };
  return composeReview(input, {
    scores,
    objections,
    questions,
    anchor: proof ?? pr.problem ?? pr.summary,
    scenario,
    summary: (stance) => {
      if (stance === "fund") {
        return `${who}: I would switch. ${proof ? `"${excerpt(proof, 160)}" is the line that convinces me (release).` : "The release describes my day."}${valueLine}${met ? ` It passes my test: ${lowerFirst(clause(met))}.` : ""}`;
      }
      const lost = objections.find((o) => o.blocking) ?? objections[0];
      return `${who}: I would ${stance === "kill" ? "not" : "not yet"} switch. ${lost ? `What lost me: ${lost.text}` : "It does not yet answer what I need to know."}${unmet ? ` My test is "${lowerFirst(clause(unmet))}", and the release does not answer it.` : ""}`;
    },
  }, visible);
}
