import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/** One served file: its bytes, content type and a strong ETag. */
export type WebAsset = { body: string; contentType: string; etag: string };

/** The page: its HTML shell, the bundled script, the stylesheet and the icon. */
export type WebAssets = { html: WebAsset; js: WebAsset; css: WebAsset; icon: WebAsset };

/**
 * Where `npm run build` leaves the bundled script, beside the stylesheet and icon it copies: relative to
 * this module, so dist/web/client/app.bundle.js for dist/web/bundle.js. Sources have none (they bundle).
 */
export const PREBUILT_SCRIPT = "./client/app.bundle.js";

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const asset = (body: string, contentType: string): WebAsset => ({
  body,
  contentType,
  etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
});

/**
 * Bundles the page's script (src/web/client/app.ts) with esbuild, a development dependency: the build
 * calls it once (scripts/build.mjs), and a process running the sources calls it at start-up.
 */
export async function bundleClientScript(entry = here("./client/app.ts")): Promise<string> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
  });
  const js = result.outputFiles[0]?.text;
  if (js === undefined) throw new Error("esbuild produced no output for the web page");
  return js;
}

/** The prebuilt script when this is a build, else the sources bundled now. */
async function clientScript(): Promise<string> {
  const prebuilt = await readFile(here(PREBUILT_SCRIPT), "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  return prebuilt ?? bundleClientScript();
}

/** Reads (or bundles) the script and reads the HTML shell, stylesheet and icon. */
async function buildAssets(): Promise<WebAssets> {
  const [js, html, css, icon] = await Promise.all([
    clientScript(),
    readFile(here("./index.html"), "utf8"),
    readFile(here("./client/app.css"), "utf8"),
    readFile(here("./client/icon.svg"), "utf8"),
  ]);
  return {
    html: asset(html, "text/html; charset=utf-8"),
    js: asset(js, "text/javascript; charset=utf-8"),
    css: asset(css, "text/css; charset=utf-8"),
    icon: asset(icon, "image/svg+xml"),
  };
}

let cached: Promise<WebAssets> | undefined;

/**
 * The page's assets, read (or bundled) once per process on first call and kept in memory. A failed
 * build is not cached, so the next request tries again (and says why meanwhile).
 */
export function webAssets(): Promise<WebAssets> {
  if (!cached) {
    cached = buildAssets();
    cached.catch(() => {
      cached = undefined;
    });
  }
  return cached;
}
