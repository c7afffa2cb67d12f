// The HTTP side of the bot: Telegram's webhook, /healthz, /metrics and the Mini App (src/web/), on plain node:http.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import type { Update } from "telegraf/types";
import type { Logger } from "../logger.ts";
import type { HealthReport } from "../use-cases/status/index.ts";
import { HttpError, readBody, sendJson } from "./respond.ts";

/** Telegram's updates are far smaller; anything bigger is not Telegram. */
export const MAX_BODY_BYTES = 1024 * 1024;
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookOptions {
  /** Path Telegram posts to, e.g. "/telegram/<random>"; compared without the query string. */
  path: string;
  /** The `secret_token` given to setWebhook; Telegram sends it back on every request. */
  secret: string;
  handleUpdate: (update: Update) => Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  host?: string;
  webhook?: WebhookOptions;
  health: () => Promise<HealthReport>;
  /** The Mini App and its API (src/web/): answers the request and returns true, or false when not its path. */
  web?: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<boolean>;
  metrics: Registry;
  logger?: Logger;
  /** How long close() waits for requests in flight before cutting them (ms). */
  closeTimeoutMs?: number;
}

export interface HttpServer {
  server: Server;
  /** The bound port (useful with port 0). */
  port: number;
  /** Stops accepting, lets requests in flight finish (a webhook update in progress commits), then resolves. */
  close(): Promise<void>;
}

/** Listens on `port` (0 picks a free one) and resolves once it accepts connections. */
export async function createHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { webhook, logger } = options;
  const secret = webhook ? Buffer.from(webhook.secret, "utf8") : null;
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | null = null;

  const server = createServer((req, res) => {
    inFlight += 1;
    if (closing) res.setHeader("connection", "close");
    route(req, res)
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          sendJson(res, error.status, { ok: false, error: error.message });
          return;
        }
        logger?.error({ err: error, path: req.url }, "http request failed");
        sendJson(res, 500, { ok: false, error: "internal error" });
      })
      .finally(() => {
        inFlight -= 1;
        if (closing) {
          server.closeIdleConnections();
          if (inFlight === 0) drained?.();
        }
      });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (webhook && secret && path === webhook.path) {
      if (req.method !== "POST") throw new HttpError(405, "method not allowed");
      await receiveUpdate(req, res, webhook, secret);
      return;
    }
    if (options.web && (await options.web(req, res, path))) return;
    if (req.method !== "GET" && req.method !== "HEAD") throw new HttpError(404, "not found");
    if (path === "/healthz") {
      const report = await options.health();
      sendJson(res, report.ok ? 200 : 503, report);
      return;
    }
    if (path === "/metrics") {
      const text = await options.metrics.metrics();
      res.writeHead(200, {
        "content-type": options.metrics.contentType,
        "content-length": Buffer.byteLength(text),
      });
      res.end(text);
      return;
    }
    throw new HttpError(404, "not found");
  }

  async function receiveUpdate(
    req: IncomingMessage,
    res: ServerResponse,
    hook: WebhookOptions,
    expected: Buffer,
  ): Promise<void> {
    // Checked before the body is read: a stranger's request costs us nothing and changes nothing.
    if (!secretMatches(req.headers[SECRET_HEADER], expected)) {
      logger?.warn(
        { remote: req.socket.remoteAddress },
        "webhook request with a wrong or missing secret refused",
      );
      res.setHeader("connection", "close");
      throw new HttpError(401, "unauthorized");
    }
    const body = await readBody(req, res, MAX_BODY_BYTES);
    let update: unknown;
    try {
      update = JSON.parse(body.toString("utf8"));
    } catch {
      throw new HttpError(400, "body is not JSON");
    }
    if (!isUpdate(update)) throw new HttpError(400, "body is not a Telegram update");
    // Telegram redelivers on anything but 2xx; the bot's boundary already answered people about
    // errors of their own, so only a failure of the handling itself (e.g. the database) asks for a retry.
    await hook.handleUpdate(update);
    sendJson(res, 200, { ok: true });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    server,
    port: (server.address() as AddressInfo).port,
    async close() {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        const timeout = options.closeTimeoutMs ?? 10_000;
        await Promise.race([
          new Promise<void>((resolve) => (drained = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, timeout).unref()),
        ]);
      }
      server.closeAllConnections();
      await stopped;
    },
  };
}

/** Constant time, so the secret cannot be guessed byte by byte from response times. */
export function secretMatches(header: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header, "utf8");
  // timingSafeEqual needs equal lengths; the length alone tells an attacker nothing useful.
  if (given.length !== expected.length) return false;
  return timingSafeEqual(given, expected);
}

function isUpdate(value: unknown): value is Update {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Number.isSafeInteger((value as { update_id?: unknown }).update_id)
  );
}
