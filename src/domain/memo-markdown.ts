import type { Memo } from "./memo.js";
import { renderPrfaqMarkdown } from "./prfaq-markdown.js";

const list = (items: string[], empty = "_None._") => (items.length ? items.map((i) => `- ${i}`).join("\n") : empty);

/** The memo as a markdown document to paste into a doc: the verdict first, then the why, then the evidence. */
export function renderMemoMarkdown(memo: Memo): string {
  const verdict = memo.decision === "fund" ? "FUND" : "KILL";
  const stanceRows = memo.stances.map((s) => `| ${s.agent} | ${s.stance} | ${s.rationale.replace(/\|/g, "\\|").replace(/\n/g, " ")} |`);
  const agents = [...new Set(memo.scorecard.flatMap((r) => Object.keys(r.stances)))].sort();
  const scoreRows = memo.scorecard.map((r) => `| ${r.round} | v${r.version} | ${r.score} | ${agents.map((a) => r.stances[a] ?? "-").join(" | ")} |`);
  const sections = [
    `# ${verdict}: ${memo.title}`,
    `**Decision:** ${verdict} · **Confidence:** ${Math.round(memo.confidence * 100)}% · **Rounds:** ${memo.rounds} · **Engine:** ${memo.engine}`,
    `> ${memo.headline}`,
    `## Reasons\n\n${list(memo.reasons)}`,
    memo.decision === "fund"
      ? `## Conditions\n\n${list(memo.conditions)}`
      : `## What would change this decision\n\n${list(memo.whatWouldChange)}`,
    `## Risks\n\n${list(memo.risks)}`,
    `## Open questions\n\n${list(memo.openQuestions)}`,
    `## Reviewers' final stances\n\n| reviewer | stance | rationale |\n| --- | --- | --- |\n${stanceRows.join("\n")}`,
    `## Scorecard\n\n| round | version | rubric score | ${agents.join(" | ")} |\n| --- | --- | --- | ${agents.map(() => "---").join(" | ")} |\n${scoreRows.join("\n")}`,
    `## Rubric findings\n\nFixed: ${memo.fixedFindings.length ? memo.fixedFindings.map((f) => `\`${f.check}\` (round ${f.round})`).join(", ") : "none"}.\n\nRemaining: ${memo.remainingFindings.length ? memo.remainingFindings.map((c) => `\`${c}\``).join(", ") : "none"}.`,
    `## Final PR/FAQ (version ${memo.finalVersion})\n\n${renderPrfaqMarkdown(memo.finalPrfaq).replace(/^(#{1,5}) /gm, "$1## ")}`,
  ];
  return `${sections.join("\n\n")}\n`;
}
