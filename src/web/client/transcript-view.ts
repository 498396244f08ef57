// One transcript entry as DOM. Everything from the run is text (textContent), never markup.
import type { Argument } from "../../domain/argument.js";
import type { ChangeRequest, Engineering, Stance } from "../../domain/review.js";
import { basisRefs } from "./basis-view.js";
import { h, list } from "./dom.js";
import { formatPercent, initials, retrySentence, sentence } from "./format.js";
import { AUTHOR_LABEL, LANE_LABELS, roundTitle, STANCE_LABELS, thinkingVerb } from "./labels.js";
import type { Entry, Lane, Participant, RunView } from "./view-model.js";

/** A round avatar in the lane's colour with the participant's initials. */
export function avatar(lane: Lane, name: string): HTMLElement {
  return h("span", { class: `avatar lane-${lane}`, "aria-hidden": "true" }, lane === "rubric" ? "✓" : lane === "system" ? "•" : initials(name));
}

export function stanceChip(stance: Stance): HTMLElement {
  return h("span", { class: `chip stance-${stance}`, title: stance === "abstain" ? "Not meant for this seat: not a vote" : undefined }, STANCE_LABELS[stance]);
}

/** A reason's kind as a small chip (economics, claims, customer, ...). */
export const kindChip = (kind: Argument["kind"]) => h("span", { class: `chip kind kind-${kind}` }, kind);

/** Objections as items: kind, a "blocking" mark, the argument and what it rests on. */
export function objectionList(objections: readonly Argument[]): HTMLElement | null {
  if (objections.length === 0) return null;
  return h(
    "ul",
    { class: "objections" },
    ...objections.map((o) =>
      h("li", { class: o.blocking ? "objection is-blocking" : "objection" }, kindChip(o.kind), o.blocking ? h("span", { class: "chip blocking" }, "blocking") : null, " ", o.text, basisRefs(o.basis)),
    ),
  );
}

/** The engineer's structured judgement: the hard problem, what must be true, one-way doors, dependencies, claims challenged. */
function engineeringBlock(e: Engineering): HTMLElement {
  const row = (term: string, items: readonly string[]) => (items.length ? [h("dt", {}, term), h("dd", {}, items.length === 1 ? items[0] : list(items))] : []);
  return h(
    "dl",
    { class: "engineering" },
    ...row("Hardest problem", e.hardestProblem ? [e.hardestProblem] : []),
    ...row("Must be true", e.mustBeTrue),
    ...row("One-way doors", e.oneWayDoors),
    ...row("Dependencies", e.dependencies),
    ...row("Claims challenged", e.claimsChallenged),
  );
}

/** A typed change request: "fix-claim → problem: Replace ...", with why and what it rests on. */
function changeItem(c: ChangeRequest): HTMLElement {
  return h(
    "li",
    { class: "change", "data-kind": c.kind },
    h("span", { class: "change-kind" }, c.kind),
    " → ",
    h("code", { class: "change-target" }, c.target),
    `: ${c.change}`,
    c.why ? h("span", { class: "muted" }, ` (${c.why})`) : null,
    basisRefs(c.check && !c.basis.includes(c.check) ? [...c.basis, c.check] : c.basis),
  );
}

const nameOf = (view: RunView, agent: string) => view.participants.find((p) => p.agent === agent)?.name ?? agent;

function bubble(lane: Lane, who: string, role: string, ...body: (Node | null)[]): HTMLElement {
  return h(
    "div",
    { class: "bubble" },
    h("div", { class: "who" }, h("strong", {}, who), role && role !== who ? h("span", { class: "role" }, role) : null),
    ...body,
  );
}

function details(summary: string, content: Node | null): HTMLElement | null {
  return content ? h("details", {}, h("summary", {}, summary), content) : null;
}

