// The outbox sender: the one place that pushes queued messages to Telegram, under its limits,
// exactly once as far as Telegram lets anyone know (see "Exactly once" below). Transport only:
// what a lost chat or a refused message means for the district is the policy handed in as
// onLostChat / onDeadLetter, and what a sent card means (where it sits) is onSent: see
// use-cases/outbox-policy/delivery-policy.ts.
import type { OutboxMessage } from "../generated/prisma/client.ts";
import { acquireLease, instanceId, releaseLease } from "../db/lease.ts";
import { claimDue, renewClaims } from "./claim.ts";
import { systemClock, type DeliveryClock } from "./clock.ts";
import { classifyFailure, retryDelayMs, type RefusalHandler, type SendFailure } from "./failures.ts";
import { markSent, messageIdOf, withUploads } from "./mark-sent.ts";
import { renderLetters } from "../documents/letters.ts";

import type { OutboxSender, SenderDeps, SenderOptions } from "./sender-options.ts";
import { DEFAULT_SENDER_OPTIONS } from "./sender-options.ts";

export { classifyFailure, type SendFailure } from "./failures.ts";
export * from "./sender-options.ts";

export const SENDER_LEASE = "outbox-sender";

class Deferred extends Error {
  constructor(readonly until: number) {
    super("deferred behind an earlier message to the same chat");
  }
}

/** Its chat answered 403 after it was queued: it is not sent (the policy has usually cancelled it). */
class ChatLost extends Error {
  constructor(readonly text: string) {
    super("the chat was lost before this message was sent");
  }
}

interface SenderState {
  deps: SenderDeps;
  options: SenderOptions;
  clock: DeliveryClock;
  holder: string;
  /** Claimed messages; `onWire` once the Bot API call has started. */
  inflight: Map<number, { onWire: boolean; done: Promise<void> }>;
  /** A chat whose earlier message was put back: later ones wait for it, so order holds. */
  blockedChats: Map<string, number>;
  /** Chats that answered 403: when, and what Telegram said. */
  lostChats: Map<string, { at: number; text: string }>;
  running: boolean;
  /** Killed: whatever has not reached Telegram is left as it is, lease and all, as after a crash. */
  abandon: boolean;
  lastRenewal: number;
  /** Cuts the idle pause short when a message finishes or the sender stops. */
  wake: AbortController | null;
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
  const state: SenderState = {
    deps,
    options: { ...DEFAULT_SENDER_OPTIONS, ...deps.options },
    clock: deps.clock ?? systemClock,
    holder: deps.holder ?? instanceId(),
    inflight: new Map(),
    blockedChats: new Map(),
    lostChats: new Map(),
    running: true,
    abandon: false,
    lastRenewal: 0,
    wake: null,
  };
  const loop = runLoop(state);
  return {
    stop: (timeoutMs = 5000) => shutdown(state, loop, false, timeoutMs),
    kill: () => shutdown(state, loop, true, 5000),
    inFlight: () => state.inflight.size,
  };
}

async function runLoop(state: SenderState): Promise<void> {
  const { deps, options } = state;
  while (state.running) {
    let claimed = 0;
    try {
      claimed = await cycle(state);
    } catch (error) {
      if (!state.abandon) deps.logger.error({ err: error }, "outbox sender cycle failed");
    }
    if (!state.running) break;
    // Keep the limiter fed while a push drains; otherwise poll.
    const pause = claimed > 0 && state.inflight.size < options.maxInFlight ? 50 : options.pollMs;
    state.wake = new AbortController();
    await state.clock.sleep(pause, state.wake.signal);
    state.wake = null;
  }
}

/** One round: hold the sender lease, renew the claimed messages' leases, claim more if there is room. */
async function cycle(state: SenderState): Promise<number> {
  const { deps, options, inflight } = state;
  const now = new Date(state.clock.now());
  const holds = await acquireLease(deps.db, SENDER_LEASE, state.holder, options.senderLeaseMs, now);
  if (!holds || !state.running) return 0;
  await renewLeases(state);
  // Claim in sizeable batches: each claim scans the queue, so a trickle of tiny ones costs more.
  const room = options.maxInFlight - inflight.size;
  if (room < Math.min(options.maxInFlight / 4, 50) && inflight.size > 0) return 0;
  state.lastRenewal = Math.min(state.lastRenewal, now.getTime());
  const rows = await claimDue(deps.db, now, options.messageLeaseMs, room);
  let count = 0;
  for (const message of rows) {
    // Our own lease lapsed while it still waits here: it is already on its way.
    if (inflight.has(message.id)) continue;
    const entry = { onWire: false, done: Promise.resolve() };
    inflight.set(message.id, entry);
    entry.done = deliver(state, message, entry).finally(() => {
      inflight.delete(message.id);
      state.wake?.abort();
    });
    count += 1;
  }
  return count;
}

async function renewLeases(state: SenderState): Promise<void> {
  const now = state.clock.now();
  if (state.inflight.size === 0 || now - state.lastRenewal < state.options.messageLeaseMs / 3) return;
  state.lastRenewal = now;
  await renewClaims(state.deps.db, [...state.inflight.keys()], now, state.options.messageLeaseMs);
}

