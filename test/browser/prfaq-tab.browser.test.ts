// The form's "I already have a PR/FAQ" tab in a real browser: the author's document is posted as a
// document (no title field), the meeting starts from it, and the PR/FAQ panel shows it as version 1.
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useStack } from "../helpers/stack.js";
import { axeViolations, launchChromium, openPage } from "./chromium.js";

const stack = useStack({ env: { PRFAQ_OFFLINE_PACE_MS: "15" } });
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe("the form's PR/FAQ tab", () => {
  it("reviews a PR/FAQ the author already wrote: version 1 is the author's document", async () => {
    const markdown = await readFile(new URL("../fixtures/documents/refillready-published.md", import.meta.url), "utf8");
    const { page, problems, close } = await openPage(browser);
    try {
      await page.goto(`${stack().url}/`);
      const tab = page.getByRole("tab", { name: "I already have a PR/FAQ" });
      expect(await page.getByRole("tab", { name: "I have a brief" }).getAttribute("aria-selected")).toBe("true");
      // The arrow keys move between the tabs, as in any tab list.
      await page.getByRole("tab", { name: "I have a brief" }).focus();
      await page.keyboard.press("ArrowRight");
      expect(await tab.getAttribute("aria-selected")).toBe("true");
      expect(await page.evaluate("document.activeElement?.id")).toBe("tab-prfaq");
      // No title to give: the document's heading is the title.
      expect(await page.getByLabel("Title").isVisible()).toBe(false);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel("Your PR/FAQ (markdown)").fill(markdown);
      await page.getByLabel("Most rounds").selectOption("1");
      await page.getByRole("button", { name: "Start the review" }).click();
      await page.waitForURL(/\/reviews\/rv_[A-Za-z0-9_-]+$/);
      await page.locator(".verdict-word").waitFor({ timeout: 30_000 });
      expect(await page.locator(".doc-summary").textContent()).toBe("Version 1: your document, as written, reviewed in round 1.");
      expect(await page.locator(".doc .doc-title").first().textContent()).toBe("RefillReady Ends Refill Phone Tag for Veterinary Clinics");
      expect(await page.locator(".doc .faq-q").count()).toBe(8);
      // The transcript says whose version round 1 reviews: yours, not the drafter's.
      expect(await page.locator(".round-title").first().textContent()).toBe("Round 1 of 1: your document");
      const draft = page.locator('.entry[data-kind="draft"]').first();
      expect(await draft.locator(".who strong").textContent()).toBe("Your document");
      expect(await draft.textContent()).toContain("PR/FAQ version 1 · your document, as written");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});
