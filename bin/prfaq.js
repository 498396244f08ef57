#!/usr/bin/env node
// The `prfaq` command: the compiled CLI in dist/ (`npm run build`; `npm ci` and `npm start` build it when needed).
import { existsSync } from "node:fs";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(main)) {
  process.stderr.write("prfaq: dist/ is missing: run `npm run build` first (npm ci and npm start do it for you).\n");
  process.exit(1);
}
await import(main.href);
