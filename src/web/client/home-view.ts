// The start page: the brief form (on one screen: a brief or "I already have a PR/FAQ" tab, title, rounds
// and engine in a row, the text, a searchable persona picker that stops at the server's limit) and the
// list of past reviews.
import { BRIEF_LIMITS } from "../../domain/brief.js";
import { ApiError, apiJson, isRunRecord, listPersonas, listRuns, type PersonaOption, type RunSummary } from "./api.js";
import { h, replace } from "./dom.js";
import { endStop, formatAge, formatPercent, formatWhen, plainMessage } from "./format.js";
import { pageLimits } from "./limits.js";

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

const PRFAQ_TEMPLATE = `# Product name: the one benefit, in customer words
## Who the customer is and what they get
CITY, State, Month D, YYYY — The whole story in three or four sentences.

The customer's problem today, with numbers.

How the product removes it.

"Why we built it," said a leader.

How a customer starts, and what it costs.

"My day before and after," said a named customer.

Where to go next.

## FAQ
**A customer's question?** The answer.`;

/** What the form submits: a brief for the drafter, or a PR/FAQ the author already wrote. */
type InputKind = "brief" | "prfaq";

/** The engines this server runs, default first (the server writes them into a meta tag). */
function engines(): string[] {
  const content = document.querySelector('meta[name="prfaq-engines"]')?.getAttribute("content") ?? "";
  const list = content.split(",").filter((e) => /^[a-z0-9-]+$/.test(e));
  return list.length ? list : ["offline"];
}

function field(id: string, label: string, control: HTMLElement, cls = "field"): HTMLElement {
  return h("div", { class: cls, "data-field": id }, h("label", { for: id }, label), control);
}

/** The persona picker: chosen personas as removable chips, and a searchable list that stops at `max`. */
function personaPicker(max: number) {
  const chosen = h("ul", { class: "picked", "aria-label": "Chosen personas" });
  const count = h("span", { class: "count" });
  const search = h("input", { type: "search", id: "persona-search", placeholder: "Search by name or role", autocomplete: "off", "aria-describedby": "persona-limit" });
  const limit = h("p", { class: "hint", id: "persona-limit", "aria-live": "polite" });
  const options = h("ul", { class: "persona-options", id: "persona-options" }, h("li", { class: "muted" }, "Loading personas..."));
  const summary = h("summary", { class: "btn secondary small" }, "Choose personas ", count);
  const menu = h(
    "details",
    { class: "picker-menu" },
    summary,
    h("div", { class: "picker-panel" }, h("label", { for: "persona-search", class: "sr-only" }, "Search personas"), search, limit, options),
  );
  const boxes = () => [...options.querySelectorAll<HTMLInputElement>('input[name="persona"]')];
  let names = new Map<string, string>();

  function update(): void {
    const picked = boxes().filter((b) => b.checked);
    const full = picked.length >= max;
    for (const b of boxes()) b.disabled = full && !b.checked;
    count.textContent = `(${picked.length} of ${max})`;
    limit.textContent = full
      ? `${max} chosen: the most one review seats. Remove one to choose another.`
      : `Choose up to ${max}, or none to let the meeting match personas to the brief.`;
    replace(
      chosen,
      ...(picked.length
        ? picked.map((b) => {
            const name = names.get(b.value) ?? b.value;
            const remove = h("button", { type: "button", class: "chip-remove", "aria-label": `Remove ${name}` }, "×");
            remove.addEventListener("click", () => {
              b.checked = false;
              update();
              summary.focus();
            });
            return h("li", { class: "chip person" }, name, remove);
          })
        : [h("li", { class: "muted none" }, "None chosen: the meeting matches personas to the brief.")]),
    );
  }

  function fill(personas: PersonaOption[]): void {
    names = new Map(personas.map((p) => [p.id, p.name]));
    if (personas.length === 0) return replace(options, h("li", { class: "muted" }, "No customer personas in the library."));
    replace(
      options,
      ...personas.map((p) => {
        const box = h("input", { type: "checkbox", name: "persona", value: p.id });
        box.addEventListener("change", update);
        return h("li", { "data-search": `${p.name} ${p.role}`.toLowerCase() }, h("label", { class: "persona" }, box, h("span", {}, h("strong", {}, p.name), h("span", { class: "muted" }, ` — ${p.role}`))));
      }),
    );
    update();
  }

  search.addEventListener("input", () => {
    const q = search.value.trim().toLowerCase();
    for (const li of options.querySelectorAll<HTMLElement>("li[data-search]")) li.hidden = q !== "" && !(li.dataset.search ?? "").includes(q);
  });
  // Escape closes the list and gives the focus back to its button.
  menu.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && menu.open) {
      menu.open = false;
      summary.focus();
    }
  });
  update();
  const element = h("fieldset", { class: "field personas-field", "data-field": "personas" }, h("legend", {}, "Customer personas"), h("div", { class: "picker" }, chosen, menu));
  return { element, fill, fail: (message: string) => replace(options, h("li", { class: "muted" }, message)), chosen: () => boxes().filter((b) => b.checked).map((b) => b.value) };
}

