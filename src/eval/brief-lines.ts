// Reads a brief's markdown on its own, deliberately blind to the engine's parser (src/domain/brief-facts.ts), so the paraphrase eval does not share the reading it measures.

/** A label at the start of a line: `Customer: X`, `**Customer:** X`, `**Customer**: X` or `**Customer**` alone. */
export type Label = { name: string; prefix: string; rest: string; /** Read from a two-column table row, and written back as one. */ table?: true };

/** One line of a brief, classified by its markdown layout. */
export type BriefLine =
  | { kind: "blank" }
  | { kind: "title"; text: string }
  | { kind: "heading"; level: number; text: string }
  | { kind: "bullet"; indent: string; marker: string; text: string }
  | { kind: "label"; label: Label }
  | { kind: "text"; text: string }
  /** Fenced code, tables and rules: kept verbatim by every rewrite. */
  | { kind: "raw"; text: string };

const BULLET = /^(\s*)([-*+]|\d{1,3}[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s*(```|~~~)/;

/**
 * A label names a part of the brief: a capitalised phrase of at most four words, with no digits, not
 * a clause ("We ran it:") nor a noun phrase that starts a sentence ("A text-based request: ...").
 */
function isLabelName(name: string): boolean {
  const words = name.trim().split(/\s+/);
  if (/^(a|an|we|i|it|they|he|she|you|this|that|there)$/i.test(words[0]!)) return false;
  return /^\p{Lu}[\p{L}'’ /&()-]*$/u.test(name.trim()) && name.length <= 40 && words.length <= 4;
}

/** The label a line (or a bullet's text) starts with, if any. */
export function splitLabel(line: string): Label | undefined {
  const bold = /^(\*\*([^*]+?)\*\*\s*:?\s*)(.*)$/.exec(line);
  if (bold) {
    const name = bold[2]!.replace(/\s*:\s*$/, "").trim();
    const labelled = bold[2]!.trim().endsWith(":") || bold[1]!.includes(":") || bold[3] === "";
    if (labelled && isLabelName(name)) return { name, prefix: bold[1]!, rest: bold[3]! };
    return undefined;
  }
  const plain = /^(([^:*]+?):(?:\s+|$))(.*)$/.exec(line);
  if (plain && isLabelName(plain[2]!)) return { name: plain[2]!.trim(), prefix: plain[1]!, rest: plain[3]! };
  return undefined;
}

/**
 * Classifies every line of a brief (line endings normalised). The first non-blank line is the title
 * when it is a `#` heading; an indented line right after a bullet continues that bullet.
 */
/** The cells of a markdown table row, trimmed. */
function tableCells(row: string): string[] {
  return row.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
}

export function readBriefLines(markdown: string): BriefLine[] {
  const lines: BriefLine[] = [];
  let fenced = false;
  let seenContent = false;
  for (const src of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const previous = lines.at(-1);
    if (fenced || FENCE.test(src)) {
      if (FENCE.test(src)) fenced = !fenced;
      lines.push({ kind: "raw", text: src });
    } else if (src.trim() === "") {
      lines.push({ kind: "blank" });
      continue;
    } else if (!seenContent && /^\s{0,3}#\s/.test(src)) {
      lines.push({ kind: "title", text: HEADING.exec(src)![2]! });
    } else if (HEADING.test(src)) {
      const [, hashes, text] = HEADING.exec(src)!;
      lines.push({ kind: "heading", level: hashes!.length, text: text! });
    } else if (/^\s*\|.*\|\s*$/.test(src) && tableCells(src).length === 2) {
      // A two-column table row is a label and its value laid out as a table; separator and empty rows stay as written.
      const [name, rest] = tableCells(src) as [string, string];
      if (name && rest && !/^:?-+:?$/.test(name)) lines.push({ kind: "label", label: { name, prefix: `${name}: `, rest, table: true } });
      else lines.push({ kind: "raw", text: src });
    } else if (RULE.test(src) || /^\s*\|/.test(src)) {
      lines.push({ kind: "raw", text: src });
    } else if (BULLET.test(src)) {
      const [, indent, marker, text] = BULLET.exec(src)!;
      lines.push({ kind: "bullet", indent: indent!, marker: marker!, text: text! });
    } else if (previous?.kind === "bullet" && /^\s/.test(src)) {
      previous.text = `${previous.text} ${src.trim()}`;
    } else {
      const label = splitLabel(src.trim());
      lines.push(label ? { kind: "label", label } : { kind: "text", text: src.trim() });
    }
    seenContent = true;
  }
  return lines;
}

/** Joins output lines into a document: no blank runs, no leading or trailing blank lines, one final newline. */
export function joinBriefLines(lines: string[]): string {
  const out: string[] = [];
  for (const line of lines) {
    if (line.trim() === "" && (out.length === 0 || out.at(-1)!.trim() === "")) continue;
    out.push(line);
  }
  while (out.length > 0 && out.at(-1)!.trim() === "") out.pop();
  return `${out.join("\n")}\n`;
}

/** The markdown of a line as it reads now (inverse of `readBriefLines` for one line). */
export function renderBriefLine(line: BriefLine): string {
  switch (line.kind) {
    case "blank":
      return "";
    case "title":
      return `# ${line.text}`;
    case "heading":
      return `${"#".repeat(line.level)} ${line.text}`;
    case "bullet":
      return `${line.indent}${line.marker} ${line.text}`;
    case "label":
      return line.label.table ? `| ${line.label.name} | ${line.label.rest} |` : `${line.label.prefix}${line.label.rest}`;
    case "text":
    case "raw":
      return line.text;
  }
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|approx|incl|est|mr|mrs|ms|dr|st|inc|ltd|co|jr|sr|a\.m|p\.m|u\.s|u\.k)\.$/i;

/** Splits prose into sentences at `.`, `!` or `?` followed by a space and a capital, digit, currency sign or quote. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  const boundary = /[.!?]["'”’)*_]*\s+(?=[\p{Lu}\d$£€"“'(*])/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m.index + m[0].trimEnd().length;
    if (ABBREVIATION.test(text.slice(start, m.index + 1))) continue;
    sentences.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const last = text.slice(start).trim();
  if (last) sentences.push(last);
  return sentences;
}
