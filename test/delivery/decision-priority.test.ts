import { Telegram } from "telegraf";
import { describe, expect, it } from "vitest";
import { createSendLimiter, wrapTelegramApi } from "../../src/delivery/limiter.ts";
import { enqueueMessage, PRIORITY } from "../../src/delivery/outbox.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
import { createLogger } from "../../src/logger.ts";
import { startBotApiServer } from "../support/bot-api-server.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";

const GROUP = -1002003004005;

/**
 * A decision's edit of the digest shares the group's 20 messages a minute with the bulk pushes
 * (issue 14: a rejection showed after 7 s): it goes through the same limiter at the top priority,
 * so it waits for one gap at most, never behind the queue.
 */
describe.skipIf(skipPg)("a decision's edit and the bulk pushes to one HR group", () => {
  const db = useTestDatabase();

  it("the edit goes ahead of the bulk messages still waiting", async () => {
    for (let i = 0; i < 6; i++)
      await enqueueMessage(db.prisma, {
        dedupeKey: `bulk:${i}`,
        chatId: GROUP,
        method: "sendMessage",
        payload: { text: `bulk ${i}` },
        priority: PRIORITY.bulk,
      });
    const clock = simulatedClock();
    const server = await startBotApiServer({ now: clock.now });
    const limiter = createSendLimiter({ clock });
    // The bot's own calls, as main.ts wires them: through the limiter at the interactive priority.
    const telegram = new Telegram(server.token, { apiRoot: server.url });
    wrapTelegramApi(telegram as unknown as Parameters<typeof wrapTelegramApi>[0], limiter);
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter,
      logger: createLogger("silent"),
      clock,
    });
    let editAt: number;
    try {
      // The first bulk message is out: an approver presses and the handler edits it.
      while (server.delivered().length === 0) await new Promise((r) => setTimeout(r, 10));
      const first = server.delivered()[0];
      await telegram.editMessageText(GROUP, first?.messageId ?? 0, undefined, "✅ Disetujui");
      editAt = clock.now();
      await waitForDrain(db.prisma, 60_000, clock);
    } finally {
      await sender.stop();
      await limiter.stop(true);
      await server.close();
    }
    const order = server.calls
      .filter((c) => c.outcome === "ok" && String(c.payload.chat_id) === String(GROUP))
      .map((c) => (c.method === "editMessageText" ? "edit" : String(c.payload.text)));
    // At most the one message already handed to the group's lane is ahead of it.
    expect(order.indexOf("edit")).toBeLessThanOrEqual(2);
    expect(order.filter((o) => o === "edit")).toHaveLength(1);
    expect(order.filter((o) => o.startsWith("bulk"))).toHaveLength(6);
    const firstAt = server.delivered()[0]?.at ?? 0;
    expect(editAt - firstAt).toBeLessThanOrEqual(7_000);
  });
});
