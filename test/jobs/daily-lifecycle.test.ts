import { describe, expect, it } from "vitest";
import { readDistrict } from "../../src/db/read-district.ts";
import { runDailyLifecycle } from "../../src/use-cases/lifecycle/index.ts";
import { defaultJobs } from "../../src/jobs/scheduler.ts";
import { createLogger } from "../../src/logger.ts";
import { decideProposal } from "../../src/use-cases/proposals/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";
import { createPendingProposal } from "../support/hr-fixtures.ts";
import { sdHeadPerson, seedUnitHeadDistrict } from "../support/unit-head-fixtures.ts";
import { approverActor } from "../support/actors.ts";

describe.skipIf(skipPg)(
  "the daily lifecycle job: retirement on the day, a month's notice, the end of cuti",
  () => {
    const db = useTestDatabase();

    const logger = createLogger("silent");
    const run = (iso: string) =>
      runDailyLifecycle(
        { db: db.prisma, logger },
        { now: new Date(iso), timeZone: "Asia/Jayapura", defaultLocale: "id" },
      );
    const outbox = async () =>
      (await db.prisma.outboxMessage.findMany({ orderBy: { id: "asc" } })).map((m) => ({
        chatId: Number(m.chatId),
        key: m.dedupeKey,
        text: (m.payload as { text: string }).text,
      }));

    /** Two administrative staff at the SD: Markus (no jenjang, BUP 58) and Agnes (ahli madya, BUP 60). */
    async function seed() {
      const d = await seedUnitHeadDistrict(db.prisma);
      const staff = (nip: string, name: string, birth: string, jenjang: string | null) =>
        db.prisma.employee.create({
          data: {
            nip,
            name,
            unitId: d.sd.id,
            roleId: d.admin.id,
            weeklyHours: 37.5,
            birthDate: new Date(birth),
            postSince: new Date("2010-01-01"),
            jenjang,
          },
        });
      const markus = await staff("196812201990031001", "Markus Gebze", "1968-12-20", null);
      // Without her jenjang she would have retired at 58 in 2024; as ahli madya she works until 60.
      const agnes = await staff("196612101988032002", "Agnes Mahuze", "1966-12-10", "AHLI_MADYA");
      // A second head of the SD who reads English.
      const english = await db.prisma.user.create({
        data: { telegramId: 6011n, name: "Deputy", role: "UNIT_HEAD", unitId: d.sd.id, locale: "en" },
      });
      return { ...d, markus, agnes, english };
    }

    it("tells the unit's heads a month ahead, once, naming the person, role and date, each in their language", async () => {
      const d = await seed();
      // 30-11-2026 09:00 WIT: Agnes retires in 10 days, Markus in 20.
      expect(await run("2026-11-30T00:00:00Z")).toEqual({
        retired: 0,
        noticed: 4,
        returned: 0,
        effective: 0,
        cancelled: 0,
      });
      const sent = await outbox();
      expect(sent.map((m) => [m.chatId, m.key])).toEqual([
        [sdHeadPerson.id, `retire-notice:${d.agnes.nip}:2026-12-10:head:${d.sdHead.id}`],
        [6011, `retire-notice:${d.agnes.nip}:2026-12-10:head:${d.english.id}`],
        [sdHeadPerson.id, `retire-notice:${d.markus.nip}:2026-12-20:head:${d.sdHead.id}`],
        [6011, `retire-notice:${d.markus.nip}:2026-12-20:head:${d.english.id}`],
      ]);
      expect(sent[0]!.text).toBe(
        `📅 <b>Pensiun dalam sebulan</b>\nAgnes Mahuze (NIP ${d.agnes.nip}), Tenaga Administrasi di SD Negeri 1 Salor, mencapai batas usia pensiun (60 tahun) pada <b>10-12-2026</b>. Sejak hari itu ia tidak dihitung lagi dalam kapasitas unit dan lowongan karena pensiun dibuka otomatis.`,
      );
      expect(sent[3]!.text).toContain("Markus Gebze");
      expect(sent[3]!.text).toContain("reaches the retirement age (58) on <b>20-12-2026</b>");

      // Every later day of the month sends nothing new.
      expect(await run("2026-12-01T00:00:00Z")).toEqual({
        retired: 0,
        noticed: 0,
        returned: 0,
        effective: 0,
        cancelled: 0,
      });
      expect(await db.prisma.outboxMessage.count()).toBe(4);
      expect(await db.prisma.employee.count({ where: { status: "PENSIUN" } })).toBe(0);
    });

    it("on the day the person becomes PENSIUN, leaves capacity, and a PENSIUN vacancy opens; once", async () => {
      const d = await seed();
      const staffOf = async (iso: string) =>
        (await readDistrict(db.prisma, { now: new Date(iso), timeZone: "Asia/Jayapura" })).loads.find(
          (l) => l.unitId === d.sd.id && l.roleId === d.admin.id,
        );
      expect((await staffOf("2026-12-09T00:00:00Z"))?.staff).toBe(3);

      // 09-12-2026 23:59 WIT is still the day before.
      expect((await run("2026-12-09T14:59:00Z")).retired).toBe(0);
      // 10-12-2026 00:30 WIT: Agnes's day.
      expect(await run("2026-12-09T15:30:00Z")).toMatchObject({ retired: 1 });
      const agnes = await db.prisma.employee.findUniqueOrThrow({ where: { id: d.agnes.id } });
      expect(agnes.status).toBe("PENSIUN");
      const vacancy = await db.prisma.vacancy.findFirstOrThrow();
      expect(vacancy).toMatchObject({
        unitId: d.sd.id,
        roleId: d.admin.id,
        count: 1,
        reason: "PENSIUN",
        status: "OPEN",
      });
      expect(vacancy.since.toISOString().slice(0, 10)).toBe("2026-12-10");
      const load = await staffOf("2026-12-10T00:00:00Z");
      expect(load).toMatchObject({ staff: 2, openVacancies: 1 });
      expect(
        await db.prisma.auditLog.count({ where: { action: "employee.retire", entityId: d.agnes.nip } }),
      ).toBe(1);
      expect(await db.prisma.auditLog.count({ where: { action: "vacancy.open" } })).toBe(1);
      const told = (await outbox()).filter((m) => m.key.startsWith(`retired:${d.agnes.nip}`));
      expect(told.map((m) => m.chatId)).toEqual([sdHeadPerson.id, 6011]);
      expect(told[0]!.text).toContain(
        `Agnes Mahuze (NIP ${d.agnes.nip}), Tenaga Administrasi di SD Negeri 1 Salor, pensiun per 10-12-2026 (batas usia 60 tahun)`,
      );
      expect(told[0]!.text).toContain(`Lowongan 1 Tenaga Administrasi (pensiun) dibuka, nomor ${vacancy.id}`);
      expect(told[1]!.text).toContain("retired on 10-12-2026 (retirement age 60)");
      // The HR group hears of the vacancy as of one a head reports.
      const hr = (await outbox()).find((m) => m.key === `vacancy:${vacancy.id}`);
      expect(hr?.chatId).toBe(-100500);
      expect(hr?.text).toBe(
        "📋 <b>Lowongan baru</b> di SD Negeri 1 Salor\nJabatan: Tenaga Administrasi\nJumlah: 1 orang\nPenyebab: Pensiun\nSejak: 10-12-2026\nDilaporkan oleh Seimbang: Agnes Mahuze mencapai batas usia pensiun",
      );

      // Run again that day, and the next: no second vacancy, no second message.
      const before = await db.prisma.outboxMessage.count();
      await run("2026-12-10T03:00:00Z");
      await run("2026-12-11T03:00:00Z");
      expect(await db.prisma.vacancy.count()).toBe(1);
      expect(await db.prisma.outboxMessage.count()).toBe(before);
      expect((await db.prisma.employee.findUniqueOrThrow({ where: { id: d.markus.id } })).status).toBe(
        "AKTIF",
      );
    });

    it("retires someone the job missed for days, and honours a BUP an admin set for the role", async () => {
      const d = await seed();
      // An admin set the administrative role's BUP to 60: Markus (born 1968) now works until 2028.
      await db.prisma.role.update({
        where: { id: d.admin.id },
        data: { retirementAge: 60, retirementAgeSet: true },
      });
      const result = await run("2027-01-15T00:00:00Z");
      expect(result.retired).toBe(1);
      expect((await db.prisma.employee.findUniqueOrThrow({ where: { id: d.agnes.id } })).status).toBe(
        "PENSIUN",
      );
      expect((await db.prisma.employee.findUniqueOrThrow({ where: { id: d.markus.id } })).status).toBe(
        "AKTIF",
      );
    });

    it("a retiring person's pending proposal lapses with its card; a retired person's transfer is refused", async () => {
      const d = await seed();
      const proposal = await createPendingProposal(db.prisma, {
        employeeId: d.agnes.id,
        fromUnitId: d.sd.id,
        toUnitId: d.smp.id,
        roleId: d.admin.id,
        agencyId: d.agency.id,
        now: new Date("2026-12-01T00:00:00Z"),
        days: 30,
        cardMessageId: 500,
      });
      await run("2026-12-10T00:00:00Z");
      expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).toMatchObject({
        status: "EXPIRED",
      });
      const edit = await db.prisma.outboxMessage.findFirstOrThrow({ where: { method: "editMessageText" } });
      expect((edit.payload as { message_id: number }).message_id).toBe(500);
      expect(
        await db.prisma.auditLog.count({
          where: { action: "proposal.expire", entityId: String(proposal.id) },
        }),
      ).toBe(1);

      // Should a proposal for a retired person still be pending, approving it moves nobody.
      const late = await createPendingProposal(db.prisma, {
        employeeId: d.agnes.id,
        fromUnitId: d.sd.id,
        toUnitId: d.smp.id,
        roleId: d.admin.id,
        agencyId: d.agency.id,
        now: new Date("2026-12-10T00:00:00Z"),
        cardMessageId: 501,
      });
      await expect(
        db.prisma.$transaction((tx) =>
          decideProposal(tx, {
            proposalId: late.id,
            actor: approverActor(d.approver.id),
            now: new Date("2026-12-10T01:00:00Z"),
            timeZone: "Asia/Jayapura",
            locale: "id",
            verdict: "APPROVE",
          }),
        ),
      ).rejects.toMatchObject({ code: "employee_left_PENSIUN", params: { name: "Agnes Mahuze" } });
      expect(await db.prisma.transfer.count()).toBe(0);
      expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: d.agnes.id } })).toMatchObject({
        unitId: d.sd.id,
        status: "PENSIUN",
      });
    });

    it("returns people whose cuti or tugas belajar has ended to AKTIF and tells the head", async () => {
      const d = await seedUnitHeadDistrict(db.prisma);
      await db.prisma.employee.update({
        where: { id: d.budi.id },
        data: { status: "CUTI", statusUntil: new Date("2026-12-05") },
      });
      await db.prisma.employee.update({
        where: { id: d.ani.id },
        data: { status: "TUGAS_BELAJAR", statusUntil: new Date("2027-06-30") },
      });
      // 05-12-2026 is Budi's last day of cuti.
      expect((await run("2026-12-05T10:00:00Z")).returned).toBe(0);
      // 06-12-2026 00:00 WIT.
      expect((await run("2026-12-05T15:00:00Z")).returned).toBe(1);
      expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: d.budi.id } })).toMatchObject({
        status: "AKTIF",
        statusUntil: null,
      });
      expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: d.ani.id } })).toMatchObject({
        status: "TUGAS_BELAJAR",
      });
      expect(await outbox()).toEqual([
        {
          chatId: sdHeadPerson.id,
          key: `leave-end:${d.budi.nip}:2026-12-05:head:${d.sdHead.id}`,
          text: `🔔 Masa cuti Budi Santoso (NIP ${d.budi.nip}) di SD Negeri 1 Salor berakhir 05-12-2026. Ia aktif kembali dan dihitung lagi dalam kapasitas unit.`,
        },
      ]);
      const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "employee.status" } });
      expect(audit).toMatchObject({ actorName: "system", entityId: d.budi.nip });
      expect((await run("2026-12-06T00:00:00Z")).returned).toBe(0);
      expect(await db.prisma.outboxMessage.count()).toBe(1);
    });

    it("is registered as a daily job at 06:00 in the schedule's zone", () => {
      const jobs = defaultJobs({
        db: db.prisma,
        clock: fixedClock(),
        logger,
        config: { SCHEDULE_TIMEZONE: "Asia/Jayapura", WEEKLY_CHECK_CRON: "0 8 * * 1", DEFAULT_LOCALE: "id" },
      });
      expect(jobs.find((j) => j.name === "daily-lifecycle")?.cron).toBe("0 6 * * *");
    });
  },
);