/** Where a problem's field path is shown: the control it names, or null for the form as a whole. */
function fieldFor(form: HTMLFormElement, path: string): HTMLElement | null {
  const id = path.startsWith("brief.title")
    ? "brief-title"
    : path.startsWith("options.rounds")
      ? "brief-rounds"
      : path.startsWith("options.engine")
        ? "brief-engine"
        : path.startsWith("options.personas")
          ? "personas"
          : path.startsWith("brief.") || path.startsWith("prfaq")
            ? "brief-text"
            : "";
  return id ? form.querySelector<HTMLElement>(`[data-field="${id}"]`) : null;
}

function showFieldError(box: HTMLElement, message: string): void {
  const control = box.querySelector<HTMLElement>("input:not([type=checkbox]):not([type=search]), textarea, select, summary");
  const id = `${box.dataset.field ?? "field"}-error`;
  box.querySelector(`#${id}`)?.remove();
  box.append(h("p", { class: "field-error", id }, message));
  box.classList.add("has-error");
  if (control) {
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [...(control.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x !== id), id].join(" "));
  }
}

function clearFieldErrors(form: HTMLFormElement): void {
  for (const e of form.querySelectorAll(".field-error")) e.remove();
  for (const box of form.querySelectorAll(".has-error")) box.classList.remove("has-error");
  for (const c of form.querySelectorAll("[aria-invalid]")) {
    c.removeAttribute("aria-invalid");
    const rest = (c.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && !x.endsWith("-error"));
    if (rest.length) c.setAttribute("aria-describedby", rest.join(" "));
    else c.removeAttribute("aria-describedby");
  }
}

