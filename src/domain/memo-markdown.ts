import type { Memo } from "./memo.js";
import { economicsFigures } from "./economics-figures.js";
import { cell, inline } from "./markdown-text.js";
import { renderPrfaqMarkdown } from "./prfaq-markdown.js";

const list = (items: string[], empty = "_None._") => (items.length ? items.map((i) => `- ${inline(i)}`).join("\n") : empty);
const basis = (ids: string[]) => (ids.length > 0 ? ` _[${ids.join(", ")}]_` : "");

/**
 * The memo as a markdown decision document to paste into a doc: the verdict and the crux first, then
 * the reasons with what each rests on, the economics with formulas, the door, the stage, the test that
 * could kill it, the dissent, and the evidence ledger it all cites.
 */
export function renderMemoMarkdown(memo: Memo): string {
  const verdict = memo.decision === "fund" ? "FUND" : "KILL";
  const e = memo.economics;
  const stanceRows = memo.stances.map((s) => `| ${cell(s.agent)} | ${s.stance} | ${cell(s.rationale)} |`);
  const agents = [...new Set(memo.scorecard.flatMap((r) => Object.keys(r.stances)))].sort();
  const scoreRows = memo.scorecard.map((r) => `| ${r.round} | v${r.version} | ${r.score} | ${agents.map((a) => r.stances[a] ?? "-").join(" | ")} |`);
  const agentCells = agents.map(cell);
  const figures = economicsFigures(e);
  const sections = [
    `# ${verdict}: ${inline(memo.title)}`,
    `**Decision:** ${verdict} · **Confidence:** ${Math.round(memo.confidence * 100)}% · **Stage:** ${memo.stage} · **Door:** ${memo.door} · **Rounds:** ${memo.rounds} · **Engine:** ${memo.engine}`,
    `> ${inline(memo.headline)}`,
    `**The crux.** ${inline(memo.crux)}`,
    `**The ask.** ${memo.ask ? inline(memo.ask) : "The brief states no ask."}`,
    `## Reasons\n\n${memo.reasons.map((r, i) => `${i + 1}. **${r.kind}**: ${inline(r.text)}${basis(r.basis)}`).join("\n")}`,
    memo.decision === "fund"
      ? `## Conditions\n\n${list(memo.conditions)}\n\n## Kill criteria\n\n${list(memo.killCriteria)}`
      : `## What would change this decision\n\n${list(memo.whatWouldChange)}`,
    `## The next test\n\n${inline(memo.nextTest)}`,
    `## Should we build it?\n\n- **Why us:** ${inline(memo.buildTest.whyUs)}\n- **Why now:** ${inline(memo.buildTest.whyNow)}\n- **What we give up:** ${inline(memo.buildTest.giveUp)}`,
    `## Door and stage\n\n- **${memo.door} door:** ${inline(memo.doorWhy)}\n- **Stage:** ${memo.stage}`,
    `## Economics\n\n| figure | value |\n| --- | --- |\n${figures.map(([k, v]) => `| ${k} | ${cell(v)} |`).join("\n")}\n\n${memo.economics.lines.length ? memo.economics.lines.map((l) => `- ${cell(l.label)}: ${inline(l.formula)}${basis(l.sources)}`).join("\n") : "_The brief gives no figures to compute from._"}`,
    `## Dissent\n\n${memo.dissent.length ? memo.dissent.map((d) => `- **${cell(d.agent)}** (${d.stance}): ${inline(d.text)}`).join("\n") : "_Nobody dissents._"}`,
    `## Risks\n\n${list(memo.risks)}`,
    `## Open questions\n\n${list(memo.openQuestions)}`,
    `## What changed from v1\n\n${memo.changes.length ? memo.changes.map((c) => `- v${c.version}: ${inline(c.change)}`).join("\n") : "_The first version was final._"}`,
    `## Reviewers' final stances\n\n| reviewer | stance | rationale |\n| --- | --- | --- |\n${stanceRows.join("\n")}`,
    `## Scorecard\n\n| round | version | rubric score | ${agentCells.join(" | ")} |\n| --- | --- | --- | ${agents.map(() => "---").join(" | ")} |\n${scoreRows.join("\n")}`,
    `## Rubric findings\n\nFixed: ${memo.fixedFindings.length ? memo.fixedFindings.map((f) => `\`${f.check}\` (round ${f.round})`).join(", ") : "none"}.\n\nRemaining: ${memo.remainingFindings.length ? memo.remainingFindings.map((c) => `\`${c}\``).join(", ") : "none"}.`,
    `## Evidence ledger\n\n| id | source | kind | text |\n| --- | --- | --- | --- |\n${memo.ledger.map((l) => `| ${cell(l.id)} | ${l.source} | ${l.kind} | ${cell(l.text)} |`).join("\n")}`,
    `## Final PR/FAQ (version ${memo.finalVersion})\n\n${renderPrfaqMarkdown(memo.finalPrfaq).replace(/^(#{1,5}) /gm, "$1## ")}`,
  ];
  return `${sections.join("\n\n")}\n`;
}
