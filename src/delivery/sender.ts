// The outbox sender: the one place that pushes queued messages to Telegram, under its limits,
// exactly once as far as Telegram lets anyone know (see "Exactly once" below).
import { setTimeout as sleep } from "node:timers/promises";
import { isLocale, translate, type Locale } from "../messages/locales/index.ts";
import type { Db, DbTx } from "../db/client.ts";
import type { OutboxMessage } from "../generated/prisma/client.ts";
import { acquireLease, instanceId, releaseLease } from "../db/lease.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../metrics.ts";
import type { CallApi, SendLimiter } from "./limiter.ts";
import { enqueueMessage, PRIORITY } from "./outbox.ts";

export interface SenderOptions {
  /** How often to look for due messages when idle. */
  pollMs: number;
  /** Messages claimed at most at once (queued in the limiter or on the wire). */
  maxInFlight: number;
  /** A claimed message is invisible to other claims this long; renewed while it waits in the limiter. */
  messageLeaseMs: number;
  /** The sender role itself: one instance at a time. */
  senderLeaseMs: number;
  /** Exponential backoff for 5xx and network errors: base * 2^(attempt-1), capped, with jitter. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = {
  pollMs: 500,
  maxInFlight: 300,
  messageLeaseMs: 60_000,
  senderLeaseMs: 15_000,
  backoffBaseMs: 1000,
  backoffMaxMs: 5 * 60_000,
};

export interface SenderDeps {
  db: Db;
  /** The unwrapped Bot API call (what wrapTelegramApi returns, or telegram.callApi in a CLI). */
  callApi: CallApi;
  limiter: SendLimiter;
  logger: Logger;
  config: { ADMIN_TELEGRAM_IDS: bigint[]; DEFAULT_LOCALE: Locale };
  holder?: string;
  options?: Partial<SenderOptions>;
  random?: () => number;
  /** Counters for /metrics. */
  metrics?: Pick<Metrics, "outboxSent" | "outboxFailed" | "telegram429">;
}

export interface OutboxSender {
  /** Graceful: stop claiming, let calls on the wire finish and record, hand queued ones back. */
  stop(timeoutMs?: number): Promise<void>;
  /**
   * For tests of crash recovery: everything stops as if the process died outside a Bot API call;
   * claimed messages keep their lease (they come back after it lapses), nothing is handed back.
   */
  kill(): Promise<void>;
  /** Messages claimed by this sender right now. */
  inFlight(): number;
}

export const SENDER_LEASE = "outbox-sender";

/** How Telegram (or the network) answered a failed call. */
export type SendFailure =
  | { kind: "retry-after"; ms: number; text: string }
  | { kind: "transient"; text: string }
  | { kind: "not-modified"; text: string }
  | { kind: "forbidden"; text: string }
  | { kind: "rejected"; text: string };

/** telegraf's TelegramError carries the Bot API answer; anything else is the network. */
export function classifyFailure(error: unknown): SendFailure {
  const response = (
    error as {
      response?: { error_code?: unknown; description?: unknown; parameters?: { retry_after?: unknown } };
    }
  )?.response;
  if (response && typeof response.error_code === "number") {
    const code = response.error_code;
    const text = `${code} ${String(response.description ?? "")}`.trim();
    if (code === 429)
      return { kind: "retry-after", ms: Number(response.parameters?.retry_after ?? 1) * 1000, text };
    if (code >= 500) return { kind: "transient", text };
    if (code === 400 && /message is not modified/i.test(text)) return { kind: "not-modified", text };
    if (code === 403) return { kind: "forbidden", text };
    return { kind: "rejected", text };
  }
  const err = error as { code?: unknown; message?: unknown };
  return {
    kind: "transient",
    text: `network: ${String(err?.code ?? "")} ${String(err?.message ?? error)}`.trim(),
  };
}

class Deferred extends Error {
  constructor(readonly until: number) {
    super("deferred behind an earlier message to the same chat");
  }
}

