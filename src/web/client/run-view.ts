// The live meeting page: follows /v1/reviews/:id/events with EventSource (which resumes by itself with
// Last-Event-ID) and renders the view model: status line, room, transcript, document, scorecard, memo.
import type { EventType } from "../../domain/events.js";
import { ApiError, apiFetch, eventsUrl, getRun, isRunEvent } from "./api.js";
import { renderDocument, type DocState } from "./document-view.js";
import { h, replace } from "./dom.js";
import { formatUsage, statusLine } from "./format.js";
import { renderMemo } from "./memo-view.js";
import { renderScorecard } from "./scorecard-view.js";
import { renderEntry, renderRoom, renderThinking } from "./transcript-view.js";
import { applyEvent, emptyView, isFinished } from "./view-model.js";

/** Every event type the stream sends (SSE `event:` names); the check below fails to compile if one is missing. */
const STREAM_EVENTS = [
  "run.queued", "run.started", "round.started", "agent.started", "agent.delta", "agent.retrying", "draft.ready", "rubric.findings",
  "review.ready", "decision", "memo.ready", "usage", "run.completed", "run.failed", "run.cancelled",
] as const satisfies readonly EventType[];
const allListed: [Exclude<EventType, (typeof STREAM_EVENTS)[number]>] extends [never] ? true : never = true;
void allListed;
const TERMINAL: readonly string[] = ["run.completed", "run.failed", "run.cancelled"];

export type RunPage = { stop(): void };

/** Mounts the meeting of run `id` into `main`; `onAuth` is called on a 401 (to ask for a key). */
export function mountRun(main: HTMLElement, id: string, onAuth: (message: string) => void): RunPage {
  const view = emptyView(id);
  let source: EventSource | undefined;
  let stopped = false;
  let frame = 0;
  let docState: DocState = { showDiff: true };
  let rendered = { entries: 0, drafts: -1, score: "", memo: false, room: "" };

  const title = h("h1", { tabindex: "-1" }, "Review");
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" }, "Connecting to the meeting...");
  const connection = h("p", { class: "connection muted", "aria-live": "polite" });
  const usage = h("p", { class: "usage", "aria-label": "Tokens, model calls and cost so far" }, formatUsage(view.usage));
  const cancel = h("button", { type: "button", class: "btn secondary small", hidden: true }, "Cancel review");
  const room = h("ul", { class: "room", "aria-label": "Who is in the room" });
  const transcript = h("ol", { class: "transcript", "aria-label": "Transcript" });
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
        h("section", { class: "card transcript-card", "aria-labelledby": "tr-h" }, h("h2", { id: "tr-h" }, "Transcript"), transcript, thinking),
        h(
          "div",
          { class: "side" },
          memoSection,
          h("section", { class: "card", "aria-labelledby": "sc-h" }, h("h2", { id: "sc-h" }, "Scorecard"), scoreBox),
          h("section", { class: "card", "aria-labelledby": "doc-h" }, h("h2", { id: "doc-h" }, "The PR/FAQ"), docBox),
        ),
      ),
    ),
  );
  title.focus();

  cancel.addEventListener("click", async () => {
    cancel.disabled = true;
    try {
      await apiFetch(`/v1/reviews/${encodeURIComponent(id)}/cancel`, { method: "POST" });
    } catch (error) {
      connection.textContent = `Could not cancel: ${error instanceof Error ? error.message : String(error)}`;
      cancel.disabled = false;
    }
  });

  const renderDoc = () => replace(docBox, ...renderDocument(view.drafts, docState, (next) => ((docState = next), renderDoc())));

  function render(): void {
    frame = 0;
    if (view.title) {
      title.textContent = view.title;
      document.title = `${view.title} · prfaq-sim`;
    }
    const line = statusLine(view);
    if (status.textContent !== line) status.textContent = line;
    status.dataset.status = view.status;
    usage.textContent = formatUsage(view.usage);
    cancel.hidden = isFinished(view) || view.status === "connecting";
    for (const entry of view.entries.slice(rendered.entries)) transcript.append(renderEntry(entry, view));
    rendered.entries = view.entries.length;
    replace(thinking, ...renderThinking(view.participants.filter((p) => p.thinking)));
    const roomKey = JSON.stringify(view.participants);
    if (roomKey !== rendered.room) replace(room, ...renderRoom(view));
    rendered.room = roomKey;
    const scoreKey = JSON.stringify([view.scorecard, view.participants.map((p) => p.agent)]);
    if (scoreKey !== rendered.score) replace(scoreBox, ...renderScorecard(view));
    rendered.score = scoreKey;
    if (view.drafts.length !== rendered.drafts) renderDoc();
    rendered.drafts = view.drafts.length;
    if (view.memo && !rendered.memo) {
      replace(memoBox, ...renderMemo(view.memo, id, (agent) => view.participants.find((p) => p.agent === agent)?.name ?? agent));
      memoSection.hidden = false;
      rendered.memo = true;
    }
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
    if (!isRunEvent(data)) return;
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
        connection.textContent = "The stream broke; reconnecting...";
      } else if (source?.readyState === EventSource.CONNECTING) {
        connection.textContent = "Connection lost; reconnecting...";
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
      void start();
    });
    return b;
  };

  async function start(): Promise<void> {
    try {
      const run = await getRun(id);
      if (stopped) return;
      if (!view.title) view.title = run.title;
      view.rounds ||= run.rounds;
      if (view.status === "connecting") view.status = run.status;
      schedule();
      follow();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onAuth(error.message);
      status.textContent = error instanceof ApiError && error.status === 404 ? "No review with this id (or it belongs to another API key)." : `Could not load the review: ${error instanceof Error ? error.message : String(error)}`;
      status.dataset.status = "failed";
    }
  }
  void start();

  return {
    stop() {
      stopped = true;
      source?.close();
      if (frame) cancelAnimationFrame(frame);
    },
  };
}
