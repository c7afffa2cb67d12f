// The two statements that make a message this sender's for a while (see "Exactly once" in sender.ts).
import type { Db } from "../db/client.ts";
import type { OutboxMessage } from "../generated/prisma/client.ts";

/**
 * Claims up to `room` due messages: PENDING, due, no earlier message of the same chat waiting for a
 * retry (that keeps each chat's order); pushes nextAttemptAt forward by the lease and counts the
 * attempt, in priority/createdAt order with SKIP LOCKED. Returned in sending order.
 */
export async function claimDue(db: Db, now: Date, leaseMs: number, room: number): Promise<OutboxMessage[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
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
  return rows.sort(
    (a, b) => a.priority - b.priority || a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id,
  );
}

/** Keeps claimed messages that still wait in the limiter invisible to other claims. */
export async function renewClaims(db: Db, ids: number[], now: number, leaseMs: number): Promise<void> {
  await db.outboxMessage.updateMany({
    where: { id: { in: ids }, status: "PENDING" },
    data: { nextAttemptAt: new Date(now + leaseMs) },
  });
}

/**
 * After a crash, with the embedded database: the data directory's lock proves no other instance runs,
 * so what the dead one had claimed is due again at once and its sender lease is freed (issue 25: the
 * restarted bot finishes a check's pushes in seconds, not after the claims lapse). A message claimed
 * but never sent is sent now; one the dead instance sent without recording it would have been sent
 * again after its lease anyway (the at-least-once window the dedupe key cannot close).
 */
export async function reclaimAfterCrash(
  db: Db,
  now: Date,
  leaseMs: number,
  senderLease: string,
): Promise<number> {
  await db.lease.deleteMany({ where: { name: senderLease } });
  const { count } = await db.outboxMessage.updateMany({
    where: {
      status: "PENDING",
      attempts: { gt: 0 },
      nextAttemptAt: { gt: now, lte: new Date(now.getTime() + leaseMs) },
    },
    data: { nextAttemptAt: now },
  });
  return count;
}
