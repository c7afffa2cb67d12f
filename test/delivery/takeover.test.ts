// Issue 25: after a crash with the embedded database, the restarted bot sends what the dead run had
// claimed at once (its lock proves nobody else runs) instead of waiting for the claims to lapse.
import { describe, expect, it } from "vitest";
import { acquireLease } from "../../src/db/lease.ts";
import { reclaimAfterCrash } from "../../src/delivery/claim.ts";
import { DEFAULT_SENDER_OPTIONS } from "../../src/delivery/sender-options.ts";
import { SENDER_LEASE } from "../../src/delivery/sender.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";

describe.skipIf(skipPg)("taking over delivery after a crash (embedded database)", () => {
  const db = useTestDatabase();

  it("makes the dead run's claims due now and frees its sender lease; backoffs and fresh messages keep their time", async () => {
    const now = new Date("2026-12-01T01:00:00Z");
    const at = (ms: number) => new Date(now.getTime() + ms);
    const message = (key: string, attempts: number, nextAttemptAt: Date) =>
      db.prisma.outboxMessage.create({
        data: {
          dedupeKey: key,
          chatId: 1n,
          method: "sendMessage",
          payload: { text: key },
          attempts,
          nextAttemptAt,
        },
      });
    const claimed = await message("claimed", 1, at(12_000));
    const backoff = await message("backoff", 3, at(4 * 60_000));
    const fresh = await message("fresh", 0, now);
    await acquireLease(
      db.prisma,
      SENDER_LEASE,
      "dead-host:1:abc",
      DEFAULT_SENDER_OPTIONS.senderLeaseMs,
      at(-1000),
    );

    expect(DEFAULT_SENDER_OPTIONS.messageLeaseMs).toBeLessThanOrEqual(15_000);
    expect(await reclaimAfterCrash(db.prisma, now, DEFAULT_SENDER_OPTIONS.messageLeaseMs, SENDER_LEASE)).toBe(
      1,
    );
    const rows = new Map((await db.prisma.outboxMessage.findMany()).map((m) => [m.id, m.nextAttemptAt]));
    expect(rows.get(claimed.id)).toEqual(now);
    expect(rows.get(backoff.id)).toEqual(at(4 * 60_000));
    expect(rows.get(fresh.id)).toEqual(now);
    // The new run takes the sender role at once.
    expect(await acquireLease(db.prisma, SENDER_LEASE, "new-host:2:def", 15_000, now)).toBe(true);
  });
});
