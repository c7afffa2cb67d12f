import { describe, expect, it } from "vitest";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { enqueueMessage } from "../../src/delivery/outbox.ts";
import { classifyFailure, startOutboxSender } from "../../src/delivery/sender.ts";
import { createLogger } from "../../src/logger.ts";
import { createMetrics } from "../../src/metrics.ts";
import { startBotApiServer } from "../support/bot-api-server.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { DEAD_LETTER_WINDOW_MS, deliveryPolicy } from "../../src/use-cases/outbox-policy/index.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";

describe.skipIf(skipPg)("outbox sender: what each Telegram answer does", () => {
  const db = useTestDatabase();

  it("403 marks the group and the person inactive, cancels what else waits for them and tells the admins; other 400s are dead letters", async () => {
    const agency = await db.prisma.agency.create({ data: { code: "DISDIK", name: "Dinas Pendidikan" } });
    await db.prisma.hrGroup.create({ data: { chatId: -100500n, title: "HR Disdik", agencyId: agency.id } });
    await db.prisma.user.create({ data: { telegramId: 4242n, name: "Pak Yos", role: "UNIT_HEAD" } });
    await db.prisma.user.create({ data: { telegramId: 9001n, name: "Admin", role: "ADMIN", locale: "en" } });
    const queue = (key: string, chatId: number) =>
      enqueueMessage(db.prisma, { dedupeKey: key, chatId, method: "sendMessage", payload: { text: key } });
    await queue("group-1", -100500);
    await queue("group-2", -100500);
    await queue("person-1", 4242);
    await queue("missing-1", 5555);
    const clock = simulatedClock();
    const server = await startBotApiServer({
      blockedChats: [-100500, 4242],
      missingChats: [5555],
      now: clock.now,
    });
    const metrics = createMetrics();
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ clock }),
      logger: createLogger("silent"),
      ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [9002n], DEFAULT_LOCALE: "id" }),
      clock,
      metrics,
    });
    try {
      await waitForDrain(db.prisma, 20_000, clock);
    } finally {
      await sender.stop();
      await server.close();
    }
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    const status = Object.fromEntries(rows.map((r) => [r.dedupeKey, r.status]));
    expect(status).toMatchObject({
      "group-1": "DEAD",
      "group-2": "CANCELLED",
      "person-1": "DEAD",
      "missing-1": "DEAD",
    });
    expect(rows.find((r) => r.dedupeKey === "missing-1")?.lastError).toBe("400 Bad Request: chat not found");
    // /metrics counts what happened: the admin notices went out, the refusals are failures by reason.
    const scraped = await metrics.registry.metrics();
    expect(scraped).toMatch(/seimbang_outbox_sent_total [1-9]/);
    expect(scraped).toMatch(/seimbang_outbox_failed_total\{reason="forbidden"\} 2/);
    expect(scraped).toMatch(/seimbang_outbox_failed_total\{reason="rejected"\} 1/);
    // group-2 waited behind group-1 in the limiter; once the group answered 403 it is not sent at all.
    expect(server.calls.filter((c) => String(c.payload.chat_id) === "-100500")).toHaveLength(1);
    expect((await db.prisma.hrGroup.findFirstOrThrow()).active).toBe(false);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { telegramId: 4242n } })).active).toBe(false);
    // Both admins (configured and registered) hear about both chats, each in their language, once.
    const toAdmins = server.delivered().filter((c) => ["9001", "9002"].includes(String(c.payload.chat_id)));
    const refusals = toAdmins.filter((c) => /^⚠️ Telegram (menolak|refused)/.test(String(c.payload.text)));
    const notices = toAdmins.filter((c) => !refusals.includes(c));
    expect(notices).toHaveLength(4);
    // The 400 is told to each admin once, with Telegram's description, after the collection window.
    expect(refusals.map((c) => [String(c.payload.chat_id), String(c.payload.text)]).sort()).toEqual([
      [
        "9001",
        "⚠️ Telegram refused 1 message(s) from Seimbang; they will not be sent again.\n• chat 5555: 400 Bad Request: chat not found\nThe full list is in <code>status</code> (CLI).",
      ],
      [
        "9002",
        "⚠️ Telegram menolak 1 pesan dari Seimbang; pesan itu tidak dikirim ulang.\n• chat 5555: 400 Bad Request: chat not found\nDaftar lengkapnya ada di <code>status</code> (CLI).",
      ],
    ]);
    const refused = server.calls.find((c) => c.outcome === "fault-400");
    expect((refusals[0]?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(DEAD_LETTER_WINDOW_MS);
    expect(
      notices.map((c) => String(c.payload.text)).filter((t) => t.includes("HR Disdik (DISDIK)")),
    ).toHaveLength(2);
    expect(
      notices.some((c) => String(c.payload.text).startsWith("⚠️ Pak Yos (chat 4242) blocked the bot")),
    ).toBe(true);
  }, 30_000);

  it("a burst of 50 refused pushes is one notice per admin: the count and the first descriptions", async () => {
    await db.prisma.user.create({ data: { telegramId: 9001n, name: "Admin", role: "ADMIN", locale: "en" } });
    const missing = Array.from({ length: 50 }, (_, i) => 7_000_000 + i);
    for (const chatId of missing)
      await enqueueMessage(db.prisma, {
        dedupeKey: `push-${chatId}`,
        chatId,
        method: "sendMessage",
        payload: { text: "Pengingat laporan beban kerja" },
      });
    const clock = simulatedClock();
    const server = await startBotApiServer({ missingChats: missing, now: clock.now });
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ clock }),
      logger: createLogger("silent"),
      ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" }),
      clock,
    });
    try {
      await waitForDrain(db.prisma, 20_000, clock);
    } finally {
      await sender.stop();
      await server.close();
    }
    const rows = await db.prisma.outboxMessage.findMany({ where: { dedupeKey: { startsWith: "push-" } } });
    expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual(
      missing.map(() => ["DEAD", 1, "400 Bad Request: chat not found"]),
    );
    const notices = server.delivered().filter((c) => String(c.payload.chat_id) === "9001");
    expect(notices).toHaveLength(1);
    const lines = String(notices[0]?.payload.text).split("\n");
    expect(lines[0]).toBe("⚠️ Telegram refused 50 message(s) from Seimbang; they will not be sent again.");
    expect(lines.slice(1, 6)).toEqual(
      missing.slice(0, 5).map((chat) => `• chat ${chat}: 400 Bad Request: chat not found`),
    );
    expect(lines[6]).toBe("…and 45 more.");
  }, 30_000);

  it("reads Telegram's answers the way the retry rules need", () => {
    const answer = (error_code: number, description: string, retry_after?: number) => ({
      response: {
        ok: false,
        error_code,
        description,
        ...(retry_after ? { parameters: { retry_after } } : {}),
      },
    });
    expect(classifyFailure(answer(429, "Too Many Requests: retry after 7", 7))).toMatchObject({
      kind: "retry-after",
      ms: 7000,
    });
    expect(classifyFailure(answer(502, "Bad Gateway")).kind).toBe("transient");
    expect(
      classifyFailure(answer(400, "Bad Request: message is not modified: specified new message content"))
        .kind,
    ).toBe("not-modified");
    expect(classifyFailure(answer(403, "Forbidden: bot was kicked from the supergroup chat")).kind).toBe(
      "forbidden",
    );
    expect(classifyFailure(answer(400, "Bad Request: can't parse entities")).kind).toBe("rejected");
    expect(classifyFailure(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })).kind).toBe(
      "transient",
    );
  });
});
