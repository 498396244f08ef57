import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdir, readFile, writeFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { Redis } from "ioredis";

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

export interface PrivateRedis {
  url: string;
  port: number;
  /** Stops the server (clean shutdown: the AOF is flushed). Safe to call twice. */
  stop(): Promise<void>;
  /** Kills the server at once with SIGKILL (for fault tests). */
  kill(): void;
}

export interface PrivateRedisOptions {
  /** Data directory (AOF and dump live here); created if missing. */
  dir: string;
  /** Port; 0 or unset picks a free one. */
  port?: number;
  /** Keep data on disk with the AOF (default true). */
  persist?: boolean;
  /** AOF fsync policy (default everysec; `always` loses no acknowledged write when the server is killed). */
  appendfsync?: "always" | "everysec" | "no";
}

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

/**
 * Starts a private redis-server on loopback with its data in `dir` (AOF on, fsync every second,
 * no eviction, as BullMQ needs). A server left running by a killed earlier process on the same
 * `dir` is adopted rather than started twice over the same files.
 */
export async function startPrivateRedis(options: PrivateRedisOptions): Promise<PrivateRedis> {
  if (!hasRedisServer()) throw new RedisServerMissingError();
  const dir = path.resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const adopted = await adoptRunning(dir);
  if (adopted) return adopted;

  const port = options.port || (await freePort());
  const persist = options.persist ?? true;
  const args = [
    "--port", String(port),
    "--bind", "127.0.0.1",
    "--dir", dir,
    "--pidfile", path.join(dir, "redis.pid"),
    "--logfile", path.join(dir, "redis.log"),
    "--daemonize", "no",
    "--save", "",
    "--maxmemory-policy", "noeviction",
    "--appendonly", persist ? "yes" : "no",
    "--appendfsync", options.appendfsync ?? "everysec",
  ];
  const child = spawn("redis-server", args, { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  try {
    await waitForPing(url, child);
  } catch (error) {
    child.kill("SIGKILL");
    const log = await readFile(path.join(dir, "redis.log"), "utf8").catch(() => "");
    throw new Error(`redis-server did not start on port ${port}: ${log.split("\n").slice(-5).join("\n")}`, { cause: error });
  }
  await writeFile(path.join(dir, "redis.port"), String(port));
  return handle(url, port, dir, () => child.kill("SIGTERM"), () => child.kill("SIGKILL"), exited);
}

async function adoptRunning(dir: string): Promise<PrivateRedis | undefined> {
  const [pidText, portText] = await Promise.all([
    readFile(path.join(dir, "redis.pid"), "utf8").catch(() => ""),
    readFile(path.join(dir, "redis.port"), "utf8").catch(() => ""),
  ]);
  const pid = Number.parseInt(pidText, 10);
  const port = Number.parseInt(portText, 10);
  if (!pid || !port || !isAlive(pid)) return undefined;
  const url = `redis://127.0.0.1:${port}`;
  const client = probeClient(url);
  try {
    await client.connect();
    const info = await client.config("GET", "dir");
    if (!Array.isArray(info) || path.resolve(String(info[1])) !== dir) return undefined;
  } catch {
    return undefined;
  } finally {
    client.disconnect();
  }
  const exited = waitForExit(pid);
  return handle(url, port, dir, () => process.kill(pid, "SIGTERM"), () => process.kill(pid, "SIGKILL"), exited);
}

function handle(url: string, port: number, dir: string, term: () => void, kill: () => void, exited: Promise<void>): PrivateRedis {
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    kill: () => {
      try {
        kill();
      } catch {
        // already gone
      }
    },
    stop: () => {
      stopping ??= (async () => {
        try {
          term();
        } catch {
          return;
        }
        await exited;
        await rm(path.join(dir, "redis.port"), { force: true });
      })();
      return stopping;
    },
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

async function waitForExit(pid: number): Promise<void> {
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 50));
}

async function waitForPing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 15_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
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
