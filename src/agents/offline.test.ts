import { beforeAll, describe, expect, it } from "vitest";
import { analyseBrief } from "../domain/analysis.js";
import { extractBriefFacts } from "../domain/brief-facts.js";
import type { Memo } from "../domain/memo.js";
import { CreateReviewSchema } from "../domain/run.js";
import { runMeeting } from "../graph/meeting.js";
import { defaultPersonaDir, loadPersonaLibrary, type PersonaLibrary } from "../personas/loader.js";
import { runRubric } from "../rubric/index.js";
import type { InternalReviewInput } from "./contracts.js";
import { reviewAsCustomerOffline } from "./customer/index.js";
import { draftOffline, OPEN_QUESTION, reviseOffline } from "./drafter/index.js";
import { reviewAsEngineerOffline } from "./engineer/index.js";
import { reviewAsFinanceOffline } from "./finance/index.js";
import { leaning, standingArguments } from "./leader/offline.js";
import { createOfflineAgents } from "./offline.js";
import { reviewAsBarRaiserOffline } from "./bar-raiser/offline.js";
import { briefPersona, chooseSeats } from "./seats.js";

// Briefs written for these tests; none is a calibration fixture. Each shows one way a review goes wrong.
const STRONG = `# DockSlot: book a loading dock slot by text

Customer: Dispatchers at regional food wholesalers with 10 to 60 trucks; about 3,200 wholesalers in the UK. Representative customer: Oksana, dispatcher at a 24-truck wholesaler in Leeds.
Problem: Drivers queue at customer docks; Oksana's drivers waited 5.5 hours a week each last quarter, and 14% of deliveries missed their window.
Solution: DockSlot texts each driver a dock slot the evening before and moves it when a truck runs late.
Evidence: In a 6-week pilot with two wholesalers, dock waiting fell from 5.5 hours a week to 1.8, and missed windows from 14% to 4%.
Price: £390 per wholesaler per month. Serving one wholesaler costs us about £45 per month in texting and hosting.
Success: missed windows under 5% within 60 days for each wholesaler; 150 wholesalers paying by the end of 2027.
Launch: 1 May 2027.
Risks: Wholesalers' routing software (Descartes, Paragon) exposes plans differently; drivers may ignore texts.`;

const BELOW_COST = STRONG.replace("£390 per wholesaler per month", "£29 per wholesaler per month").replace("about £45 per month", "about £41 per month");
const FREE = STRONG.replace("Price: £390 per wholesaler per month.", "Price: free forever for wholesalers; we will never charge.").replace("about £45 per month", "about £180 per month");
const TINY = `# TowPlan: passage plans for harbour tug masters

Customer: the 38 licensed tug masters of one harbour; no more than 38 people will ever need this. A typical user: Ewan, a tug master with 20 years in the harbour.
Problem: Each tow is planned by hand from tide tables, which takes 30 minutes, and two near-misses last year came from hand-worked clearances.
Solution: TowPlan computes the clearance along the tow route from live gauges.
Evidence: Six masters used a prototype for 40 tows over two months; planning fell from 30 minutes to 7.
Price: $250 per master per month. Hosting costs about $30 per master per month.
Build: 5 engineers for 12 months, at a loaded $15,000 per engineer-month.
Success: all 38 masters using it by 1 June 2028.
Launch: 1 September 2027.`;
const ABSOLUTE = `# LeafCheck: spot orchard disease from one photo

Customer: Orchard managers in Kent with 10 to 60 hectares; about 1,100 orchards. Representative customer: Harriet, manager of a 30-hectare apple orchard.
Problem: Harriet lost 12% of her crop to scab last year because her team spotted it a week late.
Solution: LeafCheck identifies every disease with 100% accuracy from a single photo. No data needed: it works out of the box on every variety.
Price: £79 per orchard per month.
Success: 300 orchards by the end of 2027.
Launch: 1 March 2027.`;
const MOCKUP = STRONG.replace(
  "Evidence: In a 6-week pilot with two wholesalers, dock waiting fell from 5.5 hours a week to 1.8, and missed windows from 14% to 4%.",
  "Evidence: We showed a paper mock-up to 9 dispatchers; 7 said they would use it.",
);

