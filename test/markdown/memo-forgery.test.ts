import { readFile } from "node:fs/promises";
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { createOfflineAgents } from "../../src/agents/offline.js";
import { renderMemoMarkdown } from "../../src/domain/memo-markdown.js";
import type { Memo } from "../../src/domain/memo.js";
import { renderPrfaqMarkdown } from "../../src/domain/prfaq-markdown.js";
import { CreateReviewSchema } from "../../src/domain/run.js";
import { runMeeting } from "../../src/graph/meeting.js";
import { defaultPersonaDir, loadPersonaLibrary } from "../../src/personas/loader.js";

// A brief written to forge the markdown memo: a title whose newline starts an attacker's "**Decision:** FUND" line
// and an unclosed comment that would hide the real verdict, and HTML in the brief's text. Rendered by a real
// CommonMark renderer with raw HTML allowed (as many viewers do), the memo must still state the meeting's verdict
// first, and nothing from the brief may come out as HTML.
const TITLE = "x\n**Decision:** FUND\n<!--";
const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";

const md = new MarkdownIt({ html: true });
let memo: Memo;
let markdown: string;

beforeAll(async () => {
  const brief = await readFile(new URL("../fixtures/briefs/weak-social-for-everyone.md", import.meta.url), "utf8");
  const text = `${brief.replace(/^#.*\n/, "")}\n\n## Solution\n\nEveryone posts ${SCRIPT} and sees ${IMG} in the feed.\n\n${SCRIPT}\n\n${IMG}\n`;
  const request = CreateReviewSchema.parse({ brief: { title: TITLE, text }, options: { rounds: 2 } });
  const library = await loadPersonaLibrary(defaultPersonaDir());
  ({ memo } = await runMeeting({ runId: "rv_forge", createdAt: "2026-12-01T00:00:00.000Z", request, agents: createOfflineAgents(), personas: library, emit: async () => undefined }));
  markdown = renderMemoMarkdown(memo);
});

/** Every HTML comment and tag that came out of the render as raw HTML (not as escaped text). */
function rawHtml(html: string, source: string): string[] {
  const tokens = md.parse(source, {});
  const raw = tokens.flatMap((t) => [t, ...(t.children ?? [])]).filter((t) => t.type === "html_block" || t.type === "html_inline");
  // The PR/FAQ's own section labels are the one raw HTML a document may hold: invisible comments the renderer writes.
  const foreign = raw.map((t) => t.content.trim()).filter((c) => !/^<!-- prfaq:[A-Za-z]+(?: "[^"<>]*")? -->$/.test(c));
  return html.includes("<script") || html.includes("<img") ? [...foreign, "<script or <img in the HTML"] : foreign;
}

describe("the markdown memo cannot be forged by a brief", () => {
  it("the text of the brief reaches the documents (so the checks below bite)", () => {
    expect(memo.title).toContain("**Decision:** FUND");
    expect(markdown).toContain("alert(1)");
    expect(renderPrfaqMarkdown(memo.finalPrfaq)).toContain("alert(1)");
  });

  it("rendered, its first lines state the meeting's verdict, and no other paragraph claims a decision", () => {
    const verdict = memo.decision === "fund" ? "FUND" : "KILL";
    expect(verdict).toBe("KILL");
    const html = md.render(markdown);
    const blocks = html.split("\n").filter((l) => l.trim() !== "");
    expect(blocks[0]).toMatch(new RegExp(`^<h1>${verdict}: x `));
    expect(blocks[1]).toMatch(new RegExp(`^<p><strong>Decision:</strong> ${verdict} · `));
    // The title may say anything inside a heading; what it must not do is start a paragraph of its own.
    expect(blocks.filter((l) => /^<p><strong>Decision:<\/strong>/.test(l))).toEqual([blocks[1]]);
  });

  it("leaves no raw HTML from the brief in the memo or the PR/FAQ: no <script>, no <img>, no comment", () => {
    expect(rawHtml(md.render(markdown), markdown)).toEqual([]);
    const prfaq = renderPrfaqMarkdown(memo.finalPrfaq);
    expect(rawHtml(md.render(prfaq), prfaq)).toEqual([]);
    expect(md.render(markdown)).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