async function deliver(
  state: SenderState,
  message: OutboxMessage,
  entry: { onWire: boolean },
): Promise<void> {
  const { deps, clock } = state;
  const chat = String(message.chatId);
  const payload = withUploads(
    await renderLetters({ ...(message.payload as Record<string, unknown>), chat_id: Number(message.chatId) }),
  );
  let result: unknown;
  try {
    result = await deps.limiter.schedule(
      chat,
      Math.max(1, message.priority),
      () => {
        entry.onWire = true;
        return deps.callApi(message.method, payload);
      },
      () => {
        const blockedUntil = state.blockedChats.get(chat) ?? 0;
        if (blockedUntil > clock.now()) throw new Deferred(blockedUntil);
        if (!state.running) throw new Deferred(clock.now());
        const lost = state.lostChats.get(chat);
        if (lost && message.createdAt.getTime() <= lost.at) throw new ChatLost(lost.text);
      },
    );
  } catch (error) {
    if (state.abandon && !entry.onWire) return;
    if (error instanceof ChatLost) return deadLetter(state, message, error.text, undefined);
    if (error instanceof Deferred || !entry.onWire) await handBack(state, message, error);
    else await recordFailure(state, message, classifyFailure(error));
    return;
  }
  await markSent(deps.db, message, messageIdOf(result), new Date(clock.now()), deps.onSent);
  deps.metrics?.outboxSent();
}

/** Never reached Telegram: hand it back (after the earlier message of its chat). */
async function handBack(state: SenderState, message: OutboxMessage, error: unknown): Promise<void> {
  const chat = String(message.chatId);
  const until = error instanceof Deferred ? error.until + 1 : state.clock.now();
  await state.deps.db.outboxMessage.updateMany({
    where: { id: message.id, status: "PENDING" },
    data: {
      nextAttemptAt: new Date(until),
      attempts: { decrement: 1 },
      lastError:
        error instanceof Deferred && state.blockedChats.has(chat)
          ? "waiting for an earlier message to this chat"
          : null,
    },
  });
}

async function recordFailure(
  state: SenderState,
  message: OutboxMessage,
  failure: SendFailure,
): Promise<void> {
  const { deps } = state;
  const chat = String(message.chatId);
  deps.metrics?.outboxFailed(failure.kind);
  switch (failure.kind) {
    case "retry-after":
    case "transient":
      await scheduleRetry(state, message, failure);
      return;
    case "not-modified":
      // An edit that changes nothing already shows what we wanted.
      await markSent(deps.db, message, null, new Date(state.clock.now()));
      return;
    case "forbidden":
      await deadLetter(state, message, failure.text, deps.onLostChat);
      // Only once the chat is marked lost in the database may later messages to it be cancelled.
      state.lostChats.set(chat, { at: state.clock.now(), text: failure.text });
      deps.logger.warn({ outboxId: message.id, chat }, "chat blocked the bot or removed it; dead-lettered");
      return;
    case "rejected":
      await deadLetter(state, message, failure.text, deps.onDeadLetter);
      deps.logger.error(
        { outboxId: message.id, chat, error: failure.text },
        "Telegram rejected a message; dead-lettered",
      );
      return;
  }
}

async function scheduleRetry(
  state: SenderState,
  message: OutboxMessage,
  failure: SendFailure,
): Promise<void> {
  const { deps, options } = state;
  const chat = String(message.chatId);
  const backoff = { baseMs: options.backoffBaseMs, maxMs: options.backoffMaxMs };
  const delay = retryDelayMs(failure, message.attempts, backoff, state.deps.random ?? Math.random);
  const until = state.clock.now() + delay;
  if (failure.kind === "retry-after") {
    deps.metrics?.telegram429();
    deps.limiter.holdChat(chat, failure.ms);
  }
  state.blockedChats.set(chat, Math.max(state.blockedChats.get(chat) ?? 0, until));
  deps.logger.warn(
    { outboxId: message.id, chat, delayMs: Math.round(delay), error: failure.text },
    "send failed; will retry",
  );
  await deps.db.outboxMessage.updateMany({
    where: { id: message.id, status: "PENDING" },
    data: { nextAttemptAt: new Date(until), lastError: failure.text },
  });
}

/** DEAD with Telegram's description, and the policy told, in one transaction (once: only if it was still PENDING). */
async function deadLetter(
  state: SenderState,
  message: OutboxMessage,
  error: string,
  policy: RefusalHandler | undefined,
): Promise<void> {
  const at = new Date(state.clock.now());
  await state.deps.db.$transaction(async (tx) => {
    const { count } = await tx.outboxMessage.updateMany({
      where: { id: message.id, status: "PENDING" },
      data: { status: "DEAD", lastError: error },
    });
    if (count === 1 && policy)
      await policy(tx, { id: message.id, chatId: message.chatId, kind: message.kind, error, at });
  });
}

async function shutdown(
  state: SenderState,
  loop: Promise<void>,
  crash: boolean,
  timeoutMs: number,
): Promise<void> {
  state.abandon = crash;
  state.running = false;
  state.wake?.abort();
  await loop;
  // Jobs still queued never reached Telegram: handed back now (or, after a crash, when their lease lapses).
  await state.deps.limiter.stop(true);
  // Calls on the wire finish and are recorded (see "Exactly once" above for a real crash there).
  // A real-time grace: it bounds how long a process shutdown waits, whatever clock the sends use.
  const grace = new AbortController();
  await Promise.race([
    Promise.all([...state.inflight.values()].map((e) => e.done)).finally(() => grace.abort()),
    systemClock.sleep(timeoutMs, grace.signal),
  ]);
  if (!crash) await releaseLease(state.deps.db, SENDER_LEASE, state.holder).catch(() => undefined);
}
