// What an argument rests on, as small tags: ledger ids (L4), rubric check ids, press-release sections
// (pr:problem) and seats. Once the memo has the evidence ledger, a ledger id links to its row and shows
// the entry's text on hover.
import type { Ledger, LedgerEntry } from "../../domain/ledger.js";
import { h } from "./dom.js";

/** The id of the memo's collapsible evidence ledger, and of its rows (`ledger-L4`). */
export const LEDGER_ID = "ledger";
export const ledgerRowId = (id: string) => `${LEDGER_ID}-${id}`;

/** What a basis id is, for its tooltip. */
export function basisKind(id: string): "ledger" | "section" | "seat" | "check" {
  if (/^L\d+$/.test(id)) return "ledger";
  if (/^[a-zA-Z]+:/.test(id)) return /^(pr|externalFaq|internalFaq|faq):/.test(id) ? "section" : "seat";
  return "check";
}

/** A ledger entry in one line: "L4 · brief fact (customer): There are 18,000 clinics." */
export function describeEntry(e: LedgerEntry): string {
  const value = e.value !== undefined ? ` = ${e.value}${e.unit ? ` ${e.unit}` : ""}` : "";
  return `${e.id} · ${e.source} ${e.kind} (${e.part}): ${e.text}${value}`;
}

const TITLES = { section: "Press-release or FAQ section", seat: "A seat of the meeting", check: "Rubric check" } as const;

function ref(id: string, ledger: Ledger | undefined): HTMLElement {
  const kind = basisKind(id);
  const entry = kind === "ledger" ? ledger?.find((e) => e.id === id) : undefined;
  if (entry) {
    const a = h("a", { class: "ref ref-ledger", href: `#${ledgerRowId(id)}`, title: describeEntry(entry) }, id);
    // The ledger is a closed <details>: open it so the link lands on a visible row (app.ts scrolls).
    a.addEventListener("click", () => {
      const box = document.getElementById(LEDGER_ID);
      if (box instanceof HTMLDetailsElement) box.open = true;
    });
    return a;
  }
  const title = kind === "ledger" ? "Evidence ledger entry (the memo lists the ledger)" : TITLES[kind];
  return h("span", { class: `ref ref-${kind}`, title }, id);
}

/** The basis of an argument as tags, or null when it rests on nothing named. */
export function basisRefs(basis: readonly string[], ledger?: Ledger): HTMLElement | null {
  if (basis.length === 0) return null;
  return h("span", { class: "basis" }, ...basis.map((id) => ref(id, ledger)));
}
