// The live meeting page: loads the run record (an unknown id gets a not-found page), then follows
// /v1/reviews/:id/events with EventSource (which resumes by itself with Last-Event-ID) and renders the view
// model: status line, room, then the memo, the scorecard and the transcript (one collapsible part per
// round), with the PR/FAQ beside them (below them on a phone).
import type { EventType } from "../../domain/events.js";
import { ApiError, apiFetch, eventsUrl, getRun, isRunEvent, type RunSummary } from "./api.js";
import { renderDocument, type DocState } from "./document-view.js";
import { h, replace } from "./dom.js";
import { formatUsage, sentence, statusLine } from "./format.js";
import { renderMemo } from "./memo-view.js";
import { roundTitle } from "./labels.js";
import { renderScorecard } from "./scorecard-view.js";
import { renderEntry, renderRoom, renderThinking } from "./transcript-view.js";
import { applyEvent, emptyView, isFinished, type Entry, type RunView } from "./view-model.js";

/** Every event type the stream sends (SSE `event:` names); the check below fails to compile if one is missing. */
const STREAM_EVENTS = [
  "run.queued", "run.started", "round.started", "agent.started", "agent.retrying", "draft.ready", "rubric.findings",
  "review.ready", "decision", "memo.ready", "usage", "run.completed", "run.failed", "run.cancelled",
] as const satisfies readonly EventType[];
const allListed: [Exclude<EventType, (typeof STREAM_EVENTS)[number]>] extends [never] ? true : never = true;
void allListed;
const TERMINAL: readonly string[] = ["run.completed", "run.failed", "run.cancelled"];

export type RunPage = { stop(): void };

/** The page for a run id nobody has (or that belongs to another API key). */
function notFound(main: HTMLElement, id: string): void {
  document.title = "Review not found · prfaq-sim";
  const title = h("h1", { tabindex: "-1" }, "No review here");
  replace(
    main,
    h(
      "section",
      { class: "card not-found", "aria-labelledby": "nf-h" },
      h("p", { class: "crumb" }, h("a", { href: "/" }, "← All reviews")),
      Object.assign(title, { id: "nf-h" }),
      h("p", {}, "There is no review with the id ", h("code", {}, id), ". It may have expired, or it belongs to another API key."),
      h("p", {}, h("a", { href: "/" }, "Start a new review"), " or ", h("a", { href: "/#runs" }, "open a past one"), "."),
    ),
  );
  title.focus();
}

/** A run that could not be loaded for another reason: the reason, and a way to try again. */
function loadFailed(main: HTMLElement, message: string, retry: () => void): void {
  const again = h("button", { type: "button", class: "btn secondary small" }, "Try again");
  again.addEventListener("click", retry);
  replace(main, h("section", { class: "card load-failed", role: "alert" }, h("h1", {}, "The review could not be loaded"), h("p", { class: "wrap" }, sentence(message)), again));
}

/** The transcript as one list: the opening, a collapsible part per round, then the memo and the end. */
function transcriptList(view: RunView) {
  const list = h("ol", { class: "transcript", "aria-label": "Transcript" });
  let round: { entries: HTMLOListElement; gist: HTMLElement; details: HTMLDetailsElement; score?: number } | undefined;
  const groups: HTMLDetailsElement[] = [];

  function openRound(entry: Extract<Entry, { kind: "round" }>): void {
    const entries = h("ol", { class: "round-entries" });
    const gist = h("span", { class: "round-gist" });
    const summary = h("summary", {}, h("span", { class: "round-title" }, roundTitle(entry)), gist);
    const details = h("details", { open: true }, summary, entries);
    // A round the reader opened or closed stays so; the others close when the next round starts.
    summary.addEventListener("click", () => (details.dataset.user = "1"));
    const previous = groups.at(-1);
    if (previous && !previous.dataset.user) previous.open = false;
    groups.push(details);
    list.append(h("li", { class: "round-group", "data-kind": "round", "data-round": entry.round, "data-seq": entry.seq }, details));
    round = { entries, gist, details };
  }

  function append(entry: Entry): void {
    if (entry.kind === "round") return openRound(entry);
    const li = renderEntry(entry, view);
    if (!round || entry.kind === "memo" || entry.kind === "end" || entry.kind === "started") {
      list.append(li);
      if (entry.kind !== "started") round = undefined;
      return;
    }
    round.entries.append(li);
    if (entry.kind === "rubric") {
      round.score = entry.score;
      round.gist.textContent = `v${entry.version} scores ${entry.score}/100`;
    } else if (entry.kind === "decision") {
      round.gist.textContent = `${round.score !== undefined ? `scores ${round.score}/100 · ` : ""}the leader ${entry.decision.action === "iterate" ? "asks for a revision" : "concludes"}`;
    }
  }
  return { list, append };
}

/** Mounts the meeting of run `id` into `main`; `onAuth` is called on a 401 (to ask for a key). */
export function mountRun(main: HTMLElement, id: string, onAuth: (message: string) => void): RunPage {
  let stopped = false;
  let meeting: RunPage | undefined;
  replace(main, h("p", { class: "muted loading", role: "status" }, "Loading the review..."));

  async function load(): Promise<void> {
    try {
      const run = await getRun(id);
      if (stopped) return;
      meeting = mountMeeting(main, id, run);
    } catch (error) {
      if (stopped) return;
      if (error instanceof ApiError && error.status === 404) return notFound(main, id);
      if (error instanceof ApiError && error.status === 401) onAuth(error.message);
      loadFailed(main, error instanceof Error ? error.message : String(error), () => void load());
    }
  }
  void load();
  return {
    stop() {
      stopped = true;
      meeting?.stop();
    },
  };
}

