import { describe, expect, it } from "vitest";
import { buildPlanInput } from "../../src/db/build-plan-input.ts";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
import { defaultJobs } from "../../src/jobs/scheduler.ts";
import { createLogger } from "../../src/logger.ts";
import { runBalancingCheck } from "../../src/use-cases/balancing-check/index.ts";
import { startBotApiServer } from "../support/bot-api-server.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { buildTestBot, fixedClock, type TestBot } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate, type Person } from "../support/telegram.ts";
import { buttonData } from "../support/unit-head-fixtures.ts";
import { deliveryPolicy } from "../../src/use-cases/outbox-policy/index.ts";

const group = { id: -100123, type: "supergroup" as const, title: "Tim Mutasi Disdik" };
const rina: Person = { id: 7001, first_name: "Rina", language_code: "id" };
const admin: Person = { id: 9001, first_name: "Admin" };
/** Two class teachers of SD Negeri 3 Salor: same school, role and hours; Citra's NIP is the lower. */
const citra: Person = { id: 7101, first_name: "Citra", language_code: "id" };
const dewi: Person = { id: 7102, first_name: "Dewi", language_code: "id" };
const CITRA_NIP = "198203102008012003";
const DEWI_NIP = "199005202015032004";

const last = (t: TestBot) => sentTexts(t.calls).at(-1) ?? "";
const press = (who: Person, data: string) => callbackUpdate(who, data, { message_id: 1000 });
const codeOf = (text: string) => /start=(\w{16})/.exec(text)?.[1] ?? "";
const NOW = "2026-11-30T01:00:00Z";
const checkOptions = { timeZone: "Asia/Jayapura", locale: "id" as const };

