// A Bot API stand-in on 127.0.0.1 for tests and the offline demo: it answers like Telegram, records
// every call, enforces Telegram's sending limits with real 429 answers, can inject faults, and
// serves getUpdates from a queue so a real bot.launch() can be driven.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { trackStandIn, type RefusalRecord } from "./refusals.ts";
import { TelegramRules } from "./telegram-rules.ts";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** When the request arrived (Date.now(), or the `now` option's clock). */
  at: number;
  /** What the stand-in answered: "ok", a limit 429, or an injected fault. */
  outcome:
    | "ok"
    | "limit-429"
    | "fault-429"
    | "fault-500"
    | "fault-reset"
    | "fault-403"
    | "fault-400"
    | "refused-400";
  messageId?: number;
}

export interface BotApiLimits {
  /** Messages accepted in any one-second window, all chats together. */
  perSecond: number;
  /** Messages accepted in any 60-second window in one group chat (negative id). */
  groupPerMinute: number;
  /** Minimum gap between two accepted messages in one private chat. */
  privateIntervalMs: number;
}

export interface BotApiFaults {
  /** Fraction (0..1) of message calls answered with an injected fault, split evenly among `kinds`. */
  rate: number;
  kinds?: Array<"429" | "500" | "reset">;
  /** retry_after of an injected 429, seconds. */
  retryAfter?: number;
}

export interface BotApiServerOptions {
  token?: string;
  limits?: Partial<BotApiLimits>;
  faults?: BotApiFaults;
  /** Chats that answer 403 (the bot was blocked or removed). */
  blockedChats?: Array<number | bigint>;
  /** Chats whose sends answer 400 "chat not found". */
  missingChats?: Array<number | bigint>;
  /** The first N calls of a method (e.g. `{ getMe: 2 }`) answer 500 Internal Server Error. */
  failFirst?: Record<string, number>;
  /** Random source, for reproducible fault injection. */
  random?: () => number;
  /** The clock the sending limits are measured on (and `at` recorded with); a simulated one in tests. */
  now?: () => number;
  port?: number;
}

export interface BotApiServer {
  /** Pass as telegraf's `telegram.apiRoot`. */
  url: string;
  token: string;
  calls: RecordedCall[];
  /** What it refused as Telegram would (telegram-rules.ts); strict-telegram.ts fails unexpected ones. */
  refused: RefusalRecord[];
  allowed: RegExp[];
  /** Successfully delivered messages (send*, copy, forward), in arrival order. */
  delivered(): RecordedCall[];
  pushUpdate(update: Record<string, unknown>): void;
  setFaults(faults: BotApiFaults | undefined): void;
  close(): Promise<void>;
}

export const DEFAULT_TOKEN = "123456789:TEST-token-for-seimbang-tests-only";

const COUNTED = /^(send\w+|copyMessage|forwardMessage|editMessage\w+)$/;
const DELIVERS = /^(send\w+|copyMessage|forwardMessage)$/;

