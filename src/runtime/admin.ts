import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { HonoAdapter } from "@bull-board/hono";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import type { ReviewQueue } from "../queue/review-queue.js";
import { ADMIN_PATH } from "../server/admin.js";

/** bull-board over the review queue, as a Hono app the API mounts at {@link ADMIN_PATH} (behind its keys). */
export function createQueueDashboard(queue: ReviewQueue): Hono {
  const adapter = new HonoAdapter(serveStatic).setBasePath(ADMIN_PATH);
  createBullBoard({ queues: [new BullMQAdapter(queue.bullmq)], serverAdapter: adapter, options: { uiConfig: { boardTitle: "prfaq-sim queues" } } });
  return adapter.registerPlugin();
}