/**
 * Exactly once: a message is claimed by a conditional update (due, PENDING, no earlier message of
 * the same chat waiting for a retry — that keeps each chat's order) that pushes nextAttemptAt forward by the lease and counts the attempt, in
 * priority/createdAt order with SKIP LOCKED. After a crash the lease lapses and the message is due
 * again. It is marked SENT in the statement right after Telegram answers; a crash between the two
 * (a few milliseconds) would send it again, because the Bot API has no idempotency key. Nothing
 * else can duplicate: the dedupe key is unique, and only the holder of the sender lease claims.
 */
export function startOutboxSender(deps: SenderDeps): OutboxSender {
  const options = { ...DEFAULT_SENDER_OPTIONS, ...deps.options };
  const holder = deps.holder ?? instanceId();
  const random = deps.random ?? Math.random;
  const { db, logger, limiter } = deps;
  /** Claimed messages; `onWire` once the Bot API call has started. */
  const inflight = new Map<number, { onWire: boolean; done: Promise<void> }>();
  /** A chat whose earlier message was put back: later ones wait for it, so order holds. */
  const blockedChats = new Map<string, number>();
  let running = true;
  /** Killed: whatever has not reached Telegram is left as it is, lease and all, as after a crash. */
  let abandon = false;
  let lastRenewal = 0;
  let wake: (() => void) | null = null;

  const loop = (async () => {
    while (running) {
      let claimed = 0;
      try {
        const holds = await acquireLease(db, SENDER_LEASE, holder, options.senderLeaseMs);
        if (holds && running) {
          await renewLeases();
          // Claim in sizeable batches: each claim scans the queue, so a trickle of tiny ones costs more.
          const room = options.maxInFlight - inflight.size;
          if (room >= Math.min(options.maxInFlight / 4, 50) || inflight.size === 0)
            claimed = await claimAndDispatch(room);
        }
      } catch (error) {
        if (!abandon) logger.error({ err: error }, "outbox sender cycle failed");
      }
      if (!running) break;
      // Keep the limiter fed while a push drains; otherwise poll.
      const pause = claimed > 0 && inflight.size < options.maxInFlight ? 50 : options.pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  })();

  async function renewLeases(): Promise<void> {
    const now = Date.now();
    if (inflight.size === 0 || now - lastRenewal < options.messageLeaseMs / 3) return;
    lastRenewal = now;
    await db.outboxMessage.updateMany({
      where: { id: { in: [...inflight.keys()] }, status: "PENDING" },
      data: { nextAttemptAt: new Date(now + options.messageLeaseMs) },
    });
  }

  async function claimAndDispatch(room: number): Promise<number> {
    const now = new Date();
    const leaseUntil = new Date(now.getTime() + options.messageLeaseMs);
    lastRenewal = Math.min(lastRenewal, now.getTime());
    // "waiting" is small (messages put back after a failure), so it is computed once per claim.
    const rows = await db.$queryRaw<OutboxMessage[]>`
      WITH waiting AS MATERIALIZED (
        SELECT "chatId", "priority", "createdAt", "id" FROM "OutboxMessage"
        WHERE "status" = 'PENDING' AND "nextAttemptAt" > ${now} AND "lastError" IS NOT NULL
      ), picked AS (
        SELECT o."id" FROM "OutboxMessage" o
        WHERE o."status" = 'PENDING' AND o."nextAttemptAt" <= ${now}
          AND NOT EXISTS (
            SELECT 1 FROM waiting e
            WHERE e."chatId" = o."chatId"
              AND (e."priority", e."createdAt", e."id") < (o."priority", o."createdAt", o."id"))
        ORDER BY o."priority", o."createdAt", o."id"
        LIMIT ${room}
        FOR UPDATE OF o SKIP LOCKED
      )
      UPDATE "OutboxMessage" m SET "nextAttemptAt" = ${leaseUntil}, "attempts" = m."attempts" + 1
      FROM picked WHERE m."id" = picked."id"
      RETURNING m.*`;
    rows.sort(
      (a, b) => a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id,
    );
    let count = 0;
    for (const message of rows) {
      // Our own lease lapsed while it still waits here: it is already on its way.
      if (inflight.has(message.id)) continue;
      const entry = { onWire: false, done: Promise.resolve() };
      inflight.set(message.id, entry);
      entry.done = deliver(message, entry).finally(() => {
        inflight.delete(message.id);
        wake?.();
      });
      count += 1;
    }
    return count;
  }

  async function deliver(message: OutboxMessage, entry: { onWire: boolean }): Promise<void> {
    const chat = String(message.chatId);
    const payload = withUploads({
      ...(message.payload as Record<string, unknown>),
      chat_id: Number(message.chatId),
    });
    let result: unknown;
    try {
      result = await limiter.schedule(
        chat,
        Math.max(1, message.priority),
        () => {
          entry.onWire = true;
          return deps.callApi(message.method, payload);
        },
        () => {
          const blockedUntil = blockedChats.get(chat) ?? 0;
          if (blockedUntil > Date.now()) throw new Deferred(blockedUntil);
          if (!running) throw new Deferred(Date.now());
        },
      );
    } catch (error) {
      if (abandon && !entry.onWire) return;
      if (error instanceof Deferred || !entry.onWire) {
        // Never reached Telegram: hand it back (after the earlier message of its chat).
        const until = error instanceof Deferred ? error.until + 1 : Date.now();
        await db.outboxMessage.updateMany({
          where: { id: message.id, status: "PENDING" },
          data: {
            nextAttemptAt: new Date(until),
            attempts: { decrement: 1 },
            lastError:
              error instanceof Deferred && blockedChats.has(chat)
                ? "waiting for an earlier message to this chat"
                : null,
          },
        });
        return;
      }
      await recordFailure(message, classifyFailure(error));
      return;
    }
    await markSent(db, message, messageIdOf(result));
    deps.metrics?.outboxSent();
  }

  async function recordFailure(message: OutboxMessage, failure: SendFailure): Promise<void> {
    const chat = String(message.chatId);
    deps.metrics?.outboxFailed(failure.kind);
    if (failure.kind === "retry-after") deps.metrics?.telegram429();
    switch (failure.kind) {
      case "retry-after":
      case "transient": {
        const delay =
          failure.kind === "retry-after"
            ? failure.ms
            : Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, message.attempts - 1)) *
              (0.5 + random());
        const until = Date.now() + delay;
        if (failure.kind === "retry-after") limiter.holdChat(chat, failure.ms);
        blockedChats.set(chat, Math.max(blockedChats.get(chat) ?? 0, until));
        logger.warn(
          { outboxId: message.id, chat, delayMs: Math.round(delay), error: failure.text },
          "send failed; will retry",
        );
        await db.outboxMessage.updateMany({
          where: { id: message.id, status: "PENDING" },
          data: { nextAttemptAt: new Date(until), lastError: failure.text },
        });
        return;
      }
      case "not-modified":
        // An edit that changes nothing already shows what we wanted.
        await markSent(db, message, null);
        return;
      case "forbidden":
        await db.$transaction((tx) => handleForbidden(tx, message, failure.text));
        logger.warn({ outboxId: message.id, chat }, "chat blocked the bot or removed it; marked inactive");
        return;
      case "rejected":
        logger.error(
          { outboxId: message.id, chat, error: failure.text },
          "Telegram rejected a message; dead-lettered",
        );
        await db.outboxMessage.updateMany({
          where: { id: message.id, status: "PENDING" },
          data: { status: "DEAD", lastError: failure.text },
        });
        return;
    }
  }

  async function handleForbidden(tx: DbTx, message: OutboxMessage, text: string): Promise<void> {
    const chatId = message.chatId;
    await tx.outboxMessage.updateMany({
      where: { id: message.id, status: "PENDING" },
      data: { status: "DEAD", lastError: text },
    });
    await tx.outboxMessage.updateMany({
      where: { chatId, status: "PENDING" },
      data: { status: "CANCELLED", lastError: `chat inactive after: ${text}` },
    });
    let who: string;
    if (chatId < 0n) {
      const group = await tx.hrGroup.findUnique({ where: { chatId }, include: { agency: true } });
      await tx.hrGroup.updateMany({ where: { chatId }, data: { active: false } });
      who = group ? `${group.title ?? group.agency.name} (${group.agency.code})` : String(chatId);
    } else {
      const user = await tx.user.findUnique({ where: { telegramId: chatId } });
      await tx.user.updateMany({ where: { telegramId: chatId }, data: { active: false } });
      who = user ? user.name : String(chatId);
    }
    // A notice that itself bounces must not start another round of notices.
    if (message.kind === "admin-notice") return;
    const admins = await tx.user.findMany({ where: { role: "ADMIN", active: true } });
    const recipients = new Map<string, Locale>();
    for (const id of deps.config.ADMIN_TELEGRAM_IDS) recipients.set(String(id), deps.config.DEFAULT_LOCALE);
    for (const admin of admins)
      recipients.set(
        String(admin.telegramId),
        isLocale(admin.locale) ? admin.locale : deps.config.DEFAULT_LOCALE,
      );
    recipients.delete(String(chatId));
    for (const [adminId, locale] of recipients) {
      await enqueueMessage(tx, {
        dedupeKey: `blocked:${chatId}:${message.id}:${adminId}`,
        chatId: BigInt(adminId),
        method: "sendMessage",
        payload: {
          text: translate(locale, chatId < 0n ? "check.admin.group_blocked" : "check.admin.user_blocked", {
            who,
            chat: String(chatId),
            error: text,
          }),
          parse_mode: "HTML",
        },
        priority: PRIORITY.notice,
        kind: "admin-notice",
      });
    }
  }

  async function shutdown(crash: boolean, timeoutMs: number): Promise<void> {
    abandon = crash;
    running = false;
    wake?.();
    await loop;
    // Jobs still queued never reached Telegram: handed back now (or, after a crash, when their lease lapses).
    await limiter.stop(true);
    // Calls on the wire finish and are recorded (see "Exactly once" above for a real crash there).
    await Promise.race([Promise.all([...inflight.values()].map((e) => e.done)), sleep(timeoutMs)]);
    if (!crash) await releaseLease(db, SENDER_LEASE, holder).catch(() => undefined);
  }

  return {
    stop: (timeoutMs = 5000) => shutdown(false, timeoutMs),
    kill: () => shutdown(true, 5000),
    inFlight: () => inflight.size,
  };
}

