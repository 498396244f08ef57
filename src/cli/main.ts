import { parseArgs, type ParseArgsConfig } from "node:util";
import type { Roles } from "../runtime/services.js";
import { UsageError } from "./errors.js";
import { COMMAND_HELP, HELP } from "./help.js";
import type { Terminal } from "./review.js";

// Commands load what they need when they run (`await import`): zod schemas, the graph, BullMQ and
// LangChain are most of a second to seconds of start-up that `--help` or `prfaq review` should not pay.
// The static imports above load no schema (bench/cli-help.ts times `prfaq --help`).

/** Exit code of any error (review and watch also exit 0 or 10 by verdict). */
const EXIT_ERROR = 1;

async function runServices(roles: Roles): Promise<void> {
  const [{ loadConfig }, { startServices }, { redactRedisUrl }] = await Promise.all([import("../config.js"), import("../runtime/services.js"), import("../runtime/redis-server.js")]);
  const config = loadConfig(process.env);
  const what = roles.api && roles.worker ? "API + worker" : roles.api ? "API" : "worker";
  // Signals during start-up: stop as soon as start-up has finished or failed (startServices undoes itself).
  let signalled = false;
  const early = () => void (signalled = true);
  process.on("SIGINT", early).on("SIGTERM", early);
  let running: Awaited<ReturnType<typeof startServices>>;
  try {
    running = await startServices(config, roles);
  } catch (error) {
    // One line naming the problem and the fix; exit at once (a half-started client must not keep us alive).
    process.stderr.write(`prfaq: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(EXIT_ERROR);
  }
  process.off("SIGINT", early).off("SIGTERM", early);
  process.stdout.write(
    `prfaq-sim ${what} running${running.url ? ` at ${running.url}` : ""} (engine: ${config.PRFAQ_ENGINE}, redis: ${running.privateRedis ? `private, data in ${config.PRFAQ_DATA_DIR}/redis` : redactRedisUrl(running.redisUrl)}${roles.api ? `, auth: ${running.apiKeys > 0 ? `on, ${running.apiKeys} API key${running.apiKeys === 1 ? "" : "s"}` : "off (no PRFAQ_API_KEYS; loopback only)"}` : ""}). Ctrl-C stops.\n`,
  );
  let firstSignalAt = 0;
  const shutdown = (signal: string) => {
    // Ctrl-C reaches every process of the terminal's group, and npm and tsx pass it on as well: the copies
    // of one Ctrl-C arrive within moments. A second Ctrl-C a while later means "stop now".
    if (firstSignalAt > 0) {
      if (Date.now() - firstSignalAt > 1000) {
        process.stderr.write("prfaq-sim: stopped at once; running reviews resume from their last checkpoint on the next start.\n");
        process.exit(EXIT_ERROR);
      }
      return;
    }
    firstSignalAt = Date.now();
    running.logger.info({ signal }, "shutting down");
    // Whatever happens, gone before 10 s (with the default PRFAQ_SHUTDOWN_TIMEOUT_MS of 5 s for running steps).
    setTimeout(() => {
      process.stderr.write("prfaq-sim: could not stop cleanly in time; exiting.\n");
      process.exit(EXIT_ERROR);
    }, Math.max(9500, config.PRFAQ_SHUTDOWN_TIMEOUT_MS + 4000)).unref();
    void running.stop().then(
      () => {
        const redis = running.privateRedis ? ", then Redis" : "";
        process.stdout.write(`prfaq-sim stopped (${what}${redis}) in ${((Date.now() - firstSignalAt) / 1000).toFixed(1)} s. Bye.\n`);
        process.exit(0);
      },
      (error: unknown) => {
        process.stderr.write(`prfaq-sim: error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exit(EXIT_ERROR);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  if (signalled) shutdown("SIGTERM");
}

/** Options every command accepts, and the client commands' server options. */
const HELP_OPTION = { help: { type: "boolean", short: "h" } } as const;
const SERVER_OPTIONS = { server: { type: "string" } } as const;
const OUTCOME_OPTIONS = { json: { type: "boolean" }, "memo-out": { type: "string" }, "no-fail": { type: "boolean" } } as const;

/** Each command's options (node:util parseArgs, strict: an unknown option is a usage error). */
const OPTIONS = {
  review: { ...HELP_OPTION, ...SERVER_OPTIONS, ...OUTCOME_OPTIONS, local: { type: "boolean" }, prfaq: { type: "string" }, rounds: { type: "string" }, persona: { type: "string", multiple: true }, engine: { type: "string" } },
  watch: { ...HELP_OPTION, ...SERVER_OPTIONS, ...OUTCOME_OPTIONS },
  memo: { ...HELP_OPTION, ...SERVER_OPTIONS, json: { type: "boolean" }, out: { type: "string", short: "o" } },
  personas: { ...HELP_OPTION, ...SERVER_OPTIONS, json: { type: "boolean" }, local: { type: "boolean" } },
  lint: { ...HELP_OPTION, json: { type: "boolean" }, "fail-under": { type: "string" } },
  dev: HELP_OPTION,
  serve: HELP_OPTION,
  worker: HELP_OPTION,
} as const satisfies Record<string, ParseArgsConfig["options"]>;
type Command = keyof typeof OPTIONS;
const isCommand = (name: string): name is Command => Object.hasOwn(OPTIONS, name);

function parse<C extends Command>(command: C, args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs's own messages are clear ("Unknown option '--x'"); point at the command's help too.
    throw new UsageError(error instanceof Error ? error.message : String(error), command);
  }
}

/** The one positional a command takes, or a usage error naming it. */
function single(positionals: string[], command: Command, what: string): string {
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError(positionals.length > 1 ? `${command} takes one ${what}, got ${positionals.length}` : `${command} needs ${what}`, command);
  }
  return positionals[0];
}

function roundsFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--rounds must be a whole number, not '${value}'`, "review");
  return Number(value);
}

function failUnderFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 100) throw new UsageError(`--fail-under must be a whole number from 0 to 100, not '${value}'`, "lint");
  return Number(value);
}

async function engineFlag(value: string | undefined) {
  if (value === undefined) return undefined;
  const { EngineSchema } = await import("../domain/run.js");
  const engine = EngineSchema.safeParse(value);
  if (!engine.success) throw new UsageError(`--engine must be ${EngineSchema.options.join(" or ")}, not '${value}'`, "review");
  return engine.data;
}

async function main(argv: string[]): Promise<number> {
  let [command, ...rest] = argv;
  if (command === "help" && rest[0]) [command, ...rest] = [rest[0], "--help"];
  if (!command || command === "-h" || command === "--help" || command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (!isCommand(command)) throw new UsageError(`unknown command '${command}'`);
  // Help wins over everything else on the line, even a bad option.
  if (rest.some((a) => a === "--help" || a === "-h")) {
    process.stdout.write(COMMAND_HELP[command] ?? HELP);
    return 0;
  }
  const [{ DEFAULT_SERVER, loadCliEnv }, { DEFAULT_WIDTH }, { readInput }] = await Promise.all([import("./env.js"), import("./format.js"), import("./input.js")]);
  const env = loadCliEnv(process.env);
  const tty = Boolean(process.stdout.isTTY);
  const term: Terminal = {
    stdout: process.stdout,
    stderr: process.stderr,
    tty,
    color: tty && !env.NO_COLOR,
    width: tty && process.stdout.columns ? process.stdout.columns : DEFAULT_WIDTH,
  };
  const server = (flag: string | undefined) => ({ server: flag || env.PRFAQ_SERVER || DEFAULT_SERVER, apiKey: env.PRFAQ_API_KEY });
  switch (command) {
    case "dev":
      parse(command, rest);
      await runServices({ api: true, worker: true });
      return -1;
    case "serve":
      parse(command, rest);
      await runServices({ api: true, worker: false });
      return -1;
    case "worker":
      parse(command, rest);
      await runServices({ api: false, worker: true });
      return -1;
    case "lint": {
      const { values, positionals } = parse("lint", rest);
      const file = single(positionals, command, "a FILE (or - for stdin)");
      const { runLint } = await import("./lint.js");
      const failUnder = failUnderFlag(values["fail-under"]);
      const result = runLint(await readInput(file), { json: Boolean(values.json), color: term.color, failUnder });
      process.stdout.write(result.output.endsWith("\n") ? result.output : `${result.output}\n`);
      if (result.error) process.stderr.write(result.error);
      return result.exitCode;
    }
    case "review": {
      const { values: v, positionals } = parse("review", rest);
      // `--prfaq DOC.md`: a PR/FAQ the author already wrote, reviewed as version 1, instead of a brief.
      if (v.prfaq !== undefined && positionals.length > 0) throw new UsageError("review takes a brief FILE.md or --prfaq DOC.md, not both", "review");
      const file = v.prfaq ?? single(positionals, command, "a brief FILE.md (or - for stdin), or --prfaq DOC.md");
      const flags = {
        input: v.prfaq !== undefined ? ("prfaq" as const) : ("brief" as const),
        ...server(v.server),
        local: Boolean(v.local),
        json: Boolean(v.json),
        memoOut: v["memo-out"],
        noFail: Boolean(v["no-fail"]),
        rounds: roundsFlag(v.rounds),
        personas: v.persona,
        engine: await engineFlag(v.engine),
        env: process.env,
      };
      const { review } = await import("./review.js");
      return review(await readInput(file), flags, term);
    }
    case "watch": {
      const { values: v, positionals } = parse("watch", rest);
      const id = single(positionals, command, "a review ID");
      const { watch } = await import("./review.js");
      return watch(id, { ...server(v.server), json: Boolean(v.json), memoOut: v["memo-out"], noFail: Boolean(v["no-fail"]) }, term);
    }
    case "memo": {
      const { values: v, positionals } = parse("memo", rest);
      const { memo } = await import("./memo.js");
      return memo(single(positionals, command, "a review ID"), { ...server(v.server), json: Boolean(v.json), out: v.out }, term);
    }
    case "personas": {
      const { values: v, positionals } = parse("personas", rest);
      if (positionals.length > 0) throw new UsageError("personas takes no arguments", command);
      const { personas } = await import("./personas.js");
      return personas({ ...server(v.server), local: Boolean(v.local), json: Boolean(v.json), env: process.env }, term);
    }
  }
}

/** What to print for an error: the message, and for invalid input every field. */
async function describe(error: unknown): Promise<string> {
  const { ValidationError } = await import("../domain/errors.js");
  if (error instanceof UsageError) return `${error.message}\n${error.command ? `Run prfaq ${error.command} --help for its options.` : `\n${HELP}`}`;
  if (error instanceof ValidationError) return [error.message, ...error.errors.map((e) => `  ${e.path}: ${e.message}`)].join("\n");
  // Everything else (CliError, ConfigError, RedisServerMissingError, a file system error) says it in its message.
  return error instanceof Error ? error.message : String(error);
}

// `prfaq review ... | head`: a closed pipe is the reader's choice, not an error worth a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  async (error: unknown) => {
    process.stderr.write(`prfaq: ${await describe(error)}\n`);
    process.exitCode = EXIT_ERROR;
  },
);
