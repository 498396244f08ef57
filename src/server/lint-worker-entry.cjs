// Entry of the lint pool's worker threads when running the sources, in plain CommonJS because a thread
// cannot rely on the ESM loader hooks that run TypeScript in the main thread: tsx's require hook compiles
// lint-worker.ts right here, in the thread itself. A build (dist/) runs lint-worker.js directly instead.
require("tsx/cjs/api").register();
const loaded = require(require("node:path").join(__dirname, "lint-worker.ts"));
module.exports = loaded.default ?? loaded;
