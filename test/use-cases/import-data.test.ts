import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/errors.ts";
import { describeReject, importData, type ImportOptions } from "../../src/use-cases/imports/index.ts";
import { readImportFile } from "../../src/import/read-file.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { csvFile, employeeHeader, makeNip, unitHeader, xlsxFile } from "../support/import-files.ts";

describe.skipIf(skipPg)("importing units and employees", () => {
  const db = useTestDatabase();

  const options: ImportOptions = {
    source: "test",
    actor: { name: "test" },
    now: new Date("2026-11-30T00:00:00Z"),
  };

  async function run(buffer: Buffer, name: string, extra: Partial<ImportOptions> = {}) {
    const tables = await readImportFile(buffer, name);
    return db.prisma.$transaction((tx) => importData(tx, tables, { ...options, source: name, ...extra }), {
      timeout: 60_000,
    });
  }

  const anto = makeNip("1990-05-17", "2015-03", 1, 4);
  const dewi = makeNip("1988-12-01", "2012-01", 2, 7);

  it("imports a units CSV and an employees CSV, then finds everything unchanged the second time", async () => {
    await seedSmallDistrict(db.prisma);
    const units = csvFile([
      unitHeader,
      ["SDN-05", "SD Negeri 5 Salor", "SD", "DISDIK", -8.45, 140.4],
      ["PKM-SALOR", "Puskesmas Salor", "puskesmas", "DINKES", "", ""],
    ]);
    const employees = csvFile([
      employeeHeader,
      [anto, "Anto Gebze", "SDN-05", "GURU_KELAS", 24, "1990-05-17", "2019-07-01"],
      [dewi, "Dewi Kaize", "SMPN-02", "GURU_IPA", 18, "", "15-07-2020"],
    ]);

    const first = await run(units, "units.csv");
    expect(first.units).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const second = await run(employees, "employees.csv");
    expect(second.employees).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(second.rejected).toEqual([]);

    const stored = await db.prisma.employee.findUniqueOrThrow({
      where: { nip: dewi },
      include: { unit: true, role: true },
    });
    // A teacher's capacity is the role's standard (24 JP); the file's 18 JP are hours taught.
    expect(stored).toMatchObject({
      name: "Dewi Kaize",
      weeklyHours: 24,
      hoursTaught: 18,
      unitSource: "FILE",
      roleSource: "FILE",
      unit: { code: "SMPN-02" },
      role: { code: "GURU_IPA" },
    });
    // No birth date in the file: taken from the NIP.
    expect(stored.birthDate.toISOString().slice(0, 10)).toBe("1988-12-01");
    expect(stored.postSince.toISOString().slice(0, 10)).toBe("2020-07-15");
    const pkm = await db.prisma.unit.findUniqueOrThrow({
      where: { code: "PKM-SALOR" },
      include: { agency: true },
    });
    expect(pkm).toMatchObject({ kind: "PUSKESMAS", lat: null, agency: { code: "DINKES" } });

    const auditBefore = await db.prisma.auditLog.count();
    const again = await run(employees, "employees.csv");
    expect(again.employees).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect((await run(units, "units.csv")).units).toEqual({ created: 0, updated: 0, unchanged: 2 });
    // Only the two per-file lines were added; no per-row change lines.
    expect(await db.prisma.auditLog.count()).toBe(auditBefore + 2);
  });

  it("reads a semicolon CSV with a BOM from an Indonesian Excel: dd/mm/yyyy dates and decimal commas", async () => {
    await seedSmallDistrict(db.prisma);
    const file = csvFile(
      [
        ["nip_baru", "nama", "unor_id", "jabatan", "jjm", "tgl_lahir", "tmt"],
        [anto, "Anto; Gebze", "SDN-01", "GURU_KELAS", "22,5", "17/05/1990", "01/07/2019"],
      ],
      { separator: ";", bom: true },
    );
    const report = await run(file, "siasn.csv");
    expect(report.rejected).toEqual([]);
    const stored = await db.prisma.employee.findUniqueOrThrow({ where: { nip: anto } });
    expect(stored).toMatchObject({ name: "Anto; Gebze", weeklyHours: 24, hoursTaught: 22.5 });
    expect(stored.postSince.toISOString().slice(0, 10)).toBe("2019-07-01");
  });

  it("imports the good rows of an XLSX with both sheets and reports every bad row with its line and reason", async () => {
    await seedSmallDistrict(db.prisma);
    const file = await xlsxFile({
      "Unit Kerja": [
        ["Kode", "Nama", "Jenis", "Instansi", "Lintang", "Bujur"],
        ["SMPN-07", "SMP Negeri 7 Salor", "SMP", "DISDIK-BARU", -8.5, 140.5],
        // TK is imported as LAINNYA (unit-row.ts); a tutoring centre is no unit kind at all.
        ["SDN-09", "SD Negeri 9", "Bimbel", "DISDIK", "", ""],
      ],
      Pegawai: [
        employeeHeader,
        [
          anto,
          "Anto Gebze",
          "SMPN-07",
          "GURU_IPA",
          24,
          new Date(Date.UTC(1990, 4, 17)),
          new Date(Date.UTC(2019, 6, 1)),
        ],
        ["198501012010013001", "Salah Kelamin", "SDN-01", "GURU_KELAS", 24, "", "2019-01-01"],
        [dewi, "Dewi Kaize", "SDN-99", "GURU_KELAS", 24, "", "2019-01-01"],
        [
          makeNip("1979-02-03", "2005-01", 1, 11),
          "Tanggal Mustahil",
          "SDN-01",
          "GURU_KELAS",
          24,
          "",
          "31-02-2019",
        ],
        [
          makeNip("1979-02-03", "2005-01", 1, 12),
          "Jam Negatif",
          "SDN-01",
          "GURU_KELAS",
          -4,
          "",
          "2019-01-01",
        ],
        [makeNip("1979-02-03", "2005-01", 1, 13), "Jabatan Asing", "SDN-01", "PERAWAT", 24, "", "2019-01-01"],
        [anto, "Anto lagi", "SDN-01", "GURU_KELAS", 24, "", "2019-01-01"],
        [198501012010011000, "NIP angka", "SDN-01", "GURU_KELAS", 24, "", "2019-01-01"],
      ],
    });
    const report = await run(file, "data.xlsx");
    expect(report.units).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.employees).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(report.agenciesCreated).toEqual(["DISDIK-BARU"]);
    const reasons = report.rejected.map((r) => `${r.sheet}:${r.line} ${describeReject("en", r)}`);
    expect(reasons).toEqual([
      "Pegawai:3 NIP 198501012010013001 is wrong: digit 15 (sex) must be 1 or 2",
      "Pegawai:4 unit SDN-99 does not exist; import the unit first or check the code",
      'Pegawai:5 date entered post (TMT) "31-02-2019" is not a real date (use yyyy-mm-dd or dd-mm-yyyy)',
      "Pegawai:6 weekly hours may not be negative (-4)",
      "Pegawai:7 role PERAWAT is unknown; add a role name column to create it, or check the code",
      "Pegawai:8 duplicate of line 2 in the same file",
      expect.stringMatching(/^Pegawai:9 the NIP was stored as a number in Excel/),
      'Unit Kerja:3 unit kind "Bimbel" is unknown; use one of: SD, SMP, SMA, PUSKESMAS, KANTOR, LAINNYA',
    ]);
    expect(report.rejected[0]?.values).toMatchObject({ Nama: "Salah Kelamin", "Kode Unit": "SDN-01" });

    const agency = await db.prisma.agency.findUniqueOrThrow({ where: { code: "DISDIK-BARU" } });
    expect(agency.name).toBe("DISDIK-BARU");
    const stored = await db.prisma.employee.findUniqueOrThrow({
      where: { nip: anto },
      include: { unit: true },
    });
    expect(stored.unit.code).toBe("SMPN-07");
    expect(stored.birthDate.toISOString().slice(0, 10)).toBe("1990-05-17");
    expect(await db.prisma.employee.count()).toBe(3);
    const summary = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "import.file" } });
    expect(summary.details).toMatchObject({
      rejected: 8,
      employees: { created: 1 },
      createdEmployees: [anto],
      createdUnits: ["SMPN-07"],
    });
  });

  it("dry run reports what would change and writes nothing; strict writes nothing when a row is bad", async () => {
    await seedSmallDistrict(db.prisma);
    const file = csvFile([
      employeeHeader,
      ["198501012010012001", "Ani Wulandari", "SMPN-02", "GURU_IPA", 20, "1985-01-01", "2016-07-01"],
      [anto, "Anto Gebze", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01"],
      ["123", "Pendek", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01"],
    ]);
    const dry = await run(file, "e.csv", { dryRun: true });
    expect(dry).toMatchObject({
      applied: false,
      dryRun: true,
      employees: { created: 1, updated: 1, unchanged: 0 },
    });
    expect(dry.changes).toContainEqual({
      kind: "employee",
      key: "198501012010012001",
      action: "updated",
      fields: ["hoursTaught"],
    });
    expect(dry.rejected.map((r) => [r.line, describeReject("id", r)])).toEqual([
      [4, "NIP 123 salah: harus 18 angka"],
    ]);
    expect(await db.prisma.employee.count()).toBe(2);
    expect(await db.prisma.auditLog.count()).toBe(0);

    const strict = await run(file, "e.csv", { strict: true });
    expect(strict.applied).toBe(false);
    expect(await db.prisma.employee.count()).toBe(2);
    expect(
      await db.prisma.employee.findUniqueOrThrow({ where: { nip: "198501012010012001" } }),
    ).toMatchObject({ weeklyHours: 24, hoursTaught: null });

    const applied = await run(file, "e.csv");
    expect(applied.applied).toBe(true);
    const update = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "import.update", entity: "employee" },
    });
    expect(update).toMatchObject({
      entityId: "198501012010012001",
      actorName: "test",
      details: { source: "e.csv", fields: ["hoursTaught"] },
    });
    // Ani teaches 20 JP; as a teacher she still brings the standard 24 JP of capacity.
    expect(
      await db.prisma.employee.findUniqueOrThrow({ where: { nip: "198501012010012001" } }),
    ).toMatchObject({ weeklyHours: 24, hoursTaught: 20 });
    expect(await db.prisma.employee.count()).toBe(3);
  });

  it("creates an unknown role when the file names it, and keeps stored values the file leaves out", async () => {
    await seedSmallDistrict(db.prisma);
    const withNames = csvFile([
      ["nip", "nama", "kode_unit", "kode_jabatan", "nama_jabatan", "tmt_jabatan"],
      [dewi, "Dewi Kaize", "SDN-01", "PERAWAT", "Perawat Terampil", "2020-01-02"],
    ]);
    const report = await run(withNames, "roles.csv");
    expect(report.rolesCreated).toEqual(["PERAWAT"]);
    expect(await db.prisma.role.findUniqueOrThrow({ where: { code: "PERAWAT" } })).toMatchObject({
      name: "Perawat Terampil",
    });

    // An hours-only update file: name, unit, role and dates stay as stored.
    const hoursOnly = csvFile([
      ["NIP", "JP per minggu"],
      [dewi, 30],
    ]);
    const update = await run(hoursOnly, "hours.csv");
    expect(update.employees).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(
      await db.prisma.employee.findUniqueOrThrow({ where: { nip: dewi }, include: { role: true } }),
    ).toMatchObject({
      name: "Dewi Kaize",
      weeklyHours: 30,
      role: { code: "PERAWAT" },
    });
    const newcomer = await run(
      csvFile([
        ["NIP", "JP per minggu"],
        [anto, 30],
      ]),
      "hours.csv",
    );
    expect(newcomer.rejected.map((r) => r.reason.code)).toEqual(["name_missing"]);
  });

  it("refuses files it cannot read with a clear reason", async () => {
    const latin1 = Buffer.concat([
      Buffer.from("nip,nama\n198501012010011001,Jos"),
      Buffer.from([0xe9]),
      Buffer.from("\n"),
    ]);
    await expect(readImportFile(latin1, "a.csv")).rejects.toMatchObject({ code: "import_not_utf8" });
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("nip,nama\n", "utf16le")]);
    await expect(readImportFile(utf16, "a.csv")).rejects.toMatchObject({ code: "import_utf16" });
    await expect(readImportFile(Buffer.alloc(6 * 1024 * 1024, 0x41), "big.csv")).rejects.toMatchObject({
      code: "import_too_large",
      params: { size: "6.0", max: "5.0" },
    });
    const many = csvFile([
      employeeHeader,
      ...Array.from({ length: 11 }, (_, i) => [
        makeNip("1980-01-01", "2005-01", 1, i + 1),
        "X",
        "SDN-01",
        "GURU_KELAS",
        24,
        "",
        "2019-01-01",
      ]),
    ]);
    await expect(
      readImportFile(many, "many.csv", { maxBytes: 5_000_000, maxRows: 10 }),
    ).rejects.toMatchObject({
      code: "import_too_many_rows",
      params: { rows: 11, max: 10 },
    });
    await expect(readImportFile(Buffer.from("not a zip"), "a.xlsx")).rejects.toBeInstanceOf(DomainError);
    const tables = await readImportFile(
      csvFile([
        ["foo", "bar"],
        ["1", "2"],
      ]),
      "x.csv",
    );
    await expect(db.prisma.$transaction((tx) => importData(tx, tables, options))).rejects.toMatchObject({
      code: "import_unknown_columns",
    });
  });
});
