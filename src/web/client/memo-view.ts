// The memo as a decision document, in the order of the markdown memo (renderMemoMarkdown): the verdict
// with its stage and door, the crux, the ask, the reasons with what each rests on, conditions and kill
// criteria (or what would change a kill), the next test, the should-we-build-it test, the economics,
// dissent, risks, open questions, what changed from v1, and the evidence ledger; with "Copy as
// markdown" and "Download .md".
import type { Memo } from "../../domain/memo.js";
import { memoMarkdown } from "./api.js";
import { basisRefs, describeEntry, LEDGER_ID, ledgerRowId } from "./basis-view.js";
import { h, list, type Child } from "./dom.js";
import { economicsFigures, endStop, formatNumber, formatPercent, memoFileName } from "./format.js";
import { DOOR_LABELS, STAGE_LABELS } from "./labels.js";
import { kindChip, stanceChip } from "./transcript-view.js";

/** A titled part of the memo. */
function part(title: string, body: Child, cls = ""): HTMLElement {
  return h("section", { class: `memo-part${cls ? ` ${cls}` : ""}` }, h("h3", {}, title), body);
}

/** A titled list; `empty` is said when there is nothing to list (null: leave the part out). */
function listPart(title: string, items: readonly string[], empty: string | null, cls = ""): HTMLElement | null {
  const ul = list(items);
  if (ul) return part(title, ul, cls);
  return empty === null ? null : part(title, h("p", { class: "muted" }, empty), cls);
}

function verdict(memo: Memo): HTMLElement {
  return h(
    "div",
    { class: `verdict verdict-${memo.decision}` },
    h("span", { class: "verdict-word" }, memo.decision.toUpperCase()),
    h("span", { class: "verdict-conf" }, `${formatPercent(memo.confidence)} confidence · ${memo.rounds} ${memo.rounds === 1 ? "round" : "rounds"} · PR/FAQ v${memo.finalVersion}`),
    h(
      "span",
      { class: "badges" },
      h("span", { class: `chip badge stage-${memo.stage}`, title: "Stage: how far the idea has come" }, `Stage: ${STAGE_LABELS[memo.stage]}`),
      h("span", { class: `chip badge door-${memo.door}`, title: memo.doorWhy }, DOOR_LABELS[memo.door]),
    ),
  );
}

function reasons(memo: Memo): HTMLElement {
  return part(
    "Reasons",
    h("ol", { class: "reasons" }, ...memo.reasons.map((r) => h("li", { class: "reason", "data-kind": r.kind }, kindChip(r.kind), " ", r.text, basisRefs(r.basis, memo.ledger)))),
  );
}

function buildTest(memo: Memo): HTMLElement {
  const b = memo.buildTest;
  return part(
    "Should we build it?",
    h("dl", { class: "build-test" }, h("dt", {}, "Why us"), h("dd", {}, b.whyUs), h("dt", {}, "Why now"), h("dd", {}, b.whyNow), h("dt", {}, "What we give up"), h("dd", {}, b.giveUp)),
  );
}