/** Marks a message sent and runs its kind's hook, in one transaction. */
async function markSent(db: Db, message: OutboxMessage, sentMessageId: number | null): Promise<void> {
  const data = { status: "SENT" as const, sentAt: new Date(), sentMessageId, lastError: null };
  if (message.kind !== "proposal-card") {
    // One statement: the window in which a crash would send this message again stays a round trip.
    await db.outboxMessage.updateMany({ where: { id: message.id, status: "PENDING" }, data });
    return;
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: "PENDING" },
      data,
    });
    if (count === 1 && message.refId !== null && sentMessageId !== null) {
      await tx.proposal.updateMany({
        where: { id: message.refId },
        data: { cardChatId: message.chatId, cardMessageId: sentMessageId },
      });
    }
  });
}

function messageIdOf(result: unknown): number | null {
  if (typeof result === "object" && result !== null && "message_id" in result) {
    const id = Number((result as { message_id: unknown }).message_id);
    return Number.isFinite(id) ? id : null;
  }
  return null;
}

/**
 * Files ride in the outbox as `{ base64, filename }` (the payload is JSON); telegraf uploads a
 * `{ source: Buffer, filename }` as multipart, so that is what goes on the wire.
 */
export function withUploads(payload: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(payload).map(([key, value]) => {
      if (value && typeof value === "object" && "base64" in value && typeof value.base64 === "string") {
        const filename = "filename" in value && typeof value.filename === "string" ? value.filename : key;
        return [key, { source: Buffer.from(value.base64, "base64"), filename }];
      }
      return [key, value];
    }),
  );
}
