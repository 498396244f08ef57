// The PR/FAQ panel: one version as a document (headline, paragraphs, quotes, FAQ as question and answer),
// built from the structured draft with text nodes only; what changed from the previous version marked in
// place, word by word; what each block rests on (ledger entries, assumptions) shown on hover or tap.
import type { Ledger } from "../../domain/ledger.js";
import { describeEntry } from "./basis-view.js";
import { changeStats, documentBlocks, type DocBlock, type Piece } from "./diff.js";
import { h } from "./dom.js";
import type { Draft } from "./view-model.js";

export type DocState = { version?: number; showDiff: boolean };

/** What a block's source id means, for its hover text and its note. */
function sourceNote(id: string, ledger: Ledger | undefined, assumptions: readonly string[]): string {
  if (id === "assumption" || id === "illustrative") {
    const head = id === "illustrative" ? "Illustrative: composed from the brief's facts, not a real quote." : "An assumption: the brief does not say this.";
    return assumptions.length ? `${head} ${assumptions.join(" ")}` : head;
  }
  const entry = ledger?.find((e) => e.id === id);
  return entry ? describeEntry(entry) : `${id}: an entry of the evidence ledger (the memo lists the ledger).`;
}

let noteIds = 0;

/** The block's sources as buttons: hover shows what each is, a tap or Enter shows it under the block. */
function sources(block: DocBlock, ledger: Ledger | undefined, assumptions: readonly string[]): [HTMLElement, HTMLElement] | [] {
  if (block.sources.length === 0) return [];
  const note = h("p", { class: "ref-note", id: `ref-note-${(noteIds += 1)}`, hidden: true });
  const refs = h(
    "span",
    { class: "doc-refs", role: "group", "aria-label": "What this rests on" },
    ...block.sources.map((id) => {
      const text = sourceNote(id, ledger, assumptions);
      const kind = id === "assumption" || id === "illustrative" ? "assumption" : "ledger";
      const b = h("button", { type: "button", class: `ref ref-${kind}`, title: text, "aria-expanded": "false", "aria-controls": note.id }, id);
      b.addEventListener("click", () => {
        const open = b.getAttribute("aria-expanded") !== "true" || note.textContent !== text;
        for (const other of refs.querySelectorAll("button")) other.setAttribute("aria-expanded", "false");
        b.setAttribute("aria-expanded", String(open));
        note.textContent = open ? text : "";
        note.hidden = !open;
      });
      return b;
    }),
  );
  return [refs, note];
}

/** Words as text, additions in <ins>, removals in <del>. */
function words(pieces: readonly Piece[]): (Node | string)[] {
  return pieces.map((p) => (p.change === "same" ? p.text : h(p.change === "added" ? "ins" : "del", { class: `diff-${p.change}` }, p.text)));
}

const CHANGE_LABELS = { changed: "changed", added: "new", removed: "removed" } as const;

function block(b: DocBlock, ledger: Ledger | undefined, assumptions: readonly string[]): HTMLElement {
  const mark = b.change === "same" ? null : h("span", { class: `change-mark change-${b.change}` }, CHANGE_LABELS[b.change]);
  const attrs = { class: `doc-block doc-${b.kind}${b.change === "same" ? "" : ` is-${b.change}`}`, "data-key": b.key, "data-change": b.change };
  const [refs, note] = sources(b, ledger, assumptions);
  switch (b.kind) {
    case "headline":
      return h("div", attrs, h("h3", { class: "doc-title" }, ...words(b.text)), mark, refs, note);
    case "faq-heading":
      return h("h4", attrs, ...words(b.text));
    case "quote":
      return h("div", attrs, h("blockquote", {}, ...words(b.text)), mark, refs, note);
    case "faq":
      return h("div", attrs, h("p", { class: "faq-q" }, ...words(b.question)), h("p", { class: "faq-a" }, ...words(b.text), mark, refs), note);
    default:
      return h("div", attrs, h("p", {}, ...words(b.text), mark, refs), note);
  }
}

/**
 * The document panel for the drafts so far; `state.version` undefined follows the latest. `ledger` (from
 * the memo, once there) names what each ledger id says. `onChange` gets the new state when the reader
 * picks a version or turns the changes on or off.
 */
export function renderDocument(drafts: readonly Draft[], state: DocState, onChange: (next: DocState) => void, ledger?: Ledger): HTMLElement[] {
  if (drafts.length === 0) return [h("p", { class: "muted" }, "The drafter has not written a version yet.")];
  const current = drafts.find((d) => d.version === state.version) ?? drafts[drafts.length - 1];
  if (!current) return [];
  const previous = drafts.filter((d) => d.version < current.version).at(-1);
  const latest = drafts[drafts.length - 1]?.version;

  const tabs = h(
    "div",
    { class: "versions", role: "group", "aria-label": "PR/FAQ version" },
    ...drafts.map((d) => {
      const b = h("button", { type: "button", class: "version", "aria-pressed": String(d.version === current.version) }, `v${d.version}`);
      b.addEventListener("click", () => onChange({ ...state, version: d.version === latest ? undefined : d.version }));
      return b;
    }),
  );
  const toggle = h("input", { type: "checkbox", id: "doc-diff", disabled: !previous });
  toggle.checked = state.showDiff && Boolean(previous);
  toggle.addEventListener("change", () => onChange({ ...state, showDiff: toggle.checked }));

  const compare = previous && toggle.checked ? previous : undefined;
  const blocks = documentBlocks(current.prfaq, compare?.prfaq);
  const stats = changeStats(blocks);
  const summary = compare
    ? stats.blocks === 0
      ? `Version ${current.version} says what version ${compare.version} said.`
      : `Changes from v${compare.version} to v${current.version}: ${stats.blocks} ${stats.blocks === 1 ? "passage" : "passages"}, ${stats.added} ${stats.added === 1 ? "word" : "words"} added and ${stats.removed} removed.`
    : current.source === "author"
      ? `Version ${current.version}: your document, as written, reviewed in round ${current.round}.`
      : `Version ${current.version}, written in round ${current.round}.`;
  return [
    h("div", { class: "doc-tools" }, tabs, h("label", { class: "check" }, toggle, previous ? ` Show changes from v${previous.version}` : " Show changes")),
    h("p", { class: "muted doc-summary", "aria-live": "polite" }, summary),
    h("article", { class: "doc", "aria-label": `PR/FAQ version ${current.version}` }, ...blocks.map((b) => block(b, ledger, current.assumptions))),
  ];
}
