import { writeFile } from "node:fs/promises";
import { createApiClient } from "./client.js";
import type { Terminal } from "./review.js";

/** `prfaq memo ID`: a finished review's memo, as markdown or JSON, to stdout or a file. */
export async function memo(id: string, cmd: { server: string; apiKey?: string | undefined; json: boolean; out?: string | undefined }, term: Terminal): Promise<number> {
  const client = createApiClient(cmd);
  const text = cmd.json ? `${JSON.stringify(await client.memo(id), null, 2)}\n` : await client.memoMarkdown(id);
  if (cmd.out) {
    await writeFile(cmd.out, text, "utf8");
    term.stderr.write(`prfaq: memo of ${id} saved to ${cmd.out}\n`);
  } else term.stdout.write(text);
  return 0;
}
