// The web page in a real browser (Debian's chromium driven by playwright-core): a live meeting from the
// brief form to the memo, the same transcript after a reload, a phone-sized layout, and no HTML injection.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoSchema, type Memo } from "../../src/domain/memo.js";
import { startStack, useStack } from "../helpers/stack.js";
import { launchChromium, openPage as open, shot } from "./chromium.js";

const XSS = "<img src=x onerror=alert(1)>";

// Each offline agent call thinks this long, so a 3-round meeting takes a few seconds and can be watched.
const stack = useStack({ env: { PRFAQ_OFFLINE_PACE_MS: "500" } });
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const openPage = (viewport?: { width: number; height: number }) => open(browser, viewport);

async function runStatus(id: string): Promise<string> {
  const res = await fetch(`${stack().url}/v1/reviews/${id}`);
  return ((await res.json()) as { status: string }).status;
}

async function submitBrief(page: Page, title: string, text: string, rounds: string): Promise<string> {
  await page.goto(`${stack().url}/`);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Brief (markdown)").fill(text);
  await page.getByLabel("Rounds (most)").selectOption(rounds);
  await page.getByRole("button", { name: "Start the review" }).click();
  await page.waitForURL(/\/reviews\/rv_[A-Za-z0-9_-]+$/);
  const id = /\/reviews\/(rv_[A-Za-z0-9_-]+)$/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  return id ?? "";
}

/** The memo on the page is the decision document the API returns, section by section. */
async function expectDecisionDocument(page: Page, memo: Memo): Promise<void> {
  const fund = memo.decision === "fund";
  expect(await page.locator(".memo .badges .chip").allTextContents()).toEqual([`Stage: ${memo.stage[0]?.toUpperCase()}${memo.stage.slice(1)}`, memo.door === "one-way" ? "One-way door" : "Two-way door"]);
  expect(await page.locator(".memo .crux p").textContent()).toBe(memo.crux);
  expect(await page.locator(".memo .reasons > li > .chip.kind").allTextContents()).toEqual(memo.reasons.map((r) => r.kind));
  expect(await page.locator(".memo h3").allTextContents()).toEqual([
    "Reasons",
    ...(fund ? ["Conditions", "Kill criteria"] : ["What would change the decision"]),
    "The next test",
    "Should we build it?",
    "Door and stage",
    "Economics",
    "Dissent",
    ...(memo.risks.length ? ["Risks"] : []),
    ...(memo.openQuestions.length ? ["Open questions"] : []),
    "What changed from v1",
  ]);
  expect(await page.locator(".memo .next-test p").textContent()).toBe(memo.nextTest);
  expect(await page.locator(".memo .figures tbody tr").count()).toBe(11);
  expect(await page.locator(".memo .lines tbody tr").count()).toBe(memo.economics.lines.length);
  // The ledger is collapsed; every entry is a row, and a reason's ledger id shows the entry on hover.
  expect(await page.locator("details#ledger").getAttribute("open")).toBeNull();
  expect(await page.locator("#ledger tbody tr").count()).toBe(memo.ledger.length);
  const cited = memo.reasons.flatMap((r) => r.basis).find((b) => memo.ledger.some((l) => l.id === b)) ?? "";
  const entry = memo.ledger.find((l) => l.id === cited);
  expect(entry, "a reason cites the ledger").toBeDefined();
  const ref = page.locator(`.memo .reasons a.ref[href="#ledger-${cited}"]`).first();
  expect(await ref.getAttribute("title")).toContain(entry?.text);
  // Following it opens the ledger on its row, within the page (no navigation).
  const url = page.url();
  await ref.click();
  expect(await page.locator("details#ledger").getAttribute("open")).toBe("");
  await expect.poll(() => page.locator(`#ledger-${cited}`).isVisible()).toBe(true);
  expect(page.url()).toBe(url);
}

const entryCount = (page: Page) => page.locator(".transcript > li.entry").count();
const entrySeqs = (page: Page) => page.locator(".transcript > li.entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-seq")));