function briefForm(onCreated: (id: string) => void, onAuth: (message: string) => void): HTMLFormElement {
  const limits = pageLimits();
  const title = h("input", { id: "brief-title", name: "title", required: true, maxlength: BRIEF_LIMITS.titleMax, autocomplete: "off", placeholder: "RefillReady: prescription refills for vet clinics" });
  const text = h("textarea", { id: "brief-text", name: "text", required: true, rows: 9, maxlength: limits.briefChars, placeholder: TEMPLATE, spellcheck: "true", "aria-describedby": "brief-text-hint" });
  const rounds = h("select", { id: "brief-rounds", name: "rounds" }, ...Array.from({ length: limits.rounds }, (_, i) => i + 1).map((n) => h("option", { value: n, selected: n === Math.min(3, limits.rounds) }, String(n))));
  const engine = h("select", { id: "brief-engine", name: "engine" }, ...engines().map((e, i) => h("option", { value: e }, i === 0 ? `${e} (default)` : e)));
  const personas = personaPicker(limits.personas);
  const errors = h("div", { class: "form-errors", role: "alert" });
  const submit = h("button", { type: "submit", class: "btn" }, "Start the review");
  const useTemplate = h("button", { type: "button", class: "link" }, "Insert the template");
  useTemplate.addEventListener("click", () => {
    if (!text.value.trim()) text.value = kind === "prfaq" ? PRFAQ_TEMPLATE : TEMPLATE;
    text.focus();
  });

  // Two tabs over one form: a brief for the drafter, or "I already have a PR/FAQ" (reviewed as version 1).
  let kind: InputKind = "brief";
  const textLabel = h("label", { for: "brief-text" }, "Brief (markdown)");
  const textHint = h("p", { class: "hint", id: "brief-text-hint" }, "");
  const titleField = field("brief-title", "Title", title, "field grow");
  const tab = (which: InputKind, label: string) =>
    h("button", { type: "button", role: "tab", id: `tab-${which}`, "aria-controls": "input-panel", "aria-selected": String(which === kind), tabindex: which === kind ? "0" : "-1", class: "tab" }, label);
  const tabs = { brief: tab("brief", "I have a brief"), prfaq: tab("prfaq", "I already have a PR/FAQ") };
  function choose(which: InputKind, focus = false): void {
    kind = which;
    for (const [k, b] of Object.entries(tabs)) {
      b.setAttribute("aria-selected", String(k === which));
      b.setAttribute("tabindex", k === which ? "0" : "-1");
    }
    panel.setAttribute("aria-labelledby", `tab-${which}`);
    titleField.hidden = which === "prfaq";
    textLabel.textContent = which === "prfaq" ? "Your PR/FAQ (markdown)" : "Brief (markdown)";
    text.placeholder = which === "prfaq" ? PRFAQ_TEMPLATE : TEMPLATE;
    textHint.textContent =
      which === "prfaq"
        ? "Paste the press release and FAQ you wrote. The meeting reviews it as version 1 and revises it; the title is its first # heading. Front matter, images and comments are ignored."
        : "Who the customer is, the problem with numbers, the solution, evidence, price, a success metric and a launch date. What it leaves out becomes an open question.";
    clearFieldErrors(form);
    errors.replaceChildren();
    if (focus) tabs[which].focus();
  }
  for (const which of ["brief", "prfaq"] as const) {
    tabs[which].addEventListener("click", () => choose(which));
    tabs[which].addEventListener("keydown", (e) => {
      if (e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "Home" || e.key === "End") {
        e.preventDefault();
        choose(which === "brief" ? "prfaq" : "brief", true);
      }
    });
  }
  const tabList = h("div", { role: "tablist", class: "tabs", "aria-label": "What you have" }, tabs.brief, tabs.prfaq);

  const panel = h(
    "div",
    { role: "tabpanel", id: "input-panel", "aria-labelledby": "tab-brief" },
    h("div", { class: "top-row" }, titleField, field("brief-rounds", "Most rounds", rounds), field("brief-engine", "Engine", engine)),
    h("div", { class: "field", "data-field": "brief-text" }, h("div", { class: "label-row" }, textLabel, useTemplate), textHint, text),
  );
  const form = h(
    "form",
    { class: "card brief-form", "aria-labelledby": "form-h", novalidate: true },
    h("h1", { id: "form-h", tabindex: "-1" }, "Test an idea the Working Backwards way"),
    h("p", { class: "lead" }, "A drafter turns your brief into a PR/FAQ, a customer, a skeptical engineer and a finance partner review it, and the leader iterates or decides. It ends in a FUND or KILL memo."),
    tabList,
    panel,
    personas.element,
    errors,
    h("div", { class: "actions" }, submit),
  );

  choose("brief");

  listPersonas()
    .then((list) => personas.fill(list.filter((p) => p.kind === "customer")))
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) onAuth(error.message);
      personas.fail(`Personas are unavailable: ${endStop(error instanceof Error ? error.message : String(error))}`);
    });

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    errors.replaceChildren();
    clearFieldErrors(form);
    const missing: [HTMLElement | null, string][] = [];
    const needsTitle = kind === "brief" && !title.value.trim();
    if (needsTitle) missing.push([fieldFor(form, "brief.title"), "Give the brief a title."]);
    if (!text.value.trim()) missing.push([fieldFor(form, "brief.text"), kind === "prfaq" ? "Paste your PR/FAQ." : "Write the brief, or insert the template and fill it in."]);
    if (missing.length) {
      for (const [box, message] of missing) if (box) showFieldError(box, message);
      (needsTitle ? title : text).focus();
      return;
    }
    const chosen = personas.chosen();
    const body = {
      ...(kind === "prfaq" ? { prfaq: { markdown: text.value } } : { brief: { title: title.value, text: text.value } }),
      options: { rounds: Number(rounds.value), engine: engine.value, ...(chosen.length ? { personas: chosen } : {}) },
    };
    submit.disabled = true;
    submit.textContent = "Starting...";
    try {
      const run = await apiJson("/v1/reviews", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!isRunRecord(run)) throw new Error("The server did not answer with a review.");
      onCreated(run.id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onAuth(error.message);
      const placed = error instanceof ApiError ? error.fieldErrors.filter((e) => fieldFor(form, e.path)) : [];
      for (const e of placed) {
        const box = fieldFor(form, e.path);
        if (box) showFieldError(box, plainMessage(e.message));
      }
      const rest = error instanceof ApiError ? error.fieldErrors.filter((e) => !fieldFor(form, e.path)) : [];
      errors.append(h("p", {}, placed.length ? "The review was not started: see the fields marked below." : `The review was not started: ${endStop(error instanceof Error ? error.message : String(error))}`));
      if (rest.length) errors.append(h("ul", {}, ...rest.map((e) => h("li", {}, `${e.path}: ${plainMessage(e.message)}`))));
      form.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
      submit.disabled = false;
      submit.textContent = "Start the review";
    }
  });
  return form;
}

