import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { employeeCommand } from "../../src/cli/commands/employee.ts";
import { importCommand } from "../../src/cli/commands/import.ts";
import { policyCommand } from "../../src/cli/commands/policy.ts";
import { requestCommand } from "../../src/cli/commands/request.ts";
import { testCli } from "../support/cli.ts";
import { useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { fixedClock } from "../support/harness.ts";
import { xlsxFile } from "../support/import-files.ts";

describe("the data redistribution needs, at the terminal (issue 29)", () => {
  const db = useTestDatabase();
  const clock = fixedClock("2026-12-07T00:30:00Z");
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-redistribution-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const cli = () => testCli(db.prisma, { clock });

  it("imports SKP predicates from a sheet (NIP, Tahun, Predikat), once, and rejects what it cannot place", async () => {
    const s = await seedSmallDistrict(db.prisma);
    const file = join(dir, "skp.xlsx");
    await writeFile(
      file,
      await xlsxFile({
        SKP: [
          ["NIP", "Nama", "Tahun", "Predikat"],
          [s.ani.nip, "Ani Wulandari", 2024, "Baik"],
          [s.ani.nip, "Ani Wulandari", 2025, "Sangat Baik"],
          [s.budi.nip, "Budi Santoso", 2025, "Cukup"],
          ["199001012015012001", "Orang Lain", 2025, "Baik"],
        ],
      }),
    );
    const first = cli();
    await importCommand.run([file], first.ctx);
    expect(first.out).toContain("  skp:       2 created, 0 updated, 0 unchanged");
    expect(first.out.join("\n")).toContain(
      'predicate "Cukup" unknown; use Sangat Baik, Baik, Butuh Perbaikan, Kurang or Sangat Kurang',
    );
    expect(first.out.join("\n")).toContain("no employee with this NIP yet");
    expect(
      await db.prisma.skpRecord.findMany({
        orderBy: { year: "asc" },
        select: { year: true, predicate: true },
      }),
    ).toEqual([
      { year: 2024, predicate: "BAIK" },
      { year: 2025, predicate: "SANGAT_BAIK" },
    ]);
    // Nothing was taken for an employee row: the sheet is SKP, not staff.
    expect(await db.prisma.employee.count()).toBe(2);
    const again = cli();
    await importCommand.run([file], again.ctx);
    expect(again.out).toContain("  skp:       0 created, 0 updated, 2 unchanged");
  });

  it("records a disciplinary penalty until a day and clears it, audited; sets the private-school policy per agency", async () => {
    const s = await seedSmallDistrict(db.prisma);
    const set = cli();
    await employeeCommand.run(
      ["discipline", s.ani.nip, "--until", "31-12-2027", "--note", "hukuman disiplin sedang"],
      set.ctx,
    );
    expect(set.out[0]).toContain("disciplinary penalty recorded until 31-12-2027");
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).toMatchObject({
      disciplineUntil: new Date("2027-12-31"),
      disciplineNote: "hukuman disiplin sedang",
    });
    await employeeCommand.run(["discipline", s.ani.nip, "clear"], cli().ctx);
    expect(
      (await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).disciplineUntil,
    ).toBeNull();
    expect(await db.prisma.auditLog.count({ where: { action: "employee.discipline" } })).toBe(2);
    await expect(
      employeeCommand.run(["discipline", s.ani.nip, "--until", "kemarin"], cli().ctx),
    ).rejects.toThrow(/dd-mm-yyyy/);

    const show = cli();
    await policyCommand.run(["private-schools"], show.ctx);
    expect(show.out).toContain("private-schools DISDIK: off (private schools are not planned for)");
    const on = cli();
    await policyCommand.run(["private-schools", "on-request", "--agency", "disdik"], on.ctx);
    expect(on.out).toEqual([
      "private-schools DINKES: off (private schools are not planned for)",
      "private-schools DISDIK: on-request (only private schools with an open teacher request)",
    ]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { entity: "agency" } });
    expect(audit.details).toMatchObject({
      setting: "policy.privateSchools",
      before: "OFF",
      after: "ON_REQUEST",
    });
    await expect(policyCommand.run(["private-schools", "kadang"], cli().ctx)).rejects.toThrow(/usage/);
    await expect(policyCommand.run(["private-schools", "on", "--agency", "XYZ"], cli().ctx)).rejects.toThrow(
      /XYZ/,
    );
  });

  it("records a request on the district's own initiative for a private school only, lists and closes it", async () => {
    const s = await seedSmallDistrict(db.prisma);
    await db.prisma.unit.create({
      data: {
        code: "SDS-01",
        name: "SD YPK Salor",
        kind: "SD",
        schoolStatus: "Swasta",
        agencyId: s.agency.id,
      },
    });
    await expect(
      requestCommand.run(["add", "SDN-01", "GURU_KELAS", "48", "--reason", "rombel"], cli().ctx),
    ).rejects.toThrow(/bukan sekolah swasta|not a private school/);
    const add = cli();
    await requestCommand.run(
      ["add", "SDS-01", "GURU_KELAS", "48", "--reason", "dua", "guru", "diangkat", "PPPK"],
      add.ctx,
    );
    expect(add.out.join("\n")).toContain("Redistribution on the district's initiative #1");
    const list = cli();
    await requestCommand.run(["list"], list.ctx);
    expect(list.out[1]).toMatch(
      /^ {2}#1 SDS-01 GURU_KELAS 48 JP since 07-12-2026 \(district's initiative\): dua guru diangkat PPPK$/,
    );
    const close = cli();
    await requestCommand.run(["close", "1", "filled"], close.ctx);
    expect(close.out).toEqual(["Request #1 closed: filled."]);
    await expect(requestCommand.run(["close", "1", "filled"], cli().ctx)).rejects.toThrow(/#1/);
  });
});