describe("the web page", () => {
  it("runs a review from the brief form: live transcript, verdict and memo, the same transcript after a reload", async () => {
    const brief = await readFile(new URL("../fixtures/briefs/strong-vet-clinic-refills.md", import.meta.url), "utf8");
    const title = /^#\s+(.+)$/m.exec(brief)?.[1]?.trim() ?? "RefillReady";
    const { page, problems, dialogs, close } = await openPage();
    try {
      const home = await page.goto(`${stack().url}/`);
      expect(home?.status()).toBe(200);
      expect(home?.headers()["content-security-policy"]).toContain("default-src 'self'");
      // The engine choice comes from the server; the personas from GET /v1/personas.
      await expect.poll(() => page.locator('input[name="persona"]').count()).toBeGreaterThan(0);
      expect(await page.getByLabel("Engine").locator("option").allTextContents()).toEqual(["offline (default)"]);

      const id = await submitBrief(page, title, brief, "3");
      await expect.poll(() => page.locator("h1").textContent()).toBe(title);

      // Reviews stream in while the run is still going.
      await page.locator('.transcript li[data-kind="review"]').first().waitFor({ timeout: 20_000 });
      expect(await runStatus(id)).toBe("running");
      expect(await page.locator(".status").textContent()).toMatch(/^Round \d of 3: /);
      expect(await page.locator(".room .seat").count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('.transcript li[data-kind="round"]').first().textContent()).toBe("Round 1 of 3");
      await shot(page, "web-live.png");

      // The verdict, the memo, the scorecard and the document.
      await page.locator(".verdict-word").waitFor({ timeout: 45_000 });
      const verdict = (await page.locator(".verdict-word").textContent()) ?? "";
      expect(verdict).toMatch(/^(FUND|KILL)$/);
      await expect.poll(() => page.locator(".status").textContent()).toMatch(new RegExp(`^Done after \\d rounds?: ${verdict} \\(\\d+% confidence\\)\\.$`));
      expect(await runStatus(id)).toBe("completed");
      const memo = MemoSchema.parse(await (await fetch(`${stack().url}/v1/reviews/${id}/memo`)).json());
      expect(verdict).toBe(memo.decision.toUpperCase());
      await expect.poll(() => page.locator(".memo .headline").textContent()).toBe(memo.headline);
      await expectDecisionDocument(page, memo);
      // The transcript shows the reviews' structure: a customer's scenario and the engineer's judgement.
      expect(await page.locator(".transcript .scenario").count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator('.transcript li[data-lane="engineer"] .engineering dt').first().textContent()).toBe("Hardest problem");
      expect(await page.getByRole("button", { name: "Copy as markdown" }).isVisible()).toBe(true);
      expect(await page.getByRole("button", { name: "Download .md" }).isVisible()).toBe(true);
      expect(await page.locator(".chart rect.bar").count()).toBeGreaterThanOrEqual(1);
      expect(await page.locator(".stances tbody tr").count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator(".doc .ln").count()).toBeGreaterThan(10);
      expect(await page.locator(".usage").textContent()).toMatch(/tokens · \d+ calls · \$/);

      // Download .md gives the markdown memo.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download .md" }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^memo-.*${id}\\.md$`));

      // The transcript matches the run's events: one entry per event that says something.
      const events = (await (await fetch(`${stack().url}/v1/reviews/${id}/events?format=json`)).json()) as { type: string; seq: number }[];
      const shown = ["run.started", "round.started", "draft.ready", "rubric.findings", "review.ready", "decision", "memo.ready", "run.completed"];
      const live = await entryCount(page);
      expect(live).toBe(events.filter((e) => shown.includes(e.type)).length);
      const liveSeqs = await entrySeqs(page);
      await shot(page, "web-memo.png");

      // A reload replays the same transcript.
      await page.reload();
      await page.locator(".verdict-word").waitFor();
      await expect.poll(() => entryCount(page)).toBe(live);
      expect(await entrySeqs(page)).toEqual(liveSeqs);

      // The run is listed on the start page and links back here.
      await page.goto(`${stack().url}/`);
      const link = page.locator(`#runs a[href="/reviews/${id}"]`);
      await link.waitFor();
      expect(await link.textContent()).toBe(title);
      await link.click();
      await page.waitForURL(`${stack().url}/reviews/${id}`);
      await page.locator(".verdict-word").waitFor();

      expect(problems).toEqual([]);
      expect(dialogs).toEqual([]);
    } finally {
      await close();
    }
  });

  it("is readable on a phone: one column, nothing wider than the screen", async () => {
    const created = await fetch(`${stack().url}/v1/reviews?rounds=2`, {
      method: "POST",
      headers: { "content-type": "text/markdown" },
      body: await readFile(new URL("../fixtures/briefs/weak-feature-pile.md", import.meta.url), "utf8"),
    });
    const { id } = (await created.json()) as { id: string };
    const { page, problems, close } = await openPage({ width: 390, height: 844 });
    try {
      await page.goto(`${stack().url}/reviews/${id}`);
      await page.locator(".verdict-word").waitFor({ timeout: 45_000 });
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      // On a phone the memo, verdict first, sits above the transcript.
      const [memoTop, transcriptTop] = await Promise.all([".memo-card", ".transcript-card"].map((sel) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().top)));
      expect(memoTop).toBeLessThan(transcriptTop ?? 0);
      await shot(page, "web-mobile.png", false);
      await page.locator(".transcript-card").scrollIntoViewIfNeeded();
      await shot(page, "web-mobile-transcript.png", false);
      await page.goto(`${stack().url}/`);
      await page.getByLabel("Title").waitFor();
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
      await shot(page, "web-mobile-form.png", false);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("asks for the API key when the server has keys, then runs the meeting with it (the stream takes it as ?access_token=)", async () => {
    const secured = await startStack({ env: { PRFAQ_API_KEYS: "k-browser-0123456789", PRFAQ_OFFLINE_PACE_MS: "100" } });
    const { page, problems, close } = await openPage();
    try {
      await page.goto(`${secured.url}/`);
      await page.getByRole("alert").filter({ hasText: "The server needs an API key" }).waitFor();
      await page.getByLabel("API key").fill("k-browser-0123456789");
      await page.getByRole("button", { name: "Save" }).click();
      await expect.poll(() => page.locator('input[name="persona"]').count()).toBeGreaterThan(0);
      await page.getByLabel("Title").fill("KeyCheck");
      await page.getByLabel("Brief (markdown)").fill("## Customer\nFront-desk staff at vet clinics.\n## Problem\nRefill calls take 5 minutes.");
      await page.getByLabel("Rounds (most)").selectOption("1");
      await page.getByRole("button", { name: "Start the review" }).click();
      await page.waitForURL(/\/reviews\/rv_/);
      await page.locator(".verdict-word").waitFor({ timeout: 30_000 });
      expect(await page.locator(".transcript > li.entry").count()).toBeGreaterThan(5);
      // Only the unauthenticated requests before the key was saved failed.
      expect(problems.every((p) => p.startsWith("401 ") || p.includes("401 (Unauthorized)"))).toBe(true);
    } finally {
      await close();
      await secured.stop();
    }
  });

  it("shows a brief's HTML as text: no element is made from it and no script runs", async () => {
    const { page, problems, dialogs, close } = await openPage();
    // An element made from the payload would request its src ("x") whether or not its handler may run.
    const payloadRequests: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname.endsWith("/x")) payloadRequests.push(r.url());
    });
    try {
      const title = `Pet refills ${XSS}`;
      const text = `## Customer\nFront-desk staff at vet clinics ${XSS}.\n## Problem\nRefill calls take 5 minutes each ${XSS}.\n## Solution\nText to refill.`;
      const id = await submitBrief(page, title, text, "1");
      await expect.poll(() => page.locator("h1").textContent()).toBe(title);
      await page.locator(".verdict-word").waitFor({ timeout: 30_000 });
      // The literal markup is visible as text in the heading and in the PR/FAQ the drafter wrote from it.
      expect(await page.getByText(XSS, { exact: false }).first().isVisible()).toBe(true);
      expect(await page.locator(".doc").textContent()).toContain(XSS);
      // The evidence ledger quotes the brief verbatim: as text too.
      expect(await page.locator("#ledger").textContent()).toContain(XSS);
      expect(await page.locator(".transcript img").count()).toBe(0);
      expect(await page.locator("img").count()).toBe(0);
      await page.goto(`${stack().url}/`);
      const link = page.locator(`#runs a[href="/reviews/${id}"]`);
      await link.waitFor();
      expect(await link.textContent()).toBe(title);
      expect(await page.locator("img").count()).toBe(0);
      // Once no request is in flight, an image made from the payload would have been fetched and its onerror run.
      await page.waitForLoadState("networkidle");
      expect(payloadRequests).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
