// The meeting as the page shows it: a pure reducer from transcript events to a view model. DOM-free, so
// it runs (and is tested) under node; the page renders whatever this says.
import type { DraftSource, RunEvent } from "../../domain/events.js";
import type { Finding } from "../../domain/finding.js";
import type { Memo } from "../../domain/memo.js";
import type { Prfaq } from "../../domain/prfaq.js";
import type { Decision, Review, Stance } from "../../domain/review.js";
import type { RunStatus, Usage } from "../../domain/run.js";
import { roleOfAgent, ROLE_IDS, ROLES, type RoleId } from "../../domain/roles.js";

/** The seats of the meeting (src/domain/roles.ts); `rubric` is the automatic checker, `system` the run itself. */
export type Lane = RoleId | "rubric" | "system";

/** Someone at the table: one avatar per agent (each customer persona has its own). */
export type Participant = { agent: string; lane: Lane; name: string; thinking: boolean; stance?: Stance; retry?: Retry };

/** A failed model call the agent is about to try again: the attempt that failed, the wait, why. */
export type Retry = { attempt: number; waitMs: number; reason: string };

/** One entry of the transcript, in event order. `seq` is the event that made it. */
export type Entry =
  | { kind: "started"; seq: number; lane: "system"; note: string; engine: string; rounds: number; personas: { id: string; name: string; why: string }[] }
  | { kind: "round"; seq: number; lane: "system"; round: number; rounds: number; source: DraftSource }
  | { kind: "draft"; seq: number; lane: "drafter"; round: number; version: number; source: DraftSource; words: number; changes: string[]; assumptions: string[] }
  | { kind: "rubric"; seq: number; lane: "rubric"; version: number; score: number; findings: Finding[] }
  | { kind: "review"; seq: number; lane: Lane; agent: string; review: Review }
  | { kind: "retry"; seq: number; lane: Lane; agent: string; retry: Retry }
  | { kind: "decision"; seq: number; lane: "leader"; decision: Decision }
  | { kind: "memo"; seq: number; lane: "leader"; memo: Memo }
  | { kind: "end"; seq: number; lane: "system"; status: RunStatus; text: string };

/** One row of the scorecard: a round's draft, its rubric score and each reviewer's stance. */
export type ScoreRow = { round: number; version: number; score?: number; stances: Record<string, Stance> };

export type Draft = { version: number; round: number; prfaq: Prfaq; assumptions: string[]; source: DraftSource };

export type RunView = {
  runId: string;
  title: string;
  engine: string;
  rounds: number;
  round: number;
  status: RunStatus | "connecting";
  lastSeq: number;
  participants: Participant[];
  entries: Entry[];
  drafts: Draft[];
  scorecard: ScoreRow[];
  usage: Usage;
  memo?: Memo;
  verdict?: { decision: "fund" | "kill"; confidence: number; score: number };
  error?: { code: string; message: string };
  /** Set once the leader has decided to conclude: the memo is next. */
  concluding: boolean;
};

const LANES: readonly Lane[] = ROLE_IDS;

/** The lane of an agent id: `customer:<persona>` sits in the customer lane; anything else is the meeting's. */
export function laneOf(agent: string): Lane {
  return roleOfAgent(agent) ?? "system";
}

const SEAT_NAMES: Record<string, string> = Object.fromEntries(ROLE_IDS.map((r) => [r, ROLES[r].label]));

/** An empty view, before any event (optionally seeded from the run record). */
export function emptyView(runId: string, seed: { title?: string; engine?: string; rounds?: number; status?: RunStatus } = {}): RunView {
  return {
    runId,
    title: seed.title ?? "",
    engine: seed.engine ?? "",
    rounds: seed.rounds ?? 0,
    round: 0,
    status: seed.status ?? "connecting",
    lastSeq: 0,
    participants: ["drafter", "engineer", "finance", "leader"].map((agent) => ({ agent, lane: laneOf(agent), name: SEAT_NAMES[agent] ?? agent, thinking: false })),
    entries: [],
    drafts: [],
    scorecard: [],
    usage: { calls: 0, promptTokens: 0, completionTokens: 0, costUsd: 0 },
    concluding: false,
  };
}

/** The participant for an agent, seated (in lane order) if new. */
function seat(view: RunView, agent: string, name?: string): Participant {
  let p = view.participants.find((x) => x.agent === agent);
  if (!p) {
    p = { agent, lane: laneOf(agent), name: name ?? agent.split(":")[1] ?? agent, thinking: false };
    const order = (q: Participant) => LANES.indexOf(q.lane) + (q.lane === "system" ? 10 : 0);
    const at = view.participants.findIndex((q) => order(q) > order(p as Participant));
    view.participants.splice(at === -1 ? view.participants.length : at, 0, p);
  } else if (name) p.name = name;
  return p;
}

function scoreRow(view: RunView, round: number, version: number): ScoreRow {
  let row = view.scorecard.find((r) => r.round === round);
  if (!row) view.scorecard.push((row = { round, version, stances: {} }));
  row.version = version;
  return row;
}

