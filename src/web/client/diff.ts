// The PR/FAQ as a list of blocks (headline, paragraphs, quotes, FAQ items), each compared word by word
// with the previous version (the `diff` package's diffWords). Pure and DOM-free, so it runs under node.
import { diffWords } from "diff";
import type { FaqItem, Prfaq, PressReleaseSection } from "../../domain/prfaq.js";

/** A run of words: kept, added in this version, or removed from the previous one. */
export type Piece = { text: string; change: "same" | "added" | "removed" };

/** How a block compares with the previous version. */
export type BlockChange = "same" | "changed" | "added" | "removed";

type BlockBase = { key: string; change: BlockChange; sources: string[] };

/** One block of the document, in reading order. */
export type DocBlock =
  | (BlockBase & { kind: "headline" | "subheading" | "dateline" | "para" | "quote"; section: PressReleaseSection; text: Piece[] })
  | (BlockBase & { kind: "faq-heading"; text: Piece[] })
  | (BlockBase & { kind: "faq"; group: FaqGroup; question: Piece[]; text: Piece[] });

export type FaqGroup = "externalFaq" | "internalFaq";

/** The press release's sections and how each reads: the headline, a subheading, quotes, paragraphs. */
const LAYOUT: readonly [PressReleaseSection, "headline" | "subheading" | "dateline" | "para" | "quote"][] = [
  ["heading", "headline"],
  ["subheading", "subheading"],
  ["dateline", "dateline"],
  ["summary", "para"],
  ["problem", "para"],
  ["solution", "para"],
  ["leaderQuote", "quote"],
  ["howItWorks", "para"],
  ["customerQuote", "quote"],
  ["callToAction", "para"],
];

export const FAQ_TITLES: Record<FaqGroup, string> = { externalFaq: "External FAQ", internalFaq: "Internal FAQ" };

/** Whitespace never counts as a change: texts are compared with their runs of spaces and line breaks made one space. */
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/**
 * A field as the page shows it: inline markdown emphasis (`**bold**`, `__bold__`) and a leading heading
 * mark are dropped, so no markdown marker reaches the page when a model writes one into a field.
 */
export function plainField(text: string): string {
  return squash(text.replace(/^#{1,6}\s+/gm, "").replace(/(\*\*|__)(?=\S)([^]*?\S)\1/g, "$2"));
}

/** The words of `after` with what changed from `before` marked; identical texts (up to whitespace) are one kept piece. */
export function diffText(before: string | undefined, after: string): Piece[] {
  const now = plainField(after);
  if (before === undefined) return now ? [{ text: now, change: "added" }] : [];
  const was = plainField(before);
  if (was === now) return now ? [{ text: now, change: "same" }] : [];
  return diffWords(was, now).map((c) => ({ text: c.value, change: c.added ? "added" : c.removed ? "removed" : "same" }));
}

const changeOf = (pieces: readonly Piece[][], existed: boolean): BlockChange =>
  !existed ? "added" : pieces.some((p) => p.some((x) => x.change !== "same")) ? "changed" : "same";

/** FAQ items of `now` paired with the previous version's: the same question first, else the same position. */
function pairFaq(prev: readonly FaqItem[], now: readonly FaqItem[]): { now?: FaqItem; nowIndex: number; prev?: FaqItem }[] {
  const used = new Set<number>();
  const pairs = now.map((item, i) => {
    const j = prev.findIndex((p, k) => !used.has(k) && squash(p.question) === squash(item.question));
    if (j !== -1) used.add(j);
    return { now: item, nowIndex: i, prevIndex: j };
  });
  for (const pair of pairs) {
    if (pair.prevIndex === -1 && pair.nowIndex < prev.length && !used.has(pair.nowIndex)) {
      used.add(pair.nowIndex);
      pair.prevIndex = pair.nowIndex;
    }
  }
  const out: { now?: FaqItem; nowIndex: number; prev?: FaqItem }[] = pairs.map((p) => ({ now: p.now, nowIndex: p.nowIndex, ...(p.prevIndex >= 0 ? { prev: prev[p.prevIndex] } : {}) }));
  prev.forEach((p, k) => {
    if (!used.has(k)) out.push({ nowIndex: -1, prev: p });
  });
  return out;
}

/**
 * The blocks of `doc`, each compared with `previous` when given (no comparison: every block "same").
 * A section or FAQ item the new version dropped is kept as a "removed" block, so the reader sees it go.
 */
export function documentBlocks(doc: Prfaq, previous?: Prfaq): DocBlock[] {
  const sources = (key: string) => doc.sources?.[key] ?? [];
  const blocks: DocBlock[] = [];
  for (const [section, kind] of LAYOUT) {
    const now = doc.pressRelease[section];
    const was = previous?.pressRelease[section];
    if (!squash(now)) {
      if (previous && was && squash(was)) blocks.push({ key: `pr:${section}`, kind, section, change: "removed", sources: [], text: [{ text: plainField(was), change: "removed" }] });
      continue;
    }
    const text = previous ? diffText(was && squash(was) ? was : undefined, now) : diffText(now, now);
    blocks.push({ key: `pr:${section}`, kind, section, change: previous ? changeOf([text], Boolean(was && squash(was))) : "same", sources: sources(section), text });
  }
  for (const group of ["externalFaq", "internalFaq"] as const) {
    const items = pairFaq(previous?.[group] ?? [], doc[group]);
    if (items.length === 0) continue;
    blocks.push({ key: `${group}:title`, kind: "faq-heading", change: "same", sources: [], text: [{ text: FAQ_TITLES[group], change: "same" }] });
    for (const { now, nowIndex, prev } of items) {
      if (!now) {
        if (prev) blocks.push({ key: `${group}:removed:${squash(prev.question)}`, kind: "faq", group, change: "removed", sources: [], question: [{ text: plainField(prev.question), change: "removed" }], text: [{ text: plainField(prev.answer), change: "removed" }] });
        continue;
      }
      const compare = previous !== undefined;
      const question = compare ? diffText(prev?.question, now.question) : diffText(now.question, now.question);
      const answer = compare ? diffText(prev?.answer, now.answer) : diffText(now.answer, now.answer);
      blocks.push({ key: `${group}.${nowIndex}`, kind: "faq", group, change: compare ? changeOf([question, answer], prev !== undefined) : "same", sources: sources(`${group}.${nowIndex}`), question, text: answer });
    }
  }
  return blocks;
}

/** How much changed: blocks touched, and words added and removed. */
export function changeStats(blocks: readonly DocBlock[]): { blocks: number; added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const b of blocks) {
    for (const p of [...b.text, ...(b.kind === "faq" ? b.question : [])]) {
      if (p.change === "added") added += words(p.text);
      else if (p.change === "removed") removed += words(p.text);
    }
  }
  return { blocks: blocks.filter((b) => b.change !== "same").length, added, removed };
}