describe.skipIf(skipPg)("volunteers first, stated destinations next (plan v2 tiers 5 and 6)", () => {
  const db = useTestDatabase();

  /**
   * SD Negeri 1 Salor (Kecamatan Semangga) needs 48 JP of class teaching and has Budi's 24; SD Negeri 3
   * Salor needs `sd3Need` and has Citra and Dewi (24 each); the SMP's IPA need is Ani's 24.
   * With `sd4`, SD Negeri 4 Salor (Kecamatan Kurik) needs 24 and has nobody. `newcomers`: Citra and Dewi
   * came in January 2026, under two years in post, so they cannot be moved.
   */
  async function seed(options: { sd3Need: number; sd4?: boolean; sd1Need?: number; newcomers?: boolean }) {
    const d = await seedSmallDistrict(db.prisma);
    await db.prisma.unit.update({ where: { id: d.sd.id }, data: { kecamatan: "Semangga" } });
    await db.prisma.unit.update({ where: { id: d.smp.id }, data: { kecamatan: "Tanah Miring" } });
    const sd3 = await db.prisma.unit.create({
      data: {
        code: "SDN-03",
        name: "SD Negeri 3 Salor",
        kind: "SD",
        agencyId: d.agency.id,
        lat: -8.45,
        lon: 140.4,
        kecamatan: "Salor",
      },
    });
    const teacher = (nip: string, name: string, postSince = "2017-07-01") =>
      db.prisma.employee.create({
        data: {
          nip,
          name,
          unitId: sd3.id,
          roleId: d.guruKelas.id,
          weeklyHours: 24,
          birthDate: new Date(`${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`),
          postSince: new Date(postSince),
        },
      });
    const since = options.newcomers ? "2026-01-05" : "2017-07-01";
    const citraRow = await teacher(CITRA_NIP, "Citra Lestari", since);
    const dewiRow = await teacher(DEWI_NIP, "Dewi Kambu", since);
    const report = (unitId: number, roleId: number, hoursNeeded: number) =>
      db.prisma.workloadReport.create({ data: { unitId, roleId, hoursNeeded, period: "2026-11" } });
    await report(d.sd.id, d.guruKelas.id, options.sd1Need ?? 48);
    await report(d.smp.id, d.guruIpa.id, 24);
    await report(sd3.id, d.guruKelas.id, options.sd3Need);
    const sd4 = options.sd4
      ? await db.prisma.unit.create({
          data: {
            code: "SDN-04",
            name: "SD Negeri 4 Salor",
            kind: "SD",
            agencyId: d.agency.id,
            lat: -8.47,
            lon: 140.43,
            kecamatan: "Kurik",
          },
        })
      : null;
    if (sd4) await report(sd4.id, d.guruKelas.id, 24);
    await db.prisma.hrGroup.create({
      data: { chatId: BigInt(group.id), title: group.title, agencyId: d.agency.id },
    });
    await db.prisma.user.create({
      data: { telegramId: BigInt(rina.id), name: "Rina", role: "HR_APPROVER", agencyId: d.agency.id },
    });
    return { ...d, sd3, sd4, citra: citraRow, dewi: dewiRow };
  }

  /** An admin invites by NIP in the bot; the employee opens the link on their phone. */
  async function join(t: TestBot, who: Person, nip: string) {
    await t.send(textUpdate(admin, `/undang pegawai ${nip}`));
    const code = codeOf(last(t));
    expect(code).not.toBe("");
    await t.send(textUpdate(who, `/start ${code}`));
    expect(last(t)).toContain("Akun Telegram ini sekarang terhubung dengan data kepegawaian");
  }

  const bot = () => buildTestBot(db.prisma, { clock: fixedClock(NOW), adminIds: [BigInt(admin.id)] });
  const dryRun = (t: TestBot) =>
    runBalancingCheck(db.prisma, t.deps.clock, { trigger: "CLI", post: false, ...checkOptions });

  it("Dewi joins, says she is willing in /saya, and /cek proposes her ahead of Citra, whose NIP is lower", async () => {
    const s = await seed({ sd3Need: 24 });
    // Dewi is certified and teaches 18 JP; the check proposes her, so she is not sent the full-load list.
    await db.prisma.employee.update({ where: { id: s.dewi.id }, data: { certified: true, hoursTaught: 18 } });
    const t = bot();
    // Before anyone speaks, the tie goes to the lowest NIP.
    expect((await dryRun(t)).proposals.map((p) => p.nip)).toEqual([CITRA_NIP]);

    await join(t, dewi, DEWI_NIP);
    await t.send(textUpdate(dewi, "/saya"));
    await t.send(press(dewi, buttonData(t.calls, "Bersedia dipindah")));
    expect(last(t)).toContain("Tercatat: Anda <b>bersedia dipindah</b>.");

    await t.send(textUpdate(rina, "/cek", group));
    expect(last(t)).toMatch(
      /Pemeriksaan #1 selesai: kekurangan seluruh kabupaten 24 JP → 0 JP per minggu; 1 usulan: 1 dikirim ke tim\./,
    );
    const proposals = await db.prisma.proposal.findMany();
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      employeeId: s.dewi.id,
      fromUnitId: s.sd3.id,
      toUnitId: s.sd.id,
      status: "PENDING",
    });
    expect(proposals[0]?.reason).toContain("bersedia (sukarela)");
    expect(proposals[0]?.reasonEn).toContain("willing (volunteer)");
    const run = await db.prisma.balancingRun.findFirstOrThrow();
    expect(run).toMatchObject({ unmetBefore: 24, unmetAfter: 0, moves: 1 });
    const digest = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "proposal-digest" } });
    expect(String((digest.payload as { text: string }).text)).toContain("Dewi Kambu");
    expect(String((digest.payload as { text: string }).text)).not.toContain("Citra");
    expect(
      await db.prisma.outboxMessage.count({
        where: { chatId: BigInt(dewi.id), method: { not: "setMyCommands" } },
      }),
    ).toBe(0);
  });

  it("a stated kecamatan wins over another equally good destination, and the choice is carried by snapshot's input", async () => {
    // Both teachers leave SDN-03 (it needs nobody): one to SDN-01, one to SDN-04, the same km either way.
    const s = await seed({ sd3Need: 0, sd1Need: 48, sd4: true });
    const t = bot();
    const before = await dryRun(t);
    expect(Object.fromEntries(before.proposals.map((p) => [p.nip, p.to]))).toEqual({
      [CITRA_NIP]: "SDN-01",
      [DEWI_NIP]: "SDN-04",
    });

    await join(t, dewi, DEWI_NIP);
    await t.send(textUpdate(dewi, "/saya"));
    await t.send(press(dewi, buttonData(t.calls, "Pilihan tujuan")));
    await t.send(textUpdate(dewi, "Kecamatan Semangga"));
    expect(last(t)).toContain("Tercatat: pilihan tujuan Anda Kecamatan Semangga.");

    const after = await dryRun(t);
    expect(after.plan?.metrics).toMatchObject({
      moves: before.plan?.metrics.moves,
      km: before.plan?.metrics.km,
      unmetAfter: before.plan?.metrics.unmetAfter,
      preferredDestinationsMet: 1,
      volunteersMoved: 0,
    });
    const built = await buildPlanInput(db.prisma, { now: new Date(NOW), timeZone: "Asia/Jayapura" });
    expect(built.input.employees.find((e) => e.id === DEWI_NIP)).toMatchObject({
      preferredUnits: ["SDN-01"],
    });
    expect(built.input.employees.find((e) => e.id === CITRA_NIP)).not.toHaveProperty("preferredUnits");

    await t.send(textUpdate(rina, "/cek", group));
    const moved = await db.prisma.proposal.findMany({ orderBy: { employeeId: "asc" } });
    expect(moved.map((p) => [p.employeeId, p.toUnitId])).toEqual([
      [s.citra.id, s.sd4?.id],
      [s.dewi.id, s.sd.id],
    ]);
    expect(moved[1]?.reason).toContain("tujuan yang diminta");
    expect(moved[0]?.reason).not.toContain("tujuan yang diminta");
  });

  it("a joined certified teacher under 24 JP is told privately, once a month, where hours are short; others are not", async () => {
    // Nobody can move (Citra and Dewi are newcomers): SDN-01 and SDN-04 stay 24 JP short each.
    const s = await seed({ sd3Need: 48, sd4: true, newcomers: true });
    await db.prisma.employee.update({
      where: { id: s.citra.id },
      data: { certified: true, hoursTaught: 18 },
    });
    await db.prisma.employee.update({
      where: { id: s.dewi.id },
      data: { certified: false, hoursTaught: 18 },
    });
    const t = bot();
    await join(t, citra, CITRA_NIP);
    await join(t, dewi, DEWI_NIP);

    await t.send(textUpdate(rina, "/cek", group));
    const privateTo = async (who: Person) =>
      db.prisma.outboxMessage.findMany({
        where: { chatId: BigInt(who.id), method: { not: "setMyCommands" } },
        orderBy: { id: "asc" },
      });
    const notices = await privateTo(citra);
    expect(notices.map((m) => m.dedupeKey)).toEqual([`full-load:${s.citra.id}:2026-11`]);
    const text = String((notices[0]?.payload as { text: string }).text);
    expect(text).toContain("Anda tercatat mengajar 18 dari 24 JP.");
    // Nearest first (2.5 and 4.0 km from SDN-03, great-circle), each with the hours short after the plan.
    const lines = text.split("\n").filter((line) => line.startsWith("•"));
    expect(lines).toEqual([
      "• SD Negeri 1 Salor (SDN-01), 2,5 km: kurang 24 JP Guru Kelas SD",
      "• SD Negeri 4 Salor (SDN-04), 4 km: kurang 24 JP Guru Kelas SD",
    ]);
    expect(await privateTo(dewi)).toEqual([]);

    // A second check the same month tells nobody again; the weekly job of the next month does.
    await t.send(textUpdate(rina, "/cek", group));
    expect(await privateTo(citra)).toHaveLength(1);
    const weekly = defaultJobs({
      db: db.prisma,
      clock: fixedClock("2026-12-07T00:00:00Z"),
      logger: createLogger("silent"),
      config: { SCHEDULE_TIMEZONE: "Asia/Jayapura", WEEKLY_CHECK_CRON: "0 8 * * 1", DEFAULT_LOCALE: "id" },
    }).find((job) => job.name === "weekly-check");
    await weekly?.run(new Date("2026-12-07T00:00:00Z"));
    expect((await privateTo(citra)).map((m) => m.dedupeKey)).toEqual([
      `full-load:${s.citra.id}:2026-11`,
      `full-load:${s.citra.id}:2026-12`,
    ]);

    // Telegram accepts it as sent.
    const clock = simulatedClock();
    const server = await startBotApiServer({ now: clock.now });
    const sender = startOutboxSender({
      db: onClock(db.prisma, clock),
      callApi: standInCallApi(server, clock),
      limiter: createSendLimiter({ clock }),
      logger: createLogger("silent"),
      // Where a sent card sits is remembered, as main.ts wires it.
      ...deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" }),
      clock,
    });
    try {
      await waitForDrain(db.prisma, 30_000, clock);
    } finally {
      await sender.stop();
      await server.close();
    }
    expect(server.refused).toEqual([]);
    const delivered = server.delivered().filter((c) => String(c.payload.chat_id) === String(citra.id));
    // November's and December's, each accepted by the Bot API stand-in's HTML rules.
    expect(delivered.map((c) => String(c.payload.text).split("\n")[0])).toEqual([
      "<b>Info beban mengajar</b>",
      "<b>Info beban mengajar</b>",
    ]);
  });

  it("when no unit is short in their roles, the teacher is told that no full load is available now", async () => {
    const s = await seed({ sd3Need: 48, sd1Need: 24 });
    await db.prisma.employee.update({
      where: { id: s.citra.id },
      data: { certified: true, hoursTaught: 20 },
    });
    const t = bot();
    await join(t, citra, CITRA_NIP);
    await db.prisma.user.update({ where: { telegramId: BigInt(citra.id) }, data: { locale: "en" } });
    await t.send(textUpdate(rina, "/cek", group));
    const notice = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { chatId: BigInt(citra.id), method: { not: "setMyCommands" } },
    });
    expect(String((notice.payload as { text: string }).text)).toBe(
      "<b>Teaching load</b>\nYou are recorded as teaching 20 of 24 lesson hours (JP). No unit is short of hours in your role now, so a full load is not available yet. The transfer team knows.",
    );
  });
});
