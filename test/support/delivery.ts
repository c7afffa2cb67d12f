import { setTimeout as sleep } from "node:timers/promises";
import { Telegram } from "telegraf";
import type { CallApi } from "../../src/delivery/limiter.ts";
import { enqueueMessage, PRIORITY } from "../../src/delivery/outbox.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import type { BotApiServer, RecordedCall } from "./bot-api-server.ts";

/** telegraf's own client against the stand-in: the sender sees exactly what it would see in production. */
export function standInCallApi(server: BotApiServer): CallApi {
  const telegram = new Telegram(server.token, { apiRoot: server.url });
  return telegram.callApi.bind(telegram) as CallApi;
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

/** Waits until nothing is pending (or the deadline passes) and returns how long it took. */
export async function waitForDrain(prisma: PrismaClient, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if ((await prisma.outboxMessage.count({ where: { status: "PENDING" } })) === 0)
      return Date.now() - started;
    await sleep(250);
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
