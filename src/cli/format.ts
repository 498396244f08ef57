import type { RunEvent } from "../domain/events.js";
import { SEVERITY_RANK, type Finding } from "../domain/finding.js";
import type { Memo } from "../domain/memo.js";

/** How a line is drawn: ANSI colour or not, and the widest a line may be (terminal columns, or 100). */
export type FormatOptions = { color: boolean; width: number };

/** The line width when the output is not a terminal. */
export const DEFAULT_WIDTH = 100;

const ANSI = {
  red: "\u001b[31m",
  green: "\u001b[32m",
  yellow: "\u001b[33m",
  cyan: "\u001b[36m",
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  reset: "\u001b[0m",
} as const;
type Paint = keyof typeof ANSI;

const ROUND_WIDTH = 9; // "[round 6]"
const ROLE_WIDTH = 9; // "engineer " and "customer "
const LABEL_WIDTH = 10; // "undecided "

/** Which colour a stance, action or verdict is shown in. */
const LABEL_PAINT: Record<string, Paint> = {
  fund: "green",
  FUND: "green",
  kill: "red",
  KILL: "red",
  undecided: "yellow",
  failed: "red",
  cancelled: "yellow",
  iterate: "cyan",
  conclude: "bold",
};

/** One-line text: whitespace (newlines too) collapsed. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Cuts `text` to `max` characters, ending with an ellipsis when it was longer. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return "";
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** The role shown for an agent id: `customer:vet-clinic-front-desk` is a customer. */
export function roleOf(agent: string): string {
  return agent.split(":")[0] ?? agent;
}

/** `1 change`, `3 changes`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}


/** The finding to show first: the most severe, in rubric order among equals. */
export function topFinding(findings: readonly Finding[]): Finding | undefined {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
}

/** The three columns and the gist of an event's line; undefined for events that get no line. */
type LineParts = { role: string; label: string; gist: string };

function partsOf(event: RunEvent): LineParts | undefined {
  switch (event.type) {
    case "run.queued":
      return { role: "run", label: "queued", gist: `"${event.title}" · ${event.engine} engine · up to ${plural(event.rounds, "round")}` };
    case "run.started": {
      const customers = event.personas.map((p) => `${p.name} (${p.id})`).join(", ");
      return { role: "run", label: "started", gist: `customers: ${customers || "none"} · ${event.note}` };
    }
    case "round.started":
      return {
        role: "meeting",
        label: `round ${event.round}`,
        gist: event.round === 1 ? "the drafter writes the PR/FAQ; the reviewers read it in parallel" : "the drafter revises the PR/FAQ; the reviewers read it again",
      };
    case "draft.ready": {
      const changes = event.changes.length ? ` · ${plural(event.changes.length, "change")}: ${event.changes[0]}` : " · 0 changes";
      return { role: "drafter", label: `v${event.version}`, gist: `PR ${event.wordCounts.pressRelease} words, FAQ ${event.wordCounts.faq} words${changes}` };
    }
    case "rubric.findings": {
      const top = topFinding(event.findings);
      const gist = top ? `${plural(event.findings.length, "finding")}; top: ${top.check} (${top.severity}): ${top.message}` : "no findings";
      return { role: "rubric", label: `score ${event.score}`, gist: `v${event.version}: ${gist}` };
    }
    case "review.ready":
      return { role: event.review.role, label: event.review.stance, gist: event.review.summary };
    case "decision": {
      const d = event.decision;
      return { role: "leader", label: d.action, gist: `${plural(d.changes.length, "change")} · leaning ${d.leaning}: ${d.rationale}` };
    }
    case "memo.ready": {
      const m = event.memo;
      return { role: "leader", label: m.decision.toUpperCase(), gist: `memo, ${Math.round(m.confidence * 100)}% confident: ${m.headline}` };
    }
    case "usage":
      // The offline engine spends nothing: a line of zeros every round would be noise.
      if (event.usage.promptTokens + event.usage.completionTokens === 0) return undefined;
      return {
        role: "usage",
        label: `$${event.usage.costUsd.toFixed(4)}`,
        gist: `${event.usage.calls} calls, ${event.usage.promptTokens} prompt + ${event.usage.completionTokens} completion tokens so far`,
      };
    case "run.completed":
      return {
        role: "run",
        label: event.verdict.decision.toUpperCase(),
        gist: `completed: ${event.verdict.decision}, confidence ${Math.round(event.verdict.confidence * 100)}%, rubric score ${event.verdict.score}`,
      };
    case "run.failed":
      return { role: "run", label: "failed", gist: `${event.error.code}: ${event.error.message}` };
    case "run.cancelled":
      return { role: "run", label: "cancelled", gist: "the review was cancelled; there is no memo" };
    // Progress, not news: shown by the spinner on a terminal, never as a line.
    case "agent.started":
    case "agent.delta":
      return undefined;
  }
}

/**
 * One human-readable line for a transcript event, without a trailing newline:
 * `[round 2] engineer  kill       Not yet buildable ...`: round, role, a label (stance, version, score,
 * action or verdict; coloured when `color`), and a one-line gist cut to `width`. Undefined for events that
 * get no line (`agent.started`, `agent.delta`, and `usage` while nothing is spent). Pure.
 */
export function formatEvent(event: RunEvent, opts: FormatOptions): string | undefined {
  const parts = partsOf(event);
  if (!parts) return undefined;
  const round = (event.round ? `[round ${event.round}]` : "[run]").padEnd(ROUND_WIDTH);
  const role = parts.role.padEnd(ROLE_WIDTH);
  const label = parts.label.padEnd(LABEL_WIDTH);
  const prefix = `${round} ${role} ${label} `;
  const gist = truncate(oneLine(parts.gist), opts.width - prefix.length);
  const paint = painter(opts.color);
  const labelPaint = LABEL_PAINT[parts.label];
  return `${paint("dim", round)} ${paint("bold", role)} ${labelPaint ? paint(labelPaint, label) : label} ${gist}`.trimEnd();
}

/** What `review` prints at the end with `--memo-out`: the verdict and headline, and where the memo went. */
export function formatMemoSaved(memo: Memo, path: string, opts: FormatOptions): string {
  const paint = painter(opts.color);
  const verdict = memo.decision.toUpperCase();
  return `${paint(memo.decision === "fund" ? "green" : "red", verdict)}: ${truncate(oneLine(memo.headline), opts.width - verdict.length - 2)}\nMemo saved to ${path}\n`;
}

/** An RFC 9457 problem as the server sends it (only what the CLI shows). */
export type ProblemView = { status: number; title?: string; detail?: string; errors?: { path: string; message: string }[] };

/**
 * A problem+json answer for the terminal: what was refused, the status, the detail, and every field
 * error on its own line (`  options.rounds: Too big`).
 */
export function formatProblem(what: string, p: ProblemView): string {
  const head = `${what} (${p.status}${p.title ? ` ${p.title}` : ""})${p.detail ? `: ${p.detail}` : ""}`;
  const fields = (p.errors ?? []).map((e) => `  ${e.path}: ${e.message}`);
  return [head, ...fields].join("\n");
}

function painter(color: boolean) {
  return (code: Paint, text: string) => (color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
}
