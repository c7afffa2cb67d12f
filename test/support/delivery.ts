import { setTimeout as sleep } from "node:timers/promises";
import { Telegram } from "telegraf";
import { systemClock, type DeliveryClock } from "../../src/delivery/clock.ts";
import type { CallApi } from "../../src/delivery/limiter.ts";
import { enqueueMessage, PRIORITY } from "../../src/delivery/outbox.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { BotApiServer, RecordedCall } from "./bot-api-server.ts";

/**
 * telegraf's own client against the stand-in: the sender sees exactly what it would see in
 * production. On a simulated clock, time stands still while a call is on the wire, so the stand-in
 * stamps it with the instant the limiter released it (as on a network with no delay).
 */
export function standInCallApi(server: BotApiServer, clock?: SimulatedClock): CallApi {
  const telegram = new Telegram(server.token, { apiRoot: server.url });
  const call = telegram.callApi.bind(telegram) as CallApi;
  return clock ? (method, payload, extra) => clock.during(() => call(method, payload, extra)) : call;
}

export interface SimulatedClock extends DeliveryClock {
  /** Runs `work` with the clock stopped: nothing that sleeps on this clock wakes meanwhile. */
  during<T>(work: () => Promise<T>): Promise<T>;
}

/**
 * A discrete-event clock for delivery tests: Telegram's windows are simulated, not waited out.
 * Whenever nothing holds it (see `during`), it jumps to the earliest sleeper's deadline and wakes
 * it, one step per turn of the event loop so database and HTTP callbacks run in between. It starts
 * at the real time, so rows stamped by the database's now() are never in its future.
 */
export function simulatedClock(start = Date.now()): SimulatedClock {
  let current = start;
  let held = 0;
  let order = 0;
  let pending = false;
  const sleepers: Array<{ at: number; order: number; wake: () => void }> = [];
  const step = () => {
    pending = false;
    if (held > 0 || sleepers.length === 0) return;
    sleepers.sort((a, b) => a.at - b.at || a.order - b.order);
    current = Math.max(current, sleepers[0]?.at ?? current);
    while (sleepers.length > 0 && (sleepers[0]?.at ?? Infinity) <= current) sleepers.shift()?.wake();
    pump();
  };
  const pump = () => {
    if (pending) return;
    pending = true;
    setImmediate(step);
  };
  return {
    now: () => current,
    sleep(ms, signal) {
      if (signal?.aborted) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const entry = {
          at: current + Math.max(0, ms),
          order: order++,
          wake: () => {
            signal?.removeEventListener("abort", cancel);
            resolve();
          },
        };
        const cancel = () => {
          const index = sleepers.indexOf(entry);
          if (index >= 0) sleepers.splice(index, 1);
          resolve();
        };
        signal?.addEventListener("abort", cancel, { once: true });
        sleepers.push(entry);
        pump();
      });
    },
    async during(work) {
      held += 1;
      try {
        return await work();
      } finally {
        held -= 1;
        pump();
      }
    },
  };
}

export interface Mix {
  groups: number;
  privates: number;
  perChat: number;
}

/** Chat ids of a mix: groups -100…, private chats 9000…. */
export function chatsOf(mix: Mix): number[] {
  const groups = Array.from({ length: mix.groups }, (_, i) => -1_000_000_000_000 - i);
  const privates = Array.from({ length: mix.privates }, (_, i) => 9_000_000 + i);
  return [...groups, ...privates];
}

/** Queues perChat numbered messages to each chat, round by round, the way a push fills the outbox. */
export async function queueMix(prisma: PrismaClient, mix: Mix): Promise<number> {
  const chats = chatsOf(mix);
  let count = 0;
  for (let round = 0; round < mix.perChat; round++) {
    await prisma.$transaction(async (tx) => {
      for (const chatId of chats) {
        await enqueueMessage(tx, {
          dedupeKey: `test:${chatId}:${round}`,
          chatId,
          method: "sendMessage",
          payload: { text: `m ${chatId} ${round}` },
          priority: PRIORITY.bulk,
        });
        count += 1;
      }
    });
  }
  return count;
}

/**
 * The sender's database on a simulated clock: time stands still while a statement runs, so a slow
 * statement on a busy test machine costs no simulated time (as a Bot API call costs none).
 */
export function onClock(prisma: PrismaClient, clock: SimulatedClock): PrismaClient {
  return prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        return clock.during(() => query(args));
      },
    },
  }) as unknown as PrismaClient;
}

/**
 * Waits until nothing is pending (or `timeoutMs` of real time passes) and returns how long it took
 * on `clock` (simulated milliseconds when the sender runs on a simulated clock).
 */
export async function waitForDrain(
  prisma: PrismaClient,
  timeoutMs: number,
  clock: DeliveryClock = systemClock,
): Promise<number> {
  const started = Date.now();
  const simulatedStart = clock.now();
  while (Date.now() - started < timeoutMs) {
    if ((await prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0)
      return clock.now() - simulatedStart;
    await sleep(clock === systemClock ? 250 : 20);
  }
  throw new Error(`outbox not drained after ${timeoutMs} ms`);
}

/** Texts delivered to each chat, in arrival order. */
export function deliveredByChat(calls: RecordedCall[]): Map<string, string[]> {
  const byChat = new Map<string, string[]>();
  for (const call of calls) {
    const chat = String(call.payload.chat_id);
    byChat.set(chat, [...(byChat.get(chat) ?? []), String(call.payload.text)]);
  }
  return byChat;
}

/** Every queued message arrived exactly once, and each chat got its messages in the order queued. */
export function deliveryReport(mix: Mix, calls: RecordedCall[]) {
  const texts = calls.map((c) => String(c.payload.text));
  const byChat = deliveredByChat(calls);
  const outOfOrder = [...byChat.entries()].filter(
    ([chat, list]) => list.join("|") !== expectedFor(chat, mix.perChat).join("|"),
  );
  return {
    delivered: texts.length,
    distinct: new Set(texts).size,
    outOfOrder: outOfOrder.map(([chat]) => chat),
  };
}

function expectedFor(chat: string, perChat: number): string[] {
  return Array.from({ length: perChat }, (_, round) => `m ${chat} ${round}`);
}