const stopThinking = (view: RunView, agent: string) => {
  const p = view.participants.find((x) => x.agent === agent);
  if (p) {
    p.thinking = false;
    delete p.retry;
  }
};
const stopAll = (view: RunView) => view.participants.forEach((p) => stopThinking(view, p.agent));

/**
 * Applies one event to the view, in place. Returns false (and changes nothing) for an event already
 * applied: a resumed stream may repeat one, and the page must never show it twice.
 */
export function applyEvent(view: RunView, event: RunEvent): boolean {
  if (event.seq <= view.lastSeq) return false;
  view.lastSeq = event.seq;
  const base = { seq: event.seq };
  switch (event.type) {
    case "run.queued":
      view.title = event.title;
      view.engine = event.engine;
      view.rounds = event.rounds;
      view.status = "queued";
      break;
    case "run.started":
      view.engine = event.engine;
      view.rounds = event.rounds;
      view.status = "running";
      for (const persona of event.personas) seat(view, `customer:${persona.id}`, persona.name);
      view.entries.push({ ...base, kind: "started", lane: "system", note: event.note, engine: event.engine, rounds: event.rounds, personas: event.personas });
      break;
    case "round.started":
      view.round = event.round;
      view.status = "running";
      // Who wrote the version this round reviews; a transcript older than the field had only the drafter.
      view.entries.push({ ...base, kind: "round", lane: "system", round: event.round, rounds: view.rounds, source: event.source ?? "drafter" });
      break;
    case "agent.started":
      seat(view, event.agent).thinking = true;
      break;
    case "agent.retrying": {
      const p = seat(view, event.agent);
      p.thinking = true;
      const retry = { attempt: event.attempt, waitMs: event.waitMs, reason: event.reason };
      p.retry = retry;
      view.entries.push({ ...base, kind: "retry", lane: laneOf(event.agent), agent: event.agent, retry });
      break;
    }
    case "draft.ready": {
      const round = event.round ?? view.round;
      stopThinking(view, "drafter");
      const source = event.source ?? "drafter";
      view.drafts.push({ version: event.version, round, prfaq: event.prfaq, assumptions: event.assumptions, source });
      scoreRow(view, round, event.version);
      view.entries.push({ ...base, kind: "draft", lane: "drafter", round, version: event.version, source, words: event.wordCounts.pressRelease + event.wordCounts.faq, changes: event.changes, assumptions: event.assumptions });
      break;
    }
    case "rubric.findings":
      scoreRow(view, event.round ?? view.round, event.version).score = event.score;
      view.entries.push({ ...base, kind: "rubric", lane: "rubric", version: event.version, score: event.score, findings: event.findings });
      break;
    case "review.ready": {
      const r = event.review;
      const p = seat(view, r.agent);
      stopThinking(view, r.agent);
      p.stance = r.stance;
      scoreRow(view, r.round, r.version).stances[r.agent] = r.stance;
      view.entries.push({ ...base, kind: "review", lane: laneOf(r.agent), agent: r.agent, review: r });
      break;
    }
    case "decision":
      stopThinking(view, "leader");
      view.concluding = event.decision.action === "conclude";
      view.entries.push({ ...base, kind: "decision", lane: "leader", decision: event.decision });
      break;
    case "memo.ready":
      stopThinking(view, "leader");
      view.memo = event.memo;
      view.entries.push({ ...base, kind: "memo", lane: "leader", memo: event.memo });
      break;
    case "usage":
      view.usage = event.usage;
      break;
    case "run.completed":
      stopAll(view);
      view.status = "completed";
      view.verdict = event.verdict;
      view.entries.push({ ...base, kind: "end", lane: "system", status: "completed", text: `The meeting ended: ${event.verdict.decision.toUpperCase()}.` });
      break;
    case "run.failed":
      stopAll(view);
      view.status = "failed";
      view.error = event.error;
      view.entries.push({ ...base, kind: "end", lane: "system", status: "failed", text: `The review failed: ${event.error.message}` });
      break;
    case "run.cancelled":
      stopAll(view);
      view.status = "cancelled";
      view.entries.push({ ...base, kind: "end", lane: "system", status: "cancelled", text: "The review was cancelled." });
      break;
  }
  return true;
}

/** How the seats stand: fund, kill and undecided are votes; a seat that abstains is counted apart, never as a vote. */
export type Tally = { fund: number; kill: number; undecided: number; abstain: number; votes: number };

/** Counts a round's stances (a scorecard row's, or the latest of each seat). Pure. */
export function tally(stances: Readonly<Record<string, Stance>>): Tally {
  const t: Tally = { fund: 0, kill: 0, undecided: 0, abstain: 0, votes: 0 };
  for (const stance of Object.values(stances)) {
    t[stance] += 1;
    if (stance !== "abstain") t.votes += 1;
  }
  return t;
}

/** The view after a list of events (replay). */
export function reduceEvents(runId: string, events: readonly RunEvent[]): RunView {
  const view = emptyView(runId);
  for (const e of events) applyEvent(view, e);
  return view;
}

/** True once the run can change no more. */
export const isFinished = (view: RunView) => view.status === "completed" || view.status === "failed" || view.status === "cancelled";
