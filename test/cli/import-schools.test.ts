import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importCommand } from "../../src/cli/commands/import.ts";
import { useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { testCli } from "../support/cli.ts";
import { csvFile, makeNip } from "../support/import-files.ts";
import { schoolsXlsx } from "../support/schools-file.ts";

describe("cli import of the schools file", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-schools-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cli = () => testCli(db.prisma, { dataDir: dir });

  it("imports the XLSX as it comes, lists the unknown kecamatan as a warning, then finds the schools for SIASN rows", async () => {
    await seedSmallDistrict(db.prisma);
    const schools = join(dir, "sekolah.xlsx");
    await writeFile(schools, await schoolsXlsx());

    const dry = cli();
    await importCommand.run([schools, "--dry-run"], dry.ctx);
    expect(dry.out).toContain("  units:     4 created, 0 updated, 0 unchanged");
    expect(dry.out).toContain("  would create unit 60300101");
    expect(await db.prisma.unit.count()).toBe(2);

    const real = cli();
    await importCommand.run([schools], real.ctx);
    expect(real.out).toContain("Warnings (1):");
    expect(real.out).toContain(
      `  Sekolah line 5 [60300104]: kecamatan "Distrik Atlantis" is not in Kemendagri's area list; stored as written, without a code`,
    );
    expect(
      await db.prisma.unit.findMany({
        where: { kecamatanCode: "93.01.11" },
        select: { code: true, desaCode: true },
        orderBy: { code: "asc" },
      }),
    ).toEqual([
      { code: "60300101", desaCode: "93.01.11.2009" },
      { code: "60300102", desaCode: "93.01.11.2002" },
      { code: "60300103", desaCode: "93.01.11.2008" },
    ]);

    const again = cli();
    await importCommand.run([schools], again.ctx);
    expect(again.out).toContain("  units:     0 created, 0 updated, 4 unchanged");

    const siasn = join(dir, "siasn.csv");
    const nip = makeNip("1990-05-17", "2015-03", 1, 4);
    await writeFile(
      siasn,
      csvFile([
        ["NIP_BARU", "NAMA", "UNOR_ID", "Kode Jabatan", "TMT_JABATAN"],
        [nip, "Anto Gebze", "8AE48288597FAC650159824E03AA2471", "GURU_IPA", "2019-07-01"],
      ]),
    );
    const employees = cli();
    await importCommand.run([siasn], employees.ctx);
    expect(employees.out).toContain("  employees: 1 created, 0 updated, 0 unchanged");
    expect(
      await db.prisma.employee.findUniqueOrThrow({
        where: { nip },
        select: { unit: { select: { name: true } } },
      }),
    ).toEqual({ unit: { name: "SMP Negeri 2 Kurik" } });
  });
});
