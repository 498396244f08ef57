// Words and numbers for the page: the status line, token and cost counters, labels. Pure and DOM-free.
import type { Usage } from "../../domain/run.js";
import type { RunView, Tally } from "./view-model.js";

/** 950 -> "950", 12_345 -> "12.3k", 2_500_000 -> "2.5M". */
export function formatTokens(n: number): string {
  if (n < 1000) return String(n);
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0).replace(/\.0$/, "")}k`;
  return `${(n / 1_000_000).toFixed(1).replace(/\.0$/, "")}M`;
}

/** USD with enough digits to see small model costs: $0, $0.0042, $1.23; "cost unknown" when a model has no price (null, never a made-up 0). */
export function formatCost(usd: number | null | undefined): string {
  if (typeof usd !== "number") return "cost unknown";
  if (usd === 0) return "$0";
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(2)}`;
}

/** The usage counter: "12.3k tokens · 10 calls · $0.0042" ("cost unknown" when a price is unknown). */
export function formatUsage(usage: Pick<Usage, "calls" | "promptTokens" | "completionTokens" | "costUsd">): string {
  const tokens = usage.promptTokens + usage.completionTokens;
  const cost = formatCost(usage.costUsd);
  return `${formatTokens(tokens)} tokens · ${usage.calls} ${usage.calls === 1 ? "call" : "calls"} · ${cost}`;
}

/** Text with one final stop: "fails" -> "fails.", "fails." stays (never "fails.."). */
export function endStop(text: string): string {
  const t = text.trim().replace(/\s+/g, " ");
  return !t || /[.!?…]["')\]]?$/.test(t) ? t : `${t}.`;
}

/** A message as a sentence: a capital first letter and one final stop. */
export function sentence(text: string): string {
  const t = endStop(text);
  return t ? `${t[0]?.toUpperCase()}${t.slice(1)}` : t;
}

/**
 * A validation message from the API in plain words: zod's "Too big: expected array to have <=5 items"
 * becomes "At most 5 items." Messages already in words pass through (as a sentence).
 */
export function plainMessage(message: string): string {
  const m = message.trim();
  const size = /^Too (big|small): expected (string|array|number) to (?:have|be) ([<>]=?)\s*([\d.]+)(?: (\w+))?/.exec(m);
  if (size) {
    const [, , kind, op, n, unit] = size;
    const noun = kind === "number" ? "" : ` ${unit ?? (kind === "string" ? "characters" : "items")}`;
    if (kind === "string" && (op === ">=" || op === ">") && Number(n) <= 1) return "This cannot be empty.";
    return `${op?.startsWith("<") ? "At most" : "At least"} ${n}${noun}.`;
  }
  if (/^Invalid input: expected \w+, received undefined$/.test(m)) return "This is required.";
  return sentence(m);
}

/** How long ago: "just now", "5 minutes ago", "3 hours ago", "2 days ago" (a full date after a week). */
export function formatAge(iso: string, now: Date = new Date(), locale?: string): string {
  const then = new Date(iso);
  const s = Math.round((now.getTime() - then.getTime()) / 1000);
  if (Number.isNaN(s)) return iso;
  if (s < 45) return "just now";
  const ago = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  if (s < 3600) return ago(Math.max(1, Math.round(s / 60)), "minute");
  if (s < 86_400) return ago(Math.round(s / 3600), "hour");
  if (s < 7 * 86_400) return ago(Math.round(s / 86_400), "day");
  return formatWhen(iso, locale);
}

/** 0.834 -> "83%". */
export const formatPercent = (x: number) => `${Math.round(x * 100)}%`;

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The status line: what the meeting is doing now, in a sentence a screen reader can announce. */
export function statusLine(view: RunView): string {
  switch (view.status) {
    case "connecting":
      return "Connecting to the meeting...";
    case "queued":
      return "Queued: waiting for a worker to open the meeting...";
    case "completed": {
      const v = view.verdict;
      const rounds = view.round === 1 ? "1 round" : `${view.round} rounds`;
      return v ? `Done after ${rounds}: ${v.decision.toUpperCase()} (${formatPercent(v.confidence)} confidence).` : `Done after ${rounds}.`;
    }
    case "failed":
      return `Failed: ${endStop(view.error?.message ?? "the review could not finish")}`;
    case "cancelled":
      return "Cancelled.";
    case "running":
      break;
  }
  const round = view.round > 0 ? `Round ${view.round} of ${view.rounds}: ` : "";
  const thinking = view.participants.filter((p) => p.thinking);
  const retrying = thinking.find((p) => p.retry);
  if (retrying?.retry) return `${round}${retrying.name} is waiting to try again: ${retrySentence(retrying.retry)}`;
  const leader = thinking.find((p) => p.lane === "leader");
  if (leader) return `${round}${view.concluding ? "the leader is writing the memo..." : "the leader is deciding..."}`;
  const drafter = thinking.find((p) => p.lane === "drafter");
  if (drafter) return `${round}the drafter is writing version ${view.drafts.length + 1}...`;
  if (thinking.length > 0) return `${round}${joinAnd(thinking.map((p) => p.name))} ${thinking.length === 1 ? "is" : "are"} reading...`;
  if (view.round === 0) return "The meeting is starting...";
  return `${round}in progress...`;
}

/** "the model call failed (rate-limited (429)); attempt 2 in 2 s." */
export function retrySentence(r: { attempt: number; waitMs: number; reason: string }): string {
  const wait = r.waitMs < 1000 ? `${r.waitMs} ms` : `${Math.round(r.waitMs / 100) / 10} s`;
  return `the model call failed (${r.reason.replace(/[.\s]+$/, "")}); attempt ${r.attempt + 1} in ${wait}.`;
}

/** A timestamp as a short local date and time. */
export function formatWhen(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

/** Initials for an avatar: "Kayla Brooks" -> "KB", "engineer" -> "E", "Bar raiser" -> "BR". */
export function initials(name: string): string {
  const words = name.replace(/\([^)]*\)/g, " ").split(/[\s:-]+/).filter((w) => /^\p{L}/u.test(w));
  return words
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? "")
    .join("");
}

/** The file name of a memo download: "memo-refillready-rv_abc.md". */
export function memoFileName(title: string, runId: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return `memo-${slug ? `${slug}-` : ""}${runId}.md`;
}

/** "2 fund, 1 kill and 1 undecided; 1 abstains (not a vote)": the votes, and abstentions apart. */
export function formatVotes(t: Tally): string {
  const votes = (["fund", "kill", "undecided"] as const).filter((k) => t[k] > 0).map((k) => `${t[k]} ${k}`);
  const head = votes.length ? joinAnd(votes) : "no votes";
  return t.abstain ? `${head}; ${t.abstain} ${t.abstain === 1 ? "abstains" : "abstain"} (not a vote)` : head;
}

export { economicsFigures, formatMoney, formatNumber } from "../../domain/economics-figures.js";
