import { readFile } from "node:fs/promises";
import { RunEventSchema, TERMINAL_EVENT_TYPES, type RunEvent } from "../../src/domain/events.js";
import { seededRandom } from "../helpers/fake-openai.js";

/**
 * Shared pieces of the fault scenarios: seeds, submitting runs, waiting for them, and checking a
 * transcript for lost and duplicated events.
 */

/** The scenario's seed: FAULTS_SEED when set (to replay a failure), else the scenario's default. Printed. */
export function scenarioSeed(scenario: string, fallback: number): { seed: number; random: () => number; between: (lo: number, hi: number) => number } {
  const fromEnv = Number.parseInt(process.env.FAULTS_SEED ?? "", 10);
  const seed = Number.isFinite(fromEnv) ? fromEnv : fallback;
  console.log(`faults ${scenario}: seed=${seed} (replay with FAULTS_SEED=${seed})`);
  const random = seededRandom(seed);
  return { seed, random, between: (lo, hi) => Math.floor(lo + random() * (hi - lo)) };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const briefs = ["strong-warehouse-picking.md", "strong-vet-clinic-refills.md", "strong-clinical-trial-matching.md", "weak-feature-pile.md"];

/**
 * Submits a review of one of the fixture briefs; returns its run id. A 503 (Redis away) is retried after
 * its Retry-After, as a client should, for up to `retryForMs`; `onRetry` hears of each one.
 */
export async function submit(url: string, index: number, options: Record<string, unknown> = {}, retry: { retryForMs?: number; onRetry?: (status: number) => void } = {}): Promise<string> {
  const file = briefs[index % briefs.length] ?? "strong-warehouse-picking.md";
  const text = await readFile(new URL(`../fixtures/briefs/${file}`, import.meta.url), "utf8");
  const deadline = Date.now() + (retry.retryForMs ?? 0);
  for (;;) {
    const res = await fetch(`${url}/v1/reviews`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ brief: { title: `Fault run ${index}`, text }, options: { rounds: 2, ...options } }),
    });
    if (res.status === 503 && Date.now() < deadline) {
      retry.onRetry?.(res.status);
      await sleep(Number(res.headers.get("retry-after") ?? "1") * 1000);
      continue;
    }
    if (res.status !== 202) throw new Error(`submit ${index}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }
}

export type RunRecordView = { id: string; status: string; error?: { code: string; message: string } };

/** GET /v1/reviews/:id, retried through connection errors (the server or its Redis may be restarting). */
export async function getRun(url: string, id: string, headers: Record<string, string> = {}): Promise<RunRecordView | undefined> {
  try {
    const res = await fetch(`${url}/v1/reviews/${id}`, { headers, signal: AbortSignal.timeout(5000) });
    if (!res.ok) return undefined;
    return (await res.json()) as RunRecordView;
  } catch {
    return undefined;
  }
}

const TERMINAL = new Set(["completed", "failed", "cancelled"]);

/** Polls until every run is finished or `deadlineMs` has passed; returns the last record seen of each. */
export async function waitFinished(url: string, ids: string[], deadlineMs: number, headers: Record<string, string> = {}): Promise<Map<string, RunRecordView | undefined>> {
  const deadline = Date.now() + deadlineMs;
  const last = new Map<string, RunRecordView | undefined>();
  let pending = [...ids];
  while (pending.length > 0 && Date.now() < deadline) {
    const records = await Promise.all(pending.map((id) => getRun(url, id, headers)));
    records.forEach((r, i) => last.set(pending[i] ?? "", r));
    pending = pending.filter((id) => !TERMINAL.has(last.get(id)?.status ?? ""));
    if (pending.length > 0) await sleep(250);
  }
  return last;
}

/** The whole transcript as JSON (GET /v1/reviews/:id/events?format=json). */
export async function transcript(url: string, id: string, headers: Record<string, string> = {}): Promise<RunEvent[]> {
  const res = await fetch(`${url}/v1/reviews/${id}/events?format=json`, { headers });
  if (!res.ok) throw new Error(`transcript of ${id}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as unknown[]).map((e) => RunEventSchema.parse(e));
}

/**
 * What makes an event unique in a run, whatever the timing: its type, round, agent and version. The
 * leader starts twice in its last round (the decision, then the memo): `decided` tells them apart; so
 * does a usage event's count of calls.
 */