/** The meeting of a run that exists: its layout, then its events as they come. */
function mountMeeting(main: HTMLElement, id: string, run: RunSummary): RunPage {
  const view = emptyView(id, { title: run.title, engine: run.engine, rounds: run.rounds });
  let source: EventSource | undefined;
  let stopped = false;
  let frame = 0;
  let docState: DocState = { showDiff: true };
  const rendered = { entries: 0, drafts: -1, score: "", memo: false, room: "" };

  const title = h("h1", { tabindex: "-1" }, view.title || "Review");
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" }, statusLine(view));
  const connection = h("p", { class: "connection muted", "aria-live": "polite" });
  const usage = h("p", { class: "usage", "aria-label": "Tokens, model calls and cost so far" }, formatUsage(view.usage));
  const cancel = h("button", { type: "button", class: "btn secondary small", hidden: true }, "Cancel review");
  const room = h("ul", { class: "room", "aria-label": "Who is in the room" });
  const transcript = transcriptList(view);
  const thinking = h("div", { class: "thinking-list" });
  const memoBox = h("div", { class: "memo" });
  const memoSection = h("section", { class: "card memo-card", "aria-labelledby": "memo-h", hidden: true }, h("h2", { id: "memo-h" }, "The memo"), memoBox);
  const scoreBox = h("div", { class: "scorecard" });
  const docBox = h("div", { class: "document" });

  replace(
    main,
    h(
      "div",
      { class: "run" },
      h("div", { class: "run-head" }, h("p", { class: "crumb" }, h("a", { href: "/" }, "← All reviews")), title, status, h("div", { class: "meta-row" }, usage, cancel), connection),
      room,
      h(
        "div",
        { class: "columns" },
        h(
          "div",
          { class: "main-col" },
          memoSection,
          h("section", { class: "card score-card", "aria-labelledby": "sc-h" }, h("h2", { id: "sc-h" }, "Scorecard"), scoreBox),
          h("section", { class: "card transcript-card", "aria-labelledby": "tr-h" }, h("h2", { id: "tr-h" }, "Transcript"), transcript.list, thinking),
        ),
        h("div", { class: "side" }, h("section", { class: "card doc-card", "aria-labelledby": "doc-h" }, h("h2", { id: "doc-h" }, "The PR/FAQ"), docBox)),
      ),
    ),
  );
  document.title = `${view.title} · prfaq-sim`;
  title.focus();

  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    try {
      await apiFetch(`/v1/reviews/${encodeURIComponent(id)}/cancel`, { method: "POST" });
    } catch (error) {
      connection.textContent = `Could not cancel: ${sentence(error instanceof Error ? error.message : String(error))}`;
      cancel.disabled = false;
    }
  });

  const renderDoc = () => replace(docBox, ...renderDocument(view.drafts, docState, (next) => ((docState = next), renderDoc()), view.memo?.ledger));

  function render(): void {
    frame = 0;
    if (view.title && title.textContent !== view.title) {
      title.textContent = view.title;
      document.title = `${view.title} · prfaq-sim`;
    }
    const line = statusLine(view);
    if (status.textContent !== line) status.textContent = line;
    status.dataset.status = view.status;
    usage.textContent = formatUsage(view.usage);
    usage.dataset.calls = String(view.usage.calls);
    usage.dataset.tokens = String(view.usage.promptTokens + view.usage.completionTokens);
    cancel.hidden = isFinished(view) || view.status === "connecting";
    for (const entry of view.entries.slice(rendered.entries)) transcript.append(entry);
    rendered.entries = view.entries.length;
    replace(thinking, ...renderThinking(view.participants.filter((p) => p.thinking)));
    const roomKey = JSON.stringify(view.participants);
    if (roomKey !== rendered.room) replace(room, ...renderRoom(view));
    rendered.room = roomKey;
    const scoreKey = JSON.stringify([view.scorecard, view.participants.map((p) => p.agent)]);
    if (scoreKey !== rendered.score) replace(scoreBox, ...renderScorecard(view));
    rendered.score = scoreKey;
    if (view.memo && !rendered.memo) {
      replace(memoBox, ...renderMemo(view.memo, id, (agent) => view.participants.find((p) => p.agent === agent)?.name ?? agent));
      memoSection.hidden = false;
      rendered.memo = true;
      // The memo brings the evidence ledger: the document's references can now say what they cite.
      rendered.drafts = -1;
    }
    if (view.drafts.length !== rendered.drafts) renderDoc();
    rendered.drafts = view.drafts.length;
  }
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(render);
  };

  function onEvent(message: MessageEvent<string>): void {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    if (stopped || !isRunEvent(data)) return;
    connection.textContent = "";
    if (applyEvent(view, data)) schedule();
    if (TERMINAL.includes(data.type)) source?.close();
  }

  function follow(): void {
    source = new EventSource(eventsUrl(id));
    for (const type of STREAM_EVENTS) source.addEventListener(type, onEvent);
    source.addEventListener("error", (e) => {
      if (e instanceof MessageEvent && typeof e.data === "string") {
        // The server's own `error` event: the stream failed; EventSource reconnects and resumes.
        connection.textContent = "The stream broke. Reconnecting...";
      } else if (source?.readyState === EventSource.CONNECTING) {
        connection.textContent = "The connection dropped. Reconnecting...";
      } else if (!isFinished(view)) {
        connection.textContent = "";
        connection.append("The stream closed. ", retryButton());
      }
    });
  }
  const retryButton = () => {
    const b = h("button", { type: "button", class: "link" }, "Reconnect");
    b.addEventListener("click", () => {
      connection.textContent = "Reconnecting...";
      source?.close();
      follow();
    });
    return b;
  };

  schedule();
  follow();

  return {
    stop() {
      stopped = true;
      source?.close();
      if (frame) cancelAnimationFrame(frame);
    },
  };
}
