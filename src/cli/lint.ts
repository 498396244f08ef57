import type { Finding, RubricResult, Severity } from "../domain/finding.js";
import { lintMarkdown } from "../rubric/index.js";

const SEVERITIES: readonly Severity[] = ["critical", "high", "medium"];
const ANSI = { critical: "\u001b[31;1m", high: "\u001b[33;1m", medium: "\u001b[36m", dim: "\u001b[2m", bold: "\u001b[1m", reset: "\u001b[0m" } as const;

/** Options of {@link formatLintReport}. */
export type LintReportOptions = { color: boolean };

/**
 * The human-readable lint report: findings grouped by severity (critical, then high, then medium),
 * each with its check id, what to change and the quoted evidence, then the score line.
 * With `color` (a terminal that wants it) severities and ids are highlighted with ANSI codes.
 */
export function formatLintReport(result: RubricResult, opts: LintReportOptions): string {
  const paint = (code: string, text: string) => (opts.color ? `${code}${text}${ANSI.reset}` : text);
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    if (lines.length) lines.push("");
    lines.push(paint(ANSI[severity], `${severity.toUpperCase()} (${group.length})`));
    for (const f of group) lines.push(...formatFinding(f, paint));
  }
  if (lines.length === 0) lines.push("No findings.");
  lines.push("", paint(ANSI.bold, scoreLine(result)));
  return `${lines.join("\n")}\n`;
}

function formatFinding(f: Finding, paint: (code: string, text: string) => string): string[] {
  return [`  ${paint(ANSI.bold, f.check)}: ${f.message}`, `    ${paint(ANSI.dim, `> "${f.evidence}"`)}`];
}

function scoreLine(result: RubricResult): string {
  const counts = SEVERITIES.map((s) => [s, result.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return `Score: ${result.score}/100${counts.length ? ` (${counts.join(", ")})` : ""}`;
}

/** Options of {@link runLint}: `failUnder`, when set, is the score below which the lint fails (`--fail-under N`). */
export type RunLintOptions = { json: boolean; color: boolean; failUnder?: number };

/** The exit code of a lint whose score is below `--fail-under` (the same code as a killed review). */
export const EXIT_BELOW_THRESHOLD = 10;

/**
 * The body of `prfaq lint`: parses the PR/FAQ markdown, runs the rubric and renders the result,
 * as the report of {@link formatLintReport} or, with `json`, as `{ score, findings, prfaq }` (the
 * POST /v1/lint body). The exit code is 0 when the lint ran, whatever the score, unless `failUnder`
 * is set and the score is below it: then 10, with `error` saying why in one sentence (for stderr;
 * the output is the same either way). Errors (an unreadable file) are the caller's to turn into
 * exit code 1. Pure: no I/O, no environment.
 */
export function runLint(text: string, opts: RunLintOptions): { output: string; exitCode: number; error?: string } {
  const { prfaq, findings, score } = lintMarkdown(text);
  const output = opts.json ? `${JSON.stringify({ score, findings, prfaq }, null, 2)}\n` : formatLintReport({ findings, score }, { color: opts.color });
  if (opts.failUnder !== undefined && score < opts.failUnder) {
    const fired = findings.length === 1 ? "1 finding" : `${findings.length} findings`;
    return { output, exitCode: EXIT_BELOW_THRESHOLD, error: `prfaq lint: score ${score}/100 is below --fail-under ${opts.failUnder} (${fired}).\n` };
  }
  return { output, exitCode: 0 };
}
