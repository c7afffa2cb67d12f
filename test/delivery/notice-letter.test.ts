import { describe, expect, it } from "vitest";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
import { loadProposal } from "../../src/db/proposal-query.ts";
import { createLogger } from "../../src/logger.ts";
import { createMetrics } from "../../src/metrics.ts";
import { deliveryPolicy } from "../../src/use-cases/outbox-policy/index.ts";
import { enqueueDecreeLetter } from "../../src/use-cases/decrees/index.ts";
import { enqueueTransferNotice, recordResponse } from "../../src/use-cases/notices/index.ts";
import { startBotApiServer } from "../support/bot-api-server.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";
import { HR_CHAT_ID, seedHrDistrict } from "../support/hr-fixtures.ts";

describe.skipIf(skipPg)("the notice letter on the wire", () => {
  const db = useTestDatabase();

  it("goes out once as a multipart sendDocument with its PDF, caption and Tanggapi button", async () => {
    const s = await seedHrDistrict(db.prisma);
    await db.prisma.user.create({
      data: { telegramId: 7001n, name: "Ani", role: "EMPLOYEE", employeeId: s.ani.id },
    });
    const proposal = await loadProposal(db.prisma, s.proposal.id);
    const input = { proposal: proposal!, now: new Date(), timeZone: "Asia/Jayapura", locale: "id" as const };
    await enqueueTransferNotice(db.prisma, input);
    await enqueueTransferNotice(db.prisma, input); // a retried approval queues nothing twice

    const clock = simulatedClock();
    const server = await startBotApiServer({ now: clock.now });
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ clock }),
      logger: createLogger("silent"),
      ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" }),
      clock,
      metrics: createMetrics(),
    });
    try {
      await waitForDrain(db.prisma, 20_000, clock);
    } finally {
      await sender.stop();
      await server.close();
    }
    const sent = server.calls.filter((c) => c.method === "sendDocument");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.outcome).toBe("ok");
    const payload = sent[0]!.payload;
    expect(payload.chat_id).toBe("7001");
    expect(payload.document).toMatchObject({ filename: `pemberitahuan-mutasi-${s.proposal.id}.pdf` });
    expect((payload.document as { size: number }).size).toBeGreaterThan(5_000);
    expect(String(payload.caption)).toContain("Surat pemberitahuan usulan mutasi");
    expect(JSON.parse(String(payload.reply_markup))).toEqual({
      inline_keyboard: [[{ text: "Tanggapi", callback_data: `rs:r:${s.proposal.id}` }]],
    });
    expect(await db.prisma.outboxMessage.findFirstOrThrow()).toMatchObject({ status: "SENT" });
  });

  it("the SK letter and a keberatan's card go out once each; the card's place is remembered for its decision", async () => {
    const s = await seedHrDistrict(db.prisma);
    const ani = await db.prisma.user.create({
      data: { telegramId: 7001n, name: "Ani", role: "EMPLOYEE", employeeId: s.ani.id },
    });
    const proposal = await db.prisma.proposal.update({
      where: { id: s.proposal.id },
      data: {
        status: "DECREED",
        skNumber: "800/412/BKPSDM/XII/2026",
        skDate: new Date("2026-12-01T00:00:00Z"),
        tmt: new Date("2027-01-04T00:00:00Z"),
        objectionDeadline: new Date("2026-12-30T00:00:00Z"),
      },
    });
    const now = new Date("2026-12-02T00:30:00Z");
    await enqueueDecreeLetter(db.prisma, { proposal, now, timeZone: "Asia/Jayapura", locale: "id" });
    const { response } = await db.prisma.$transaction((tx) =>
      recordResponse(tx, {
        proposalId: proposal.id,
        kind: "KEBERATAN",
        userId: ani.id,
        text: "Saya <tidak> dapat pindah & merawat orang tua.",
        now,
        timeZone: "Asia/Jayapura",
        locale: "id",
        adminIds: [],
      }),
    );

    const clock = simulatedClock();
    const server = await startBotApiServer({ now: clock.now });
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ clock }),
      logger: createLogger("silent"),
      ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" }),
      clock,
      metrics: createMetrics(),
    });
    try {
      await waitForDrain(db.prisma, 20_000, clock);
    } finally {
      await sender.stop();
      await server.close();
    }
    const letter = server.calls.filter((c) => c.method === "sendDocument");
    expect(letter.map((c) => c.outcome)).toEqual(["ok"]);
    expect(letter[0]!.payload.document).toMatchObject({ filename: `sk-mutasi-${proposal.id}.pdf` });
    expect(JSON.parse(String(letter[0]!.payload.reply_markup))).toEqual({
      inline_keyboard: [[{ text: "Ajukan keberatan", callback_data: `rs:k:${proposal.id}` }]],
    });
    const cards = server.calls.filter(
      (c) => c.method === "sendMessage" && Number(c.payload.chat_id) === HR_CHAT_ID,
    );
    expect(cards.map((c) => c.outcome)).toEqual(["ok"]);
    expect(String(cards[0]!.payload.text)).toContain(
      "Saya &lt;tidak&gt; dapat pindah &amp; merawat orang tua.",
    );
    const stored = await db.prisma.employeeResponse.findUniqueOrThrow({ where: { id: response.id } });
    expect(stored.cardChatId).toBe(BigInt(HR_CHAT_ID));
    expect(stored.cardMessageId).toEqual(expect.any(Number));
  });
});