function economics(memo: Memo): HTMLElement {
  const e = memo.economics;
  const figures = h(
    "table",
    { class: "figures" },
    h("caption", { class: "sr-only" }, "The economics model's figures"),
    h("tbody", {}, ...economicsFigures(e).map(([label, value]) => h("tr", {}, h("th", { scope: "row" }, label), h("td", { class: value === "unknown" ? "unknown" : "" }, value)))),
  );
  const lines = e.lines.length
    ? h(
        "table",
        { class: "lines" },
        h("caption", {}, "How each figure was computed"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Line"), h("th", { scope: "col" }, "Value"), h("th", { scope: "col" }, "Formula"), h("th", { scope: "col" }, "Sources"))),
        h("tbody", {}, ...e.lines.map((l) => h("tr", {}, h("th", { scope: "row" }, l.label), h("td", { class: "num" }, formatNumber(l.value)), h("td", {}, l.formula), h("td", {}, basisRefs(l.sources, memo.ledger))))),
      )
    : h("p", { class: "muted" }, "The brief gives no figures to compute from.");
  return part("Economics", h("div", { class: "table-scroll" }, figures, lines), "economics");
}

function dissent(memo: Memo, nameOf: (agent: string) => string): HTMLElement {
  if (memo.dissent.length === 0) return part("Dissent", h("p", { class: "muted" }, "Nobody dissents."));
  return part("Dissent", h("ul", { class: "dissent" }, ...memo.dissent.map((d) => h("li", {}, h("strong", {}, nameOf(d.agent)), " ", stanceChip(d.stance), " ", d.text))));
}

function ledger(memo: Memo): HTMLElement {
  return h(
    "details",
    { class: "memo-part ledger", id: LEDGER_ID },
    h("summary", {}, `Evidence ledger (${memo.ledger.length} ${memo.ledger.length === 1 ? "entry" : "entries"})`),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Id"), h("th", { scope: "col" }, "Source"), h("th", { scope: "col" }, "Kind"), h("th", { scope: "col" }, "Text"))),
        h(
          "tbody",
          {},
          ...memo.ledger.map((l) =>
            h(
              "tr",
              { id: ledgerRowId(l.id), title: describeEntry(l) },
              h("th", { scope: "row" }, l.id),
              h("td", {}, l.source),
              h("td", {}, l.kind),
              h("td", {}, l.text, l.value !== undefined ? h("span", { class: "muted" }, ` = ${formatNumber(l.value)}${l.unit ? ` ${l.unit}` : ""}`) : null),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Copy and download of the markdown memo, with a note that says what happened. */
function actions(memo: Memo, runId: string): HTMLElement[] {
  const note = h("p", { class: "muted copy-note", role: "status", "aria-live": "polite" });
  const copy = h("button", { type: "button", class: "btn" }, "Copy as markdown");
  const download = h("button", { type: "button", class: "btn secondary" }, "Download .md");
  copy.addEventListener("click", async () => {
    try {
      const md = await memoMarkdown(runId);
      await navigator.clipboard.writeText(md);
      note.textContent = "Copied the memo as markdown.";
    } catch (error) {
      note.textContent = `Could not copy: ${endStop(error instanceof Error ? error.message : String(error))} Try "Download .md".`;
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
      note.textContent = `Could not download: ${endStop(error instanceof Error ? error.message : String(error))}`;
    }
  });
  return [h("div", { class: "memo-actions" }, copy, download), note];
}

/** The memo of run `runId`; `nameOf` gives a seat's display name (default its agent id). */
export function renderMemo(memo: Memo, runId: string, nameOf: (agent: string) => string = (a) => a): HTMLElement[] {
  const fund = memo.decision === "fund";
  return [
    verdict(memo),
    h("p", { class: "headline" }, memo.headline),
    h("div", { class: "crux", role: "note", "aria-label": "The crux" }, h("span", { class: "crux-label" }, "The crux"), h("p", {}, memo.crux)),
    h("p", { class: "ask" }, h("strong", {}, "The ask: "), memo.ask ?? h("span", { class: "muted" }, "The brief states no ask.")),
    reasons(memo),
    ...(fund
      ? [listPart("Conditions", memo.conditions, "No conditions."), listPart("Kill criteria", memo.killCriteria, "None stated.", "kill-criteria")]
      : [listPart("What would change the decision", memo.whatWouldChange, "Nothing named.")]),
    part("The next test", h("p", {}, memo.nextTest), "next-test"),
    buildTest(memo),
    part("Door and stage", h("p", {}, h("strong", {}, `${DOOR_LABELS[memo.door]}: `), memo.doorWhy, h("br"), h("strong", {}, "Stage: "), STAGE_LABELS[memo.stage])),
    economics(memo),
    dissent(memo, nameOf),
    listPart("Risks", memo.risks, null),
    listPart("Open questions", memo.openQuestions, null),
    listPart(
      "What changed from v1",
      memo.changes.map((c) => `v${c.version}: ${c.change}`),
      "The first version was final.",
    ),
    ledger(memo),
    ...actions(memo, runId),
  ].filter((x): x is HTMLElement => x !== null);
}
