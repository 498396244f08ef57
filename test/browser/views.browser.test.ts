// The page's views in a real browser, fed a fixed transcript: every part of the decision document, the
// reviews' structure (typed objections, an abstaining seat, a scenario, the engineer's fields) and typed
// change requests, all as text. The views are bundled with esbuild exactly as src/web/bundle.ts does.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../../src/domain/events.js";
import { MemoSchema, type Memo } from "../../src/domain/memo.js";
import { launchChromium, openPage, shot } from "./chromium.js";

const XSS = "<img src=x onerror=alert(1)>";
const client = (file: string) => fileURLToPath(new URL(`../../src/web/client/${file}`, import.meta.url));

let browser: Browser;
let script = "";
let css = "";

beforeAll(async () => {
  browser = await launchChromium();
  // A page with only the views, exposed on window: no server, no stream.
  const out = await build({
    stdin: {
      contents: `
        import { renderMemo } from ${JSON.stringify(client("memo-view.ts"))};
        import { renderDocument } from ${JSON.stringify(client("document-view.ts"))};
        import { renderEntry, renderRoom } from ${JSON.stringify(client("transcript-view.ts"))};
        import { renderScorecard } from ${JSON.stringify(client("scorecard-view.ts"))};
        import { reduceEvents } from ${JSON.stringify(client("view-model.ts"))};
        // What the run page does with a finished run's events (run-view.ts), into the blank page's boxes.
        window.renderAll = (events) => {
          const view = reduceEvents("rv_views", events);
          const nameOf = (agent) => view.participants.find((p) => p.agent === agent)?.name ?? agent;
          document.querySelector(".memo").append(...renderMemo(view.memo, "rv_views", nameOf));
          document.querySelector(".transcript").append(...view.entries.map((entry) => renderEntry(entry, view)));
          document.querySelector(".room").append(...renderRoom(view));
          document.querySelector(".scorecard").append(...renderScorecard(view));
          // The PR/FAQ panel as run-view.ts renders it: the latest version against the one before, with the memo's ledger.
          const draw = (state) => document.querySelector(".document").replaceChildren(...renderDocument(window.drafts, state, draw, view.memo.ledger));
          draw({ showDiff: true });
        };`,
      resolveDir: client("."),
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    logLevel: "silent",
  });
  script = out.outputFiles[0]?.text ?? "";
  css = await readFile(client("app.css"), "utf8");
});

afterAll(async () => {
  await browser?.close();
});

const ledger = [
  { id: "L1", kind: "fact", source: "brief", part: "customer", text: `There are 18,000 independent vet clinics in the US ${XSS}.` },
  { id: "L2", kind: "number", source: "brief", part: "business", text: "$119", value: 119, unit: "USD per clinic per month", of: "L1" },
  { id: "L3", kind: "fact", source: "brief", part: "evidence", text: "A 6-week pilot at 2 clinics cut refill calls by 58%." },
];

function memoOf(decision: "fund" | "kill", patch: Partial<Memo> = {}): Memo {
  return MemoSchema.parse({
    runId: "rv_views",
    title: "RefillReady",
    engine: "offline",
    decision,
    confidence: 0.8,
    headline: `${decision === "fund" ? "Fund" : "Kill"} RefillReady ${XSS}`,
    crux: `It turns on whether the pilot's result holds beyond its two clinics ${XSS}.`,
    ask: "Two engineers for six months.",
    door: "two-way",
    doorWhy: "Software that can be piloted and switched off.",
    stage: "validated",
    economics: {
      currency: "USD", pricePerMonth: 119, costToServePerMonth: 14, grossMarginPct: 88.24, marketCustomers: 18_000, tamPerYear: 25_704_000,
      targetCustomers: null, targetRevenuePerYear: null, buildCost: null, paybackMonths: null, breakEvenCustomers: null, valuePerYear: null,
      lines: [
        { label: "gross margin %", value: 88.24, formula: "($119 - $14) / $119", sources: ["L2"] },
        { label: "market per year", value: 25_704_000, formula: "18,000 customers x $119 x 12", sources: ["L1", "L2"] },
      ],
    },
    reasons: [
      { kind: "evidence", text: "Customers have used it: the pilot cut refill calls by 58%.", basis: ["L3"] },
      { kind: "economics", text: "The unit economics work: 88.24% gross margin.", basis: ["L2", "customer:brief-elena"] },
    ],
    buildTest: { whyUs: "We run the clinics' texting already.", whyNow: "Clinics are short of front-desk staff.", giveUp: "Two engineers for six months." },
    conditions: ["Integrate with one practice-management system first."],
    killCriteria: ["Stop if gross margin falls below 44%."],
    nextTest: "Run the pilot at three new clinics; stop if it fails for two.",
    whatWouldChange: ["A pilot that shows the calls come back."],
    risks: ["Owners keep phoning out of habit."],
    openQuestions: ["What happens to my data?"],
    dissent: [{ agent: "finance", stance: "undecided", text: "The build cost is not stated." }],
    stances: [],
    ledger,
    changes: [{ version: 2, change: "Answered \"What would make us stop?\" from the ledger [L3]." }],
    scorecard: [],
    fixedFindings: [],
    remainingFindings: [],
    rounds: 2,
    finalVersion: 2,
    finalPrfaq: {
      title: "RefillReady",
      pressRelease: { heading: "h", subheading: "s", dateline: "d", summary: "s", problem: "p", solution: "s", leaderQuote: "q", howItWorks: "h", customerQuote: "c", callToAction: "c" },
      externalFaq: [],
      internalFaq: [],
    },
    ...patch,
  });
}

/** One round with three customers (one abstaining), the engineer and finance, a decision and the memo. */
function transcript(memo: Memo): RunEvent[] {
  let seq = 0;
  const e = (x: Record<string, unknown>) => RunEventSchema.parse({ seq: ++seq, runId: "rv_views", at: "2027-01-01T00:00:00.000Z", ...x });
  const review = (agent: string, role: string, stance: string, extra: Record<string, unknown> = {}) =>
    e({ type: "review.ready", round: 1, review: { agent, role, round: 1, version: 1, stance, scores: {}, summary: `${agent} says ${XSS}`, objections: [], questions: [], quote: "q", ...extra } });
  return [
    e({ type: "run.started", engine: "offline", rounds: 3, note: "offline", personas: [{ id: "brief-elena", name: "Elena", why: "the brief's own customer" }, { id: "family-farmer", name: "Dale", why: "picked" }] }),
    e({ type: "round.started", round: 1 }),
    review("customer:brief-elena", "customer", "fund", { scenario: `Monday morning I open the queue ${XSS} and approve six refills.` }),
    review("customer:family-farmer", "customer", "abstain"),
    review("engineer", "engineer", "kill", {
      objections: [{ kind: "claims", text: `"Zero errors" cannot be promised ${XSS}.`, basis: ["L3", "pr:summary"], blocking: true }, { kind: "scope", text: "Two products in one.", basis: [], blocking: false }],
      engineering: { hardestProblem: "Owners must change habit.", mustBeTrue: ["The pilot's result holds.", "Vets approve in one tap."], oneWayDoors: [], dependencies: ["Practice-management integrations"], claimsChallenged: ["Zero errors"] },
    }),
    // The finance seat's model call failed once: the page shows who waits, how long, and which attempt comes next.
    e({ type: "agent.retrying", round: 1, agent: "finance", attempt: 1, waitMs: 2000, reason: "rate-limited (429)" }),
    review("finance", "finance", "undecided"),
    e({
      type: "decision",
      round: 1,
      decision: {
        round: 1, action: "iterate", leaning: "fund", rationale: "Fixable from the ledger.",
        changes: [{ priority: 1, kind: "fix-claim", target: "summary", change: `Replace "zero errors" with the pilot's figure ${XSS}.`, why: "the engineer", basis: ["L3"], check: "hyperbole-instead-of-specifics" }],
      },
    }),
    e({ type: "memo.ready", round: 1, memo }),
    e({ type: "run.completed", status: "completed", verdict: { decision: memo.decision, confidence: memo.confidence, score: 90 } }),
  ];
}

/** Two versions of a PR/FAQ: v2 changes two words of the summary, respaces the problem, and adds an FAQ item. */
function drafts() {
  const v1 = memoOf("fund").finalPrfaq;
  const pressRelease = {
    ...v1.pressRelease,
    heading: "RefillReady: refills by text",
    summary: "Owners text for refills. The vet approves in one tap.",
    problem: "Refill calls take 5 minutes\n\neach.",
    customerQuote: `"I **finally** get my mornings back ${XSS}," said Elena.`,
  };
  const first = { ...v1, pressRelease, externalFaq: [{ question: "How much does it cost?", answer: "$119 a month." }], sources: { summary: ["L3"], customerQuote: ["L1", "illustrative"] } };
  const second = {
    ...first,
    pressRelease: { ...pressRelease, summary: "Owners text for refills. The vet approves in two taps.", problem: "Refill calls take 5 minutes each." },
    externalFaq: [...first.externalFaq, { question: "What happens to my data?", answer: "It stays with the clinic." }],
  };
  const assumptions = ["The customer quote is illustrative: composed from the brief's facts (L1); confirm it with Elena."];
  return [{ version: 1, round: 1, prfaq: first, assumptions }, { version: 2, round: 2, prfaq: second, assumptions }];
}

/** A blank page with the stylesheet and the views, the transcript rendered into it. */
async function render(memo: Memo) {
  const opened = await openPage(browser);
  const { page } = opened;
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body><main><div class="memo"></div><ol class="transcript"></ol><ul class="room"></ul><div class="scorecard"></div><div class="document"></div></main></body></html>`);
  await page.addScriptTag({ content: script });
  await page.evaluate((drafts) => Object.assign(globalThis, { drafts }), drafts());
  await page.evaluate((events) => (globalThis as unknown as { renderAll(events: unknown): void }).renderAll(events), transcript(memo));
  return opened;
}

const texts = (page: Page, selector: string) => page.locator(selector).allTextContents();

describe("the decision document", () => {
  it("a fund memo: verdict, stage and door, the crux, the ask, reasons with kinds and ledger references, every section, the collapsed ledger", async () => {
    const memo = memoOf("fund");
    const { page, problems, dialogs, close } = await render(memo);
    try {
      expect(await page.locator(".verdict-word").textContent()).toBe("FUND");
      expect(await texts(page, ".memo .badges .chip")).toEqual(["Stage: Validated", "Two-way door"]);
      expect(await page.locator(".memo .badges .door-two-way").getAttribute("title")).toBe(memo.doorWhy);
      expect(await page.locator(".memo .crux p").textContent()).toBe(memo.crux);
      expect(await page.locator(".memo .ask").textContent()).toBe("The ask: Two engineers for six months.");
      expect(await texts(page, ".memo h3")).toEqual([
        "Reasons", "Conditions", "Kill criteria", "The next test", "Should we build it?", "Door and stage", "Economics", "Dissent", "Risks", "Open questions", "What changed from v1",
      ]);
      // Reasons, most decisive first, each with its kind and what it rests on.
      expect(await texts(page, ".memo .reasons > li > .chip.kind")).toEqual(["evidence", "economics"]);
      expect(await texts(page, ".memo .reasons > li:nth-child(2) .ref")).toEqual(["L2", "customer:brief-elena"]);
      expect(await page.locator('.memo .reasons a.ref[href="#ledger-L3"]').getAttribute("title")).toBe("L3 · brief fact (evidence): A 6-week pilot at 2 clinics cut refill calls by 58%.");
      expect(await page.locator('.memo .reasons .ref[title="A seat of the meeting"]').textContent()).toBe("customer:brief-elena");
      expect(await texts(page, ".memo .kill-criteria li")).toEqual(memo.killCriteria);
      expect(await page.locator(".memo .next-test p").textContent()).toBe(memo.nextTest);
      expect(await texts(page, ".memo .build-test dt")).toEqual(["Why us", "Why now", "What we give up"]);
      expect(await texts(page, ".memo .build-test dd")).toEqual([memo.buildTest.whyUs, memo.buildTest.whyNow, memo.buildTest.giveUp]);
      // Economics: the figures (unknown where the brief gives no inputs), then each line with its formula and sources.
      const figures = await page.locator(".memo .figures tr").evaluateAll((rows) => rows.map((r) => [r.querySelector("th")?.textContent, r.querySelector("td")?.textContent]));
      expect(figures).toHaveLength(11);
      expect(figures).toContainEqual(["Gross margin", "88.24%"]);
      expect(figures).toContainEqual(["Market per year", "$25,704,000"]);
      expect(figures).toContainEqual(["Build cost", "unknown"]);
      expect(await texts(page, ".memo .lines tbody tr")).toEqual(["gross margin %88.24($119 - $14) / $119L2", "market per year25,704,00018,000 customers x $119 x 12L1L2"]);
      expect(await page.locator(".memo .dissent li").textContent()).toBe("Finance Undecided The build cost is not stated.");
      expect(await page.locator(".memo .dissent .chip").textContent()).toBe("Undecided");
      expect(await texts(page, ".memo .memo-part:has(h3:text-is('What changed from v1')) li")).toEqual(['v2: Answered "What would make us stop?" from the ledger [L3].']);
      // The ledger is collapsed; a reference opens it on its row.
      expect(await page.locator("details#ledger").getAttribute("open")).toBeNull();
      expect(await page.locator("#ledger summary").textContent()).toBe("Evidence ledger (3 entries)");
      expect(await page.locator("#ledger-L2").textContent()).toBe("L2briefnumber$119 = 119 USD per clinic per month");
      await page.locator('.memo .reasons a.ref[href="#ledger-L3"]').click();
      expect(await page.locator("details#ledger").getAttribute("open")).toBe("");
      expect(await page.locator("#ledger-L3").isVisible()).toBe(true);
      // Model and brief text stays text.
      expect(await page.locator("img").count()).toBe(0);
      expect(await page.locator("#ledger-L1 td").last().textContent()).toContain(XSS);
      await shot(page, "views-memo-fund.png");

      // The PR/FAQ panel: a document with the changed words marked in place, whitespace-only edits not.
      const doc = page.locator(".document");
      expect(await doc.locator(".doc-title").textContent()).toBe("RefillReady: refills by text");
      expect(await doc.locator(".doc-summary").textContent()).toBe("Changes from v1 to v2: 2 passages, 12 words added and 2 removed.");
      const summary = doc.locator('[data-key="pr:summary"]');
      expect(await summary.getAttribute("data-change")).toBe("changed");
      expect(await summary.locator("ins").allTextContents()).toEqual(["two taps"]);
      expect(await summary.locator("del").allTextContents()).toEqual(["one tap"]);
      expect(await doc.locator('[data-key="pr:problem"]').getAttribute("data-change")).toBe("same");
      expect(await doc.locator('[data-key="externalFaq.1"]').getAttribute("data-change")).toBe("added");
      expect(await doc.locator('[data-key="externalFaq.1"] .faq-q').textContent()).toBe("What happens to my data?");
      // No markdown marker reaches the page; the brief's HTML stays text.
      expect(await doc.locator(`[data-key="pr:customerQuote"] blockquote`).textContent()).toBe(`"I finally get my mornings back ${XSS}," said Elena.`);
      // Sources on hover (title) and on tap (a note under the block).
      const illustrative = doc.locator(`[data-key="pr:customerQuote"] button.ref-assumption`);
      expect(await illustrative.getAttribute("title")).toBe(`Illustrative: composed from the brief's facts, not a real quote. ${"The customer quote is illustrative: composed from the brief's facts (L1); confirm it with Elena."}`);
      await summary.locator("button.ref", { hasText: "L3" }).click();
      expect(await summary.locator(".ref-note").textContent()).toBe("L3 · brief fact (evidence): A 6-week pilot at 2 clinics cut refill calls by 58%.");
      await summary.locator("button.ref", { hasText: "L3" }).press("Enter");
      expect(await summary.locator(".ref-note").isHidden()).toBe(true);
      // v1 alone: nothing marked.
      await doc.getByRole("button", { name: "v1" }).click();
      expect(await doc.locator("ins, del, .change-mark").count()).toBe(0);
      expect(await doc.locator(".doc-summary").textContent()).toBe("Version 1, written in round 1.");
      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await close();
    }
  });

  it("a kill memo: what would change it instead of conditions and kill criteria; no ask, no dissent, no changes said plainly", async () => {
    const { page, close } = await render(memoOf("kill", { ask: null, dissent: [], changes: [], economics: { ...memoOf("kill").economics, lines: [] } }));
    try {
      expect(await page.locator(".verdict-word").textContent()).toBe("KILL");
      expect(await texts(page, ".memo h3")).toEqual([
        "Reasons", "What would change the decision", "The next test", "Should we build it?", "Door and stage", "Economics", "Dissent", "Risks", "Open questions", "What changed from v1",
      ]);
      expect(await page.locator(".memo .ask").textContent()).toBe("The ask: The brief states no ask.");
      expect(await texts(page, ".memo .memo-part p.muted")).toEqual(["The brief gives no figures to compute from.", "Nobody dissents.", "The first version was final."]);
    } finally {
      await close();
    }
  });
});

