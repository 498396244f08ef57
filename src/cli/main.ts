import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.js";
import { RedisServerMissingError } from "../runtime/redis-server.js";
import { startServices, type Roles } from "../runtime/services.js";
import { runLint } from "./lint.js";

const HELP = `prfaq - simulated Working Backwards reviews of product briefs

Usage:
  prfaq dev               API + worker + a private Redis in one process (same as npm start)
  prfaq serve             the HTTP API only (needs REDIS_URL or starts a private Redis)
  prfaq worker            a review worker only (point several at one REDIS_URL to scale out)
  prfaq lint FILE [--json]  rubric findings and score for a PR/FAQ markdown file (- for stdin)

Options:
  -h, --help              help for a command

Configuration is read from the environment; see the README (PORT, HOST, REDIS_URL, PRFAQ_DATA_DIR, ...).
`;

const COMMAND_HELP: Record<string, string> = {
  dev: "prfaq dev\n\nStarts the API and one worker in one process. Without REDIS_URL it starts a private\nredis-server with its data in PRFAQ_DATA_DIR (default .prfaq/), kept across restarts.\n",
  serve: "prfaq serve\n\nStarts the HTTP API only. Run workers with `prfaq worker` against the same REDIS_URL.\n",
  worker: "prfaq worker\n\nStarts a review worker only (PRFAQ_WORKER_CONCURRENCY reviews at once). Run as many as you\nlike against one REDIS_URL.\n",
  lint: "prfaq lint FILE [--json]\n\nChecks a PR/FAQ (markdown; - reads stdin) against the rubric: every anti-pattern with the\nquoted evidence, grouped by severity, and a score 0-100. --json prints the result as JSON.\nExit code 0 when the lint ran (whatever the score), 1 on error.\n",
};

async function readInput(file: string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  }
  return readFile(file, "utf8");
}

async function runServices(roles: Roles): Promise<void> {
  const config = loadConfig(process.env);
  const running = await startServices(config, roles);
  const what = roles.api && roles.worker ? "API + worker" : roles.api ? "API" : "worker";
  process.stdout.write(
    `prfaq-sim ${what} running${running.url ? ` at ${running.url}` : ""} (engine: ${config.PRFAQ_ENGINE}, redis: ${running.privateRedis ? `private, data in ${config.PRFAQ_DATA_DIR}/redis` : running.redisUrl}). Ctrl-C stops.\n`,
  );
  let signals = 0;
  const shutdown = (signal: string) => {
    signals += 1;
    if (signals > 1) process.exit(1);
    running.logger.info({ signal }, "shutting down");
    const timer = setTimeout(() => process.exit(1), 30_000);
    timer.unref();
    void running.stop().then(() => process.exit(0));
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { help: { type: "boolean", short: "h" }, json: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(COMMAND_HELP[command] ?? HELP);
    return 0;
  }
  switch (command) {
    case "dev":
      await runServices({ api: true, worker: true });
      return -1;
    case "serve":
      await runServices({ api: true, worker: false });
      return -1;
    case "worker":
      await runServices({ api: false, worker: true });
      return -1;
    case "lint": {
      const file = positionals[0];
      if (!file) throw new UsageError("prfaq lint needs a FILE (or - for stdin)");
      const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
      const result = runLint(await readInput(file), { json: Boolean(values.json), color });
      process.stdout.write(result.output.endsWith("\n") ? result.output : `${result.output}\n`);
      return result.exitCode;
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) process.stderr.write(`prfaq: ${error.message}\n\n${HELP}`);
    else if (error instanceof ConfigError || error instanceof RedisServerMissingError) process.stderr.write(`prfaq: ${error.message}\n`);
    else process.stderr.write(`prfaq: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
