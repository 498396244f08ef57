import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { Redis } from "ioredis";
import { StartupError } from "./startup-error.js";

/** `redis-server` is not installed. The message says how to fix it. */
export class RedisServerMissingError extends Error {
  constructor() {
    super(
      "redis-server was not found on PATH.\n" +
        "  Install it with:  bash scripts/install-redis.sh   (apt on Debian/Ubuntu, brew on macOS)\n" +
        "  or point prfaq-sim at an existing Redis with REDIS_URL=redis://host:6379",
    );
    this.name = "RedisServerMissingError";
  }
}

/** What the supervisor saw: the server died, was started again, or could not be started again. */
export type SupervisorEvent =
  | { type: "exited"; code: number | null; signal: string | null }
  | { type: "restarted"; port: number; attempt: number }
  | { type: "restart-failed"; attempt: number; retryInMs: number; error: string };

export interface PrivateRedis {
  /** `redis://:<password>@127.0.0.1:<port>`: pass it to clients, never print it (see {@link redactRedisUrl}). */
  url: string;
  port: number;
  /** The server's process id (it changes when the supervisor restarts the server). */
  readonly pid: number;
  /** Stops the server (clean shutdown: the AOF is flushed) and its supervision. Safe to call twice. */
  stop(): Promise<void>;
  /** Kills the server at once with SIGKILL (for fault tests); a supervised server is started again. */
  kill(): void;
}

export interface PrivateRedisOptions {
  /** Data directory (AOF, password, config and log live here); created if missing, kept 0700. */
  dir: string;
  /** Port; 0 or unset picks a free one. */
  port?: number;
  /** Keep data on disk with the AOF (default true). */
  persist?: boolean;
  /** AOF fsync policy (default everysec; `always` loses no acknowledged write when the server is killed). */
  appendfsync?: "always" | "everysec" | "no";
  /**
   * Start the server again, from its AOF on the same port, whenever it dies until `stop()` (default false).
   * `npm start` supervises; tests that kill Redis on purpose do not.
   */
  supervise?: boolean;
  /** Told of every exit and restart of a supervised server. */
  onEvent?: (event: SupervisorEvent) => void;
}

const PASSWORD_FILE = "redis.password";
const CONFIG_FILE = "redis.conf";

/** True when `redis-server` can be run. */
export function hasRedisServer(): boolean {
  const probe = spawnSync("redis-server", ["--version"], { stdio: "ignore" });
  return probe.error === undefined && probe.status === 0;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A Redis URL fit to print: its password replaced by `***`. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/**
 * Starts a private redis-server that only this user can reach: on loopback, behind a generated password
 * (kept in `dir/redis.password`, 0600, and given to the server in a 0600 config file, never on its
 * command line where `ps` shows it), with its directory 0700 and every file in it 0600 (the server runs
 * under umask 077). AOF on, fsync every second, no eviction, as BullMQ needs. The server runs in a
 * process group of its own, so a Ctrl-C meant for `npm start` does not reach it: it stops last, when
 * told. A server left running by a killed earlier process on the same `dir` is adopted rather than
 * started twice over the same files.
 */
export async function startPrivateRedis(options: PrivateRedisOptions): Promise<PrivateRedis> {
  if (!hasRedisServer()) throw new RedisServerMissingError();
  const dir = path.resolve(options.dir);
  await makePrivate(dir);
  const password = await passwordOf(dir);
  const adopted = await adoptRunning(dir, password);
  const port = adopted?.port ?? (options.port || (await freePort()));
  const url = `redis://:${password}@127.0.0.1:${port}`;
  await writeFile(path.join(dir, CONFIG_FILE), configText(dir, port, password, options), { mode: 0o600 });

  let current: Process = adopted ?? (await launch(dir, url, port));
  await writeFile(path.join(dir, "redis.port"), String(port), { mode: 0o600 });
  if ((options.persist ?? true) && !(await appendOnly(url))) {
    // Ours always start with the AOF on; one adopted from an earlier run may have had it turned off (CONFIG
    // SET). Stopping it would lose what it holds, so it is left running and the operator told how to fix it.
    if (!adopted) current.signal("SIGTERM");
    throw new StartupError(
      `the private Redis in ${dir} (port ${port}, pid ${current.pid}) runs without its append-only file, so its reviews would not survive a restart: turn it on with redis-cli -p ${port} -a "$(cat ${path.join(dir, PASSWORD_FILE)})" CONFIG SET appendonly yes, then start again`,
    );
  }

  let stopping: Promise<void> | undefined;
  let stopped = false;
  /** Resolves when supervision has ended (at stop); the last server it started is the one `stop` waits for. */
  const supervised = options.supervise ? supervise() : Promise.resolve();

  async function supervise(): Promise<void> {
    let attempt = 0;
    while (!stopped) {
      const exit = await current.exited;
      if (stopped) return;
      options.onEvent?.({ type: "exited", ...exit });
      while (!stopped) {
        attempt += 1;
        try {
          current = await launch(dir, url, port);
          // Stopped while this one started: it is the one to stop now.
          if (stopped) current.signal("SIGTERM");
          else options.onEvent?.({ type: "restarted", port, attempt });
          attempt = 0;
          break;
        } catch (error) {
          if (stopped) return;
          const retryInMs = Math.min(5000, 200 * 2 ** Math.min(attempt - 1, 5));
          options.onEvent?.({ type: "restart-failed", attempt, retryInMs, error: error instanceof Error ? error.message : String(error) });
          await new Promise((r) => setTimeout(r, retryInMs));
        }
      }
    }
  }

  return {
    url,
    port,
    get pid() {
      return current.pid;
    },
    kill: () => current.signal("SIGKILL"),
    stop: () => {
      stopping ??= (async () => {
        stopped = true;
        current.signal("SIGTERM");
        await supervised;
        await current.exited;
        await rm(path.join(dir, "redis.port"), { force: true });
      })();
      return stopping;
    },
  };
}

/** True when the server at `url` writes an append-only file (`appendonly yes`). */
async function appendOnly(url: string): Promise<boolean> {
  const client = probeClient(url);
  try {
    await client.connect();
    const reply = await client.config("GET", "appendonly");
    return Array.isArray(reply) && reply[1] === "yes";
  } finally {
    client.disconnect();
  }
}

/** A running redis-server: its pid, a way to signal it, and its exit. */
type Process = { pid: number; port: number; signal: (signal: NodeJS.Signals) => void; exited: Promise<{ code: number | null; signal: string | null }> };

/** Creates `dir` 0700 and makes everything already in it private (an older version left it 0755 and its files 0644). */
async function makePrivate(dir: string): Promise<void> {
  await mkdir(path.dirname(dir), { recursive: true, mode: 0o700 });
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const walk = async (folder: string): Promise<void> => {
    await chmod(folder, 0o700);
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) await chmod(full, 0o600);
    }
  };
  await walk(dir);
}

