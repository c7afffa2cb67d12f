import type { IncomingMessage, ServerResponse } from "node:http";
import { webApi, type WebApiDeps } from "./api.ts";
import { clientFiles } from "./client-files.ts";

/** The Mini App (src/web/): its page under /app/ and its API under /api/v1/, for the HTTP server. */
export function webApp(deps: WebApiDeps, options: { clientDir?: string } = {}) {
  const api = webApi(deps);
  const page = clientFiles(options.clientDir);
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> =>
    (await api(req, res, path)) || (await page(req, res, path));
}
