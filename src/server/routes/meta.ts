import { Hono } from "hono";
import type { PersonaLibrary } from "../../personas/loader.js";
import type { StoreHealth } from "../../store/health.js";
import { HttpProblem } from "../problem.js";
import { STORE_RETRY_AFTER_SECONDS } from "../store-outage.js";
import { z } from "zod";
import { PersonaSchema } from "../../domain/persona.js";
import { json, parameters, problem, route } from "../openapi.js";
import { HealthSchema, PersonaListSchema, ReadinessSchema } from "../wire-schemas.js";

const PersonaPathSchema = z.object({ id: PersonaSchema.shape.id });

export type MetaRoutesDeps = { health: StoreHealth; personas: PersonaLibrary };

/** Health, readiness and the persona library. */
export function createMetaRoutes(deps: MetaRoutesDeps) {
  const app = new Hono();

  app.get(
    "/healthz",
    route({ operationId: "health", tags: ["operations"], summary: "Liveness", description: "The process is up. Needs no key.", responses: { 200: json("Up", HealthSchema, { status: "ok" }) } }),
    (c) => c.json({ status: "ok" }),
  );

  app.get(
    "/readyz",
    route({
      operationId: "readiness",
      tags: ["operations"],
      summary: "Readiness",
      description: "Redis is reachable and a worker was seen in the last 30 s. Needs no key.",
      redis: true,
      responses: {
        200: json("Ready", ReadinessSchema, { status: "ready", redis: "ok", workers: 1 }),
        503: problem(503, "Not ready: no worker has been seen in the last 30 s; `detail` says so."),
      },
    }),
    async (c) => {
      const { storage: redis, workers } = await deps.health.check();
      if (redis !== "ok" || workers === 0) {
        const detail = redis !== "ok" ? `Redis is not reachable: ${redis}` : "No worker has been seen in the last 30 seconds; reviews would wait in the queue.";
        throw new HttpProblem(503, "not-ready", detail, undefined, { "Retry-After": String(STORE_RETRY_AFTER_SECONDS) });
      }
      return c.json({ status: "ready", redis, workers });
    },
  );

  app.get(
    "/v1/personas",
    route({ operationId: "listPersonas", tags: ["personas"], summary: "List the persona library", responses: { 200: json("Every persona", PersonaListSchema) } }),
    (c) => c.json({ personas: deps.personas.all }),
  );
  app.get(
    "/v1/personas/:id",
    parameters("param", PersonaPathSchema),
    route({ operationId: "getPersona", tags: ["personas"], summary: "Get a persona", responses: { 200: json("The persona", PersonaSchema), 404: problem(404, "No persona with this id.") } }),
    (c) => {
      const persona = deps.personas.byId(c.req.param("id"));
      if (!persona) throw new HttpProblem(404, "not-found", `No persona with id ${c.req.param("id")}. GET /v1/personas lists them.`);
      return c.json(persona);
    },
  );

  return app;
}
