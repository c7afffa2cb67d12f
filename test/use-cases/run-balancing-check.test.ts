import { describe, expect, it } from "vitest";
import { parseProposalMetrics } from "../../src/domain/proposal-metrics.ts";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
import { createLogger } from "../../src/logger.ts";
import { startBotApiServer } from "../support/bot-api-server.ts";
import { getAgencyShortfalls, runBalancingCheck } from "../../src/use-cases/balancing-check/index.ts";
import { deliveryPolicy } from "../../src/use-cases/outbox-policy/index.ts";
import { putSetting } from "../../src/db/settings.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { sentTexts, textUpdate } from "../support/telegram.ts";

describe.skipIf(skipPg)("balancing check: /cek, proposals, alert and cards", () => {
  const db = useTestDatabase();

  const group = { id: -100123, type: "supergroup" as const, title: "Tim Mutasi Disdik" };
  const rina = { id: 7001, first_name: "Rina", language_code: "id" };

  /** The SD needs 48 JP of class teaching and has 24; the SMP needs 4 JP of IPA and has Ani's 24. */
  async function seed() {
    const district = await seedSmallDistrict(db.prisma);
    await db.prisma.workloadReport.create({
      data: { unitId: district.sd.id, roleId: district.guruKelas.id, hoursNeeded: 48, period: "2026-11" },
    });
    await db.prisma.workloadReport.create({
      data: { unitId: district.smp.id, roleId: district.guruIpa.id, hoursNeeded: 4, period: "2026-11" },
    });
    await db.prisma.hrGroup.create({
      data: { chatId: BigInt(group.id), title: group.title, agencyId: district.agency.id },
    });
    await db.prisma.user.create({
      data: { telegramId: BigInt(rina.id), name: "Rina", role: "HR_APPROVER", agencyId: district.agency.id },
    });
    return district;
  }

  it("/cek by the agency's approver proposes Ani for the SD and queues the alert, then the digest", async () => {
    const { ani, sd, smp, agency } = await seed();
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T00:00:00Z") });
    await t.send(textUpdate(rina, "/cek", group));

    expect(sentTexts(t.calls).at(-1)).toMatch(
      /Pemeriksaan #1 selesai: kekurangan seluruh kabupaten 24 JP → 4 JP per minggu; 1 usulan: 1 dikirim ke tim\./,
    );
    const proposal = await db.prisma.proposal.findFirstOrThrow();
    expect(proposal).toMatchObject({
      employeeId: ani.id,
      fromUnitId: smp.id,
      toUnitId: sd.id,
      agencyId: agency.id,
      status: "PENDING",
      runId: 1,
    });
    expect(proposal.expiresAt.toISOString()).toBe("2026-12-14T00:00:00.000Z");
    expect(proposal.reason).toContain("SD Negeri 1 Salor");
    expect(proposal.reasonEn).toContain("Fills 24 of a shortage of 24 JP/week of Guru Kelas SD");
    expect(proposal.reason).toContain("Mengisi 24 dari kekurangan 24 JP/minggu Guru Kelas SD");
    expect(parseProposalMetrics(proposal.metrics)).toMatchObject({
      toLoadBefore: 2,
      toLoadAfter: 1,
      unmetFilledHours: 24,
      monthsInPost: 124,
    });
    const run = await db.prisma.balancingRun.findFirstOrThrow();
    expect(run).toMatchObject({ trigger: "GROUP", unmetBefore: 24, unmetAfter: 4, moves: 1 });
    // The run keeps its figures and why the SMP is 4 JP short once Ani leaves, for /status until the
    // next check.
    expect(run.metrics).toMatchObject({
      moves: 1,
      created: 1,
      kept: 0,
      withdrawn: [],
      skipped: 0,
      shortfalls: [{ unit: smp.code, unmetHours: 4 }],
    });
    expect(await getAgencyShortfalls(db.prisma, agency.id)).toMatchObject({
      runId: 1,
      items: [{ shortfall: { unit: smp.code, unmetHours: 4 }, unitName: smp.name }],
    });

    const outbox = await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } });
    expect(outbox.map((m) => [m.dedupeKey, m.kind, m.chatId])).toEqual([
      [`run:1:alert:${agency.id}`, "balancing-alert", BigInt(group.id)],
      [`run:1:chart:${agency.id}`, "balancing-chart", BigInt(group.id)],
      [`run:1:digest:${agency.id}`, "proposal-digest", BigInt(group.id)],
    ]);
    // The chart: a real PNG of the load per unit before → after, queued as an upload.
    const chart = outbox[1]?.payload as { photo: { base64: string; filename: string }; caption: string };
    const png = Buffer.from(chart.photo.base64, "base64");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(5_000);
    expect(chart.caption).toContain("Beban kerja unit");
    const alert = String((outbox[0]?.payload as { text: string }).text);
    expect(alert).toContain("Kekurangan sekarang: <b>24 JP</b>.");
    expect(alert).toContain("Bila usulan yang menunggu keputusan (1) juga disetujui: <b>4 JP</b>.");
    expect(alert).toContain("SD Negeri 1 Salor (seluruh unit): sangat kekurangan guru (beban 200%)");
    expect(alert).toContain("SMP Negeri 2 Salor (seluruh unit): kelebihan guru (beban 17%)");
    const digest = outbox[2]?.payload as { text: string; reply_markup: { inline_keyboard: unknown[] } };
    expect(digest.text).toContain("Ani Wulandari");
    expect(digest.text).toContain("di sini kurang 24 JP → terpenuhi");
    // One row of Setujui / Tolak / Rincian for the one proposal; one page, so no ◀ ▶.
    expect(digest.reply_markup.inline_keyboard).toEqual([
      [
        { text: `✅ Setujui #${proposal.id}`, callback_data: `p:a:${proposal.id}` },
        { text: `❌ Tolak #${proposal.id}`, callback_data: `p:r:${proposal.id}` },
        { text: `ℹ️ Rincian #${proposal.id}`, callback_data: `p:d:${proposal.id}` },
      ],
    ]);

    // Run again: Ani's pending move is still the plan, so it stands and nothing new is proposed.
    // "Now" is the district as it is (24 JP short); after her move 4 JP remain.
    await t.send(textUpdate(rina, "/cek", group));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "Pemeriksaan #2 selesai: tidak ada usulan baru; 1 usulan yang berjalan tetap berlaku, 0 ditarik. Kekurangan seluruh kabupaten 24 JP per minggu sekarang → 4 JP bila semua disetujui.",
    );
    expect(await db.prisma.proposal.count()).toBe(1);
    expect(await db.prisma.proposal.findFirst()).toMatchObject({ status: "PENDING", version: 1 });
  });

  it("refuses a person who is not on this agency's transfer team, storing nothing", async () => {
    await seed();
    const t = buildTestBot(db.prisma);
    await t.send(textUpdate({ id: 7999, first_name: "Joko" }, "/cek", group));
    expect(sentTexts(t.calls).at(-1)).toContain("Hanya tim mutasi");
    expect(await db.prisma.balancingRun.count()).toBe(0);
    await t.send(textUpdate(rina, "/cek"));
    expect(sentTexts(t.calls).at(-1)).toContain("hanya dapat dipakai di grup HR");
  });

  it("posts nothing inside an election freeze, but records the run with the reason", async () => {
    await seed();
    await putSetting(db.prisma, "policy.blackouts", [
      { from: "2026-11-01", to: "2026-12-31", reason: "Pilkada 2026" },
    ]);
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T00:00:00Z") });
    await t.send(textUpdate(rina, "/cek", group));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "masa larangan mutasi 2026-11-01 s.d. 2026-12-31 (Pilkada 2026)",
    );
    expect(await db.prisma.proposal.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
    expect((await db.prisma.balancingRun.findFirstOrThrow()).note).toContain("blackout");
  });

  it("a dry run stores nothing; the posted run's digest is delivered and remembered on the proposal", async () => {
    await seed();
    const deps = {
      db: db.prisma,
      clock: fixedClock(),
      logger: createLogger("silent"),
      config: { SCHEDULE_TIMEZONE: "Asia/Jayapura", DEFAULT_LOCALE: "id" as const },
    };
    const options = { timeZone: "Asia/Jayapura", locale: "id" as const, logger: deps.logger };
    const dry = await runBalancingCheck(deps.db, deps.clock, { trigger: "CLI", post: false, ...options });
    expect(dry.proposals.map((p) => [p.nip, p.from, p.to])).toEqual([
      ["198501012010012001", "SMPN-02", "SDN-01"],
    ]);
    expect(await db.prisma.balancingRun.count()).toBe(0);

    const posted = await runBalancingCheck(deps.db, deps.clock, {
      trigger: "SCHEDULE",
      post: true,
      ...options,
    });
    expect(posted.proposals).toHaveLength(1);
    const clock = simulatedClock();
    const server = await startBotApiServer({ now: clock.now });
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ clock }),
      logger: deps.logger,
      // Where a sent card sits is remembered, as main.ts wires it.
      ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" }),
      clock,
    });
    try {
      await waitForDrain(db.prisma, 20_000, clock);
    } finally {
      await sender.stop();
      await server.close();
    }
    const delivered = server.delivered();
    expect(
      delivered.map((c) => [c.method, String(c.payload.text ?? c.payload.caption).split("\n")[0]]),
    ).toEqual([
      ["sendMessage", expect.stringContaining("Pemeriksaan keseimbangan beban kerja")],
      ["sendPhoto", expect.stringContaining("Beban kerja unit")],
      ["sendMessage", expect.stringContaining("Usulan mutasi — Dinas Pendidikan Merauke")],
    ]);
    const proposal = await db.prisma.proposal.findFirstOrThrow();
    expect(proposal.cardChatId).toBe(BigInt(group.id));
    expect(proposal.cardMessageId).toBe(delivered[2]?.messageId);
    expect(await db.prisma.proposalDigest.findFirstOrThrow()).toMatchObject({
      runId: posted.runId,
      chatId: BigInt(group.id),
      messageId: delivered[2]?.messageId,
    });
  });
});
