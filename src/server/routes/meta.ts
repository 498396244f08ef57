import { Hono } from "hono";
import type { PersonaLibrary } from "../../personas/loader.js";
import type { StoreHealth } from "../../store/health.js";
import { HttpProblem } from "../problem.js";
import { STORE_RETRY_AFTER_SECONDS } from "../store-outage.js";

export type MetaRoutesDeps = { health: StoreHealth; personas: PersonaLibrary };

/** Health, readiness and the persona library. */
export function createMetaRoutes(deps: MetaRoutesDeps) {
  const app = new Hono();

  app.get("/healthz", (c) => c.json({ status: "ok" }));

  app.get("/readyz", async (c) => {
    const { storage: redis, workers } = await deps.health.check();
    if (redis !== "ok" || workers === 0) {
      const detail = redis !== "ok" ? `Redis is not reachable: ${redis}` : "No worker has been seen in the last 30 seconds; reviews would wait in the queue.";
      throw new HttpProblem(503, "not-ready", detail, undefined, { "Retry-After": String(STORE_RETRY_AFTER_SECONDS) });
    }
    return c.json({ status: "ready", redis, workers });
  });

  app.get("/v1/personas", (c) => c.json({ personas: deps.personas.all }));
  app.get("/v1/personas/:id", (c) => {
    const persona = deps.personas.byId(c.req.param("id"));
    if (!persona) throw new HttpProblem(404, "not-found", `No persona with id ${c.req.param("id")}. GET /v1/personas lists them.`);
    return c.json(persona);
  });

  return app;
}
