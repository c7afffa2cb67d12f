import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
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
  type SimulatedClock,
} from "../support/delivery.ts";

describe.skipIf(skipPg)("outbox sender under Telegram's limits", () => {
  const db = useTestDatabase({ resetEach: false });
  let server: BotApiServer;
  let clock: SimulatedClock;
  beforeAll(async () => {
    // The stand-in enforces the real limits: 30/s overall, 20/min per group, 1/s per private chat,
    // measured like the sender's on a simulated clock (seconds of real time instead of a minute).
    clock = simulatedClock();
    server = await startBotApiServer({ now: clock.now });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("delivers 1,000 queued messages to 50 groups and 200 private chats, each once, in order, without a 429", async () => {
    const mix = { groups: 50, privates: 200, perChat: 4 };
    expect(await queueMix(db.prisma, mix)).toBe(1000);
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ ratePerSecond: 25, clock }),
      logger: createLogger("silent"),
      clock,
    });
    try {
      const ms = await waitForDrain(db.prisma, 80_000, clock);
      // 1,000 messages at 25 a second take at least 40 s; much slower means the limiter starves.
      expect(ms).toBeGreaterThanOrEqual(40_000);
      expect(ms).toBeLessThan(55_000);
    } finally {
      await sender.stop();
    }
    expect(server.calls.filter((c) => c.outcome !== "ok")).toEqual([]);
    const report = deliveryReport(mix, server.delivered());
    expect(report).toEqual({ delivered: 1000, distinct: 1000, outOfOrder: [] });
    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows.every((r) => r.status === "SENT" && r.sentMessageId !== null && r.attempts === 1)).toBe(true);
  }, 100_000);
});