describe("the transcript", () => {
  it("objections with kind and a blocking mark, an abstaining seat that is not a vote, a scenario, the engineer's fields, a retried model call, typed change requests", async () => {
    const { page, problems, close } = await render(memoOf("fund"));
    try {
      const engineer = page.locator('.transcript li[data-lane="engineer"]');
      expect(await engineer.locator(".objections > li > .chip.kind").allTextContents()).toEqual(["claims", "scope"]);
      expect(await engineer.locator(".objections > li.is-blocking .chip.blocking").allTextContents()).toEqual(["blocking"]);
      expect(await engineer.locator(".objections > li").first().locator(".ref").allTextContents()).toEqual(["L3", "pr:summary"]);
      expect(await engineer.locator(".engineering dt").allTextContents()).toEqual(["Hardest problem", "Must be true", "Dependencies", "Claims challenged"]);
      expect(await engineer.locator(".engineering dd").first().textContent()).toBe("Owners must change habit.");
      expect(await engineer.locator(".engineering dd li").allTextContents()).toEqual(["The pilot's result holds.", "Vets approve in one tap."]);

      const elena = page.locator('.transcript li[data-lane="customer"]').first();
      expect(await elena.locator(".scenario").textContent()).toBe(`Monday morning I open the queue ${XSS} and approve six refills.`);

      // The abstaining seat: its own label and colour, said not to be a vote, and left out of the count.
      const dale = page.locator('.transcript li[data-lane="customer"]').nth(1);
      expect(await dale.locator(".stance-line").textContent()).toBe("Abstains on version 1: not meant for this seat, so not a vote");
      type Styles = { getComputedStyle(el: unknown): { backgroundColor: string } };
      const background = (l: Locator) => l.evaluate((el) => (globalThis as unknown as Styles).getComputedStyle(el).backgroundColor);
      const colours = await Promise.all([".stance-abstain", ".stance-fund", ".stance-kill", ".stance-undecided"].map((c) => background(page.locator(`.transcript .chip${c}`).first())));
      expect(new Set(colours).size).toBe(4);
      expect(await page.locator('.room .seat[data-agent="customer:family-farmer"] .chip').textContent()).toBe("Abstains");
      expect(await page.locator(".scorecard .votes").textContent()).toBe("Round 1: 1 fund, 1 kill and 1 undecided; 1 abstains (not a vote).");

      // A typed change request: kind -> target: change, why, and what it rests on (the check included).
      const change = page.locator('.transcript li[data-kind="decision"] .changes li');
      expect(await change.textContent()).toBe(`fix-claim → summary: Replace "zero errors" with the pilot's figure ${XSS}. (the engineer)L3hyperbole-instead-of-specifics`);
      expect(await page.locator('.transcript li[data-kind="retry"]').textContent()).toBe("FFinanceFinance partnerThe model call failed (rate-limited (429)); attempt 2 in 2 s.");
      expect(await page.locator('.transcript li[data-kind="memo"] .crux-line').textContent()).toBe(`The crux: ${memoOf("fund").crux}`);
      expect(await page.locator("img").count()).toBe(0);
      await shot(page, "views-transcript.png");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
