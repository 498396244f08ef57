import type { Persona } from "../domain/persona.js";
import { createApiClient } from "./client.js";
import { oneLine, truncate, type FormatOptions } from "./format.js";
import type { Terminal } from "./review.js";

/** The persona list: customers first, one line each (`seat  id  name: role`), cut to `width`. Pure. */
export function formatPersonas(personas: readonly Persona[], opts: FormatOptions): string {
  const sorted = [...personas].sort((a, b) => Number(a.kind !== "customer") - Number(b.kind !== "customer") || a.id.localeCompare(b.id));
  const idWidth = Math.max(2, ...sorted.map((p) => p.id.length));
  const bold = (t: string) => (opts.color ? `\u001b[1m${t}\u001b[0m` : t);
  const lines = sorted.map((p) => {
    const prefix = `${p.kind.padEnd(9)} ${p.id.padEnd(idWidth)} `;
    const rest = truncate(oneLine(`${p.name}: ${p.role}`), opts.width - prefix.length);
    return `${p.kind.padEnd(9)} ${bold(p.id.padEnd(idWidth))} ${rest}`;
  });
  return `${lines.join("\n")}\n`;
}

/** `prfaq personas`: the library from a server, or with `local` from this installation's files. */
export async function personas(cmd: { server: string; apiKey?: string | undefined; local: boolean; json: boolean; env: Record<string, string | undefined> }, term: Terminal): Promise<number> {
  const list = cmd.local ? await localPersonas(cmd.env) : await createApiClient(cmd).personas();
  term.stdout.write(cmd.json ? `${JSON.stringify({ personas: list }, null, 2)}\n` : formatPersonas(list, term));
  return 0;
}

/** This installation's persona library (PRFAQ_PERSONAS_DIR, else the repository's personas/). */
async function localPersonas(env: Record<string, string | undefined>): Promise<readonly Persona[]> {
  const [{ loadConfig }, { defaultPersonaDir, loadPersonaLibrary }] = await Promise.all([import("../config.js"), import("../personas/loader.js")]);
  return (await loadPersonaLibrary(loadConfig(env).PRFAQ_PERSONAS_DIR ?? defaultPersonaDir())).all;
}
