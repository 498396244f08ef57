// Preloaded into a child process with `--import`: records the URL of every module resolved whose path
// names OpenTelemetry, one a line, to the file MODULE_LOG names (tests check what tracing loads).
import { register } from "node:module";

if (process.env.MODULE_LOG) register("./module-log-hooks.mjs", import.meta.url, { data: { file: process.env.MODULE_LOG } });