/** The server's password: generated once (256 bits), then read back on every start. */
async function passwordOf(dir: string): Promise<string> {
  const file = path.join(dir, PASSWORD_FILE);
  const existing = (await readFile(file, "utf8").catch(() => "")).trim();
  if (/^[0-9a-f]{64}$/.test(existing)) return existing;
  const password = randomBytes(32).toString("hex");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A config-file string: double-quoted, with backslashes and quotes escaped (redis's sdssplitargs rules). */
const quoted = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

function configText(dir: string, port: number, password: string, options: PrivateRedisOptions): string {
  return [
    `port ${port}`,
    "bind 127.0.0.1",
    "protected-mode yes",
    `requirepass ${password}`,
    `dir ${quoted(dir)}`,
    `pidfile ${quoted(path.join(dir, "redis.pid"))}`,
    `logfile ${quoted(path.join(dir, "redis.log"))}`,
    "daemonize no",
    'save ""',
    "maxmemory-policy noeviction",
    `appendonly ${(options.persist ?? true) ? "yes" : "no"}`,
    `appendfsync ${options.appendfsync ?? "everysec"}`,
    "",
  ].join("\n");
}

/** Starts redis-server on the config in `dir` and waits until it answers PING with its data loaded. */
async function launch(dir: string, url: string, port: number): Promise<Process> {
  // umask 077: the AOF, the log and the pid file are created 0600. `exec` keeps the shell's pid, and
  // `detached` gives the server a process group of its own (a terminal's Ctrl-C goes to ours only).
  const child = spawn("/bin/sh", ["-c", 'umask 077 && exec redis-server "$0"', path.join(dir, CONFIG_FILE)], { stdio: "ignore", detached: true });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  try {
    await waitForPing(url, child);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    const log = await readFile(path.join(dir, "redis.log"), "utf8").catch(() => "");
    throw new Error(`redis-server did not start on port ${port}: ${log.trim().split("\n").slice(-3).join("\n")}`, { cause: error });
  }
  return { pid: child.pid ?? 0, port, signal: (s) => void child.kill(s), exited };
}

async function adoptRunning(dir: string, password: string): Promise<Process | undefined> {
  const [pidText, portText] = await Promise.all([
    readFile(path.join(dir, "redis.pid"), "utf8").catch(() => ""),
    readFile(path.join(dir, "redis.port"), "utf8").catch(() => ""),
  ]);
  const pid = Number.parseInt(pidText, 10);
  const port = Number.parseInt(portText, 10);
  if (!pid || !port || !isAlive(pid)) return undefined;
  const client = probeClient(`redis://:${password}@127.0.0.1:${port}`);
  try {
    await client.connect();
    const info = await client.config("GET", "dir");
    if (!Array.isArray(info) || path.resolve(String(info[1])) !== dir) return undefined;
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
  return {
    pid,
    port,
    signal: (s) => {
      try {
        process.kill(pid, s);
      } catch {
        // already gone
      }
    },
    exited: waitForExit(pid),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Not our child, so no exit event: polled. */
async function waitForExit(pid: number): Promise<{ code: number | null; signal: string | null }> {
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 100));
  return { code: null, signal: null };
}

async function waitForPing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`redis-server exited with code ${child.exitCode ?? child.signalCode}`);
    const client = probeClient(url);
    try {
      await client.connect();
      // While the AOF loads, PING answers LOADING: wait until the data is there.
      if ((await client.ping()) === "PONG") return;
    } catch (error) {
      lastError = error;
    } finally {
      client.disconnect();
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("timed out waiting for redis-server", { cause: lastError });
}

/** A one-shot client for probing: no reconnects, errors reported by the awaited call, not as events. */
function probeClient(url: string): Redis {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on("error", () => undefined);
  return client;
}
