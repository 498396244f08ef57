// The memo: verdict first, then reasons, conditions (or what would change a kill), risks, open questions,
// with "Copy as markdown" and "Download .md".
import type { Memo } from "../../domain/memo.js";
import { memoMarkdown } from "./api.js";
import { h, list } from "./dom.js";
import { formatPercent, memoFileName } from "./format.js";

function section(title: string, items: readonly string[]): HTMLElement | null {
  const ul = list(items);
  return ul ? h("section", { class: "memo-part" }, h("h3", {}, title), ul) : null;
}

export function renderMemo(memo: Memo, runId: string): HTMLElement[] {
  const note = h("p", { class: "muted copy-note", role: "status", "aria-live": "polite" });
  const copy = h("button", { type: "button", class: "btn" }, "Copy as markdown");
  const download = h("button", { type: "button", class: "btn secondary" }, "Download .md");
  copy.addEventListener("click", async () => {
    try {
      const md = await memoMarkdown(runId);
      await navigator.clipboard.writeText(md);
      note.textContent = "Copied the memo as markdown.";
    } catch (error) {
      note.textContent = `Could not copy: ${error instanceof Error ? error.message : String(error)}. Try "Download .md".`;
    }
  });
  download.addEventListener("click", async () => {
    try {
      const md = await memoMarkdown(runId);
      const url = URL.createObjectURL(new Blob([md], { type: "text/markdown" }));
      const a = h("a", { href: url, download: memoFileName(memo.title, runId) });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      note.textContent = "Downloaded the memo.";
    } catch (error) {
      note.textContent = `Could not download: ${error instanceof Error ? error.message : String(error)}.`;
    }
  });
  const fund = memo.decision === "fund";
  return [
    h(
      "div",
      { class: `verdict verdict-${memo.decision}` },
      h("span", { class: "verdict-word" }, memo.decision.toUpperCase()),
      h("span", { class: "verdict-conf" }, `${formatPercent(memo.confidence)} confidence · ${memo.rounds} ${memo.rounds === 1 ? "round" : "rounds"} · PR/FAQ v${memo.finalVersion}`),
    ),
    h("p", { class: "headline" }, memo.headline),
    section("Reasons", memo.reasons),
    fund ? section("Conditions", memo.conditions) : section("What would change the decision", memo.whatWouldChange),
    section("Risks", memo.risks),
    section("Open questions", memo.openQuestions),
    h("div", { class: "memo-actions" }, copy, download),
    note,
  ].filter((x): x is HTMLElement => x !== null);
}
