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
} from "../support/delivery.ts";

describe.skipIf(skipPg)("outbox sender when Telegram and the network misbehave", () => {
  const db = useTestDatabase({ resetEach: false });
  let server: BotApiServer;
  // retry_after, backoff and the windows run on a simulated clock: seconds of real time, not a minute.
  const clock = simulatedClock();
  beforeAll(async () => {
    server = await startBotApiServer({
      now: clock.now,
      faults: { rate: 0.1, kinds: ["429", "500", "reset"], retryAfter: 1 },
    });
  });
  afterAll(async () => {
    await server?.close();
  });

  it("with 429, 500 and connection resets on 10% of calls, still delivers all 1,000 once and in order", async () => {
    const mix = { groups: 50, privates: 200, perChat: 4 };
    await queueMix(db.prisma, mix);
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ ratePerSecond: 25, clock }),
      logger: createLogger("silent"),
      clock,
      options: { backoffBaseMs: 300 },
    });
    try {
      await waitForDrain(db.prisma, 100_000, clock);
    } finally {
      await sender.stop();
    }
    const outcomes = new Map<string, number>();
    for (const call of server.calls) outcomes.set(call.outcome, (outcomes.get(call.outcome) ?? 0) + 1);
    // Faults really happened, of every kind, and the stand-in's own limits were never hit.
    expect(outcomes.get("fault-429")).toBeGreaterThan(10);
    expect(outcomes.get("fault-500")).toBeGreaterThan(10);
    expect(outcomes.get("fault-reset")).toBeGreaterThan(10);
    expect(outcomes.get("limit-429") ?? 0).toBe(0);
    expect(deliveryReport(mix, server.delivered())).toEqual({
      delivered: 1000,
      distinct: 1000,
      outOfOrder: [],
    });
    const rows = await db.prisma.outboxMessage.findMany();
    expect(rows.filter((r) => r.status !== "SENT")).toEqual([]);
    // Retried messages remember that they needed more than one attempt.
    expect(rows.filter((r) => r.attempts > 1).length).toBeGreaterThan(30);
  }, 120_000);
});