const createdAt = "2026-11-25T00:00:00.000Z";
let library: PersonaLibrary;
beforeAll(async () => {
  library = await loadPersonaLibrary(defaultPersonaDir());
});

function firstRound(text: string) {
  const facts = extractBriefFacts({ title: /^#\s+(.+)$/m.exec(text)?.[1] ?? "T", text });
  const analysis = analyseBrief(facts);
  const { prfaq } = draftOffline({ facts, analysis, version: 1, changes: [], findings: [], createdAt });
  const rubric = runRubric(prfaq, { version: 1, revised: false });
  const internal = (role: "engineer" | "finance"): InternalReviewInput => ({ agent: role, role, round: 1, version: 1, prfaq, findings: rubric.findings, score: rubric.score, facts, analysis });
  return { facts, analysis, prfaq, rubric, engineer: reviewAsEngineerOffline(internal("engineer")), finance: reviewAsFinanceOffline(internal("finance")) };
}

async function memoOf(text: string): Promise<{ memo: Memo; personas: { id: string; name: string }[]; drafts: string[] }> {
  const request = CreateReviewSchema.parse({ brief: { title: /^#\s+(.+)$/m.exec(text)?.[1] ?? "T", text }, options: { rounds: 3 } });
  let personas: { id: string; name: string }[] = [];
  const drafts: string[] = [];
  const { memo } = await runMeeting({
    runId: "rv_test",
    createdAt,
    request,
    agents: createOfflineAgents(),
    personas: library,
    emit: async (e) => {
      if (e.type === "run.started") personas = e.personas;
      if (e.type === "draft.ready") drafts.push(e.markdown);
    },
  });
  return { memo, personas, drafts };
}

describe("the offline drafter", () => {
  it("tags every part of v1 with the ledger entries it rests on, and a composed quote as illustrative", () => {
    const { prfaq, analysis } = firstRound(STRONG);
    const ids = new Set(analysis.ledger.map((e) => e.id));
    const problemIds = analysis.ledger.filter((e) => e.kind === "fact" && e.part === "problem").map((e) => e.id);
    expect(prfaq.sources?.problem).toEqual(problemIds);
    expect(prfaq.pressRelease.customerQuote).toContain("said Oksana");
    expect(prfaq.sources?.customerQuote).toContain("illustrative");
    for (const tags of Object.values(prfaq.sources ?? {})) for (const t of tags) expect(ids.has(t) || t === "illustrative" || t === "assumption").toBe(true);
  });

  it("answers the unit-economics question with the computed margin and its formula", () => {
    const { prfaq } = firstRound(STRONG);
    const answer = prfaq.internalFaq.find((q) => /unit economics/.test(q.question))?.answer ?? "";
    expect(answer).toContain("Gross margin %: 88.46% ((£390 - £45) / £390).");
  });

  it("applies a typed change to its section, and turns one the ledger cannot support into a question for the author", () => {
    const { facts, analysis, prfaq, rubric } = firstRound(`# X\n\nWe make an app for everyone. It is great.`);
    const out = reviseOffline({
      facts, analysis, version: 2, previous: prfaq, findings: rubric.findings, createdAt,
      changes: [
        { priority: 1, kind: "add-date", target: "dateline", change: "Add a launch date.", why: "rubric", basis: ["missing-the-date"], check: "missing-the-date" },
        { priority: 2, kind: "rewrite-section", target: "subheading", change: "Name the customer.", why: "rubric", basis: [] },
      ],
    });
    expect(out.prfaq.pressRelease.dateline).toBe("May 1, 2027 (assumed launch date; the brief gives none)");
    expect(out.openQuestions).toEqual(["Who exactly is the customer? Name a representative person and how many like them exist."]);
    expect(JSON.stringify(out.prfaq)).not.toContain("Who exactly is the customer? Name");
  });
});

describe("finance computes", () => {
  it("funds on a computed margin, market and target, each with its sources", () => {
    const { finance, analysis } = firstRound(STRONG);
    expect(analysis.economics).toMatchObject({ currency: "GBP", pricePerMonth: 390, costToServePerMonth: 45, grossMarginPct: 88.46, marketCustomers: 3200, tamPerYear: 14_976_000, targetCustomers: 150 });
    expect(finance.stance).toBe("fund");
    expect(finance.summary).toMatch(/^The numbers hold\. Gross margin 88\.46% \(£390 price against £45 to serve, per customer a month\) \[L\d+/);
  });

  it.each([
    ["a price below the cost to serve", BELOW_COST, /Every customer loses money: serving one costs £41 a month against a price of £29/],
    ["no revenue against a real cost", FREE, /There is no revenue: it is free, while serving one customer costs £180 a month/],
    ["a market too small to repay the build", TINY, /The whole market cannot repay the build: all 38 customers/],
  ])("kills %s, whatever the rest of the brief says", (_what, text, message) => {
    const { finance } = firstRound(text);
    expect(finance.stance).toBe("kill");
    expect(finance.objections[0]).toMatchObject({ kind: "economics", blocking: true });
    expect(finance.objections[0]?.text).toMatch(message);
  });
});

describe("the engineer finds the hard problem", () => {
  it("names what the product depends on and cites it, instead of repeating the risk list", () => {
    const { engineer, facts } = firstRound(STRONG);
    expect(engineer.engineering?.hardestProblem).toMatch(/\[L\d+/);
    expect(engineer.engineering?.hardestProblem).not.toContain(facts.risks);
    expect(engineer.summary).toContain("A working trial has run the core loop");
  });

  it("tells a paper mock-up from a working trial", () => {
    const { engineer, analysis } = firstRound(MOCKUP);
    expect(analysis.maturity).toBe("mock-up");
    expect(engineer.summary).not.toContain("A working trial has run the core loop");
  });

  it("blocks on absolute claims the product rests on, even with a price and a named customer", () => {
    const { engineer } = firstRound(ABSOLUTE);
    expect(engineer.stance).toBe("kill");
    expect(engineer.objections.filter((o) => o.kind === "claims" && o.blocking).map((o) => o.text)).toHaveLength(2);
    expect(engineer.engineering?.claimsChallenged.join(" ")).toMatch(/"100% accuracy"/);
  });
});

describe("the brief's own customer is in the room", () => {
  it("seats the named representative first, and a library persona only when it fits", () => {
    const { facts, analysis } = firstRound(TINY);
    const { personas, seats } = chooseSeats(facts, analysis, library, undefined);
    expect(personas[0]).toMatchObject({ name: "Ewan", why: "the brief's own representative customer" });
    expect(seats[0]?.fromBrief).toBe(true);
    expect(personas.map((p) => p.id)).not.toContain("young-adult-consumer");
  });

  it("seats a library persona only at the kind of organisation the brief names, not for work every trade has (a dental office manager stays out of a vet clinic's meeting)", () => {
    const seatsFor = (customer: string) => {
      const { facts, analysis } = firstRound(STRONG.replace(/Customer: .*\n/, `Customer: ${customer}\n`));
      return chooseSeats(facts, analysis, library, undefined).personas.map((p) => p.id);
    };
    const vet = seatsFor("Front-desk staff at independent vet clinics with 2 to 6 vets, who book appointments and chase no-shows; about 18,000 clinics in the US.");
    expect(vet).toContain("vet-clinic-front-desk");
    expect(vet).not.toContain("dental-office-manager");
    expect(seatsFor("Front-desk staff at family dental practices who book appointments and chase no-shows; about 9,000 practices in the US.")).toContain("dental-office-manager");
  });

  it("a persona the release is not written for abstains instead of voting", () => {
    const { prfaq } = firstRound(TINY);
    const barista = library.byId("young-adult-consumer");
    if (!barista) throw new Error("library persona missing");
    const review = reviewAsCustomerOffline({ agent: "customer:young-adult-consumer", role: "customer", persona: barista, round: 1, version: 1, prfaq: { ...prfaq, internalFaq: [] }, fromBrief: false });
    expect(review.stance).toBe("abstain");
    expect(review.objections).toEqual([]);
  });

  it("holds a subheading that says 'everyone' against the idea, and asks about an empty one", () => {
    const { facts, analysis, prfaq } = firstRound(STRONG);
    const own = briefPersona(facts, analysis);
    if (!own) throw new Error("the brief names a customer");
    const read = (subheading: string) =>
      reviewAsCustomerOffline({ agent: `customer:${own.id}`, role: "customer", persona: own, round: 1, version: 1, prfaq: { ...prfaq, internalFaq: [], pressRelease: { ...prfaq.pressRelease, subheading } }, fromBrief: true }).objections.find((o) => o.kind === "customer");
    expect(read("For everyone who sends a truck anywhere.")?.blocking).toBe(true);
    expect(read("")?.blocking).toBe(false);
  });

  it("the brief's customer is the group it counts, past a label and a number, when no one is named", () => {
    const facts = extractBriefFacts({ title: "Jobs on handsets", text: "| Who uses it | Our 40 cleaners across three sites |\n| What happens now | Each cleaner walks back to the desk for every job. |" });
    expect(briefPersona(facts, analyseBrief(facts))?.name).toBe("The brief's cleaner");
  });

  it("the brief's customer writes a first-person scenario from the release", () => {
    const { facts, analysis, prfaq } = firstRound(STRONG);
    const persona = briefPersona(facts, analysis);
    if (!persona) throw new Error("no brief persona");
    const review = reviewAsCustomerOffline({ agent: `customer:${persona.id}`, role: "customer", persona, round: 1, version: 1, prfaq: { ...prfaq, internalFaq: [] }, fromBrief: true });
    expect(review.scenario).toMatch(/^If I used DockSlot: the day the release describes \("Drivers queue at customer docks/);
    expect(review.stance).toBe("fund");
  });
});

describe("the leader and the memo", () => {
  it("kills a loss-making plan for the economics, at once, with a crux, a next test and dissent", async () => {
    const { memo, drafts } = await memoOf(BELOW_COST);
    expect(memo.decision).toBe("kill");
    expect(memo.rounds).toBe(1);
    expect(drafts).toHaveLength(1);
    expect(memo.reasons[0]?.kind).toBe("economics");
    expect(memo.crux).toMatch(/^It turns on the economics: every customer loses money/);
    expect(memo.nextTest).toMatch(/^Quote .* a price above the cost to serve \(£41 a month\)/);
    expect(memo.economics.grossMarginPct).toBe(-41.38);
    expect(memo.dissent.map((d) => d.agent)).toContain("engineer");
  });

  it("kills a market too small to repay the build, and its next test sizes the build the market can repay", async () => {
    const tiny = STRONG.replace("about 3,200 wholesalers in the UK", "about 30 wholesalers in the UK").replace("Launch: 1 May 2027.", "Build: 6 engineers for 12 months at £10,000 a month loaded.\nLaunch: 1 May 2027.");
    const { memo } = await memoOf(tiny);
    expect(memo.decision).toBe("kill");
    expect(memo.reasons[0]?.text).toMatch(/whole market cannot repay the build/);
    // 30 wholesalers x (£390 - £45) x 36 months = £372,600 is the most a build can cost.
    expect(memo.nextTest).toMatch(/at most £372,600 of engineering/);
  });

  it("funds a strong brief with kill criteria and the stage, and no two consecutive versions alike", async () => {
    const { memo, drafts, personas } = await memoOf(STRONG);
    expect(memo.decision).toBe("fund");
    expect(memo.stage).toBe("validated");
    expect(memo.door).toBe("two-way");
    expect(memo.killCriteria[0]).toBe("Stop if the success measure is missed: missed windows under 5% within 60 days for each wholesaler; 150 wholesalers paying by the end of 2027.");
    expect(personas[0]?.name).toBe("Oksana");
    drafts.forEach((d, i) => i > 0 && expect(d).not.toBe(drafts[i - 1]));
  });

  it("asks for the basis of a price it cannot put on a customer-month instead of killing for it", async () => {
    // A per-slot price and a monthly cost, with no slots a month stated: the reader's missing input, not a loss.
    const perSlot = STRONG.replace("£390 per wholesaler per month", "£3 per slot booked");
    const { memo } = await memoOf(perSlot);
    expect(memo.decision).toBe("fund");
    expect(memo.reasons.some((r) => /cannot be turned into revenue/.test(r.text))).toBe(false);
    // A cost above the price on the same basis is still a loss, and still kills.
    const { memo: loss } = await memoOf(perSlot.replace("Serving one wholesaler costs us about £45 per month in texting and hosting.", "Texting and hosting cost us about £4 per slot."));
    expect(loss.decision).toBe("kill");
    expect(loss.reasons[0]?.text).toMatch(/loses money/);
  });

  it("leans fund when no argument against it stands and a seat backs it, though the customer is not yet convinced", () => {
    const { analysis, engineer, finance } = firstRound(STRONG);
    const undecided = { ...engineer, agent: "customer:brief-oksana", role: "customer" as const, stance: "undecided" as const, objections: [] };
    const round = { round: 1, version: 1, score: 90, findings: [], reviews: [undecided, { ...finance, stance: "fund" as const, objections: [] }] };
    expect(leaning(round, analysis)).toBe("fund");
    // Nobody backing it is still a kill.
    expect(leaning({ ...round, reviews: [undecided] }, analysis)).toBe("kill");
  });

  it("asks for a description of a product a trial already ran instead of blocking on it, and blocks when nothing ran", () => {
    const { facts, analysis, prfaq, rubric } = firstRound(STRONG);
    const bare = { ...prfaq, pressRelease: { ...prfaq.pressRelease, solution: "" } };
    const input = (a: typeof analysis): InternalReviewInput => ({ agent: "engineer", role: "engineer", round: 1, version: 1, prfaq: bare, findings: rubric.findings, score: rubric.score, facts: { ...facts, solution: "" }, analysis: a });
    const ran = reviewAsEngineerOffline(input(analysis)).objections.find((o) => o.kind === "feasibility");
    expect(ran?.blocking).toBe(false);
    expect(ran?.text).toMatch(/must describe it/);
    expect(reviewAsEngineerOffline(input({ ...analysis, maturity: "nothing" })).objections.find((o) => o.kind === "feasibility")?.blocking).toBe(true);
  });

  it("lets an empty customer seat block only when the brief counts no market either", () => {
    const { analysis, engineer } = firstRound(STRONG);
    const round = { round: 1, version: 1, score: 60, reviews: [engineer], findings: [{ check: "vague-customer-definition" as const, severity: "critical" as const, message: "m", evidence: "" }] };
    const noSeat = (a: typeof analysis) => standingArguments(round, a).find((x) => /No customer could take a seat/.test(x.text));
    expect(analysis.economics.marketCustomers).toBe(3200);
    expect(noSeat(analysis)?.blocking).toBe(false);
    expect(noSeat({ ...analysis, economics: { ...analysis.economics, marketCustomers: null } })?.blocking).toBe(true);
  });

  it("holds a brief that says its customer is everyone to that, whoever else it names and whatever market it counts", () => {
    const everyone = STRONG.replace("Customer: Dispatchers at regional food wholesalers with 10 to 60 trucks; about 3,200 wholesalers in the UK. Representative customer: Oksana, dispatcher at a 24-truck wholesaler in Leeds.", "Customer: Everyone who sends or receives a truck. Take Oksana, a dispatcher in Leeds. There are about 3,200 wholesalers in the UK.");
    const { analysis, engineer } = firstRound(everyone);
    const finding = { check: "vague-customer-definition" as const, severity: "critical" as const, message: "The press release never says who the customer is.", evidence: "" };
    const args = standingArguments({ round: 1, version: 1, score: 60, reviews: [engineer], findings: [finding] }, analysis);
    expect(analysis.economics.marketCustomers).toBe(3200);
    expect(args.find((a) => a.seat === "rubric" && a.kind === "customer")?.blocking).toBe(true);
    // The same finding on a brief that names its segment is a wording fix for the drafter, not a verdict.
    const named = standingArguments({ round: 1, version: 1, score: 60, reviews: [engineer], findings: [finding] }, firstRound(STRONG).analysis);
    expect(named.some((a) => a.seat === "rubric" && a.kind === "customer")).toBe(false);
  });

  it("kills several products sold as one for scope, with the brief's own words as the basis", async () => {
    const bundle = STRONG.replace("Solution: DockSlot texts each driver a dock slot the evening before and moves it when a truck runs late.", "Solution: DockSlot is one app for everything a wholesaler needs: dock slots, a driver canteen till, fuel cards and a staff dating board.");
    const { memo } = await memoOf(bundle);
    expect(memo.decision).toBe("kill");
    expect(memo.reasons[0]?.kind).toBe("scope");
    expect(memo.reasons[0]?.text).toMatch(/several products sold as one \("DockSlot is one app for everything/);
  });

  it("seats a bar raiser who reads the concluded draft cold: backs a fund that shows it pays, was tried and has a number to hold it to", () => {
    const { facts, analysis, prfaq, rubric } = firstRound(STRONG);
    const input = (lean: "fund" | "kill", a = analysis) => ({ agent: "bar-raiser", role: "bar-raiser" as const, round: 2, version: 2, prfaq, findings: rubric.findings, score: rubric.score, facts, analysis: a, lean });
    expect(reviewAsBarRaiserOffline(input("fund")).stance).toBe("fund");
    // Never overturns a kill.
    const second = reviewAsBarRaiserOffline(input("kill"));
    expect(second.stance).toBe("kill");
    expect(second.objections.some((o) => o.blocking)).toBe(false);
    // A fund that shows neither that it pays nor that customers did anything is vetoed.
    const blind = { ...analysis, stage: "hypothesis" as const, economics: { ...analysis.economics, grossMarginPct: null, valuePerYear: null } };
    const veto = reviewAsBarRaiserOffline(input("fund", blind));
    expect(veto.stance).toBe("kill");
    expect(veto.objections[0]).toMatchObject({ blocking: true });
    expect(veto.objections[0]?.text).toMatch(/^Not yet: the document does not show whether it pays .*, nor anything customers did with it/);
  });

  it("turns a fund into a kill when the bar raiser vetoes it, with the veto as the first reason and the bar raiser among the dissent", async () => {
    // A per-slot price the model cannot put on a month (so no margin), and no trial: the meeting finds nothing blocking.
    const untested = STRONG.replace("£390 per wholesaler per month", "£3 per slot booked").replace(/Evidence: .*\n/, "");
    const { memo } = await memoOf(untested);
    expect(memo.decision).toBe("kill");
    expect(memo.reasons[0]?.text).toMatch(/^Not yet: the document does not show/);
    // The veto cites the money facts nothing could be computed from; finance does not back what it could not compute.
    expect(memo.reasons[0]?.basis.some((b) => /^L\d+$/.test(b))).toBe(true);
    expect(memo.stances.find((x) => x.agent === "finance")?.stance).toBe("undecided");
    expect(memo.stances.map((x) => x.agent)).toContain("bar-raiser");
    const { memo: strong } = await memoOf(STRONG);
    expect(strong.decision).toBe("fund");
    expect(strong.stances.find((x) => x.agent === "bar-raiser")?.stance).toBe("fund");
  });

  it("repeats no item across the memo's sections", async () => {
    for (const text of [STRONG, BELOW_COST, ABSOLUTE]) {
      const { memo } = await memoOf(text);
      const items = [...memo.reasons.map((r) => r.text), ...memo.risks, ...memo.openQuestions, ...memo.whatWouldChange, ...memo.conditions, ...memo.killCriteria];
      expect(new Set(items).size).toBe(items.length);
    }
  });

  it("never pastes an open question into the document", async () => {
    const { memo } = await memoOf(ABSOLUTE);
    const asked = [...memo.finalPrfaq.externalFaq, ...memo.finalPrfaq.internalFaq].map((q) => q.question);
    expect(asked.every((q) => !/^(Who owns|What is the smallest)/.test(q))).toBe(true);
    expect([...memo.finalPrfaq.externalFaq, ...memo.finalPrfaq.internalFaq].filter((q) => q.answer === OPEN_QUESTION).length).toBeGreaterThan(0);
  });
});
