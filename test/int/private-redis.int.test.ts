import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { connect } from "node:net";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { redactRedisUrl, startPrivateRedis, type PrivateRedis } from "../../src/runtime/redis-server.js";

const dirs: string[] = [];
const servers: PrivateRedis[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "prfaq-private-"));
  dirs.push(dir);
  return dir;
}

/** Every file and folder under `dir` with its permission bits. */
async function modes(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = { ".": ((await stat(dir)).mode & 0o777).toString(8) };
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = ((await stat(full)).mode & 0o777).toString(8);
  }
  return out;
}

/** What Redis answers a stranger who knows only the port: the raw reply to one inline command. */
function strangerSends(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: "127.0.0.1" }, () => socket.write(`${command}\r\n`));
    socket.once("data", (data) => {
      resolve(data.toString().trim());
      socket.destroy();
    });
    socket.once("error", reject);
  });
}

describe("the private Redis is private", () => {
  it("needs its generated password, listens on loopback only, and keeps its directory 0700 and files 0600", async () => {
    const dir = await tempDir();
    const server = await startPrivateRedis({ dir: path.join(dir, "redis") });
    servers.push(server);
    const password = (await readFile(path.join(dir, "redis", "redis.password"), "utf8")).trim();
    expect(password).toMatch(/^[0-9a-f]{64}$/);
    expect(server.url).toBe(`redis://:${password}@127.0.0.1:${server.port}`);
    expect(redactRedisUrl(server.url)).toBe(`redis://:***@127.0.0.1:${server.port}`);

    // Another local user knows the port, not the password: every command is refused.
    expect(await strangerSends(server.port, "HGET prfaq:run:x owner")).toMatch(/^-NOAUTH/);
    expect(await strangerSends(server.port, "HSET prfaq:run:x owner k_mine")).toMatch(/^-NOAUTH/);
    expect(await strangerSends(server.port, "AUTH guess")).toMatch(/^-WRONGPASS/);

    const owner = new Redis(server.url);
    expect(await owner.config("GET", "bind")).toEqual(["bind", "127.0.0.1"]);
    // Write enough to make AOF files, and rewrite the AOF so every kind of file exists.
    await owner.hset("prfaq:run:x", { owner: "k_1", request: "the brief" });
    await owner.bgrewriteaof();
    await new Promise((r) => setTimeout(r, 500));
    owner.disconnect();

    // Not on the command line, where any local user's `ps` sees it.
    const cmdline = await readFile(`/proc/${server.pid}/cmdline`, "utf8").catch(() => "");
    expect(cmdline).toContain("redis-server");
    expect(cmdline).not.toContain(password);

    const found = await modes(path.join(dir, "redis"));
    expect(Object.keys(found)).toEqual(expect.arrayContaining([".", "redis.password", "redis.conf", "redis.log", "redis.pid", "redis.port", "appendonlydir"]));
    for (const [name, mode] of Object.entries(found)) {
      const isDir = name === "." || name === "appendonlydir";
      expect(`${name} ${mode}`).toBe(`${name} ${isDir ? "700" : "600"}`);
    }
  });

  it("makes a data directory left open by an older version private, and keeps its password across restarts", async () => {
    const dir = await tempDir();
    const data = path.join(dir, "redis");
    await mkdir(path.join(data, "appendonlydir"), { recursive: true, mode: 0o755 });
    await chmod(data, 0o755);
    await writeFile(path.join(data, "appendonlydir", "old.aof"), "", { mode: 0o644 });
    const first = await startPrivateRedis({ dir: data });
    const url = first.url;
    await first.stop();
    const second = await startPrivateRedis({ dir: data });
    servers.push(second);
    expect(second.url.split("@")[0]).toBe(url.split("@")[0]);
    const found = await modes(data);
    expect(found["."]).toBe("700");
    expect(found["appendonlydir/old.aof"]).toBe("600");
  });
});