export function identity(e: RunEvent, decided = false): string | undefined {
  if (e.type === "agent.retrying") return undefined; // many per agent: retries of its calls
  const agent = e.type === "agent.started" ? `${e.agent}${e.agent === "leader" && decided ? ":memo" : ""}` : e.type === "review.ready" ? e.review.agent : "";
  // A round's usage comes after its decision and, in the last round, again after the memo: the count of calls tells them apart.
  const version = e.type === "draft.ready" || e.type === "rubric.findings" ? e.version : e.type === "usage" ? `calls=${e.usage.calls}` : "";
  return `${e.type}|${e.round ?? ""}|${agent}|${version}`;
}

export type TranscriptCheck = { lost: number; duplicated: number; terminals: number; memos: number; problems: string[] };

/**
 * Checks one transcript: seq must be exactly 1..N (a missing number is a lost event, a repeated one or a
 * repeated event identity a duplicate), exactly one terminal event and it comes last, and (for a
 * completed run) exactly one memo.ready.
 */
export function checkTranscript(events: RunEvent[]): TranscriptCheck {
  const problems: string[] = [];
  const seqs = events.map((e) => e.seq);
  const seen = new Set<number>();
  let duplicated = 0;
  for (const s of seqs) {
    if (seen.has(s)) duplicated += 1;
    seen.add(s);
  }
  const max = seqs.length > 0 ? Math.max(...seqs) : 0;
  let lost = 0;
  for (let s = 1; s <= max; s++) if (!seen.has(s)) lost += 1;
  if (seqs.some((s, i) => i > 0 && s <= (seqs[i - 1] ?? 0))) problems.push("seq not increasing");
  const ids = new Map<string, number>();
  const decidedRounds = new Set<number | undefined>();
  for (const e of events) {
    const id = identity(e, decidedRounds.has(e.round));
    if (e.type === "decision") decidedRounds.add(e.round);
    if (id === undefined) continue;
    if (ids.has(id)) {
      duplicated += 1;
      problems.push(`duplicate ${id} at seq ${ids.get(id)} and ${e.seq}`);
    } else ids.set(id, e.seq);
  }
  const terminals = events.filter((e) => TERMINAL_EVENT_TYPES.includes(e.type)).length;
  const memos = events.filter((e) => e.type === "memo.ready").length;
  if (terminals !== 1) problems.push(`${terminals} terminal events`);
  else if (!TERMINAL_EVENT_TYPES.includes(events.at(-1)?.type ?? "run.queued")) problems.push("the terminal event is not last");
  if (lost > 0) problems.push(`${lost} lost (seqs ${seqs.join(",")})`);
  return { lost, duplicated, terminals, memos, problems };
}

export type Tally = { runs: number; completed: number; failedCleanly: number; lostEvents: number; duplicatedEvents: number; problems: string[] };

export const newTally = (): Tally => ({ runs: 0, completed: 0, failedCleanly: 0, lostEvents: 0, duplicatedEvents: 0, problems: [] });

/** The one summary line every scenario prints. */
export function summaryLine(scenario: string, t: Tally): string {
  return `faults ${scenario}: runs=${t.runs} completed=${t.completed} failedCleanly=${t.failedCleanly} lostEvents=${t.lostEvents} duplicatedEvents=${t.duplicatedEvents}`;
}

/**
 * Tallies one finished run: completed (one memo.ready, one run.completed), or failed cleanly (a
 * run.failed event and an {code, message} error on the record). Anything else is a problem.
 */
export async function tallyRun(url: string, id: string, record: RunRecordView | undefined, tally: Tally, opts: { allowFailed: boolean; headers?: Record<string, string> }): Promise<void> {
  tally.runs += 1;
  const events = await transcript(url, id, opts.headers);
  const check = checkTranscript(events);
  tally.lostEvents += check.lost;
  tally.duplicatedEvents += check.duplicated;
  const last = events.at(-1);
  const problems = [...check.problems];
  if (record?.status === "completed" && last?.type === "run.completed" && check.memos === 1 && check.terminals === 1) tally.completed += 1;
  else if (
    opts.allowFailed &&
    record?.status === "failed" &&
    last?.type === "run.failed" &&
    check.terminals === 1 &&
    check.memos === 0 &&
    typeof record.error?.code === "string" &&
    record.error.code.length > 0 &&
    typeof record.error.message === "string" &&
    record.error.message.length > 0
  )
    tally.failedCleanly += 1;
  else problems.push(`status=${record?.status ?? "unknown"} last=${last?.type ?? "none"} memos=${check.memos} error=${JSON.stringify(record?.error)}`);
  if (problems.length > 0) tally.problems.push(`${id}: ${problems.join("; ")}`);
}
