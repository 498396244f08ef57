import { Hono, type Context } from "hono";
import { compress } from "hono/compress";
import type { Engine } from "../../domain/run.js";
import { webAssets, type WebAsset } from "../../web/bundle.js";
import { escapeHtml } from "./docs.js";
import { route, text } from "../openapi.js";

export type WebRoutesDeps = {
  engines: readonly Engine[];
  /** This server's limits, for the form (it offers no more rounds or personas than the API takes). */
  limits?: { maxRounds: number; maxPersonas: number; maxBriefChars: number };
};

/**
 * The page may load only what this app serves: its one script, its one stylesheet, and fetch/SSE on the
 * same origin. No inline script or style; the page builds its DOM with textContent only.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * GET / and GET /reviews/:id (the page), GET /assets/app.js, /assets/app.css and /assets/icon.svg. The
 * script is the one `npm run build` bundled (or, running the sources, bundled with esbuild once per process). Every answer carries an ETag and
 * `no-cache`, so a browser revalidates cheaply (304) and never runs a stale script after a restart.
 * No API key is needed here (only /v1 is protected); the page asks for one when the API answers 401.
 */
export function createWebRoutes(deps: WebRoutesDeps) {
  const app = new Hono();
  // Start bundling now, so the first visitor does not wait; errors surface on request.
  webAssets().catch(() => undefined);
  let page: WebAsset | undefined;

  const send = (c: Context, a: WebAsset, extra: Record<string, string> = {}) => {
    const headers = { "content-type": a.contentType, etag: a.etag, "cache-control": "no-cache", "x-content-type-options": "nosniff", ...extra };
    // Compression weakens the ETag (W/"..."); a weak match is enough for a GET.
    if (c.req.header("if-none-match")?.split(/\s*,\s*/).some((tag) => tag.replace(/^W\//, "") === a.etag)) return c.body(null, 304, headers);
    return c.body(a.body, 200, headers);
  };
  const html = async (c: Context) => {
    if (!page) {
      const { html: shell } = await webAssets();
      // The engines this deployment runs, default first, for the form's engine choice.
      const l = deps.limits;
      const limits = l ? `rounds=${l.maxRounds},personas=${l.maxPersonas},briefChars=${l.maxBriefChars}` : "";
      const body = shell.body.replace("{{engines}}", escapeHtml(deps.engines.join(","))).replace("{{limits}}", escapeHtml(limits));
      page = { ...shell, body, etag: `${shell.etag.slice(0, -1)}-${deps.engines.join(".")}-${limits.replace(/\D+/g, ".")}"` };
    }
    return send(c, page, { "content-security-policy": PAGE_CSP, "referrer-policy": "no-referrer" });
  };

  // The script is about half a megabyte (zod and the domain schemas come with it); gzip makes it a quarter.
  app.use("/assets/*", compress());
  app.get(
    "/",
    route({
      operationId: "home",
      tags: ["docs"],
      summary: "Web page",
      description: "The web page: start a review and watch the meeting.",
      responses: { 200: { description: "The page", content: { "text/html": text("The page") } } },
    }),
    html,
  );
  app.get("/reviews/:id", html);
  app.get("/assets/app.js", async (c) => send(c, (await webAssets()).js));
  app.get("/assets/app.css", async (c) => send(c, (await webAssets()).css));
  app.get("/assets/icon.svg", async (c) => send(c, (await webAssets()).icon));
  return app;
}