const botUser = {
  id: 777000111,
  is_bot: true,
  first_name: "Seimbang",
  username: "seimbang_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

export async function startBotApiServer(options: BotApiServerOptions = {}): Promise<BotApiServer> {
  const token = options.token ?? DEFAULT_TOKEN;
  const limits: BotApiLimits = {
    perSecond: 30,
    groupPerMinute: 20,
    privateIntervalMs: 1000,
    ...options.limits,
  };
  const random = options.random ?? Math.random;
  const clockNow = options.now ?? Date.now;
  let faults = options.faults;
  const blocked = new Set((options.blockedChats ?? []).map(String));
  const missing = new Set((options.missingChats ?? []).map(String));
  const calls: RecordedCall[] = [];
  const accepted: number[] = [];
  const perChat = new Map<string, number[]>();
  let nextMessageId = 1;
  let nextUpdateId = 1;
  const updates: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  const sockets = new Set<Socket>();
  const callsSoFar = new Map<string, number>();
  const rules = new TelegramRules();
  const refused: RefusalRecord[] = [];

  function tooMany(chatId: string, now: number): number | null {
    while (accepted.length > 0 && (accepted[0] ?? 0) <= now - 1000) accepted.shift();
    if (accepted.length >= limits.perSecond)
      return Math.max(1, Math.ceil(((accepted[0] ?? now) + 1000 - now) / 1000));
    const history = perChat.get(chatId) ?? [];
    if (chatId.startsWith("-")) {
      const recent = history.filter((t) => t > now - 60_000);
      if (recent.length >= limits.groupPerMinute)
        return Math.max(1, Math.ceil(((recent[0] ?? now) + 60_000 - now) / 1000));
    } else {
      const last = history.at(-1);
      if (last !== undefined && now - last < limits.privateIntervalMs) return 1;
    }
    return null;
  }

  function pickFault(): "429" | "500" | "reset" | null {
    if (!faults || faults.rate <= 0 || random() >= faults.rate) return null;
    const kinds = faults.kinds ?? ["429", "500", "reset"];
    return kinds[Math.floor(random() * kinds.length)] ?? null;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = clockNow();
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    const body = await readBody(req);
    if (!match || match[1] !== token) {
      const description = "Unauthorized";
      refused.push({
        ok: false,
        error_code: 401,
        description,
        method: "",
        payload: {},
        injected: false,
        settled: false,
      });
      reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      return;
    }
    const method = match[2] ?? "";
    const payload = parsePayload(
      req.headers["content-type"] ?? "",
      body,
      new URL(req.url ?? "/", "http://x").searchParams,
    );
    const record = (outcome: RecordedCall["outcome"], messageId?: number) => {
      calls.push({ method, payload, at, outcome, ...(messageId !== undefined ? { messageId } : {}) });
    };
    const seen = (callsSoFar.get(method) ?? 0) + 1;
    callsSoFar.set(method, seen);
    if (seen <= (options.failFirst?.[method] ?? 0)) {
      record("fault-500");
      reply(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
      return;
    }

    if (method === "getUpdates") {
      await serveUpdates(res, payload);
      return;
    }
    const refusal = rules.check(method, payload);
    if (refusal) {
      refused.push({ ...refusal, method, payload, injected: false, settled: false });
      record("refused-400");
      reply(res, 400, refusal);
      return;
    }
    const chatId = payload.chat_id === undefined ? null : String(payload.chat_id);
    if (COUNTED.test(method) && chatId !== null) {
      const fault = pickFault();
      if (fault === "reset") {
        record("fault-reset");
        req.socket.destroy();
        return;
      }
      if (fault === "500") {
        record("fault-500");
        reply(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
        return;
      }
      if (fault === "429") {
        const retry = faults?.retryAfter ?? 1;
        record("fault-429");
        reply(res, 429, tooManyBody(retry));
        return;
      }
      if (blocked.has(chatId)) {
        record("fault-403");
        reply(res, 403, {
          ok: false,
          error_code: 403,
          description: "Forbidden: bot was blocked by the user",
        });
        return;
      }
      if (missing.has(chatId)) {
        record("fault-400");
        reply(res, 400, { ok: false, error_code: 400, description: "Bad Request: chat not found" });
        return;
      }
      const retry = tooMany(chatId, at);
      if (retry !== null) {
        record("limit-429");
        reply(res, 429, tooManyBody(retry));
        return;
      }
      accepted.push(at);
      perChat.set(chatId, [...(perChat.get(chatId) ?? []).filter((t) => t > at - 60_000), at]);
    }
    const result = answer(method, payload);
    rules.accepted(method, payload, (result as { message_id?: number }).message_id);
    record(
      "ok",
      typeof result === "object" && result !== null && "message_id" in result
        ? Number(result.message_id)
        : undefined,
    );
    reply(res, 200, { ok: true, result });
  }

  function answer(method: string, payload: Record<string, unknown>): unknown {
    const chat = {
      id: Number(payload.chat_id),
      type: Number(payload.chat_id) < 0 ? "supergroup" : "private",
    };
    const date = Math.floor(Date.now() / 1000);
    if (DELIVERS.test(method)) {
      return {
        message_id: nextMessageId++,
        date,
        chat,
        ...(typeof payload.text === "string" ? { text: payload.text } : {}),
      };
    }
    if (method.startsWith("editMessage")) {
      return {
        message_id: Number(payload.message_id),
        date,
        chat,
        ...(typeof payload.text === "string" ? { text: payload.text } : {}),
      };
    }
    if (method === "getMe") return botUser;
    if (method === "getWebhookInfo")
      return { url: "", has_custom_certificate: false, pending_update_count: updates.length };
    return true;
  }

  async function serveUpdates(res: ServerResponse, payload: Record<string, unknown>): Promise<void> {
    const offset = Number(payload.offset ?? 0);
    // Confirmed updates (below the offset) are forgotten, as Telegram does.
    while (updates.length > 0 && Number(updates[0]?.update_id) < offset) updates.shift();
    const timeoutMs = Math.min(Number(payload.timeout ?? 0), 50) * 1000;
    if (updates.length === 0 && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          const index = waiters.indexOf(done);
          if (index >= 0) waiters.splice(index, 1);
          resolve();
        }
        waiters.push(done);
        res.on("close", done);
      });
    }
    const limit = Number(payload.limit ?? 100);
    calls.push({ method: "getUpdates", payload, at: Date.now(), outcome: "ok" });
    if (!res.writableEnded && !res.destroyed) reply(res, 200, { ok: true, result: updates.slice(0, limit) });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) reply(res, 500, { ok: false, error_code: 500, description: String(error) });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  // Idle keep-alive sockets close after 5 s by default; a reply after a long handler (a /cek) would then
  // meet a socket the stand-in closed under it (ECONNRESET): the stand-in keeps them open longer.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const standIn: BotApiServer = {
    url: `http://127.0.0.1:${port}`,
    token,
    calls,
    refused,
    allowed: [],
    delivered: () => calls.filter((c) => c.outcome === "ok" && DELIVERS.test(c.method)),
    pushUpdate(update) {
      updates.push({ update_id: nextUpdateId++, ...update });
      rules.seeUpdate(update);
      for (const wake of [...waiters]) wake();
    },
    setFaults(next) {
      faults = next;
    },
    async close() {
      for (const wake of [...waiters]) wake();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  trackStandIn(standIn);
  return standIn;
}

function tooManyBody(retryAfter: number) {
  return {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** JSON, url-encoded or multipart (sendPhoto/sendDocument uploads: fields kept, files as their names). */
function parsePayload(contentType: string, body: Buffer, query: URLSearchParams): Record<string, unknown> {
  const payload: Record<string, unknown> = Object.fromEntries(query.entries());
  if (body.length === 0) return payload;
  if (contentType.includes("application/json"))
    return { ...payload, ...(JSON.parse(body.toString("utf8")) as Record<string, unknown>) };
  if (contentType.includes("application/x-www-form-urlencoded")) {
    return { ...payload, ...Object.fromEntries(new URLSearchParams(body.toString("utf8")).entries()) };
  }
  const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
  if (contentType.includes("multipart/form-data") && boundary) {
    for (const part of body.toString("latin1").split(`--${boundary}`)) {
      const split = part.indexOf("\r\n\r\n");
      if (split < 0) continue;
      const head = part.slice(0, split);
      const name = /name="([^"]+)"/.exec(head)?.[1];
      if (!name) continue;
      const filename = /filename="([^"]*)"/.exec(head)?.[1];
      const value = part.slice(split + 4).replace(/\r\n$/, "");
      payload[name] =
        filename !== undefined
          ? { filename, size: value.length }
          : Buffer.from(value, "latin1").toString("utf8");
    }
  }
  return payload;
}
