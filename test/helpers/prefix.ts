import { randomBytes } from "node:crypto";

/** A unique key prefix per test, so tests share one Redis without seeing each other's data. */
export function testPrefix(name = "t"): string {
  return `${name}-${randomBytes(4).toString("hex")}`;
}
