// Debian's chromium driven by playwright-core, for the browser tests: one browser per file, and pages
// that record script errors, console errors (CSP violations land there), failed responses and dialogs.
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

const CHROMIUM = "/usr/bin/chromium";
export const ARTIFACTS = new URL("../../test-artifacts/", import.meta.url);

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`The browser tests need Chromium at ${CHROMIUM}. Install it: sudo apt-get install -y chromium`);
  }
  await mkdir(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** A page that records what went wrong on it. */
export async function openPage(browser: Browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const problems: string[] = [];
  const dialogs: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return { page, problems, dialogs, close: () => context.close() };
}

/** A screenshot into test-artifacts/. */
export const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: new URL(name, ARTIFACTS).pathname, fullPage });

let axeSource: Promise<string> | undefined;

/**
 * axe-core's serious and critical accessibility violations on the page as it is now, one line each
 * (rule, impact, the first offending elements). axe is evaluated through the DevTools protocol, which the
 * page's Content-Security-Policy does not apply to, so the page under test keeps its real CSP.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(await axeSource);
  type Result = { id: string; impact: string | null; nodes: { target: unknown[] }[] };
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Result[] }> } }).axe;
    const out = await axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ["violations"] });
    return out.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.impact}): ${v.nodes.join(" ")}`);
}
