// The PR/FAQ panel: pick a version, read it, or see its line diff against the previous one.
import { diffLines, diffStats, splitLines, type DiffLine } from "./diff.js";
import { h } from "./dom.js";
import type { Draft } from "./view-model.js";

export type DocState = { version?: number; showDiff: boolean };

const lineClass = (text: string) => (/^#{1,6}\s/.test(text) ? " md-h" : /^\s*[-*]\s/.test(text) ? " md-li" : "");

function line(l: DiffLine): HTMLElement {
  const sign = l.kind === "added" ? "+" : l.kind === "removed" ? "−" : " ";
  return h(
    "div",
    { class: `ln ln-${l.kind}${lineClass(l.text)}` },
    h("span", { class: "sign", "aria-hidden": "true" }, sign),
    l.kind !== "same" ? h("span", { class: "sr-only" }, l.kind === "added" ? "added: " : "removed: ") : null,
    l.text || " ",
  );
}

/**
 * The document panel for the drafts so far; `state.version` undefined follows the latest.
 * `onChange` is called with the new state when the reader picks a version or toggles the diff.
 */
export function renderDocument(drafts: readonly Draft[], state: DocState, onChange: (next: DocState) => void): HTMLElement[] {
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

  const lines: DiffLine[] = previous && toggle.checked ? diffLines(previous.markdown, current.markdown) : splitLines(current.markdown).map((text) => ({ kind: "same", text }));
  const stats = diffStats(lines);
  const summary =
    previous && toggle.checked
      ? `Changes from v${previous.version} to v${current.version}: ${stats.added} lines added, ${stats.removed} removed.`
      : `Version ${current.version}, round ${current.round}.`;
  return [
    h("div", { class: "doc-tools" }, tabs, h("label", { class: "check" }, toggle, previous ? ` Show changes from v${previous.version}` : " Show changes")),
    h("p", { class: "muted doc-summary" }, summary),
    h("div", { class: "doc", tabindex: "0", role: "region", "aria-label": `PR/FAQ version ${current.version}` }, ...lines.map(line)),
  ];
}