/** "2 rounds" for a finished run, "round 1 of 3" for a running one, "not started" for a queued one. */
function roundsUsed(run: RunSummary): string {
  if (run.status === "running") return `round ${Math.max(1, run.round)} of ${run.rounds}`;
  if (run.round === 0) return run.status === "queued" ? "not started" : "no round";
  return `${run.round} ${run.round === 1 ? "round" : "rounds"}`;
}

function runItem(run: RunSummary): HTMLElement {
  const verdict = run.verdict ? h("span", { class: `chip verdict-${run.verdict.decision}` }, `${run.verdict.decision.toUpperCase()} ${formatPercent(run.verdict.confidence)}`) : null;
  return h(
    "li",
    { class: "run-item" },
    h("a", { href: `/reviews/${encodeURIComponent(run.id)}` }, run.title),
    h(
      "span",
      { class: "run-meta" },
      verdict ?? h("span", { class: `chip status-${run.status}` }, run.status),
      h("span", { class: "muted rounds-used" }, roundsUsed(run)),
      h("span", { class: "muted" }, "·"),
      h("time", { class: "muted", datetime: run.createdAt, title: formatWhen(run.createdAt) }, formatAge(run.createdAt)),
      h("span", { class: "muted" }, `· ${run.engine}`),
    ),
  );
}

function pastRuns(onAuth: (message: string) => void): HTMLElement {
  const box = h("div", {}, h("p", { class: "muted" }, "Loading..."));
  listRuns(50)
    .then((runs) => replace(box, runs.length ? h("ul", { class: "runs" }, ...runs.map(runItem)) : h("p", { class: "muted" }, "No reviews yet. Start one with the form.")))
    .catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 401) onAuth(error.message);
      replace(box, h("p", { class: "muted wrap" }, `The past reviews could not be listed: ${endStop(error instanceof Error ? error.message : String(error))}`));
    });
  return h("section", { class: "card runs-card", id: "runs", "aria-labelledby": "runs-h" }, h("h2", { id: "runs-h" }, "Past reviews"), box);
}

/** Mounts the start page into `main`. */
export function mountHome(main: HTMLElement, onCreated: (id: string) => void, onAuth: (message: string) => void): void {
  replace(main, h("div", { class: "home" }, briefForm(onCreated, onAuth), pastRuns(onAuth)));
}
