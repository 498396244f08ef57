import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CliEnvSchema } from "../../src/cli/env.js";
import { ConfigEnvSchema } from "../../src/config.js";
import { REFERENCE_FILES } from "../../scripts/config-reference.js";

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

describe("the configuration reference", () => {
  for (const [file, render] of Object.entries(REFERENCE_FILES)) {
    it(`${file} is what the schemas generate (npm run config:docs rewrites it)`, () => {
      expect(read(file)).toBe(render());
    });
  }

  it(".env.example lists every variable of the config schemas, each with its default and meaning", () => {
    const example = read(".env.example");
    const listed = [...example.matchAll(/^#([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    const names = [...Object.keys(ConfigEnvSchema.shape), ...Object.keys(CliEnvSchema.shape)];
    expect(listed.filter((n) => names.includes(n ?? ""))).toEqual(names);
    for (const [name, schema] of Object.entries({ ...ConfigEnvSchema.shape, ...CliEnvSchema.shape })) {
      expect(schema.description, `${name} has a meaning`).toBeTruthy();
      expect(example).toMatch(new RegExp(`# default: [^\\n]+\\n#${name}=`));
    }
  });
});
