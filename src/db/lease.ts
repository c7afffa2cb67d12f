// One runner across instances: scheduled jobs and the outbox sender hold a lease row in the
// database. PostgreSQL serialises the conditional upsert on the primary key, so of two instances
// asking at once exactly one gets it.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { RunCoordinator } from "node-cron";
import type { DbTx } from "./client.ts";

/** Who we are in the Lease table: host, process and a random part (two bots on one host differ). */
export function instanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}

/**
 * Takes or renews the lease `name` for `ttlMs` when it is free, expired or already ours.
 * Returns whether we hold it now.
 */
export async function acquireLease(
  db: DbTx,
  name: string,
  holder: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows = await db.$queryRaw<Array<{ holder: string }>>`
    INSERT INTO "Lease" ("name", "holder", "expiresAt") VALUES (${name}, ${holder}, ${expiresAt})
    ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
    WHERE "Lease"."expiresAt" < ${now} OR "Lease"."holder" = ${holder}
    RETURNING "holder"`;
  return rows.length === 1 && rows[0]?.holder === holder;
}

/** Gives the lease up (on shutdown) so another instance need not wait for it to expire. */
export async function releaseLease(db: DbTx, name: string, holder: string): Promise<void> {
  await db.lease.deleteMany({ where: { name, holder } });
}

/**
 * node-cron's run coordinator: the key is "<task name>:<scheduled slot ISO>", so each slot is
 * claimed once across instances, whichever fires first. The row outlives the run by `ttlMs`, long
 * enough that a late instance (clock skew, a slow start) still finds it; old slots are swept.
 */
export function leaseRunCoordinator(db: DbTx, holder: string): RunCoordinator {
  let lastSweep = 0;
  return {
    async shouldRun(key, ttlMs) {
      const now = new Date();
      if (now.getTime() - lastSweep > 60 * 60_000) {
        lastSweep = now.getTime();
        await db.lease.deleteMany({ where: { name: { startsWith: "cron:" }, expiresAt: { lt: now } } });
      }
      return acquireLease(db, `cron:${key}`, holder, Math.max(ttlMs, 60_000), now);
    },
  };
}