/** The entry's content (without the avatar). */
function body(entry: Entry, view: RunView): HTMLElement {
  switch (entry.kind) {
    case "started":
      return bubble(
        "system",
        "The meeting opens",
        "",
        h("p", {}, `Engine: ${entry.engine} · up to ${entry.rounds} ${entry.rounds === 1 ? "round" : "rounds"}.`),
        h("p", { class: "muted" }, entry.note),
        entry.personas.length
          ? h("ul", { class: "personas" }, ...entry.personas.map((p) => h("li", {}, h("strong", {}, p.name), ` — ${p.why}`)))
          : null,
      );
    case "round":
      return h("div", { class: "round-label" }, roundTitle(entry));
    case "draft":
      return bubble(
        "drafter",
        entry.source === "author" ? AUTHOR_LABEL : LANE_LABELS.drafter,
        "",
        h("p", {}, h("strong", {}, `PR/FAQ version ${entry.version}`), entry.source === "author" ? ` · your document, as written · ${entry.words} words` : ` · ${entry.words} words`),
        entry.changes.length ? h("p", { class: "label" }, "What changed") : null,
        list(entry.changes),
        details(`Assumptions (${entry.assumptions.length})`, list(entry.assumptions)),
      );
    case "rubric": {
      const top = entry.findings.slice(0, 4);
      const rest = entry.findings.slice(4);
      const finding = (f: (typeof entry.findings)[number]) => h("li", {}, h("span", { class: `chip sev-${f.severity}` }, f.severity), " ", h("code", {}, f.check), ` ${f.message}`);
      return bubble(
        "rubric",
        LANE_LABELS.rubric,
        "",
        h("p", {}, `Version ${entry.version} scores `, h("strong", {}, `${entry.score}/100`), entry.findings.length ? ` with ${entry.findings.length} ${entry.findings.length === 1 ? "finding" : "findings"}.` : ", no findings."),
        top.length ? h("ul", { class: "findings" }, ...top.map(finding)) : null,
        rest.length ? details(`${rest.length} more`, h("ul", { class: "findings" }, ...rest.map(finding))) : null,
      );
    }
    case "review": {
      const r = entry.review;
      const scores = Object.entries(r.scores);
      return bubble(
        entry.lane,
        nameOf(view, r.agent),
        LANE_LABELS[entry.lane],
        h("p", { class: "stance-line" }, stanceChip(r.stance), h("span", { class: "muted" }, r.stance === "abstain" ? ` on version ${r.version}: not meant for this seat, so not a vote` : ` on version ${r.version}`)),
        h("p", {}, r.summary),
        r.quote ? h("blockquote", {}, r.quote) : null,
        r.scenario ? h("p", { class: "label" }, "Scenario") : null,
        r.scenario ? h("p", { class: "scenario" }, r.scenario) : null,
        r.engineering ? engineeringBlock(r.engineering) : null,
        r.objections.length ? h("p", { class: "label" }, "Objections") : null,
        objectionList(r.objections),
        details(`Questions (${r.questions.length})`, list(r.questions)),
        scores.length ? h("p", { class: "scores muted" }, scores.map(([k, v]) => `${k} ${v}/5`).join(" · ")) : null,
      );
    }
    case "retry":
      return bubble(entry.lane, nameOf(view, entry.agent), LANE_LABELS[entry.lane], h("p", { class: "retry" }, sentence(retrySentence(entry.retry))));
    case "decision": {
      const d = entry.decision;
      return bubble(
        "leader",
        LANE_LABELS.leader,
        "",
        h("p", {}, h("strong", {}, d.action === "iterate" ? "Iterate" : "Conclude"), " · leaning ", stanceChip(d.leaning)),
        h("p", {}, d.rationale),
        d.changes.length ? h("p", { class: "label" }, "Change requests") : null,
        d.changes.length ? h("ol", { class: "changes" }, ...d.changes.map(changeItem)) : null,
      );
    }
    case "memo":
      return bubble(
        "leader",
        LANE_LABELS.leader,
        "",
        h("p", {}, "Memo: ", h("span", { class: `chip verdict-${entry.memo.decision}` }, entry.memo.decision.toUpperCase()), ` · ${formatPercent(entry.memo.confidence)} confidence`),
        h("p", {}, entry.memo.headline),
        h("p", { class: "crux-line" }, h("strong", {}, "The crux: "), entry.memo.crux),
      );
    case "end":
      return h("div", { class: `end end-${entry.status}` }, sentence(entry.text));
  }
}

/** A transcript entry: `li.entry` with its lane, avatar and content. */
export function renderEntry(entry: Entry, view: RunView): HTMLLIElement {
  if (entry.kind === "round") return h("li", { class: "entry round-sep", "data-kind": "round", "data-seq": entry.seq }, body(entry, view));
  const who = entry.kind === "review" || entry.kind === "retry" ? nameOf(view, entry.agent) : entry.kind === "draft" && entry.source === "author" ? AUTHOR_LABEL : LANE_LABELS[entry.lane];
  return h("li", { class: `entry lane-${entry.lane}`, "data-kind": entry.kind, "data-lane": entry.lane, "data-seq": entry.seq }, avatar(entry.lane, who), body(entry, view));
}

/** The "who is working" rows under the transcript. */
export function renderThinking(thinking: readonly Participant[]): HTMLElement[] {
  return thinking.map((p) =>
    h(
      "div",
      { class: `thinking lane-${p.lane}` },
      avatar(p.lane, p.name),
      h("span", {}, `${p.name} ${thinkingVerb(p)}`, h("span", { class: "dots", "aria-hidden": "true" }, h("i"), h("i"), h("i"))),
    ),
  );
}

/** The room: one avatar per participant with its state and latest stance. */
export function renderRoom(view: RunView): HTMLElement[] {
  return view.participants.map((p) =>
    h(
      "li",
      { class: `seat lane-${p.lane}${p.thinking ? " is-thinking" : ""}`, "data-agent": p.agent },
      avatar(p.lane, p.name),
      h("span", { class: "seat-text" }, h("span", { class: "seat-name" }, p.name), h("span", { class: "seat-role" }, p.thinking ? `${LANE_LABELS[p.lane]} · working` : LANE_LABELS[p.lane])),
      p.stance ? stanceChip(p.stance) : null,
    ),
  );
}
