import type { Logger } from "pino";

/** Per-request values routes may read: the request id, a logger carrying it, and who is asking. */
export type AppEnv = {
  Variables: {
    requestId: string;
    log: Logger;
    /** The caller: a hash of their API key, or "local" when the server has no keys. */
    owner: string;
  };
};
