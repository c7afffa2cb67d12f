import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

/** Where `npm ci` builds the Mini App's page (vite build client, see package.json "build:client"). */
export const CLIENT_DIR = resolve(import.meta.dirname, "../../dist/client");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json; charset=utf-8",
};

interface Loaded {
  body: Buffer;
  gzipped: Buffer | null;
  type: string;
}

/**
 * Serves the built page under /app/: index.html for the app's own paths, files by name. Files are
 * read once and kept with a gzip copy (the page is small; slow connections are the rule in Salor);
 * the hashed assets are cached for a year, the page itself never, so a release shows at once.
 */
export function clientFiles(dir = CLIENT_DIR) {
  const cache = new Map<string, Promise<Loaded | null>>();
  const load = (file: string) => {
    let loaded = cache.get(file);
    if (!loaded) {
      loaded = readFile(file).then(
        (body): Loaded => {
          const type = TYPES[extname(file)] ?? "application/octet-stream";
          const compressible = !type.startsWith("image/png");
          return { body, gzipped: compressible ? gzipSync(body) : null, type };
        },
        () => null,
      );
      cache.set(file, loaded);
    }
    return loaded;
  };

  return async function serveClient(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
  ): Promise<boolean> {
    if (path === "/app") {
      res.writeHead(301, { location: "/app/" });
      res.end();
      return true;
    }
    if (!path.startsWith("/app/") || (req.method !== "GET" && req.method !== "HEAD")) return false;
    const name = decodeURIComponent(path.slice("/app/".length));
    const asset = name.startsWith("assets/");
    const file = resolve(dir, asset ? name : "index.html");
    // Nothing outside the built folder, whatever the path says.
    if (!file.startsWith(dir + sep)) return false;
    const loaded = await load(file);
    if (!loaded) {
      const missing = asset ? "not found" : "the Mini App is not built: run npm ci (or npm run build:client)";
      res.writeHead(asset ? 404 : 503, { "content-type": "text/plain; charset=utf-8" });
      res.end(missing);
      return true;
    }
    const gzip = loaded.gzipped && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip && loaded.gzipped ? loaded.gzipped : loaded.body;
    res.writeHead(200, {
      "content-type": loaded.type,
      "content-length": body.length,
      "cache-control": asset ? "public, max-age=31536000, immutable" : "no-cache",
      vary: "accept-encoding",
      "x-content-type-options": "nosniff",
      ...(gzip ? { "content-encoding": "gzip" } : {}),
    });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
