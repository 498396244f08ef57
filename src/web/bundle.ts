import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** One served file: its bytes, content type and a strong ETag. */
export type WebAsset = { body: string; contentType: string; etag: string };

/** The page: its HTML shell, the bundled script, the stylesheet and the icon. */
export type WebAssets = { html: WebAsset; js: WebAsset; css: WebAsset; icon: WebAsset };

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const asset = (body: string, contentType: string): WebAsset => ({
  body,
  contentType,
  etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`,
});

/** Bundles src/web/client/app.ts (with esbuild) and reads the HTML shell, stylesheet and icon. */
async function buildAssets(): Promise<WebAssets> {
  const [result, html, css, icon] = await Promise.all([
    build({
      entryPoints: [here("./client/app.ts")],
      bundle: true,
      write: false,
      format: "esm",
      target: "es2020",
      minify: true,
      legalComments: "none",
      logLevel: "silent",
    }),
    readFile(here("./index.html"), "utf8"),
    readFile(here("./client/app.css"), "utf8"),
    readFile(here("./client/icon.svg"), "utf8"),
  ]);
  const js = result.outputFiles[0]?.text;
  if (js === undefined) throw new Error("esbuild produced no output for the web page");
  return {
    html: asset(html, "text/html; charset=utf-8"),
    js: asset(js, "text/javascript; charset=utf-8"),
    css: asset(css, "text/css; charset=utf-8"),
    icon: asset(icon, "image/svg+xml"),
  };
}

let cached: Promise<WebAssets> | undefined;

/**
 * The page's assets, built once per process on first call and kept in memory. A failed build is not
 * cached, so the next request tries again (and says why meanwhile).
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
