import { describe, expect, it } from "vitest";
import { describeReject, type ImportOptions, importWorkbook } from "../../src/use-cases/imports/index.ts";
import { readImportFile } from "../../src/import/read-file.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { csvFile, employeeHeader, makeNip, unitHeader, xlsxFile } from "../support/import-files.ts";
import {
  jabatanHeader,
  jabatanRows,
  kesesuaianHeader,
  kesesuaianRows,
  pppkNumber,
} from "../support/reference-files.ts";

describe.skipIf(skipPg)("importing jabatan and kesesuaian sheets", () => {
  const db = useTestDatabase();

  const options: ImportOptions = {
    source: "test",
    actor: { name: "test" },
    now: new Date("2026-11-30T00:00:00Z"),
  };

  async function run(buffer: Buffer, name: string, extra: Partial<ImportOptions> = {}) {
    const tables = await readImportFile(buffer, name);
    return db.prisma.$transaction(
      (tx) => importWorkbook(tx, tables, { ...options, source: name, ...extra }),
      { timeout: 60_000 },
    );
  }

  const anto = makeNip("1990-05-17", "2015-03", 1, 4);
  const workbook = () =>
    xlsxFile({
      Petunjuk: [["Isi sheet jabatan dan kesesuaian"], ["kode = kode jabatan, tanpa spasi"]],
      unit: [unitHeader, ["SDN-01", "SD Negeri 1 Salor", "SD", "DISDIK", -8.43, 140.39]],
      Jabatan: [jabatanHeader, ...jabatanRows],
      Kesesuaian: [kesesuaianHeader, ...kesesuaianRows],
      pegawai: [
        employeeHeader,
        [anto, "Anto Gebze", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01"],
        [pppkNumber, "Maria Kaize", "SDN-01", "GURU_IPA", 18, "", "2023-01-01"],
      ],
    });

  it("imports roles, compatibility, units and employees of one workbook, then finds everything unchanged", async () => {
    const first = await run(await workbook(), "referensi.xlsx");
    expect(first.rejected).toEqual([]);
    expect(first.reference?.roles).toEqual({ created: 5, updated: 0, unchanged: 0 });
    expect(first.reference?.compatibility).toEqual({ created: 2, updated: 0, unchanged: 0 });
    // The jabatan sheet has "kode" and "nama" like a units sheet, and is not one.
    expect(first.data?.units).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(first.data?.employees).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(first.data?.rolesCreated).toEqual([]);

    const roles = await db.prisma.role.findMany({
      orderBy: { code: "asc" },
      include: { dapodikLabels: true },
    });
    // Only a row with a bup sets the role's age; the others follow the regulation per person.
    expect(
      roles.map((r) => [
        r.code,
        r.isTeacher,
        r.standardHours,
        r.hoursUnit,
        r.retirementAge,
        r.retirementAgeSet,
      ]),
    ).toEqual([
      ["GURU_IPA", true, 24, "JP", 60, false],
      ["GURU_KELAS", true, 24, "JP", 60, false],
      ["GURU_MTK", true, 24, "JP", 60, false],
      ["PENGAWAS", false, 37.5, "JAM", 60, true],
      ["TU_SEKOLAH", false, 37.5, "JAM", 58, false],
    ]);
    expect(roles[0]?.dapodikLabels.map((l) => l.key).sort()).toEqual([
      "guru mapel ipa",
      "guru mapel ipa terpadu",
    ]);
    expect(roles.every((r) => !r.needsReview)).toBe(true);
    const compat = await db.prisma.roleCompatibility.findMany({ include: { fromRole: true, toRole: true } });
    expect(compat.map((c) => `${c.fromRole.code}>${c.toRole.code}`).sort()).toEqual([
      "GURU_IPA>GURU_KELAS",
      "GURU_MTK>GURU_KELAS",
    ]);
    expect(compat.find((c) => c.fromRole.code === "GURU_IPA")?.note).toContain("SKB 5 Menteri 2011");
    const maria = await db.prisma.employee.findUniqueOrThrow({ where: { nip: pppkNumber } });
    expect(maria.birthDate).toEqual(new Date("1991-03-12T00:00:00Z"));
    expect(await db.prisma.auditLog.count({ where: { action: "role.create" } })).toBe(5);

    const again = await run(await workbook(), "referensi.xlsx");
    expect(again.reference?.roles).toEqual({ created: 0, updated: 0, unchanged: 5 });
    expect(again.reference?.compatibility).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.data?.employees).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.prisma.auditLog.count({ where: { action: { startsWith: "role." } } })).toBe(5);
  });

  it("imports the good rows and lists each bad one with its reason; an unknown role in kesesuaian is a row, not a crash", async () => {
    const file = await xlsxFile({
      jabatan: [
        jabatanHeader,
        ...jabatanRows.slice(0, 2),
        ["GURU_PJOK", "Guru PJOK", "mungkin", 24, "JP", "", "", ""],
        ["GURU_SBK", "Guru Seni Budaya", "ya", 24, "menit", "", "", ""],
        ["GURU_BK", "Guru BK", "ya", 24, "JP", 75, "", ""],
        ["GURU_IPAS", "Guru IPAS", "ya", 24, "JP", "", "", "Guru Kelas SD"],
        ["", "Tanpa Kode", "ya", 24, "JP", "", "", ""],
        ["GURU_KELAS", "Guru Kelas (dua kali)", "ya", 24, "JP", "", "", ""],
      ],
      kesesuaian: [
        kesesuaianHeader,
        kesesuaianRows[0]!,
        ["GURU_AGAMA", "GURU_KELAS", ""],
        ["GURU_KELAS", "GURU_KELAS", ""],
        ["", "GURU_KELAS", ""],
      ],
    });
    const report = await run(file, "referensi.xlsx");
    expect(report.data).toBeNull();
    expect(report.reference?.roles.created).toBe(2);
    expect(report.reference?.compatibility.created).toBe(1);
    expect(report.rejected.map((r) => [r.sheet, r.line, describeReject("id", r)])).toEqual([
      ["jabatan", 4, 'kolom guru "mungkin" harus ya atau tidak'],
      ["jabatan", 5, 'satuan "menit" harus JP atau jam'],
      ["jabatan", 6, 'bup "75" harus angka antara 50 dan 70'],
      ["jabatan", 7, 'label Dapodik "Guru Kelas SD" sudah dipakai jabatan GURU_KELAS'],
      ["jabatan", 8, "kode jabatan kosong"],
      ["jabatan", 9, "duplikat dari baris 2 di file yang sama"],
      ["kesesuaian", 3, "jabatan GURU_AGAMA tidak dikenal; tambahkan di sheet jabatan atau periksa kodenya"],
      ["kesesuaian", 4, "jabatan GURU_KELAS selalu sesuai dengan dirinya sendiri; hapus baris ini"],
      ["kesesuaian", 5, "kolom dari dan ke wajib diisi kode jabatan"],
    ]);
    expect(await db.prisma.role.count()).toBe(2);
    expect(await db.prisma.roleCompatibility.count()).toBe(1);
  });

  it("a dry run reports what a real run would do (employees may name roles of the jabatan sheet) and writes nothing", async () => {
    const dry = await run(await workbook(), "referensi.xlsx", { dryRun: true });
    expect(dry.reference).toMatchObject({ dryRun: true, applied: false });
    expect(dry.reference?.roles.created).toBe(5);
    expect(dry.data?.employees.created).toBe(2);
    expect(dry.rejected).toEqual([]);
    expect(await db.prisma.role.count()).toBe(0);
    expect(await db.prisma.unit.count()).toBe(0);
    expect(await db.prisma.auditLog.count()).toBe(0);

    // Strict with one bad kesesuaian row: nothing at all is written.
    const bad = await xlsxFile({
      jabatan: [jabatanHeader, ...jabatanRows],
      kesesuaian: [kesesuaianHeader, ["GURU_AGAMA", "GURU_KELAS", ""]],
    });
    const strict = await run(bad, "bad.xlsx", { strict: true });
    expect(strict.rejected).toHaveLength(1);
    expect(strict.reference?.applied).toBe(false);
    expect(await db.prisma.role.count()).toBe(0);
  });

  it("marks roles an employee file creates perlu ditinjau; a jabatan CSV reviews them", async () => {
    await run(
      await xlsxFile({ unit: [unitHeader, ["SDN-01", "SD Negeri 1 Salor", "SD", "DISDIK", "", ""]] }),
      "u.xlsx",
    );
    const employees = csvFile([
      [...employeeHeader, "Nama Jabatan"],
      [anto, "Anto Gebze", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01", "Guru Kelas"],
    ]);
    const created = await run(employees, "pegawai.csv");
    expect(created.data?.rolesCreated).toEqual(["GURU_KELAS"]);
    expect(await db.prisma.role.findUniqueOrThrow({ where: { code: "GURU_KELAS" } })).toMatchObject({
      needsReview: true,
      isTeacher: false,
      retirementAge: 58,
    });

    // Alone in a CSV the jabatan table is known by its columns.
    const jabatan = csvFile([jabatanHeader, jabatanRows[0]!], { separator: ";" });
    const reviewed = await run(jabatan, "jabatan.csv");
    expect(reviewed.data).toBeNull();
    expect(reviewed.reference?.changes).toEqual([
      {
        kind: "role",
        key: "GURU_KELAS",
        action: "updated",
        fields: ["name", "teacher", "hours", "unit", "bup", "perRombel", "review", "dapodik"],
      },
    ]);
    expect(await db.prisma.role.findUniqueOrThrow({ where: { code: "GURU_KELAS" } })).toMatchObject({
      needsReview: false,
      isTeacher: true,
      retirementAge: 60,
      standardHours: 24,
    });
  });
});
