import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadApiKeys } from "./api-keys.js";
import { StartupError } from "./startup-error.js";

const K1 = "a".repeat(16);
const K2 = "0123456789abcdef0123";
const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function keyFile(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "prfaq-keys-"));
  dirs.push(dir);
  await writeFile(path.join(dir, "keys"), text);
  return `@${path.join(dir, "keys")}`;
}

describe("loadApiKeys", () => {
  it("unset means no keys (auth off)", async () => {
    expect(await loadApiKeys(undefined)).toEqual([]);
  });

  it("keeps every character of a key, '#' included: nothing is taken for a comment", async () => {
    expect(await loadApiKeys(`#${K1}`)).toEqual([`#${K1}`]);
    expect(await loadApiKeys(`${K1}#def, ${K2}`)).toEqual([`${K1}#def`, K2]);
    expect(await loadApiKeys(await keyFile(`${K1} # laptop\n\n${K2}\r\n`))).toEqual([`${K1} # laptop`, K2]);
  });

  it("refuses a key shorter than 16 characters, naming its position, never the key", async () => {
    const error = await loadApiKeys(`${K1},short-key,${K2}`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe("PRFAQ_API_KEYS: entry 2 is shorter than 16 characters; use long random keys (openssl rand -hex 24 makes one)");
    expect((error as Error).message).not.toContain("short-key");
    await expect(loadApiKeys(await keyFile(`${K1}\n# a comment\n`))).rejects.toThrow("PRFAQ_API_KEYS: line 2 is shorter than 16 characters");
  });

  it("refuses a value that yields no key, and an unreadable key file", async () => {
    await expect(loadApiKeys(" , ,")).rejects.toThrow("PRFAQ_API_KEYS holds no key; give at least one key, or unset it to run without auth on loopback");
    const empty = await keyFile("\n\n");
    await expect(loadApiKeys(empty)).rejects.toThrow(`PRFAQ_API_KEYS (${empty.slice(1)}) holds no key`);
    await expect(loadApiKeys("@/nonexistent/keys")).rejects.toThrow("cannot read that key file (ENOENT)");
  });
});
