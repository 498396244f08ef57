/**
 * Escaping for user and model text that lands in a markdown document (the memo, the PR/FAQ): one module,
 * so every heading, paragraph, list item and table cell is made safe the same way, and one inverse for the
 * PR/FAQ reader. Hand-written: a few position rules; markdown libraries render markdown, they do not escape it.
 *
 * What escaped text cannot do, in any CommonMark viewer: start a block of its own (a heading, a quote, a
 * list, a fence, a thematic break, a table row) or end the line it was given, nor open raw HTML or an HTML
 * comment (`<` is written `&lt;`, so `<script>` and `<!--` show as text).
 */

// A line start that would open a block: an ATX heading, a quote, a bullet or ordered list item, a thematic
// break, a code fence or a table row. The capture is the character to backslash-escape (for an ordered list
// item, the "." or ")" after its number).
const BLOCK_START = /^(?:(#)(?:#{0,5})(?=\s|$)|(>)|([-*+])(?=\s|$)|\d{1,9}([.)])(?=\s|$)|([-*_])(?=(?:[ \t]*[-*_]){2,}[ \t]*$)|(`)``|(~)~~|(\|))/;
// An ASCII punctuation character a backslash can escape in CommonMark.
const PUNCT = String.raw`[!-\/:-@\[-\`{-~]`;

const ESCAPING_BACKSLASH = new RegExp(String.raw`\\(?=${PUNCT})`, "g");

/** Escapes raw HTML and entity look-alikes, and backslashes that would escape what follows them. */
function escapeInline(text: string): string {
  return text
    .replace(ESCAPING_BACKSLASH, "\\\\")
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, "&amp;")
    .replace(/</g, "&lt;");
}

/** Escapes the character that would make this line open a block. */
function escapeLineStart(line: string): string {
  const m = BLOCK_START.exec(line);
  if (!m) return line;
  const ch = m.slice(1).find((g) => g !== undefined) ?? "";
  const at = m[4] !== undefined ? m[0].length - 1 : 0;
  return `${line.slice(0, at)}\\${ch}${line.slice(at + ch.length)}`;
}

/**
 * Text as one line (a heading, a list item, a paragraph's only line, text after a label): newlines and runs of
 * whitespace folded to one space, raw HTML escaped, and a leading block marker (#, >, -, *, +, 1., ```, ---, |)
 * escaped so that it cannot start a block.
 */
export function inline(text: string): string {
  return escapeLineStart(escapeInline(text.replace(/\s*\n\s*/g, " ").trim()));
}

/** Text as a table cell: inline, with pipes escaped. */
export function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|");
}

/**
 * Text as paragraphs: paragraphs stay apart (one blank line between them), each is folded to one line
 * and escaped as {@link inline} is, so that no paragraph can open a block or raw HTML.
 */
export function paragraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n\s*/)
    .map(inline)
    .join("\n\n");
}

const UNESCAPE = new RegExp(String.raw`\\(${PUNCT})|&(lt|gt|amp|quot);`, "g");
const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/**
 * The text a CommonMark viewer shows for escaped text: backslash escapes and the entities the escaping writes
 * (`&lt;`, `&gt;`, `&amp;`, `&quot;`) decoded, in one pass. `unescape(inline(t))` is `t` for one-line `t`.
 */
export function unescape(text: string): string {
  return text.replace(UNESCAPE, (_, ch: string | undefined, name: string | undefined) => ch ?? ENTITY[name ?? ""] ?? "");
}
