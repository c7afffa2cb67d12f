import { describe, expect, it } from "vitest";
import {
  describeReject,
  describeWarning,
  importData,
  type ImportOptions,
} from "../../src/use-cases/imports/index.ts";
import { readImportFile } from "../../src/import/read-file.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { csvFile, makeNip } from "../support/import-files.ts";
import { salorSchools, schoolsCsv, schoolsXlsx, type School } from "../support/schools-file.ts";

describe.skipIf(skipPg)(
  "importing the schools file: units by NPSN, UNOR ID or code, kecamatan and desa",
  () => {
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
    // SIASN names the school by UNOR_ID (here in lower case, as the API writes it), Dapodik by NPSN.
    const siasn = csvFile([
      ["NIP_BARU", "NAMA", "UNOR_ID", "Kode Jabatan", "TMT_JABATAN"],
      [anto, "Anto Gebze", "8ae48288597fac650159824e03aa2470", "GURU_KELAS", "2019-07-01"],
    ]);
    const dapodik = csvFile([
      ["NIP", "Nama", "NPSN", "Kode Jabatan", "JJM", "TMT Jabatan"],
      [dewi, "Dewi Kaize", "60300102", "GURU_IPA", 12, "2020-07-15"],
    ]);

    it("stores both codes of each school, then employees named by UNOR_ID and by NPSN find them; a second run changes nothing", async () => {
      await seedSmallDistrict(db.prisma);
      const dry = await run(schoolsCsv(), "sekolah.csv", { dryRun: true });
      expect(dry.units).toEqual({ created: 4, updated: 0, unchanged: 0 });
      expect(await db.prisma.unit.count()).toBe(2);

      const report = await run(schoolsCsv(), "sekolah.csv");
      expect(report.rejected).toEqual([]);
      expect(report.units).toEqual({ created: 4, updated: 0, unchanged: 0 });
      const sd = await db.prisma.unit.findUniqueOrThrow({
        where: { npsn: "60300101" },
        include: { agency: true },
      });
      expect(sd).toMatchObject({
        // No project code in the file: the NPSN is the code.
        code: "60300101",
        unorId: "8AE48288597FAC650159824E03AA2470",
        name: "SD Negeri Salor Indah",
        kind: "SD",
        schoolStatus: "Negeri",
        rombel: 9,
        lat: -8.21,
        kecamatanCode: "93.01.11",
        kecamatan: "Kurik",
        desaCode: "93.01.11.2009",
        desa: "Salor Indah",
        agency: { code: "DISDIK" },
      });
      const smk = await db.prisma.unit.findUniqueOrThrow({ where: { npsn: "60300103" } });
      expect(smk).toMatchObject({ kind: "SMA", schoolStatus: "Swasta", unorId: null, desa: "Ivimahad" });
      // An unknown kecamatan is kept as written, without a code, and reported as a warning only.
      const atlantis = await db.prisma.unit.findUniqueOrThrow({ where: { npsn: "60300104" } });
      expect(atlantis).toMatchObject({
        kecamatan: "Distrik Atlantis",
        kecamatanCode: null,
        desa: "Atlantis Lama",
      });
      expect(report.warnings.map((w) => `${w.line} ${w.key}: ${describeWarning("id", w)}`)).toEqual([
        '5 60300104: kecamatan "Distrik Atlantis" tidak ditemukan di data wilayah Kemendagri; disimpan apa adanya tanpa kode',
      ]);

      const bySiasn = await run(siasn, "siasn.csv");
      const byDapodik = await run(dapodik, "dapodik.csv");
      expect([...bySiasn.rejected, ...byDapodik.rejected]).toEqual([]);
      const people = await db.prisma.employee.findMany({
        where: { nip: { in: [anto, dewi] } },
        include: { unit: true },
        orderBy: { nip: "asc" },
      });
      expect(people.map((p) => [p.nip, p.unit.name])).toEqual([
        [dewi, "SMP Negeri 2 Kurik"],
        [anto, "SD Negeri Salor Indah"],
      ]);

      const audit = await db.prisma.auditLog.count();
      expect((await run(schoolsCsv(), "sekolah.csv")).units).toEqual({
        created: 0,
        updated: 0,
        unchanged: 4,
      });
      expect((await run(siasn, "siasn.csv")).employees).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect((await run(dapodik, "dapodik.csv")).employees).toEqual({ created: 0, updated: 0, unchanged: 1 });
      expect(await db.prisma.auditLog.count()).toBe(audit + 3);
    });

    it("lets employees in the same file name a unit it creates by its UNOR ID", async () => {
      await seedSmallDistrict(db.prisma);
      const tables = [
        ...(await readImportFile(await schoolsXlsx(salorSchools.slice(0, 1)), "sekolah.xlsx")),
        ...(await readImportFile(siasn, "siasn.csv")),
      ];
      const report = await db.prisma.$transaction((tx) => importData(tx, tables, options));
      expect(report.rejected).toEqual([]);
      expect(report.units.created).toBe(1);
      const stored = await db.prisma.employee.findUniqueOrThrow({
        where: { nip: anto },
        include: { unit: true },
      });
      expect(stored.unit.code).toBe("60300101");
    });

    it("adds an NPSN to a unit known by its code, and gives a unit known by its NPSN its project code", async () => {
      await seedSmallDistrict(db.prisma);
      await run(schoolsCsv(salorSchools.slice(0, 1)), "sekolah.csv");
      const withCodes = csvFile([
        ["Kode", "NPSN", "UNOR_ID", "Nama Sekolah"],
        ["SDN-01", "60300201", "", "SD Negeri 1 Salor"],
        ["SDN-SALOR-INDAH", "60300101", "", ""],
      ]);
      const report = await run(withCodes, "kode.csv");
      expect(report.rejected).toEqual([]);
      expect(report.changes).toEqual([
        { kind: "unit", key: "SDN-01", action: "updated", fields: ["npsn"] },
        { kind: "unit", key: "SDN-SALOR-INDAH", action: "updated", fields: ["code"] },
      ]);
      expect(await db.prisma.unit.findUniqueOrThrow({ where: { npsn: "60300201" } })).toMatchObject({
        code: "SDN-01",
      });
      expect(await db.prisma.unit.findUniqueOrThrow({ where: { npsn: "60300101" } })).toMatchObject({
        code: "SDN-SALOR-INDAH",
        unorId: "8AE48288597FAC650159824E03AA2470",
        rombel: 9,
      });
      // SIASN still finds it by its UNOR ID.
      expect((await run(siasn, "siasn.csv")).rejected).toEqual([]);
      expect((await run(withCodes, "kode.csv")).units).toEqual({ created: 0, updated: 0, unchanged: 2 });
    });

    it("rejects a row whose codes name two units, and codes, rombel and status that are wrong, changing nothing else", async () => {
      await seedSmallDistrict(db.prisma);
      await run(schoolsCsv(salorSchools.slice(0, 2)), "sekolah.csv");
      const before = await db.prisma.unit.findMany({ orderBy: { id: "asc" } });
      const bad = (school: Partial<School>): School => ({ ...salorSchools[0]!, ...school });
      const file = schoolsCsv([
        bad({ npsn: "60300101", unorId: "8AE48288597FAC650159824E03AA2471" }),
        bad({ npsn: "6030010", unorId: null }),
        bad({ npsn: null, unorId: "not-a-siasn-id" }),
        bad({ npsn: "60300301", unorId: null, rombel: "9,5" }),
        bad({ npsn: "60300302", unorId: null, rombel: -1 }),
        bad({ npsn: "60300303", unorId: null, status: "Yayasan" }),
        bad({ npsn: "60300304", unorId: null, name: "SMP Negeri 9", bentuk: "SMP" }),
      ]);
      const report = await run(file, "salah.csv");
      expect(report.rejected.map((r) => `${r.line} ${r.key}: ${describeReject("en", r)}`)).toEqual([
        "2 60300101: 60300101 names unit 60300101 but 8AE48288597FAC650159824E03AA2471 names unit 60300102; a row may name one unit only, check both codes",
        '3 6030010: NPSN "6030010" is wrong: it must be 8 digits (or a letter and 7 digits for a PKBM/LKP)',
        '4 not-a-siasn-id: UNOR_ID "NOT-A-SIASN-ID" is wrong: it must be a SIASN unor id (32 hexadecimal characters or a UUID)',
        '5 60300301: number of rombel "9,5" must be a whole number, 0 or more',
        '6 60300302: number of rombel "-1" must be a whole number, 0 or more',
        '7 60300303: school status "Yayasan" is unknown; use Negeri or Swasta',
      ]);
      expect(report.units).toEqual({ created: 1, updated: 0, unchanged: 0 });
      const after = await db.prisma.unit.findMany({
        where: { id: { in: before.map((u) => u.id) } },
        orderBy: { id: "asc" },
      });
      expect(after).toEqual(before);

      // The first project code a unit known by its NPSN gets is its code; a different one later is refused.
      const named = await run(
        csvFile([
          ["Kode", "NPSN"],
          ["SMPN-09", "60300304"],
          ["SMPN-10", "60300304"],
        ]),
        "kode.csv",
      );
      expect(named.changes).toEqual([{ kind: "unit", key: "SMPN-09", action: "updated", fields: ["code"] }]);
      expect(named.rejected.map((r) => describeReject("id", r))).toEqual([
        "duplikat dari baris 2 di file yang sama",
      ]);
      const refused = await run(
        csvFile([
          ["Kode", "NPSN"],
          ["SMPN-10", "60300304"],
        ]),
        "kode.csv",
      );
      expect(refused.rejected.map((r) => describeReject("id", r))).toEqual([
        "60300304 sudah milik unit SMPN-09, bukan SMPN-10; pakai kode SMPN-09 atau periksa 60300304",
      ]);
      expect(await db.prisma.unit.findUniqueOrThrow({ where: { npsn: "60300304" } })).toMatchObject({
        code: "SMPN-09",
        name: "SMP Negeri 9",
      });
    });
  },
);
