// The scorecard: rubric score per round as a small SVG bar chart, and each reviewer's stance per round.
import { h, s } from "./dom.js";
import { formatVotes } from "./format.js";
import { stanceChip } from "./transcript-view.js";
import { tally, type RunView } from "./view-model.js";

const W = 320;
const H = 120;
const PAD = 22;

function chart(view: RunView): SVGSVGElement {
  const rows = view.scorecard;
  const slots = Math.max(rows.length, view.rounds, 1);
  const slot = (W - PAD) / slots;
  const bar = Math.min(36, slot * 0.6);
  const y = (score: number) => H - PAD - ((H - PAD * 1.6) * score) / 100;
  const title = `Rubric score by round: ${rows.map((r) => `round ${r.round} ${r.score ?? "pending"}`).join(", ") || "none yet"}.`;
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img", "aria-label": title }, s("title", {}, title));
  for (const v of [0, 50, 100]) {
    svg.append(s("line", { x1: PAD, x2: W, y1: y(v), y2: y(v), class: "grid" }), s("text", { x: PAD - 4, y: y(v) + 4, class: "axis", "text-anchor": "end" }, v));
  }
  rows.forEach((r, i) => {
    const x = PAD + slot * i + (slot - bar) / 2;
    if (r.score !== undefined) {
      const cls = r.score >= 80 ? "good" : r.score >= 60 ? "fair" : "poor";
      svg.append(
        s("rect", { x, y: y(r.score), width: bar, height: Math.max(1, y(0) - y(r.score)), rx: 3, class: `bar ${cls}` }),
        s("text", { x: x + bar / 2, y: y(r.score) - 4, class: "value", "text-anchor": "middle" }, r.score),
      );
    }
    svg.append(s("text", { x: x + bar / 2, y: H - 6, class: "axis", "text-anchor": "middle" }, `R${r.round}`));
  });
  return svg;
}

export function renderScorecard(view: RunView): Element[] {
  if (view.scorecard.length === 0) return [h("p", { class: "muted" }, "Scores appear after the first draft.")];
  const agents = view.participants.filter((p) => p.lane === "customer" || p.lane === "engineer" || p.lane === "finance");
  const table = h(
    "table",
    { class: "stances" },
    h("caption", { class: "sr-only" }, "Each reviewer's stance per round"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Reviewer"), ...view.scorecard.map((r) => h("th", { scope: "col" }, `R${r.round}`)))),
    h(
      "tbody",
      {},
      ...agents.map((p) =>
        h(
          "tr",
          {},
          h("th", { scope: "row" }, p.name),
          ...view.scorecard.map((r) => {
            const st = r.stances[p.agent];
            return h("td", {}, st ? stanceChip(st) : h("span", { class: "muted" }, "–"));
          }),
        ),
      ),
    ),
  );
  const last = view.scorecard.at(-1);
  const votes = last && Object.keys(last.stances).length ? h("p", { class: "votes muted" }, `Round ${last.round}: ${formatVotes(tally(last.stances))}.`) : null;
  return votes ? [chart(view), table, votes] : [chart(view), table];
}
