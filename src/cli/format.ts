import type { Argument } from "../domain/argument.js";
import type { RunEvent } from "../domain/events.js";
import { SEVERITY_RANK, type Finding } from "../domain/finding.js";
import type { Memo } from "../domain/memo.js";
import type { ChangeRequest, Review } from "../domain/review.js";

/** How a line is drawn: ANSI colour or not, and the widest a line may be (terminal columns, or 100). */
export type FormatOptions = { color: boolean; width: number };

/** The line width when the output is not a terminal. */
export const DEFAULT_WIDTH = 100;

const ANSI = {
  red: "\u001b[31m",
  green: "\u001b[32m",
  yellow: "\u001b[33m",
  magenta: "\u001b[35m",
  cyan: "\u001b[36m",
  bold: "\u001b[1m",
  dim: "\u001b[2m",
  reset: "\u001b[0m",
} as const;
type Paint = keyof typeof ANSI;

const ROUND_WIDTH = 9; // "[round 6]"
const ROLE_WIDTH = 9; // "engineer " and "customer "
const LABEL_WIDTH = 10; // "undecided "
/** Where the lines under an event's line (objections, change requests, ...) start: under the role. */
const DETAIL_INDENT = " ".repeat(ROUND_WIDTH + 1);

/** Which colour a stance, action or verdict is shown in. */
const LABEL_PAINT: Record<string, Paint> = {
  fund: "green",
  FUND: "green",
  kill: "red",
  KILL: "red",
  undecided: "yellow",
  // An abstaining seat is not a vote: neither fund green nor kill red.
  abstain: "magenta",
  failed: "red",
  cancelled: "yellow",
  retrying: "yellow",
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


/** A wait for a person: `250 ms`, `2 s`, `1.5 s`. */
export function formatWait(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

/**
 * Word-wraps `text` (made one line, see {@link oneLine}) to `width` columns: the first line starts with
 * `indent`, the others with `hang` (default `indent`); a word longer than a line is cut. Pure.
 */
export function wrap(text: string, width: number, indent: string, hang = indent): string[] {
  const lines: string[] = [];
  const room = () => Math.max(10, width - (lines.length === 0 ? indent : hang).length);
  let line = "";
  for (let word of oneLine(text).split(" ")) {
    if (line && line.length + 1 + word.length <= room()) {
      line += ` ${word}`;
      continue;
    }
    if (line) lines.push(line);
    for (let r = room(); word.length > r; r = room()) {
      lines.push(word.slice(0, r));
      word = word.slice(r);
    }
    line = word;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines.map((l, i) => `${i === 0 ? indent : hang}${l}`);
}

const basisText = (basis: readonly string[]) => (basis.length ? ` [${basis.join(", ")}]` : "");

/** One detail under an event's line: a head (painted) and the rest, wrapped under the role column. */
type Detail = { head: string; paint?: Paint; text: string };

/** What a review says beyond its summary: the scenario, the engineer's fields, each objection with its kind. */
function reviewDetails(r: Review): Detail[] {
  const out: Detail[] = [];
  if (r.scenario) out.push({ head: "scenario:", text: r.scenario });
  const e = r.engineering;
  if (e) {
    if (e.hardestProblem) out.push({ head: "hardest problem:", text: e.hardestProblem });
    const fields: [string, string[]][] = [["must be true:", e.mustBeTrue], ["one-way doors:", e.oneWayDoors], ["dependencies:", e.dependencies], ["claims challenged:", e.claimsChallenged]];
    for (const [head, items] of fields) if (items.length) out.push({ head, text: items.join("; ") });
  }
  out.push(...r.objections.map(objectionDetail));
  return out;
}

const objectionDetail = (o: Argument): Detail =>
  o.blocking ? { head: `- ${o.kind}, blocking:`, paint: "red", text: `${o.text}${basisText(o.basis)}` } : { head: `- ${o.kind}:`, text: `${o.text}${basisText(o.basis)}` };

/** A typed change request: "1. fix-claim -> summary: Replace ... (why) [basis]". */
function changeDetail(c: ChangeRequest, i: number): Detail {
  const basis = c.check && !c.basis.includes(c.check) ? [...c.basis, c.check] : c.basis;
  return { head: `${i + 1}. ${c.kind} -> ${c.target}:`, paint: "cyan", text: `${c.change}${c.why ? ` (${c.why})` : ""}${basisText(basis)}` };
}

function detailsOf(event: RunEvent): Detail[] {
  switch (event.type) {
    case "review.ready":
      return reviewDetails(event.review);
    case "decision":
      return event.decision.changes.map(changeDetail);
    case "memo.ready": {
      const m = event.memo;
      return [
        { head: "crux:", paint: "bold", text: m.crux },
        { head: "stage:", text: `${m.stage} · ${m.door} door · ask: ${m.ask ?? "none stated"}` },
      ];
    }
    default:
      return [];
  }
}

/** The finding to show first: the most severe, in rubric order among equals. */
export function topFinding(findings: readonly Finding[]): Finding | undefined {
  return [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
}

/**
 * The three columns and the gist of an event's line; undefined for events that get no line. A gist that
 * is an argument (`wrap`) is word-wrapped under itself; a status gist is cut to one line.
 */
type LineParts = { role: string; label: string; gist: string; wrap?: boolean };

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
        // The author's own PR/FAQ is version 1: nobody drafts it, the round reviews it.
        gist:
          event.source === "author"
            ? "the reviewers read your document in parallel"
            : event.round === 1
              ? "the drafter writes the PR/FAQ; the reviewers read it in parallel"
              : "the drafter revises the PR/FAQ; the reviewers read it again",
      };
    case "draft.ready": {
      const changes = event.changes.length ? ` · ${plural(event.changes.length, "change")}: ${event.changes[0]}` : " · 0 changes";
      const words = `PR ${event.wordCounts.pressRelease} words, FAQ ${event.wordCounts.faq} words`;
      if (event.source === "author") return { role: "author", label: `v${event.version}`, gist: `your document as written: ${words}` };
      return { role: "drafter", label: `v${event.version}`, gist: `${words}${changes}` };
    }
    case "rubric.findings": {
      const top = topFinding(event.findings);
      const gist = top ? `${plural(event.findings.length, "finding")}; top: ${top.check} (${top.severity}): ${top.message}` : "no findings";
      return { role: "rubric", label: `score ${event.score}`, gist: `v${event.version}: ${gist}` };
    }
    case "review.ready": {
      const r = event.review;
      return { role: r.role, label: r.stance, gist: r.stance === "abstain" ? `not a vote: ${r.summary}` : r.summary, wrap: true };
    }
    case "decision": {
      const d = event.decision;
      return { role: "leader", label: d.action, gist: `${plural(d.changes.length, "change")} · leaning ${d.leaning}: ${d.rationale}`, wrap: true };
    }
    case "memo.ready": {
      const m = event.memo;
      return { role: "leader", label: m.decision.toUpperCase(), gist: `memo, ${Math.round(m.confidence * 100)}% confident: ${m.headline}`, wrap: true };
    }
    case "agent.retrying":
      return {
        role: roleOf(event.agent),
        label: "retrying",
        // The wait before the reason: a narrow terminal cuts the reason, not when the next try comes.
        gist: `${event.agent.includes(":") ? `${event.agent.slice(event.agent.indexOf(":") + 1)}: ` : ""}attempt ${event.attempt} failed, trying again in ${formatWait(event.waitMs)}: ${event.reason}`,
      };
    case "usage": {
      // The offline engine spends nothing: a line of zeros every round would be noise.
      const u = event.usage;
      if (u.promptTokens + u.completionTokens === 0) return undefined;
      const tokens = `${u.calls} calls, ${u.promptTokens} prompt + ${u.completionTokens} completion tokens so far`;
      if (u.costUsd !== null) return { role: "usage", label: `$${u.costUsd.toFixed(4)}`, gist: tokens };
      // Unknown, never $0: say whose model has no price.
      const unpriced = Object.entries(u.byRole ?? {}).filter(([, r]) => r.costUsd === null).map(([role]) => role);
      const whose = unpriced.length ? `no price for the ${unpriced.join(", ")} model` : "a model has no price";
      return { role: "usage", label: "$ unknown", gist: `cost unknown: ${whose} (PRFAQ_PRICES) · ${tokens}` };
    }
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
      return undefined;
  }
}

/**
 * The human-readable lines for a transcript event, without a trailing newline. First
 * `[round 2] engineer  kill       Not yet buildable ...`: round, role, a label (stance, version, score,
 * action or verdict; coloured when `color`), and a one-line gist cut to `width`. Then, indented under the
 * role and word-wrapped to `width` (nothing cut): a review's scenario, the engineer's fields and each
 * objection with its kind (`- economics, blocking: ... [L5]`), a decision's typed change requests
 * (`1. fix-claim -> summary: ...`), the memo's crux, stage and door. A retried model call gets its line as
 * it happens (`[round 1] engineer  retrying   attempt 1 failed, trying again in 1 s: rate-limited (429)`,
 * a customer's persona id first); a cost no price table knows is `$ unknown`, never $0. Undefined for events that get no line
 * (`agent.started` and `usage` while nothing is spent). Pure.
 */
export function formatEvent(event: RunEvent, opts: FormatOptions): string | undefined {
  const parts = partsOf(event);
  if (!parts) return undefined;
  const round = (event.round ? `[round ${event.round}]` : "[run]").padEnd(ROUND_WIDTH);
  const role = parts.role.padEnd(ROLE_WIDTH);
  const label = parts.label.padEnd(LABEL_WIDTH);
  const prefix = `${round} ${role} ${label} `;
  const gist = parts.wrap ? wrap(parts.gist, opts.width, " ".repeat(prefix.length)).map((l, i) => (i === 0 ? l.slice(prefix.length) : l)) : [truncate(oneLine(parts.gist), opts.width - prefix.length)];
  const paint = painter(opts.color);
  const labelPaint = LABEL_PAINT[parts.label];
  const head = `${paint("dim", round)} ${paint("bold", role)} ${labelPaint ? paint(labelPaint, label) : label} ${gist[0] ?? ""}`.trimEnd();
  const details = detailsOf(event).flatMap((d) => {
    const [first = "", ...rest] = wrap(`${d.head} ${d.text}`, opts.width, DETAIL_INDENT, `${DETAIL_INDENT}  `);
    // The head is the first words of the first line: paint it there.
    const painted = first.startsWith(`${DETAIL_INDENT}${d.head}`) ? `${DETAIL_INDENT}${paint(d.paint ?? "dim", d.head)}${first.slice(DETAIL_INDENT.length + d.head.length)}` : first;
    return [painted, ...rest];
  });
  return [head, ...gist.slice(1), ...details].join("\n");
}

/**
 * What `review` prints at the end with `--memo-out`: the verdict and headline, and where the memo went
 * (the crux, stage and door were printed under the memo's line of the transcript).
 */
export function formatMemoSaved(memo: Memo, path: string, opts: FormatOptions): string {
  const paint = painter(opts.color);
  const verdict = memo.decision.toUpperCase();
  return `${paint(memo.decision === "fund" ? "green" : "red", verdict)}: ${truncate(oneLine(memo.headline), opts.width - verdict.length - 2)}\nMemo saved to ${path}\n`;
}

/** An RFC 9457 problem as the server sends it (only what the CLI shows). */
function painter(color: boolean) {
  return (code: Paint, text: string) => (color ? `${ANSI[code]}${text}${ANSI.reset}` : text);
}
