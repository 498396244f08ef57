import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { propertyParams } from "../../test/helpers/property.js";
import { cell, inline, paragraphs, unescape } from "./markdown-text.js";

const md = new MarkdownIt({ html: true });
// Text made of the characters that open blocks, HTML and escapes, and ordinary words.
const piece = fc.constantFrom("#", "# ", "## ", ">", "> ", "- ", "* ", "+ ", "1. ", "2) ", "---", "***", "___", "```", "~~~", "|", "<", "<!--", "-->", "<script>", "<img src=x onerror=alert(1)>", "&lt;", "&amp;", "\\", "\\*", "*", "_", "\n", "\n\n", " ", "word", "FUND", "**Decision:** ");
const text = fc.array(piece, { maxLength: 12 }).map((p) => p.join(""));
const fold = (t: string) => t.replace(/\s*\n\s*/g, " ").trim();

describe("inline", () => {
  it("yields one paragraph with no raw HTML, that reads back as the text folded to one line", () => {
    fc.assert(
      fc.property(text, (t) => {
        const line = inline(t);
        expect(line).not.toContain("\n");
        expect(unescape(line)).toBe(fold(t));
        if (!line) return;
        const tokens = md.parse(line, {});
        expect(tokens.map((k) => k.type)).toEqual(["paragraph_open", "inline", "paragraph_close"]);
        expect(tokens[1]?.children?.filter((c) => c.type === "html_inline")).toEqual([]);
      }),
      propertyParams(2000),
    );
  });

  it("escapes what would start a block, and leaves ordinary text as it is", () => {
    expect(inline("# x")).toBe("\\# x");
    expect(inline("12. x")).toBe("12\\. x");
    expect(inline("---")).toBe("\\---");
    expect(inline("x\n**Decision:** FUND\n<!--")).toBe("x **Decision:** FUND &lt;!--");
    expect(inline("Q&A for 3-vet clinics, $119 per month.")).toBe("Q&A for 3-vet clinics, $119 per month.");
    expect(cell("a | b")).toBe("a \\| b");
  });
});

describe("paragraphs", () => {
  it("keeps paragraphs apart, each one a paragraph with no raw HTML", () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 4 }), (ps) => {
        const out = paragraphs(ps.join("\n\n"));
        const blocks = md.parse(out, {}).filter((k) => k.level === 0);
        expect(new Set(blocks.map((k) => k.type))).toEqual(out.trim() ? new Set(["paragraph_open", "paragraph_close"]) : new Set());
        expect(md.render(out)).not.toMatch(/<(?:script|img|!--)/);
      }),
      propertyParams(2000),
    );
  });
});
