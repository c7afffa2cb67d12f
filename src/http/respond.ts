import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

const gzipAsync = promisify(gzip);
/** Below this a JSON answer goes as it is: compressing it saves less than the headers cost. */
const GZIP_FROM_BYTES = 1024;

/** An answer with this status and message instead of the route's own (401, 404, 413…). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Reads at most `limit` bytes; beyond that the request is refused and its connection closed. */
export function readBody(req: IncomingMessage, res: ServerResponse, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const tooLarge = () => {
      req.removeAllListeners("data");
      req.resume();
      res.setHeader("connection", "close");
      reject(new HttpError(413, "body too large"));
    };
    if (Number(req.headers["content-length"] ?? 0) > limit) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge();
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * A JSON answer, gzipped when the client takes it and it is worth it (the district of a province is
 * megabytes of text; Salor's connections are slow). Compressed off the event loop.
 */
export async function sendJsonTo(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
): Promise<void> {
  const text = Buffer.from(JSON.stringify(body), "utf8");
  const accepts = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
  if (!accepts || text.length < GZIP_FROM_BYTES || res.headersSent) {
    sendJson(res, status, body);
    return;
  }
  const packed = await gzipAsync(text);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-encoding": "gzip",
    vary: "accept-encoding",
    "content-length": packed.length,
  });
  res.end(packed);
}
