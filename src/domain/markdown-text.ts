/**
 * Escaping for text that lands in the memo's markdown: one module, so every list item and table cell
 * is made safe the same way. Hand-written: two rules, not worth a markdown library's escaper.
 */

/** Text as one line of a list item: newlines folded, and a leading marker (#, >, -, 1.) cannot start a block. */
export function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").replace(/^([#>*+-]|\d+[.)])(\s)/, "\\$1$2").trim();
}

/** Text as a table cell: inline, with pipes escaped. */
export function cell(text: string): string {
  return inline(text).replace(/\|/g, "\\|");
}
