// Writes the configuration reference from the zod schemas: `.env.example` and docs/configuration.md, every
// variable with its default, range and meaning (`.describe()`). A test fails when either file drifts from
// the schemas. Usage: npx tsx scripts/config-reference.ts [--write]   (npm run config:docs)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { CliEnvSchema } from "../src/cli/env.js";
import { ConfigEnvSchema } from "../src/config.js";

/** One variable as JSON Schema shows it (the input side: what an operator writes). */
const PropertySchema = z.object({
  description: z.string(),
  default: z.union([z.string(), z.number()]).optional(),
  defaultText: z.string().optional(),
  type: z.string().optional(),
  enum: z.array(z.string()).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  minLength: z.number().optional(),
  pattern: z.string().optional(),
  format: z.string().optional(),
});
/** `literal`: the default is a value (shown as code), not a sentence. */
type Variable = { name: string; meaning: string; default: string; literal: boolean; range: string; example: string };

function variables(schema: z.ZodObject): Variable[] {
  const json = z.object({ properties: z.record(z.string(), PropertySchema) }).parse(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  return Object.entries(json.properties).map(([name, p]) => ({
    name,
    meaning: p.description,
    default: p.default !== undefined ? String(p.default) : (p.defaultText ?? "unset"),
    literal: p.default !== undefined,
    range: rangeOf(p),
    example: p.default !== undefined ? String(p.default) : "",
  }));
}

function rangeOf(p: z.infer<typeof PropertySchema>): string {
  if (p.enum) return p.enum.join(", ");
  if (p.type === "integer" || p.type === "number") {
    const kind = p.type === "integer" ? "whole number" : "number";
    if (p.minimum !== undefined && p.maximum !== undefined) return `${kind}, ${p.minimum}-${p.maximum}`;
    return p.minimum !== undefined ? `${kind}, at least ${p.minimum}` : kind;
  }
  if (p.format === "uri") return "a URL";
  if (p.pattern) return `text matching \`${p.pattern}\``;
  if (p.minLength && p.minLength > 1) return `text, at least ${p.minLength} characters`;
  return "text";
}

/** Words wrapped to `width` columns, each line starting with `prefix`. */
function wrap(text: string, prefix: string, width = 100): string[] {
  const lines: string[] = [];
  let line = prefix;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line !== prefix) {
      lines.push(line.trimEnd());
      line = prefix;
    }
    line += `${word} `;
  }
  lines.push(line.trimEnd());
  return lines;
}

const GENERATED = "Generated from the zod schemas (ConfigEnvSchema in src/config.ts, CliEnvSchema in src/cli/env.ts) by `npm run config:docs`; do not edit by hand.";

/** LangSmith's variables, read by LangChain itself (not by our schema): listed so an operator finds them. */
const LANGSMITH: Variable[] = [
  { name: "LANGSMITH_TRACING", meaning: "true sends a trace of every review (each seat a named run, tagged with the run id) to LangSmith.", default: "unset", literal: false, range: "true, false", example: "" },
  { name: "LANGSMITH_API_KEY", meaning: "The LangSmith API key the traces are sent with.", default: "unset", literal: false, range: "text", example: "" },
  { name: "LANGSMITH_PROJECT", meaning: "The LangSmith project the traces go to.", default: "default", literal: true, range: "text", example: "" },
];

const escapeCell = (text: string) => text.replace(/\|/g, "\\|");
const table = (vars: Variable[]) => [
  "| variable | default | range | meaning |",
  "| --- | --- | --- | --- |",
  ...vars.map((v) => `| \`${v.name}\` | ${v.literal ? `\`${escapeCell(v.default)}\`` : escapeCell(v.default)} | ${escapeCell(v.range)} | ${escapeCell(v.meaning)} |`),
];

export function renderConfigurationMd(): string {
  return [
    "# Configuration",
    "",
    `<!-- ${GENERATED} -->`,
    "",
    "Everything comes from environment variables, checked at start-up: a bad value stops the process with",
    "every bad variable named. An empty value counts as unset. [`.env.example`](../.env.example) lists the",
    "same variables; `node --env-file=.env bin/prfaq.js dev` (or compose's `env_file`) reads such a file.",
    "Deployment settings in context: [deploy.md](deploy.md); keys and limits: [operations.md](operations.md).",
    "",
    "## The service (`prfaq dev`, `serve`, `worker`)",
    "",
    ...table(variables(ConfigEnvSchema)),
    "",
    "## The `prfaq` client commands (`review`, `watch`, `memo`, `personas`)",
    "",
    ...table(variables(CliEnvSchema)),
    "",
    "## Tracing with LangSmith (read by LangChain)",
    "",
    ...table(LANGSMITH),
    "",
  ].join("\n");
}

export function renderEnvExample(): string {
  const block = (v: Variable) => [...wrap(v.meaning, "# "), `# default: ${v.default}; ${v.range.replace(/`/g, "")}`, `#${v.name}=${v.example}`, ""];
  return [
    ...wrap(`prfaq-sim's environment: every variable, commented out (its default applies). ${GENERATED} Copy it to .env, uncomment what you change, and start with node --env-file=.env bin/prfaq.js dev (compose: env_file). Table: docs/configuration.md.`, "# "),
    "",
    "# ---- the service (prfaq dev, serve, worker)",
    "",
    ...variables(ConfigEnvSchema).flatMap(block),
    "# ---- the prfaq client commands",
    "",
    ...variables(CliEnvSchema).flatMap(block),
    "# ---- tracing with LangSmith (read by LangChain)",
    "",
    ...LANGSMITH.flatMap(block),
  ].join("\n");
}

export const REFERENCE_FILES = { ".env.example": renderEnvExample, "docs/configuration.md": renderConfigurationMd } as const;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  for (const [file, render] of Object.entries(REFERENCE_FILES)) {
    const text = render();
    const current = (() => {
      try {
        return readFileSync(root + file, "utf8");
      } catch {
        return "";
      }
    })();
    if (current === text) process.stdout.write(`${file}: up to date\n`);
    else if (process.argv.includes("--write")) {
      writeFileSync(root + file, text);
      process.stdout.write(`${file}: written\n`);
    } else {
      process.stdout.write(`${file}: out of date (npm run config:docs)\n`);
      process.exitCode = 1;
    }
  }
}
