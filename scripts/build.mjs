#!/usr/bin/env node
// `npm run build`: compiles src/ to dist/ (JavaScript + type declarations, tsconfig.build.json) and bundles
// the web page's script once (dist/web/client/app.bundle.js, beside the stylesheet, icon and HTML shell it
// copies), so what runs in production needs neither TypeScript, tsx nor esbuild.
//
// `--if-stale` (npm's `prepare`, `npm start` and the test suite's set-up): build only when dist/ is missing
// or older than a source. In a production install (no TypeScript) with dist/ present it does nothing.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "dist");
const stamp = path.join(dist, ".build-stamp");
const require = createRequire(import.meta.url);

/** The newest modification time under `file` (a file or a folder). */
function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((max, name) => Math.max(max, newest(path.join(file, name))), stat.mtimeMs);
}

/** What the build reads: a change to any of them makes dist/ stale. */
const INPUTS = ["src", "tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"].map((f) => path.join(root, f));

function stale() {
  if (!existsSync(stamp)) return true;
  // A packed install has no sources: its dist/ is the one it was packed with.
  if (!existsSync(path.join(root, "src"))) return false;
  return Math.max(...INPUTS.map(newest)) > statSync(stamp).mtimeMs;
}

function canBuild() {
  try {
    require.resolve("typescript/package.json");
    require.resolve("esbuild");
    return true;
  } catch {
    return false;
  }
}

if (process.argv.includes("--if-stale")) {
  if (!stale()) process.exit(0);
  if (!canBuild()) {
    if (existsSync(stamp)) process.exit(0);
    process.stderr.write("prfaq: dist/ is missing and TypeScript is not installed: run `npm ci` (with dev dependencies) and `npm run build`.\n");
    process.exit(1);
  }
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const tsc = path.join(path.dirname(require.resolve("typescript/package.json")), "bin", "tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], { stdio: "inherit" });
if (compiled.status !== 0) {
  process.stderr.write("prfaq: the build failed (tsc, above).\n");
  process.exit(1);
}

// The page: the compiled bundle module bundles the client sources (one owner of esbuild's options).
const { bundleClientScript, PREBUILT_SCRIPT } = await import(path.join(dist, "web", "bundle.js"));
const web = path.join(root, "src", "web");
const script = await bundleClientScript(path.join(web, "client", "app.ts"));
mkdirSync(path.join(dist, "web", "client"), { recursive: true });
writeFileSync(path.join(dist, "web", PREBUILT_SCRIPT), script);
for (const file of ["index.html", "client/app.css", "client/icon.svg"]) cpSync(path.join(web, file), path.join(dist, "web", file));

writeFileSync(stamp, `${new Date().toISOString()}\n`);
process.stdout.write(`prfaq: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
