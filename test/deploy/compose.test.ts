import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";

// The container files' promises that no engine in CI can check by running them (scripts/dockerfile-steps.mjs
// runs the Dockerfile's steps; compose needs Docker): read and held to what docs/deploy.md says.
const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");

const ServiceSchema = z.object({
  command: z.array(z.string()).optional(),
  container_name: z.string().optional(),
  ports: z.array(z.string()).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  healthcheck: z.object({ test: z.array(z.string()).optional(), disable: z.boolean().optional() }).optional(),
  volumes: z.array(z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
});
const ComposeSchema = z.object({ services: z.object({ redis: ServiceSchema, api: ServiceSchema, worker: ServiceSchema }), volumes: z.record(z.string(), z.unknown()) });

describe("compose.yaml", () => {
  const compose = ComposeSchema.parse(parse(read("compose.yaml"), { merge: true }));
  const { redis, api, worker } = compose.services;

  it("runs Redis with an AOF, noeviction and a password, on a volume, with a health check", () => {
    expect(redis.command).toEqual(expect.arrayContaining(["--appendonly", "yes", "--maxmemory-policy", "noeviction", "--requirepass"]));
    expect(redis.volumes?.[0]).toMatch(/^redis-data:\/data$/);
    expect(Object.keys(compose.volumes)).toEqual(["redis-data"]);
    expect(redis.healthcheck?.test).toEqual(["CMD", "redis-cli", "ping"]);
  });

  it("starts the API and the workers once Redis is healthy, both on the password-protected REDIS_URL", () => {
    for (const service of [api, worker]) {
      expect(service.depends_on?.redis?.condition).toBe("service_healthy");
      expect(service.environment?.REDIS_URL).toBe("redis://:${REDIS_PASSWORD:?set REDIS_PASSWORD}@redis:6379");
    }
    expect(api.command).toEqual(["serve"]);
    expect(api.environment?.HOST).toBe("0.0.0.0");
    expect(worker.command).toEqual(["worker"]);
  });

  it("lets workers scale (--scale worker=3): no fixed name, no host port", () => {
    expect(worker.container_name).toBeUndefined();
    expect(worker.ports).toBeUndefined();
  });
});

describe("Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("is multi-stage, runs as a non-root user and checks /healthz", () => {
    expect(dockerfile.match(/^FROM .* AS (\w+)$/gm)).toEqual(["FROM node:20-bookworm-slim AS deps", "FROM node:20-bookworm-slim AS build", "FROM node:20-bookworm-slim AS runtime"]);
    const runtime = dockerfile.slice(dockerfile.indexOf("AS runtime"));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\/healthz/m);
    // Production dependencies only: the final stage copies them from the stage that omits dev ones.
    expect(runtime).toContain("COPY --from=deps /app/node_modules/ node_modules/");
    expect(dockerfile.slice(dockerfile.indexOf("AS deps"), dockerfile.indexOf("AS build"))).toContain("npm ci --omit=dev");
  });
});
