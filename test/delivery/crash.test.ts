import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { startOutboxSender, type SenderDeps } from "../../src/delivery/sender.ts";
import { createLogger } from "../../src/logger.ts";
import { startBotApiServer, type BotApiServer } from "../support/bot-api-server.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import {
  deliveryReport,
  onClock,
  queueMix,
  simulatedClock,
  standInCallApi,
  waitForDrain,
} from "../support/delivery.ts";

describe.skipIf(skipPg)("outbox sender killed mid-drain", () => {
  const db = useTestDatabase({ resetEach: false });
  let server: BotApiServer;
  // Telegram's windows and the leases run on a simulated clock: seconds of real time, not a minute.
  const clock = simulatedClock();
  beforeAll(async () => {
    server = await startBotApiServer({ now: clock.now });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("a new sender takes over after the lease lapses and every message still arrives once, in order", async () => {
    const mix = { groups: 50, privates: 200, perChat: 4 };
    const total = await queueMix(db.prisma, mix);
    const deps = (holder: string): SenderDeps => ({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ ratePerSecond: 25, clock }),
      logger: createLogger("silent"),
      clock,
      holder,
      // Short leases keep the test short; the sender lease outlives the message leases, so when the
      // new sender starts every message the dead one had claimed is due again.
      options: { messageLeaseMs: 3000, senderLeaseMs: 3500 },
    });
    const first = startOutboxSender(deps("first"));
    while (server.delivered().length < total * 0.3) await sleep(5);
    expect(first.inFlight()).toBeGreaterThan(total * 0.1);
    await first.kill();
    const claimedByDead = await db.prisma.outboxMessage.count({
      where: { status: "PENDING", attempts: { gt: 0 } },
    });
    expect(claimedByDead).toBeGreaterThan(total * 0.1);

    const second = startOutboxSender(deps("second"));
    try {
      await waitForDrain(db.prisma, 90_000, clock);
    } finally {
      await second.stop();
    }
    expect(deliveryReport(mix, server.delivered())).toEqual({
      delivered: total,
      distinct: total,
      outOfOrder: [],
    });
    expect(server.calls.filter((c) => c.outcome !== "ok")).toEqual([]);
  }, 120_000);
});
