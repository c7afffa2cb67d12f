import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCommand } from "../../src/cli/commands/export.ts";
import { decideProposal } from "../../src/use-cases/proposals/index.ts";
import { recordDecree } from "../../src/use-cases/decrees/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { testCli } from "../support/cli.ts";
import { createPendingProposal, seedHrDistrict } from "../support/hr-fixtures.ts";
import { readXlsxRows } from "../support/import-files.ts";
import { approverActor } from "../support/actors.ts";

describe.skipIf(skipPg)("export transfers: the SK mutasi annex", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-annex-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // An NI PPPK: birth date, year of appointment 2022, "21", sex, sequence.
  const pppk = "199003152022212004";

  it("lists each approved move as the decree's annex does: gelar, pangkat/golongan, old and new post, TMT, SK, state, reason, decision", async () => {
    const seeded = await seedHrDistrict(db.prisma);
    await db.prisma.employee.update({
      where: { id: seeded.ani.id },
      data: { titleFront: "Dra.", titleBack: "M.Pd.", golongan: "III/b" },
    });
    const maria = await db.prisma.employee.create({
      data: {
        nip: pppk,
        name: "Maria Ndiken",
        titleBack: "S.Pd.",
        asnKind: "PPPK",
        golongan: "IX",
        unitId: seeded.smp.id,
        roleId: seeded.guruIpa.id,
        weeklyHours: 24,
        birthDate: new Date("1990-03-15"),
        postSince: new Date("2022-01-01"),
      },
    });
    const second = await createPendingProposal(db.prisma, {
      employeeId: maria.id,
      fromUnitId: seeded.smp.id,
      toUnitId: seeded.sd.id,
      roleId: seeded.guruKelas.id,
      agencyId: seeded.agency.id,
      now: seeded.now,
      cardMessageId: 501,
    });
    // Approved at 08:30 WIT on 1 and 2 December 2026 (23:30 UTC the day before).
    for (const [proposalId, at] of [
      [seeded.proposal.id, "2026-11-30T23:30:00Z"],
      [second.id, "2026-12-01T23:30:00Z"],
    ] as const) {
      await db.prisma.$transaction((tx) =>
        decideProposal(tx, {
          proposalId,
          actor: approverActor(seeded.rina.id),
          now: new Date(at),
          timeZone: "Asia/Jayapura",
          verdict: "APPROVE",
          locale: "id",
        }),
      );
    }

    // The first has its SK (TMT 04-01-2027); the second still waits for it.
    await db.prisma.$transaction((tx) =>
      recordDecree(tx, {
        proposalId: seeded.proposal.id,
        nomor: "800.1.6.2/45/BKPSDM/2026",
        tanggal: "03-12-2026",
        tmt: "04-01-2027",
        actor: { id: null, name: "cli" },
        now: new Date("2026-12-03T01:00:00Z"),
        timeZone: "Asia/Jayapura",
        locale: "id",
      }),
    );

    const out = join(dir, "sk.xlsx");
    const run = testCli(db.prisma, { dataDir: dir });
    await exportCommand.run(["transfers", "--out", out], run.ctx);
    expect(run.out[0]).toMatch(
      /^Exported 2 transfers \(1 approved awaiting the SK, 1 decreed, 0 in effect\)/,
    );
    const buffer = await readFile(out);
    const sheets = await readXlsxRows(buffer);
    expect(Object.keys(sheets)).toEqual(["Lampiran SK", "Mutasi", "Audit"]);
    const [header, first, last] = sheets["Lampiran SK"] ?? [];
    expect(header).toEqual([
      "No",
      "NIP / NI PPPK",
      "Nama",
      "Pangkat/Golongan",
      "Jabatan lama",
      "Unit kerja lama",
      "Jabatan baru",
      "Unit kerja baru",
      "TMT",
      "Nomor SK",
      "Tanggal SK",
      "Status",
      "Keterangan",
      "Keputusan tim",
      "Tanggal keputusan",
      "Redistribusi ke sekolah swasta",
    ]);
    expect(first).toEqual([
      "1",
      "198501012010012001",
      "Dra. Ani Wulandari, M.Pd.",
      "Penata Muda Tingkat I, III/b",
      "Guru IPA",
      "SMP Negeri 2 Salor",
      "Guru Kelas SD",
      "SD Negeri 1 Salor",
      "04-01-2027",
      "800.1.6.2/45/BKPSDM/2026",
      "03-12-2026",
      "SK terbit, menunggu TMT",
      expect.stringContaining("SD Negeri 1 Salor kekurangan 24 JP guru kelas"),
      "Disetujui tim penilai kinerja (Rina Kaize)",
      "01-12-2026",
      // A state school: no redistribution.
      "",
    ]);
    expect(last?.slice(0, 4)).toEqual(["2", pppk, "Maria Ndiken, S.Pd.", "IX"]);
    // No TMT while no SK is recorded.
    expect(last?.slice(8, 12)).toEqual(["", "", "", "Disetujui tim, menunggu SK"]);
    expect(last?.[14]).toBe("02-12-2026");

    // The NIPs are text cells in a text-formatted column: Excel keeps all 18 digits.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const annex = workbook.getWorksheet("Lampiran SK");
    expect(annex?.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(annex?.getCell("B3").value).toBe(pppk);
    expect(annex?.getColumn(2).numFmt).toBe("@");
  });
});
