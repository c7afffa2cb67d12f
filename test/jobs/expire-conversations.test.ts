import { describe, expect, it } from "vitest";
import { expireConversations } from "../../src/use-cases/lifecycle/index.ts";
import { createLogger } from "../../src/logger.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";
import { buttonData, sdHeadPerson, seedUnitHeadDistrict } from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("expireConversations", () => {
  const db = useTestDatabase();

  const conversation = (touchedAt: string, extra: Record<string, boolean> = {}) => ({
    conversation: { name: "vacancy", step: "count", data: { ...extra }, nonce: "abc123", touchedAt },
  });

  it("ends conversations silent for more than 30 minutes and queues 'percakapan berakhir' once, in the person's language", async () => {
    const clock = fixedClock("2026-11-30T01:00:00Z");
    await db.prisma.user.create({ data: { telegramId: 7002n, name: "English", locale: "en" } });
    await db.prisma.conversationSession.createMany({
      data: [
        { key: "7001:7001", data: conversation("2026-11-30T00:29:00Z"), version: 3 },
        { key: "7002:7002", data: conversation("2026-11-30T00:20:00Z"), version: 1 },
        { key: "7003:7003", data: conversation("2026-11-30T00:45:00Z"), version: 1 },
        { key: "7004:7004", data: conversation("2026-11-30T00:00:00Z", { passive: true }), version: 1 },
        {
          key: "7005:7005",
          data: { conversation: { ...conversation("2026-11-30T00:00:00Z").conversation, step: "done" } },
          version: 1,
        },
      ],
    });
    const deps = { db: db.prisma, clock, logger: createLogger("silent") };
    expect(await expireConversations(deps, clock.now())).toBe(2);
    expect(await expireConversations(deps, clock.now())).toBe(0);

    const outbox = await db.prisma.outboxMessage.findMany({ orderBy: { chatId: "asc" } });
    expect(outbox.map((m) => [m.chatId, m.method])).toEqual([
      [7001n, "sendMessage"],
      [7002n, "sendMessage"],
    ]);
    expect((outbox[0]!.payload as { text: string }).text).toContain("Percakapan berakhir");
    expect((outbox[1]!.payload as { text: string }).text).toContain("The conversation ended");
    const sessions = await db.prisma.conversationSession.findMany({ orderBy: { key: "asc" } });
    const state = (key: string) =>
      (sessions.find((s) => s.key === key)!.data as { conversation: unknown }).conversation;
    expect(state("7001:7001")).toBeNull();
    expect(sessions.find((s) => s.key === "7001:7001")!.version).toBe(4);
    expect(state("7003:7003")).not.toBeNull();
    // A list left open is cleared without a message; a sent report is left alone.
    expect(state("7004:7004")).toBeNull();
    expect(state("7005:7005")).toMatchObject({ step: "done" });
  });

  it("clears a real conversation so the person's next answer is not taken", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const clock = fixedClock("2026-11-30T00:00:00Z");
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(sdHeadPerson, "/lowongan"));
    await t.send(callbackUpdate(sdHeadPerson, buttonData(t.calls, "Guru Kelas SD"), { message_id: 1000 }));
    clock.advance(31 * 60_000);
    expect(
      await expireConversations({ db: db.prisma, clock, logger: createLogger("silent") }, clock.now()),
    ).toBe(1);
    await t.send(textUpdate(sdHeadPerson, "2"));
    expect(sentTexts(t.calls).at(-1)).toContain("tidak mengerti");
    expect(await db.prisma.vacancy.count()).toBe(0);
  });
});
