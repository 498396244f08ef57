// How long parsing and linting take on hostile inputs (the parser must answer within a second).
// Prints figures; never fails on time. Usage: npx tsx bench/parser.ts
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { parsePrfaqMarkdown } from "../src/domain/prfaq-markdown.js";
import { lintMarkdown } from "../src/rubric/index.js";

const doc = readFileSync(new URL("../test/fixtures/prfaqs/strong-refillready.md", import.meta.url), "utf8");
const inputs: Record<string, string> = {
  "strong PR/FAQ (2.5 KB)": doc,
  "1 MB of PR/FAQ text": doc.repeat(Math.ceil(1_048_576 / doc.length)).slice(0, 1_048_576),
  "1 MB on one line": "revolutionary ".repeat(75_000),
  "1 MB of random bytes": randomBytes(1_048_576).toString("utf8"),
  "1 MB of markdown markers": "#\n**Q?**\nQ:\nA:\n1. \n- \n".repeat(40_000),
};

function time(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

console.log("input".padEnd(28), "parse ms".padStart(10), "lint ms".padStart(10));
for (const [name, text] of Object.entries(inputs)) {
  const parse = time(() => parsePrfaqMarkdown(text));
  const lint = time(() => lintMarkdown(text));
  console.log(name.padEnd(28), parse.toFixed(1).padStart(10), lint.toFixed(1).padStart(10), lint > 1000 ? "  OVER 1 s" : "");
}
