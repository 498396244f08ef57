// Entry of the lint pool's worker threads, in plain CommonJS because a thread cannot rely on the ESM
// loader hooks that run TypeScript in the main thread: tsx's require hook compiles lint-worker.ts right
// here, in the thread itself (or, in a built copy, lint-worker.js is loaded as it is).
const { existsSync } = require("node:fs");
const path = require("node:path");

const source = path.join(__dirname, "lint-worker.ts");
if (existsSync(source)) require("tsx/cjs/api").register();
const loaded = require(existsSync(source) ? source : path.join(__dirname, "lint-worker.js"));
module.exports = loaded.default ?? loaded;
