import { z } from "zod";

type JsonSchema = { [key: string]: unknown };

/**
 * A zod schema as the JSON Schema OpenAI's strict structured outputs accept: every object closed
 * (`additionalProperties: false`) with every property required. Our model schemas have no optional
 * fields, so nothing is lost; zod still validates the answer afterwards.
 */
export function toStrictJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: "draft-7", io: "output", unrepresentable: "any" }) as JsonSchema;
  delete json.$schema;
  return close(json);
}

function close(node: unknown): JsonSchema {
  if (Array.isArray(node)) return node.map(close) as unknown as JsonSchema;
  if (typeof node !== "object" || node === null) return node as JsonSchema;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(node)) out[k] = typeof v === "object" && v !== null ? close(v) : v;
  if (out.type === "object" && typeof out.properties === "object" && out.properties !== null) {
    out.additionalProperties = false;
    out.required = Object.keys(out.properties);
  }
  return out;
}
