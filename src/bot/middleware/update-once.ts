import type { MiddlewareFn } from "telegraf";
import { Prisma } from "../../generated/prisma/client.ts";
import type { BotContext, SessionData } from "../context.ts";
import { isRefusal } from "../telegram-refusal.ts";

/** Thrown inside a transaction when this update_id was already recorded: the work is rolled back. */
export class AlreadyProcessedError extends Error {
  constructor(readonly updateId: number) {
    super(`update ${updateId} already processed`);
  }
}

function sessionKey(ctx: BotContext): string | null {
  const chat = ctx.chat?.id;
  const from = ctx.from?.id;
  if (chat === undefined || from === undefined) return null;
  return `${chat}:${from}`;
}

/**
 * Each update is handled once (webhooks are redelivered; polling repeats after a crash):
 * a recorded update_id is skipped before any handler runs. Handlers that change data do it in
 * ctx.transact, which records the update_id and the session in the same transaction; everything
 * else is recorded when the handler ends.
 */
export const updateOnce: MiddlewareFn<BotContext> = async (ctx, next) => {
  const { db } = ctx.deps;
  const updateId = ctx.update.update_id;
  const key = sessionKey(ctx);
  // Both lookups at once: one round trip of waiting instead of two (the session read is wasted only
  // for a redelivered update, which is rare).
  const [seen, stored] = await Promise.all([
    db.processedUpdate.findUnique({ where: { updateId: BigInt(updateId) } }),
    key ? db.conversationSession.findUnique({ where: { key } }) : null,
  ]);
  if (seen) return;
  let version = stored?.version ?? 0;
  let savedJson = stored ? JSON.stringify(stored.data) : "{}";
  ctx.session = stored ? (stored.data as SessionData) : {};
  let recorded = false;

  const saveSession = async (tx: Prisma.TransactionClient) => {
    const json = JSON.stringify(ctx.session ?? {});
    if (!key || json === savedJson) return;
    const data = JSON.parse(json) as Prisma.InputJsonValue;
    if (version === 0 && !stored) {
      await tx.conversationSession.create({ data: { key, data, version: 1 } });
    } else {
      const { count } = await tx.conversationSession.updateMany({
        where: { key, version },
        data: { data, version: version + 1 },
      });
      // Another update for the same person committed first (a double press): this one loses.
      if (count === 0) throw new AlreadyProcessedError(updateId);
    }
    version += 1;
    savedJson = json;
  };

  /** Records the update_id; false when another delivery of the same update got there first. */
  const insertUpdateId = async (client: Prisma.TransactionClient | typeof db) => {
    const { count } = await client.processedUpdate.createMany({
      data: [{ updateId: BigInt(updateId) }],
      skipDuplicates: true,
    });
    return count === 1;
  };

  const record = async (tx: Prisma.TransactionClient) => {
    if (recorded) return;
    if (!(await insertUpdateId(tx))) throw new AlreadyProcessedError(updateId);
    recorded = true;
  };

  ctx.transact = async (work, options) => {
    try {
      return await db.$transaction(
        async (tx) => {
          await record(tx);
          const result = await work(tx);
          await saveSession(tx);
          return result;
        },
        { timeout: options?.timeoutMs ?? 5_000, maxWait: 10_000 },
      );
    } catch (error) {
      recorded = false;
      if (isUniqueViolationOn(error, "ConversationSession")) throw new AlreadyProcessedError(updateId);
      throw error;
    }
  };

  try {
    await next();
  } catch (error) {
    // Telegram refused a reply: a redelivery would be refused again, so the update counts as handled
    // (what ctx.transact committed stays; a session change that went with the refused reply does not).
    if (isRefusal(error) && !recorded) await insertUpdateId(db);
    throw error;
  }

  const sessionChanged = key !== null && JSON.stringify(ctx.session ?? {}) !== savedJson;
  if (!sessionChanged) {
    // Most updates only read: recording the update_id is one statement, no transaction needed
    // (and none at all when ctx.transact already recorded it).
    if (!recorded) await insertUpdateId(db);
    return;
  }
  await db.$transaction(async (tx) => {
    if (!recorded) await insertUpdateId(tx);
    await saveSession(tx);
  });
};

function isUniqueViolationOn(error: unknown, model: string): boolean {
  return (
    error instanceof Prisma.PrismaClientKnownRequestError &&
    error.code === "P2002" &&
    JSON.stringify(error.meta ?? {}).includes(model)
  );
}
