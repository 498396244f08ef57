// The page's entry point: a two-route client (/ and /reviews/:id) over the same HTML shell, plus the
// API key panel. Bundled by src/web/bundle.ts.
import { getApiKey, setApiKey } from "./api.js";
import { h, replace } from "./dom.js";
import { mountHome } from "./home-view.js";
import { mountRun, type RunPage } from "./run-view.js";

const main = document.getElementById("main") as HTMLElement;
const keyPanel = document.getElementById("key-panel") as HTMLElement;
const keyToggle = document.getElementById("key-toggle") as HTMLButtonElement;
let current: RunPage | undefined;

function showKeyPanel(open: boolean, message = ""): void {
  keyPanel.hidden = !open;
  keyToggle.setAttribute("aria-expanded", String(open));
  if (!open) return;
  const input = h("input", { id: "api-key", type: "password", autocomplete: "off", spellcheck: "false" });
  input.value = getApiKey();
  const save = h("button", { type: "submit", class: "btn small" }, "Save");
  const forget = h("button", { type: "button", class: "btn secondary small" }, "Forget");
  const form = h(
    "form",
    { class: "key-form" },
    message ? h("p", { class: "warn", role: "alert" }, message) : null,
    h("label", { for: "api-key" }, "API key"),
    h("div", { class: "key-row" }, input, save, forget),
    h("p", { class: "hint" }, "Only needed when the server has PRFAQ_API_KEYS. Kept in this browser (localStorage) and sent as a Bearer token."),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    setApiKey(input.value.trim());
    showKeyPanel(false);
    route();
  });
  forget.addEventListener("click", () => {
    setApiKey("");
    input.value = "";
    input.focus();
  });
  replace(keyPanel, form);
  input.focus();
}
keyToggle.addEventListener("click", () => showKeyPanel(keyPanel.hidden !== false));
// The server's own wording ("Send an API key: Authorization: Bearer <key>.") is for API clients; the page says what to do here.
const onAuth = () =>
  showKeyPanel(true, getApiKey() ? "The server did not accept this API key. Check it and save it again." : "This server needs an API key. Paste it below; it stays in this browser.");

function navigate(path: string): void {
  history.pushState(null, "", path);
  route();
}

/** Renders the page for the current URL. */
function route(): void {
  current?.stop();
  current = undefined;
  const match = /^\/reviews\/([^/]+)\/?$/.exec(location.pathname);
  if (match?.[1]) {
    current = mountRun(main, decodeURIComponent(match[1]), onAuth);
  } else {
    document.title = "prfaq-sim · Working Backwards review";
    mountHome(main, (id) => navigate(`/reviews/${encodeURIComponent(id)}`), onAuth);
    if (location.hash === "#runs") document.getElementById("runs")?.scrollIntoView();
  }
}

// Same-origin links to the page's own routes navigate without a reload.
document.addEventListener("click", (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = event.target instanceof Element ? event.target.closest("a") : null;
  if (!a || a.target || a.hasAttribute("download") || a.origin !== location.origin) return;
  if (a.pathname !== "/" && !a.pathname.startsWith("/reviews/")) return;
  event.preventDefault();
  if (a.pathname === location.pathname && a.hash) {
    document.getElementById(a.hash.slice(1))?.scrollIntoView();
    return;
  }
  navigate(a.pathname + a.hash);
});
window.addEventListener("popstate", route);
route();
