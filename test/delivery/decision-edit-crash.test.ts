import { Telegram } from "telegraf";
import { describe, expect, it } from "vitest";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
import { createLogger } from "../../src/logger.ts";
import {
  decideProposal,
  DIRECT_EDIT_GRACE_MS,
  queueProposalView,
} from "../../src/use-cases/proposals/index.ts";
import { startBotApiServer } from "../support/bot-api-server.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";
import { HR_CHAT_ID, seedHrDistrict } from "../support/hr-fixtures.ts";
import { approverActor } from "../support/actors.ts";

/**
 * Issue 25: the process dies right after a decision commits, before its handler edits the digest.
 * The edit was queued in the decision's transaction, so the restarted sender shows the decision a
 * grace period later (the handler's own edit would have come first) — never an approved proposal
 * left looking open.
 */
describe.skipIf(skipPg)("a crash between a decision's commit and its edit", () => {
  const db = useTestDatabase();

  it("the sender makes the queued edit once the grace has passed, and only once", async () => {
    const start = Date.now();
    const s = await seedHrDistrict(db.prisma, { now: new Date(start - 60_000) });
    const now = new Date(start);
    const clock = simulatedClock(start);
    const server = await startBotApiServer({ now: clock.now });
    // The card as it was posted in the group.
    const card = await new Telegram(server.token, { apiRoot: server.url }).sendMessage(
      HR_CHAT_ID,
      "Usulan #1",
    );
    await db.prisma.proposal.update({
      where: { id: s.proposal.id },
      data: { cardMessageId: card.message_id },
    });
    await db.prisma.$transaction(async (tx) => {
      const outcome = await decideProposal(tx, {
        proposalId: s.proposal.id,
        actor: approverActor(s.rina.id),
        now,
        timeZone: "Asia/Jayapura",
        verdict: "APPROVE",
        locale: "id",
      });
      await queueProposalView(tx, {
        ...outcome,
        at: { chatId: HR_CHAT_ID, messageId: card.message_id },
        locale: "id",
        timeZone: "Asia/Jayapura",
        now,
      });
    });
    // … and the process is gone: no handler edits. A new instance starts its sender.
    const limiter = createSendLimiter({ clock });
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter,
      logger: createLogger("silent"),
      clock,
    });
    try {
      await waitForDrain(db.prisma, 60_000, clock);
    } finally {
      await sender.stop();
      await limiter.stop(true);
      await server.close();
    }
    const edits = server.calls.filter((c) => c.method === "editMessageText" && c.outcome === "ok");
    expect(edits).toHaveLength(1);
    expect(String(edits[0]?.payload.chat_id)).toBe(String(HR_CHAT_ID));
    expect(Number(edits[0]?.payload.message_id)).toBe(card.message_id);
    expect(String(edits[0]?.payload.text)).toContain("Disetujui tim");
    const late = (edits[0]?.at ?? 0) - start;
    expect(late).toBeGreaterThanOrEqual(DIRECT_EDIT_GRACE_MS);
    expect(late).toBeLessThan(DIRECT_EDIT_GRACE_MS + 2_000);
    const row = await db.prisma.outboxMessage.findFirstOrThrow({ where: { method: "editMessageText" } });
    expect(row.status).toBe("SENT");
  });
});
