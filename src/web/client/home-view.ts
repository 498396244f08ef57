// The start page: the brief form and the list of past reviews.
import { ApiError, apiJson, isRunRecord, listPersonas, listRuns, type PersonaOption, type RunSummary } from "./api.js";
import { h, replace } from "./dom.js";
import { formatPercent, formatWhen } from "./format.js";

const TEMPLATE = `## Customer
Who exactly: role, size, place. A representative person by name.
## Problem
Their pain today, with numbers (time, money, frequency).
## Solution
What the product does for them, in their words.
## Evidence
Pilots, interviews, data you observed.
## Business
Price, cost to serve, market size.
## Metrics
What success means, with a number and a date.
## Launch
A concrete launch date.
## Risks
What could sink it.`;

/** The engines this server runs, default first (the server writes them into a meta tag). */
function engines(): string[] {
  const content = document.querySelector('meta[name="prfaq-engines"]')?.getAttribute("content") ?? "";
  const list = content.split(",").filter((e) => /^[a-z0-9-]+$/.test(e));
  return list.length ? list : ["offline"];
}

function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  if (hint) control.setAttribute("aria-describedby", `${id}-hint`);
  return h("div", { class: "field" }, h("label", { for: id }, label), hint ? h("p", { class: "hint", id: `${id}-hint` }, hint) : null, control);
}

function briefForm(onCreated: (id: string) => void, onAuth: (message: string) => void): HTMLFormElement {
  const title = h("input", { id: "brief-title", name: "title", required: true, maxlength: 200, autocomplete: "off", placeholder: "RefillReady: prescription refills for vet clinics" });
  const text = h("textarea", { id: "brief-text", name: "text", required: true, rows: 14, maxlength: 20000, placeholder: TEMPLATE, spellcheck: "true" });
  const rounds = h("select", { id: "brief-rounds", name: "rounds" }, ...[1, 2, 3, 4, 5, 6].map((n) => h("option", { value: n, selected: n === 3 }, String(n))));
  const engine = h("select", { id: "brief-engine", name: "engine" }, ...engines().map((e, i) => h("option", { value: e }, i === 0 ? `${e} (default)` : e)));
  const personaBox = h("div", { class: "personas-pick" }, h("p", { class: "muted" }, "Loading personas..."));
  const errors = h("div", { class: "form-errors", role: "alert" });
  const submit = h("button", { type: "submit", class: "btn" }, "Start the review");
  const useTemplate = h("button", { type: "button", class: "link" }, "Insert the template");
  useTemplate.addEventListener("click", () => {
    if (!text.value.trim()) text.value = TEMPLATE;
    text.focus();
  });

  const form = h(
    "form",
    { class: "card brief-form", "aria-labelledby": "form-h", novalidate: true },
    h("h1", { id: "form-h", tabindex: "-1" }, "Test an idea the Working Backwards way"),
    h("p", { class: "lead" }, "Write a brief. A drafter turns it into a PR/FAQ; a customer, a skeptical engineer and a finance partner review it in silence; the leader iterates or decides. You watch the meeting live, and it ends in a FUND or KILL memo."),
    field("brief-title", "Title", title),
    h("div", { class: "field" }, h("div", { class: "label-row" }, h("label", { for: "brief-text" }, "Brief (markdown)"), useTemplate), h("p", { class: "hint", id: "brief-text-hint" }, "Say who the customer is, the problem with numbers, the solution, evidence, price, a success metric and a launch date. What it does not say becomes an open question."), text),
    h("div", { class: "field-row" }, field("brief-rounds", "Rounds (most)", rounds), field("brief-engine", "Engine", engine)),
    h("fieldset", { class: "field" }, h("legend", {}, "Customer personas"), h("p", { class: "hint" }, "Pick up to 5, or none to let the meeting match them to the brief."), personaBox),
    errors,
    h("div", { class: "actions" }, submit),
  );
  text.setAttribute("aria-describedby", "brief-text-hint");

  listPersonas()
    .then((personas) => replace(personaBox, ...personaChoices(personas.filter((p) => p.kind === "customer"))))
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) onAuth(error.message);
      replace(personaBox, h("p", { class: "muted" }, `Personas unavailable: ${error instanceof Error ? error.message : String(error)}`));
    });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    if (!title.value.trim() || !text.value.trim()) {
      errors.append(h("p", {}, "Give the brief a title and some text."));
      (title.value.trim() ? text : title).focus();
      return;
    }
    const personas = [...form.querySelectorAll<HTMLInputElement>('input[name="persona"]:checked')].map((i) => i.value);
    const body = {
      brief: { title: title.value, text: text.value },
      options: { rounds: Number(rounds.value), engine: engine.value, ...(personas.length ? { personas } : {}) },
    };
    submit.disabled = true;
    submit.textContent = "Starting...";
    try {
      const run = await apiJson("/v1/reviews", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!isRunRecord(run)) throw new Error("the server did not answer with a run");
      onCreated(run.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onAuth(error.message);
      errors.append(h("p", {}, `Could not start the review: ${error instanceof Error ? error.message : String(error)}`));
      if (error instanceof ApiError && error.fieldErrors.length) errors.append(h("ul", {}, ...error.fieldErrors.map((e) => h("li", {}, `${e.path}: ${e.message}`))));
      submit.disabled = false;
      submit.textContent = "Start the review";
    }
  });
  return form;
}

function personaChoices(personas: PersonaOption[]): HTMLElement[] {
  if (personas.length === 0) return [h("p", { class: "muted" }, "No customer personas in the library.")];
  return personas.map((p) =>
    h("label", { class: "persona" }, h("input", { type: "checkbox", name: "persona", value: p.id }), h("span", {}, h("strong", {}, p.name), h("span", { class: "muted" }, ` — ${p.role}`))),
  );
}

function runItem(run: RunSummary): HTMLElement {
  const verdict = run.verdict ? h("span", { class: `chip verdict-${run.verdict.decision}` }, `${run.verdict.decision.toUpperCase()} ${formatPercent(run.verdict.confidence)}`) : null;
  return h(
    "li",
    { class: "run-item" },
    h("a", { href: `/reviews/${encodeURIComponent(run.id)}` }, run.title),
    h("span", { class: "run-meta" }, h("span", { class: `chip status-${run.status}` }, run.status), verdict, h("span", { class: "muted" }, `${formatWhen(run.createdAt)} · ${run.engine} · ${run.rounds} rounds`)),
  );
}

function pastRuns(onAuth: (message: string) => void): HTMLElement {
  const box = h("div", {}, h("p", { class: "muted" }, "Loading..."));
  listRuns(50)
    .then((runs) => replace(box, runs.length ? h("ul", { class: "runs" }, ...runs.map(runItem)) : h("p", { class: "muted" }, "No reviews yet. Start one above.")))
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) onAuth(error.message);
      replace(box, h("p", { class: "muted" }, `Could not list reviews: ${error instanceof Error ? error.message : String(error)}`));
    });
  return h("section", { class: "card", id: "runs", "aria-labelledby": "runs-h" }, h("h2", { id: "runs-h" }, "Past reviews"), box);
}

/** Mounts the start page into `main`. */
export function mountHome(main: HTMLElement, onCreated: (id: string) => void, onAuth: (message: string) => void): void {
  replace(main, h("div", { class: "home" }, briefForm(onCreated, onAuth), pastRuns(onAuth)));
}
