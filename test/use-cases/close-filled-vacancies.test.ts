import { describe, expect, it } from "vitest";
import { readImportFile } from "../../src/import/read-file.ts";
import { closeVacancyPosts } from "../../src/use-cases/units/index.ts";
import { decideProposal } from "../../src/use-cases/proposals/index.ts";
import { importData } from "../../src/use-cases/imports/index.ts";
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { decreeAndTakeEffect } from "../support/decree.ts";
import { seedHrDistrict } from "../support/hr-fixtures.ts";
import { csvFile, employeeHeader, makeNip } from "../support/import-files.ts";
import { approverActor } from "../support/actors.ts";

function openVacancy(
  prisma: PrismaClient,
  data: { unitId: number; roleId: number; count: number; since: string },
) {
  return prisma.vacancy.create({ data: { ...data, reason: "PENSIUN", since: new Date(data.since) } });
}

describe.skipIf(skipPg)("vacancies close when people fill them", () => {
  const db = useTestDatabase();

  const now = new Date("2026-12-01T00:30:00Z");
  // The team approves; the SK follows with TMT today and the daily job carries the move out (issue 15).
  const approve = async (proposalId: number, userId: number) => {
    await db.prisma.$transaction(
      (tx) =>
        decideProposal(tx, {
          proposalId,
          actor: approverActor(userId),
          now,
          timeZone: "Asia/Jayapura",
          locale: "id",
          verdict: "APPROVE",
        }),
      { timeout: 20_000 },
    );
    await decreeAndTakeEffect(db.prisma, proposalId, now);
  };

  it("an approved transfer into the unit and role closes one post of the oldest open vacancy", async () => {
    const s = await seedHrDistrict(db.prisma);
    const older = await openVacancy(db.prisma, {
      unitId: s.sd.id,
      roleId: s.guruKelas.id,
      count: 2,
      since: "2026-09-01",
    });
    const newer = await openVacancy(db.prisma, {
      unitId: s.sd.id,
      roleId: s.guruKelas.id,
      count: 1,
      since: "2026-11-01",
    });
    // Another role at the same school is not filled by a guru kelas.
    const other = await openVacancy(db.prisma, {
      unitId: s.sd.id,
      roleId: s.guruIpa.id,
      count: 1,
      since: "2026-08-01",
    });

    await approve(s.proposal.id, s.rina.id);
    expect(await db.prisma.vacancy.findUniqueOrThrow({ where: { id: older.id } })).toMatchObject({
      count: 1,
      status: "OPEN",
      closedAt: null,
    });
    expect(await db.prisma.vacancy.findUniqueOrThrow({ where: { id: newer.id } })).toMatchObject({
      count: 1,
      status: "OPEN",
    });
    expect(await db.prisma.vacancy.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({
      count: 1,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "vacancy.fill_post" } });
    expect(audit).toMatchObject({ entityId: String(older.id), actorName: "system" });
    expect(audit.details).toMatchObject({ posts: 1, before: 2, after: 1, nip: s.ani.nip });
  });

  it("the last post closes the vacancy: FILLED with the time and what filled it", async () => {
    const s = await seedHrDistrict(db.prisma);
    const vacancy = await openVacancy(db.prisma, {
      unitId: s.sd.id,
      roleId: s.guruKelas.id,
      count: 1,
      since: "2026-10-01",
    });
    await approve(s.proposal.id, s.rina.id);
    const closed = await db.prisma.vacancy.findUniqueOrThrow({ where: { id: vacancy.id } });
    expect(closed).toMatchObject({
      count: 0,
      status: "FILLED",
      closedAt: now,
      closedNote: `diisi oleh mutasi ${s.ani.nip} (usulan ${s.proposal.id})`,
    });
    expect(
      await db.prisma.auditLog.count({ where: { action: "vacancy.fill", entityId: String(vacancy.id) } }),
    ).toBe(1);
  });

  it("a transfer where nothing is open closes nothing and still goes through", async () => {
    const s = await seedHrDistrict(db.prisma);
    await openVacancy(db.prisma, { unitId: s.smp.id, roleId: s.guruKelas.id, count: 1, since: "2026-10-01" });
    await approve(s.proposal.id, s.rina.id);
    expect(await db.prisma.transfer.count()).toBe(1);
    expect(await db.prisma.vacancy.findFirstOrThrow()).toMatchObject({ count: 1, status: "OPEN" });
    expect(await db.prisma.auditLog.count({ where: { entity: "vacancy" } })).toBe(0);
  });

  it("an import adding people to a unit and role closes as many posts; a second run closes nothing more", async () => {
    const s = await seedHrDistrict(db.prisma);
    const first = await openVacancy(db.prisma, {
      unitId: s.sd.id,
      roleId: s.guruKelas.id,
      count: 2,
      since: "2026-09-01",
    });
    const second = await openVacancy(db.prisma, {
      unitId: s.sd.id,
      roleId: s.guruKelas.id,
      count: 2,
      since: "2026-10-01",
    });
    const ipa = await openVacancy(db.prisma, {
      unitId: s.smp.id,
      roleId: s.guruIpa.id,
      count: 1,
      since: "2026-10-01",
    });
    const file = csvFile([
      employeeHeader,
      // Two new guru kelas at the SD, Budi unchanged there, Ani moved to the SD as guru kelas.
      [makeNip("1990-05-17", "2015-03", 1, 4), "Anto Gebze", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01"],
      [makeNip("1991-02-03", "2016-01", 2, 5), "Maria Ndiken", "SDN-01", "GURU_KELAS", 24, "", "2020-01-01"],
      [s.budi.nip, "Budi Santoso", "SDN-01", "GURU_KELAS", 24, "", "2012-01-01"],
      [s.ani.nip, "Ani Wulandari", "SDN-01", "GURU_KELAS", 24, "", "2016-07-01"],
    ]);
    const run = async () =>
      db.prisma.$transaction(
        async (tx) =>
          importData(tx, await readImportFile(file, "pegawai.csv"), {
            source: "pegawai.csv",
            actor: { name: "cli" },
            now,
          }),
        { timeout: 60_000 },
      );
    const report = await run();
    expect(report.rejected).toEqual([]);
    expect(await db.prisma.vacancy.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({
      count: 0,
      status: "FILLED",
      closedNote: "diisi oleh impor pegawai.csv",
      closedAt: now,
    });
    expect(await db.prisma.vacancy.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      count: 1,
      status: "OPEN",
    });
    // Ani left the SMP's IPA post: that does not fill the SMP's IPA vacancy.
    expect(await db.prisma.vacancy.findUniqueOrThrow({ where: { id: ipa.id } })).toMatchObject({
      count: 1,
      status: "OPEN",
    });

    await run();
    expect(await db.prisma.vacancy.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      count: 1,
    });
  });

  it("a dry run closes nothing", async () => {
    const s = await seedHrDistrict(db.prisma);
    await openVacancy(db.prisma, { unitId: s.sd.id, roleId: s.guruKelas.id, count: 1, since: "2026-09-01" });
    const file = csvFile([
      employeeHeader,
      [makeNip("1990-05-17", "2015-03", 1, 4), "Anto Gebze", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01"],
    ]);
    await db.prisma.$transaction(async (tx) =>
      importData(tx, await readImportFile(file, "p.csv"), {
        source: "p.csv",
        actor: { name: "cli" },
        now,
        dryRun: true,
      }),
    );
    expect(await db.prisma.vacancy.findFirstOrThrow()).toMatchObject({ count: 1, status: "OPEN" });
  });

  it("never closes more posts than are open, and refuses a nonsense count", async () => {
    const s = await seedHrDistrict(db.prisma);
    await openVacancy(db.prisma, { unitId: s.sd.id, roleId: s.guruKelas.id, count: 1, since: "2026-09-01" });
    const close = (posts: number) =>
      db.prisma.$transaction((tx) =>
        closeVacancyPosts(tx, {
          unitId: s.sd.id,
          roleId: s.guruKelas.id,
          posts,
          now,
          note: "tes",
          actor: { name: "test" },
        }),
      );
    expect(await close(3)).toBe(1);
    expect(await close(1)).toBe(0);
    await expect(close(0)).rejects.toThrow();
  });
});
