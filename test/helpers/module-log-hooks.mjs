// The resolve hook behind module-log.mjs (module hooks run on their own thread).
import { appendFileSync } from "node:fs";

let file;
export function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (file && /opentelemetry|\/@hono\/otel\//.test(result.url)) appendFileSync(file, `${result.url}\n`);
  return result;
}
