import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCommand } from "../../src/cli/commands/export.ts";
import { importCommand } from "../../src/cli/commands/import.ts";
import { useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { testCli } from "../support/cli.ts";
import {
  dapodikXlsx,
  DAPODIK_FIRST_LINE,
  giveDistrictStateCodes,
  SCHOOLS,
} from "../support/dapodik-files.ts";
import { csvFile, employeeHeader, makeNip, readXlsxRows } from "../support/import-files.ts";
import { makeNiPppk, siasnCsv } from "../support/siasn-files.ts";

describe("cli import and export", () => {
  const db = useTestDatabase();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "seimbang-cli-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const cli = () => testCli(db.prisma, { dataDir: dir });

  const anto = makeNip("1990-05-17", "2015-03", 1, 4);
  async function employeesFile(): Promise<string> {
    const path = join(dir, "pegawai.csv");
    await writeFile(
      path,
      csvFile([
        employeeHeader,
        [anto, "Anto Gebze", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01"],
        [
          makeNip("1980-02-02", "2006-01", 2, 3),
          "Tanggal Salah",
          "SDN-01",
          "GURU_KELAS",
          24,
          "",
          "2019-13-01",
        ],
      ]),
    );
    return path;
  }

  it("imports with rejects listed (exit 0), refuses in --strict (exit 1), and reports bad usage (exit 2)", async () => {
    await seedSmallDistrict(db.prisma);
    const path = await employeesFile();

    const dry = cli();
    await importCommand.run([path, "--dry-run"], dry.ctx);
    expect(dry.out).toContain("  employees: 1 created, 0 updated, 0 unchanged");
    expect(dry.out).toContain(`  would create employee ${anto}`);
    expect(await db.prisma.employee.count()).toBe(2);

    const strict = cli();
    await expect(importCommand.run([path, "--strict"], strict.ctx)).rejects.toMatchObject({ exitCode: 1 });
    expect(strict.out.join("\n")).toContain(
      'line 3 [198002022006012003]: date entered post (TMT) "2019-13-01" is not a real date',
    );
    expect(await db.prisma.employee.count()).toBe(2);

    const real = cli();
    await importCommand.run([path], real.ctx);
    expect(real.out[0]).toBe(`Import of ${path}`);
    expect(real.out).toContain("Rejected rows (1):");
    expect(await db.prisma.employee.count()).toBe(3);

    const again = cli();
    await importCommand.run([path], again.ctx);
    expect(again.out).toContain("  employees: 0 created, 0 updated, 1 unchanged");

    await expect(importCommand.run([], cli().ctx)).rejects.toMatchObject({ exitCode: 2 });
    await expect(importCommand.run([path, "--force"], cli().ctx)).rejects.toMatchObject({ exitCode: 2 });
    await expect(importCommand.run([join(dir, "missing.csv")], cli().ctx)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining("ENOENT"),
    });
    const latin1 = join(dir, "ansi.csv");
    await writeFile(
      latin1,
      Buffer.concat([Buffer.from("NIP,Nama\n198501012010011001,Jos"), Buffer.from([0xe9, 0x0a])]),
    );
    await expect(importCommand.run([latin1], cli().ctx)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining("not UTF-8"),
    });
  });

  it("imports a SIASN CSV then a Dapodik XLSX: honorer counted apart, a unit the two disagree on listed", async () => {
    await seedSmallDistrict(db.prisma);
    await giveDistrictStateCodes(db.prisma);
    const pppk = makeNiPppk("1992-02-20", 2023, 2, 41);
    const siasn = join(dir, "data-utama.csv");
    await writeFile(
      siasn,
      siasnCsv([
        { nip: anto, nama: "ANTO GEBZE", unorId: SCHOOLS.sd.unorId, jabatan: "Guru Kelas Ahli Pertama" },
        { nip: pppk, nama: "MARIA KAIZE", unorId: SCHOOLS.smp.unorId, jabatan: "Guru Ahli Pertama" },
      ]),
    );
    const first = cli();
    await importCommand.run([siasn], first.ctx);
    expect(first.out).toContain("  employees: 2 created, 0 updated, 0 unchanged");
    expect(first.out.join("\n")).toContain(
      "roles created (need review: `roles set` or a jabatan sheet): GURU",
    );

    const ptk = join(dir, "ptk.xlsx");
    await writeFile(
      ptk,
      await dapodikXlsx([
        {
          nama: "Anto Gebze",
          nip: anto,
          npsn: SCHOOLS.sd.npsn,
          jenisPtk: "Guru Kelas",
          mapel: "Guru Kelas SD/MI/SLB",
          jjm: 30,
        },
        // SIASN has Maria at the SMP; Dapodik at the SD.
        {
          nama: "Maria Kaize",
          nip: pppk,
          npsn: SCHOOLS.sd.npsn,
          jenisPtk: "Guru Kelas",
          mapel: "Guru Kelas SD/MI/SLB",
          jjm: 24,
          status: "PPPK",
        },
        {
          nama: "Agustina Ndiken",
          nuptk: "1234567890123456",
          npsn: SCHOOLS.sd.npsn,
          jenisPtk: "Guru Kelas",
          mapel: "Guru Kelas SD/MI/SLB",
          jjm: 18,
          status: "Guru Honor Sekolah",
        },
      ]),
    );
    const second = cli();
    await importCommand.run([ptk], second.ctx);
    expect(second.out).toContain("  employees: 0 created, 2 updated, 0 unchanged");
    expect(second.out).toContain("  honorer (school capacity, not moved): 1 created, 0 updated, 0 unchanged");
    expect(second.out).toContain("Unit differs between SIASN and Dapodik, stored unit kept (1):");
    expect(second.out).toContain(
      `  Daftar PTK line ${DAPODIK_FIRST_LINE + 1} [${pppk}]: unit in SIASN (SMPN-02) differs from Dapodik (SDN-01); the stored unit was kept, the rest imported`,
    );
    expect(second.out.join("\n")).not.toContain("Rejected rows");
    expect(
      await db.prisma.employee.findUniqueOrThrow({
        where: { nip: pppk },
        include: { unit: true, role: true },
      }),
    ).toMatchObject({
      unit: { code: "SMPN-02" },
      role: { code: "GURU_KELAS" },
      weeklyHours: 24,
      hoursTaught: 24,
    });
  });

  it("exports transfers to XLSX with an audit sheet, and to CSV with a sibling audit file", async () => {
    await seedSmallDistrict(db.prisma);
    await importCommand.run([await employeesFile()], cli().ctx);

    const xlsx = join(dir, "mutasi.xlsx");
    const run = cli();
    await exportCommand.run(["transfers", "--out", xlsx], run.ctx);
    expect(run.out[0]).toMatch(
      /^Exported 0 transfers \(0 approved awaiting the SK, 0 decreed, 0 in effect\) and 1 audit entries to /,
    );
    const sheets = await readXlsxRows(await readFile(xlsx));
    expect(Object.keys(sheets)).toEqual(["Lampiran SK", "Mutasi", "Audit"]);
    expect(sheets.Audit?.map((r) => r[2])).toEqual(["Aksi", "berkas diimpor (import.file)"]);

    const csv = join(dir, "mutasi.csv");
    await exportCommand.run(["transfers", "--out", csv], cli().ctx);
    expect((await readFile(csv, "utf8")).startsWith("\uFEFFNo,NIP,Nama,Jabatan lama")).toBe(true);
    expect(await readFile(join(dir, "mutasi-audit.csv"), "utf8")).toContain("import.file");

    await expect(
      exportCommand.run(["transfers", "--out", join(dir, "x.pdf")], cli().ctx),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(exportCommand.run(["proposals"], cli().ctx)).rejects.toMatchObject({ exitCode: 2 });
  });
});
