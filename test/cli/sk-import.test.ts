// Issue 15: the signed SK list comes back. The operator exports the annex (export transfers), the
// PPK signs it, the operator fills "Nomor SK", "Tanggal SK" and the TMT in the same sheet and imports
// it: rows are matched by NIP / NI PPPK to the person's approved proposal.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCommand } from "../../src/cli/commands/export.ts";
import { skCommand } from "../../src/cli/commands/sk.ts";
import { decideProposal } from "../../src/use-cases/proposals/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { testCli } from "../support/cli.ts";
import { fixedClock } from "../support/harness.ts";
import { createPendingProposal, seedHrDistrict } from "../support/hr-fixtures.ts";
import { csvFile, readXlsxRows } from "../support/import-files.ts";
import { approverActor } from "../support/actors.ts";

const PPPK = "199003152022212004";
const ANI = "198501012010012001";
const NOW = "2026-12-03T01:00:00Z"; // 10:00 WIT, Thursday 3 December 2026

describe.skipIf(skipPg)("sk import: the signed SK list (issue 15)", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-sk-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cli = async (command: typeof skCommand, args: string[]) => {
    const run = testCli(db.prisma, { dataDir: dir, clock: fixedClock(NOW) });
    await command.run(args, run.ctx);
    return run.out.join("\n");
  };

  /** Two approved proposals: Ani (PNS) and Maria (PPPK), both SMP → SD. */
  async function twoApproved() {
    const s = await seedHrDistrict(db.prisma);
    const maria = await db.prisma.employee.create({
      data: {
        nip: PPPK,
        name: "Maria Ndiken",
        asnKind: "PPPK",
        unitId: s.smp.id,
        roleId: s.guruIpa.id,
        weeklyHours: 24,
        birthDate: new Date("1990-03-15"),
        postSince: new Date("2022-01-01"),
      },
    });
    const second = await createPendingProposal(db.prisma, {
      employeeId: maria.id,
      fromUnitId: s.smp.id,
      toUnitId: s.sd.id,
      roleId: s.guruKelas.id,
      agencyId: s.agency.id,
      now: s.now,
      cardMessageId: 501,
    });
    for (const proposalId of [s.proposal.id, second.id]) {
      await db.prisma.$transaction((tx) =>
        decideProposal(tx, {
          proposalId,
          actor: approverActor(s.rina.id),
          now: new Date("2026-12-01T23:30:00Z"),
          timeZone: "Asia/Jayapura",
          verdict: "APPROVE",
          locale: "id",
        }),
      );
    }
    return { ...s, second };
  }

  /** The annex as exported, its SK columns filled in by the operator after the signing. */
  async function signedAnnex(fill: Record<string, { nomor: string; tanggal: string | Date; tmt: string }>) {
    const exported = join(dir, "lampiran.xlsx");
    await exportCommand.run(["transfers", "--out", exported], testCli(db.prisma, { dataDir: dir }).ctx);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(exported)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Lampiran SK");
    if (!sheet) throw new Error("no annex sheet");
    const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col = (name: string) => header.indexOf(name);
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const sk = fill[String(row.getCell(col("NIP / NI PPPK")).value)];
      if (!sk) return;
      row.getCell(col("Nomor SK")).value = sk.nomor;
      row.getCell(col("Tanggal SK")).value = sk.tanggal;
      row.getCell(col("TMT")).value = sk.tmt;
    });
    // Someone typed a line for a person without an approved proposal.
    sheet.addRow([3, "196512311990031009", "Yohanes Kaize"]).getCell(col("Nomor SK")).value = "800/9/2026";
    const signed = join(dir, "sk-ditandatangani.xlsx");
    await writeFile(signed, Buffer.from(await workbook.xlsx.writeBuffer()));
    return signed;
  }

  it("records the good rows, reports the bad ones by line and reason, and a second import changes nothing", async () => {
    const s = await twoApproved();
    const signed = await signedAnnex({
      // A date typed into Excel is a date cell; the TMT written as text.
      [ANI]: {
        nomor: " 800.1.6.2/45/BKPSDM/2026 ",
        tanggal: new Date("2026-12-03T00:00:00Z"),
        tmt: "04-01-2027",
      },
      [PPPK]: { nomor: "800.1.6.2/46/BKPSDM/2026", tanggal: "03-12-2026", tmt: "01-12-2026" },
    });

    expect(await cli(skCommand, ["import", signed])).toBe(
      [
        `${signed}: 1 recorded, 0 already recorded, 2 not recorded`,
        `  line 2: ${ANI} proposal #${s.proposal.id} SK 800.1.6.2/45/BKPSDM/2026`,
        `  line 3 (Lampiran SK): ${PPPK} not recorded: The TMT (01-12-2026) cannot be before the SK date (03-12-2026).`,
        "  line 4 (Lampiran SK): 196512311990031009 not recorded: no proposal approved by the team for NIP 196512311990031009",
      ].join("\n"),
    );
    const ani = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
    expect(ani).toMatchObject({ status: "DECREED", skNumber: "800.1.6.2/45/BKPSDM/2026", version: 3 });
    expect(ani.tmt?.toISOString().slice(0, 10)).toBe("2027-01-04");
    expect(ani.skDate?.toISOString().slice(0, 10)).toBe("2026-12-03");
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.second.id } })).toMatchObject({
      status: "APPROVED",
      skNumber: null,
      version: 2,
    });
    const audit = await db.prisma.auditLog.findMany({ where: { action: "proposal.decree" } });
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ source: "import", line: 2 })]);

    // The same file again: the recorded row is unchanged, nothing else happens.
    const outbox = await db.prisma.outboxMessage.count();
    expect(await cli(skCommand, ["import", signed])).toMatch(
      new RegExp(`^${signed}: 0 recorded, 1 already recorded, 2 not recorded`),
    );
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.decree" } })).toBe(1);
    expect(await db.prisma.outboxMessage.count()).toBe(outbox);
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).version).toBe(3);

    // The annex now shows where each stands: the state, the SK, the TMT only where decreed.
    const out = join(dir, "lagi.xlsx");
    await exportCommand.run(["transfers", "--out", out], testCli(db.prisma, { dataDir: dir }).ctx);
    const [header, first, second] = (await readXlsxRows(await readFile(out)))["Lampiran SK"] ?? [];
    expect(header?.slice(8, 12)).toEqual(["TMT", "Nomor SK", "Tanggal SK", "Status"]);
    expect(first?.slice(1, 2)).toEqual([ANI]);
    expect(first?.slice(8, 12)).toEqual([
      "04-01-2027",
      "800.1.6.2/45/BKPSDM/2026",
      "03-12-2026",
      "SK terbit, menunggu TMT",
    ]);
    expect(second?.slice(8, 12)).toEqual(["", "", "", "Disetujui tim, menunggu SK"]);
  });

  it("reads the sheet saved as CSV (Indonesian Excel, ';'), and refuses a file that is not an SK list", async () => {
    const s = await twoApproved();
    const signed = await signedAnnex({
      [PPPK]: { nomor: "800.1.6.2/46/BKPSDM/2026", tanggal: "03-12-2026", tmt: "04-01-2027" },
    });
    const rows = (await readXlsxRows(await readFile(signed)))["Lampiran SK"] ?? [];
    const csv = join(dir, "sk.csv");
    await writeFile(csv, csvFile(rows, { separator: ";", bom: true }));
    const out = await cli(skCommand, ["import", csv]);
    expect(out).toContain(`${csv}: 1 recorded, 0 already recorded, 2 not recorded`);
    expect(out).toContain(`  line 2: ${ANI} not recorded: the SK number is empty`);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.second.id } })).toMatchObject({
      status: "DECREED",
      skNumber: "800.1.6.2/46/BKPSDM/2026",
    });

    const other = join(dir, "pegawai.csv");
    await writeFile(
      other,
      csvFile([
        ["nip", "nama"],
        [ANI, "Ani"],
      ]),
    );
    await expect(cli(skCommand, ["import", other])).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining("This file is not an SK list"),
    });
    await expect(cli(skCommand, ["import"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(cli(skCommand, ["import", join(dir, "missing.xlsx")])).rejects.toMatchObject({
      exitCode: 1,
    });
  });
});
