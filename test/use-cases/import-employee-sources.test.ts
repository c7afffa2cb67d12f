import { beforeEach, describe, expect, it } from "vitest";
import { describeReject, type ImportOptions, importWorkbook } from "../../src/use-cases/imports/index.ts";
import { readImportFile } from "../../src/import/read-file.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { csvFile, makeNip } from "../support/import-files.ts";
import {
  DAPODIK_FIRST_LINE,
  dapodikHeader,
  dapodikRow,
  dapodikXlsx,
  giveDistrictStateCodes,
  SCHOOLS,
} from "../support/dapodik-files.ts";
import { makeNiPppk, siasnCsv } from "../support/siasn-files.ts";

describe.skipIf(skipPg)("employee files as SIASN and Dapodik write them", () => {
  const db = useTestDatabase();
  beforeEach(async () => {
    await db.reset();
    await seedSmallDistrict(db.prisma);
    await giveDistrictStateCodes(db.prisma);
  });

  const options: ImportOptions = {
    source: "test",
    actor: { name: "test" },
    now: new Date("2026-11-30T00:00:00Z"),
  };

  async function run(buffer: Buffer, name: string, extra: Partial<ImportOptions> = {}) {
    const tables = await readImportFile(buffer, name);
    const report = await db.prisma.$transaction(
      (tx) => importWorkbook(tx, tables, { ...options, source: name, ...extra }),
      { timeout: 60_000 },
    );
    return report.data!;
  }
  const reasons = (rows: Array<Parameters<typeof describeReject>[1]>) =>
    rows.map((r) => `${r.line} ${describeReject("en", r)}`);

  const yosef = makeNip("1984-06-11", "2009-03", 1, 12);
  const maria = makeNiPppk("1992-02-20", 2023, 2, 41);
  const klara = makeNip("1990-09-09", "2014-01", 2, 5);
  /** A guru honorer of the SD as Dapodik lists her: no NIP, a NUPTK, 24 JP. */
  const agustina = {
    nama: "Agustina Ndiken",
    nuptk: "1234567890123456",
    jk: "P",
    tanggalLahir: "14-08-1996",
    npsn: SCHOOLS.sd.npsn,
    jenisPtk: "Guru Kelas",
    mapel: "Guru Kelas SD/MI/SLB",
    jjm: 24,
    status: "Guru Honor Sekolah",
  };

  it("reads SIASN's data utama: every known column becomes its field, PPPK by its number, bad rows with their reason", async () => {
    const file = siasnCsv([
      {
        nip: yosef,
        nama: "YOSEF GEBZE",
        gelarDepan: "Drs.",
        gelarBelakang: "M.Pd.",
        unorId: SCHOOLS.smp.unorId,
        jabatan: "Guru Ahli Muda",
        golongan: "III/c",
        tmtGolongan: "2022-10-01",
        tmtJabatan: "2018-01-02",
        jenisKelamin: "Laki-laki",
        tingkatPendidikan: "S-1/Sarjana",
        pendidikan: "S-1 Pendidikan Fisika",
      },
      { nip: maria, nama: "MARIA KAIZE", unorId: SCHOOLS.sd.unorId, jabatan: "Guru Kelas Ahli Pertama" },
      {
        nip: klara,
        nama: "KLARA MAHUZE",
        unorId: SCHOOLS.sd.unorId,
        jabatan: "Pranata Komputer Terampil",
        kedudukan: "CLTN",
        jenisJabatan: "Jabatan Fungsional",
      },
      // Budi is in the database as GURU_KELAS: SIASN's bare "Guru" does not replace it.
      {
        nip: "197803152005011002",
        nama: "BUDI SANTOSO",
        unorId: SCHOOLS.sd.unorId,
        jabatan: "Guru Ahli Madya",
        golongan: "IV/a",
      },
      // A "PPPK" row with a NIP: one of the two is wrong.
      {
        nip: makeNip("1985-01-01", "2010-01", 1, 50),
        nama: "A",
        unorId: SCHOOLS.sd.unorId,
        jabatan: "Guru",
        jenisPegawai: "PPPK",
      },
      {
        nip: makeNip("1985-01-01", "2010-01", 1, 51),
        nama: "B",
        unorId: SCHOOLS.sd.unorId,
        jabatan: "Guru",
        golongan: "III/e",
      },
      {
        nip: makeNiPppk("1990-01-01", 2022, 1, 52),
        nama: "C",
        unorId: SCHOOLS.sd.unorId,
        jabatan: "Guru",
        golongan: "XVIII",
      },
      {
        nip: makeNip("1985-01-01", "2010-01", 1, 53),
        nama: "D",
        unorId: SCHOOLS.sd.unorId,
        jabatan: "Guru",
        kedudukan: "Hilang",
      },
      {
        nip: makeNip("1985-01-01", "2010-01", 1, 54),
        nama: "E",
        unorId: SCHOOLS.sd.unorId,
        jabatan: "Guru",
        jenisKelamin: "X",
      },
      {
        nip: makeNip("1985-01-01", "2010-01", 1, 55),
        nama: "F",
        unorId: "ffffffff-0000-4000-8000-000000000000",
        jabatan: "Guru",
      },
    ]);
    const report = await run(file, "siasn.csv");
    expect(reasons(report.rejected)).toEqual([
      '6 jenis pegawai "PPPK" does not match the number, which is a PNS number',
      '7 golongan "III/e" is wrong; use I/a … IV/e',
      '8 golongan "XVIII" is wrong; use I … XVII',
      expect.stringMatching(
        /^9 kedudukan hukum "Hilang" is unknown; known values: Aktif, CLTN, Cuti, Tugas Belajar/,
      ),
      '10 sex "X" is unknown; use L/P (Laki-laki/Perempuan) or M/F',
      "11 unit FFFFFFFF-0000-4000-8000-000000000000 does not exist; import the unit first or check the code",
    ]);
    expect(report.employees).toEqual({ created: 3, updated: 1, unchanged: 0 });
    expect(
      await db.prisma.employee.findUniqueOrThrow({
        where: { nip: "197803152005011002" },
        include: { role: true },
      }),
    ).toMatchObject({
      role: { code: "GURU_KELAS" },
      golongan: "IV/a",
      jenjang: "AHLI_MADYA",
      weeklyHours: 24,
    });
    // "Guru" and "Pranata Komputer" (the jabatan without its jenjang) match no role: created, to be reviewed.
    expect(report.rolesCreated.sort()).toEqual(["GURU", "PRANATA_KOMPUTER"]);
    const created = await db.prisma.role.findMany({ where: { code: { in: report.rolesCreated } } });
    expect(created.map((r) => [r.code, r.name, r.needsReview])).toEqual(
      expect.arrayContaining([
        ["GURU", "Guru", true],
        ["PRANATA_KOMPUTER", "Pranata Komputer", true],
      ]),
    );

    const y = await db.prisma.employee.findUniqueOrThrow({
      where: { nip: yosef },
      include: { unit: true, role: true },
    });
    expect(y).toMatchObject({
      name: "YOSEF GEBZE",
      titleFront: "Drs.",
      titleBack: "M.Pd.",
      sex: "L",
      status: "AKTIF",
      legalStatus: "Aktif",
      asnKind: "PNS",
      golongan: "III/c",
      jabatanName: "Guru Ahli Muda",
      jabatanKind: "Jabatan Fungsional",
      jenjang: "AHLI_MUDA",
      educationLevel: "S-1/Sarjana",
      education: "S-1 Pendidikan Fisika",
      unit: { code: "SMPN-02" },
      role: { code: "GURU" },
      unitSource: "SIASN",
      roleSource: "SIASN",
      // A role SIASN creates is not (yet) a teacher's: the administrative default until reviewed.
      weeklyHours: 37.5,
      hoursTaught: null,
    });
    expect(y.pnsId).toMatch(/^a1b2c3d4-/);
    expect(y.tmtGolongan?.toISOString().slice(0, 10)).toBe("2022-10-01");
    expect(y.postSince.toISOString().slice(0, 10)).toBe("2018-01-02");
    expect(y.birthDate.toISOString().slice(0, 10)).toBe("1984-06-11");

    // "Guru Kelas Ahli Pertama" finds the role GURU_KELAS: a teacher, so 24 JP of capacity.
    expect(
      await db.prisma.employee.findUniqueOrThrow({ where: { nip: maria }, include: { role: true } }),
    ).toMatchObject({
      asnKind: "PPPK",
      golongan: "IX",
      sex: "P",
      role: { code: "GURU_KELAS" },
      weeklyHours: 24,
    });
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { nip: klara } })).toMatchObject({
      status: "CUTI",
      legalStatus: "CLTN",
      jenjang: "TERAMPIL",
    });

    const again = await run(file, "siasn.csv");
    expect(again.employees).toEqual({ created: 0, updated: 0, unchanged: 4 });
    expect(again.rolesCreated).toEqual([]);
  });

  it("reads Dapodik's PTK list under its title rows: role by Jenis PTK + Mata Pelajaran, JJM as hours taught, honorer apart", async () => {
    const file = await dapodikXlsx([
      {
        nama: "Yosef Gebze",
        nip: yosef,
        npsn: SCHOOLS.smp.npsn,
        jenisPtk: "Guru Mapel",
        mapel: "Ilmu Pengetahuan Alam (IPA)",
        jjm: 12,
        sertifikasi: "Sudah",
        nuptk: "9943762663200013",
      },
      {
        nama: "Maria Kaize",
        nip: maria,
        jk: "P",
        npsn: SCHOOLS.sd.npsn,
        jenisPtk: "Guru Kelas",
        mapel: "Guru Kelas SD/MI/SLB",
        jjm: 28,
        status: "PPPK",
        sertifikasi: "Guru Kelas SD",
      },
      agustina,
      {
        nama: "Petrus Basik-Basik",
        nip: makeNip("1991-03-03", "2015-01", 1, 9),
        npsn: SCHOOLS.smp.npsn,
        jenisPtk: "Guru Mapel",
        mapel: "Seni Budaya",
      },
      {
        nama: "Jam Terlalu Banyak",
        nip: makeNip("1991-03-03", "2015-01", 1, 10),
        npsn: SCHOOLS.smp.npsn,
        jenisPtk: "Guru Mapel",
        mapel: "IPA",
        jjm: 70,
      },
      {
        nama: "Honorer Sekolah Lain",
        tanggalLahir: "01-01-1999",
        npsn: "69999999",
        jenisPtk: "Guru Kelas",
        mapel: "Guru Kelas SD/MI/SLB",
        status: "GTT/PTT Kab/Kota",
      },
    ]);
    const report = await run(file, "ptk.xlsx");
    const first = DAPODIK_FIRST_LINE;
    expect(reasons(report.rejected)).toEqual([
      `${first + 3} role for Dapodik label "Guru Mapel Seni Budaya" not found: add it to the jabatan sheet's dapodik column`,
      `${first + 4} weekly hours 70 is too high (at most 60)`,
      `${first + 5} unit 69999999 does not exist; import the unit first or check the code`,
    ]);
    expect(report.rejected[2]?.key).toBe("Honorer Sekolah Lain");
    expect(report.employees).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(report.honorers).toEqual({ created: 1, updated: 0, unchanged: 0, removed: 0 });

    const y = await db.prisma.employee.findUniqueOrThrow({
      where: { nip: yosef },
      include: { unit: true, role: true },
    });
    expect(y).toMatchObject({
      unit: { code: "SMPN-02" },
      role: { code: "GURU_IPA" },
      subject: "Ilmu Pengetahuan Alam (IPA)",
      certified: true,
      certifiedSubject: null,
      nuptk: "9943762663200013",
      // Capacity is the teacher's standard 24 JP; the 12 JP taught are kept apart.
      weeklyHours: 24,
      hoursTaught: 12,
      unitSource: "DAPODIK",
      roleSource: "DAPODIK",
    });
    // Dapodik has no TMT jabatan: the CPNS month stands in until SIASN's arrives.
    expect(y.postSince.toISOString().slice(0, 10)).toBe("2009-03-01");
    expect(
      await db.prisma.employee.findUniqueOrThrow({ where: { nip: maria }, include: { role: true } }),
    ).toMatchObject({
      role: { code: "GURU_KELAS" },
      certified: true,
      certifiedSubject: "Guru Kelas SD",
      hoursTaught: 28,
      weeklyHours: 24,
    });
    const honorer = await db.prisma.honorer.findUniqueOrThrow({
      where: { key: "1234567890123456" },
      include: { unit: true, role: true },
    });
    expect(honorer).toMatchObject({
      name: "Agustina Ndiken",
      hoursTaught: 24,
      employment: "Guru Honor Sekolah",
      unit: { code: "SDN-01" },
      role: { code: "GURU_KELAS" },
    });

    const again = await run(file, "ptk.xlsx");
    expect(again.employees).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.honorers).toEqual({ created: 0, updated: 0, unchanged: 1, removed: 0 });
  });

  it("a newer Dapodik list of a school without one of its honorer removes that honorer, whose hours no longer count; a school with a bad row, or not in the file, keeps theirs", async () => {
    // No NUPTK: found again by NPSN + name + birth date.
    const markus = {
      ...agustina,
      nama: "Markus Gebze",
      nuptk: undefined,
      jk: "L",
      tanggalLahir: "02-05-1998",
    };
    const lina = {
      nama: "Lina Basik-Basik",
      nuptk: "7654321098765432",
      jk: "P",
      tanggalLahir: "01-01-1995",
      npsn: SCHOOLS.smp.npsn,
      jenisPtk: "Guru Mapel",
      mapel: "IPA",
      jjm: 18,
      status: "GTT/PTT Kab/Kota",
    };
    const yosefRow = {
      nama: "Yosef Gebze",
      nip: yosef,
      npsn: SCHOOLS.smp.npsn,
      jenisPtk: "Guru Mapel",
      mapel: "IPA",
    };
    const mariaRow = {
      nama: "Maria Kaize",
      nip: maria,
      npsn: SCHOOLS.sd.npsn,
      jenisPtk: "Guru Kelas",
      mapel: "Guru Kelas SD/MI/SLB",
      status: "PPPK",
    };
    const first = await run(
      await dapodikXlsx([mariaRow, agustina, markus, yosefRow, lina]),
      "ptk-2026-1.xlsx",
    );
    expect(first.honorers).toEqual({ created: 3, updated: 0, unchanged: 0, removed: 0 });
    const markusKey = `${SCHOOLS.sd.npsn}|MARKUS GEBZE|1998-05-02`;
    expect(await db.prisma.honorer.findUnique({ where: { key: markusKey } })).not.toBeNull();

    // The next semester's list: Markus has left SD; at the SMP one row is bad, so Lina is kept.
    const tooMany = {
      ...yosefRow,
      nama: "Jam Terlalu Banyak",
      nip: makeNip("1991-03-03", "2015-01", 1, 10),
      jjm: 70,
    };
    const dryRun = await run(await dapodikXlsx([mariaRow, agustina, yosefRow, tooMany]), "ptk-2026-2.xlsx", {
      dryRun: true,
    });
    expect(dryRun.honorers.removed).toBe(1);
    expect(dryRun.changes).toContainEqual({ kind: "honorer", key: markusKey, action: "removed", fields: [] });
    expect(await db.prisma.honorer.count()).toBe(3);
    const second = await run(await dapodikXlsx([mariaRow, agustina, yosefRow, tooMany]), "ptk-2026-2.xlsx");
    expect(reasons(second.rejected)).toEqual([
      `${DAPODIK_FIRST_LINE + 3} weekly hours 70 is too high (at most 60)`,
    ]);
    expect(second.honorers).toEqual({ created: 0, updated: 0, unchanged: 1, removed: 1 });
    expect((await db.prisma.honorer.findMany({ orderBy: { key: "asc" } })).map((h) => h.name)).toEqual([
      "Agustina Ndiken",
      "Lina Basik-Basik",
    ]);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "import.remove" } });
    expect(audit).toMatchObject({ entity: "honorer", entityId: markusKey });
    expect(audit.details).toMatchObject({ source: "ptk-2026-2.xlsx" });

    // An honorer row the SMP's list cannot place (no role for its label) may be Lina under a new
    // NUPTK: she is kept until it is fixed.
    const unplaced = { ...lina, nama: "Ruth Mahuze", nuptk: "1111222233334444", mapel: "Seni Budaya" };
    const doubtful = await run(await dapodikXlsx([yosefRow, unplaced]), "ptk-smp.xlsx");
    expect(doubtful.rejected.map((r) => r.key)).toEqual(["1111222233334444"]);
    expect(doubtful.honorers.removed).toBe(0);

    // The SMP's corrected list alone: Lina has gone there too; the SD, not in this file, keeps Agustina.
    const third = await run(await dapodikXlsx([yosefRow]), "ptk-smp.xlsx");
    expect(third.honorers).toEqual({ created: 0, updated: 0, unchanged: 0, removed: 1 });
    expect((await db.prisma.honorer.findMany()).map((h) => h.name)).toEqual(["Agustina Ndiken"]);
    // Sent again: nothing more to remove.
    expect((await run(await dapodikXlsx([yosefRow]), "ptk-smp.xlsx")).honorers.removed).toBe(0);
  });

  it("finds the header of a Dapodik CSV under title rows of two cells, and reports rows by their line in the file", async () => {
    const file = csvFile([
      ["DAFTAR PTK"],
      ["Nama Sekolah:", "SMP NEGERI 2 SALOR"],
      ["Tanggal Unduh:", "20-11-2026 08:15"],
      ["Pengunduh:", "operator"],
      dapodikHeader,
      dapodikRow(
        {
          nama: "Yosef Gebze",
          nip: yosef,
          npsn: SCHOOLS.smp.npsn,
          jenisPtk: "Guru Mapel",
          mapel: "IPA",
          jjm: 20,
        },
        1,
      ),
      dapodikRow({ nama: "Tanpa Jenis", nip: klara, npsn: SCHOOLS.smp.npsn, jenisPtk: "" }, 2),
    ]);
    const report = await run(file, "ptk.csv");
    expect(report.employees.created).toBe(1);
    expect(reasons(report.rejected)).toEqual(["7 Jenis PTK is empty (required for a new employee)"]);
    expect(report.headers.slice(0, 3)).toEqual(["No", "Nama", "NUPTK"]);
  });

  const siasnFile = () =>
    siasnCsv([
      {
        nip: yosef,
        nama: "YOSEF GEBZE",
        unorId: SCHOOLS.smp.unorId,
        jabatan: "Guru Ahli Muda",
        golongan: "III/c",
        tmtJabatan: "2018-01-02",
      },
      { nip: maria, nama: "MARIA KAIZE", unorId: SCHOOLS.sd.unorId, jabatan: "Guru Kelas Ahli Pertama" },
    ]);
  const dapodikFile = () =>
    dapodikXlsx([
      {
        nama: "Yosef Gebze",
        nip: yosef,
        npsn: SCHOOLS.smp.npsn,
        jenisPtk: "Guru Mapel",
        mapel: "Ilmu Pengetahuan Alam (IPA)",
        jjm: 12,
        sertifikasi: "IPA",
      },
      {
        nama: "Maria Kaize",
        nip: maria,
        jk: "P",
        npsn: SCHOOLS.sd.npsn,
        jenisPtk: "Guru Kelas",
        mapel: "Guru Kelas SD/MI/SLB",
        jjm: 28,
      },
      {
        nama: "Agustina Ndiken",
        nuptk: "1234567890123456",
        jk: "P",
        npsn: SCHOOLS.sd.npsn,
        jenisPtk: "Guru Kelas",
        mapel: "Guru Kelas SD/MI/SLB",
        jjm: 18,
        status: "Tenaga Honor Sekolah",
      },
    ]);

  for (const order of [
    ["siasn", "dapodik"],
    ["dapodik", "siasn"],
  ] as const) {
    it(`merges SIASN and Dapodik by NIP (${order.join(" then ")}); a second run of both changes nothing`, async () => {
      const files = { siasn: siasnFile(), dapodik: await dapodikFile() };
      const names = { siasn: "siasn.csv", dapodik: "ptk.xlsx" };
      for (const source of order) await run(files[source], names[source]);
      const y = await db.prisma.employee.findUniqueOrThrow({
        where: { nip: yosef },
        include: { unit: true, role: true },
      });
      expect(y).toMatchObject({
        // SIASN's…
        golongan: "III/c",
        jenjang: "AHLI_MUDA",
        jabatanName: "Guru Ahli Muda",
        // …and Dapodik's, neither blanking the other.
        role: { code: "GURU_IPA" },
        roleSource: "DAPODIK",
        subject: "Ilmu Pengetahuan Alam (IPA)",
        certified: true,
        certifiedSubject: "IPA",
        hoursTaught: 12,
        weeklyHours: 24,
        unit: { code: "SMPN-02" },
        unitSource: order[0] === "siasn" ? "SIASN" : "DAPODIK",
      });
      expect(y.postSince.toISOString().slice(0, 10)).toBe("2018-01-02");

      for (const source of order) {
        const second = await run(files[source], names[source]);
        expect(second.employees).toEqual({ created: 0, updated: 0, unchanged: 2 });
        expect(second.honorers.created + second.honorers.updated).toBe(0);
        expect(second.rejected).toEqual([]);
        expect(second.unitConflicts).toEqual([]);
      }
    });
  }

  it("keeps the unit when SIASN and Dapodik disagree and reports it; a newer SIASN export or a plain file moves the person", async () => {
    await run(siasnFile(), "siasn.csv");
    // Dapodik lists Yosef at the SD: the stored (SIASN) unit stays, the rest of the row goes in.
    const dapodik = await run(
      await dapodikXlsx([
        {
          nama: "Yosef Gebze",
          nip: yosef,
          npsn: SCHOOLS.sd.npsn,
          jenisPtk: "Guru Mapel",
          mapel: "IPA",
          jjm: 10,
        },
      ]),
      "ptk.xlsx",
    );
    expect(dapodik.rejected).toEqual([]);
    expect(dapodik.employees).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(reasons(dapodik.unitConflicts)).toEqual([
      `${DAPODIK_FIRST_LINE} unit in SIASN (SMPN-02) differs from Dapodik (SDN-01); the stored unit was kept, the rest imported`,
    ]);
    const kept = await db.prisma.employee.findUniqueOrThrow({
      where: { nip: yosef },
      include: { unit: true, role: true },
    });
    expect(kept).toMatchObject({
      unit: { code: "SMPN-02" },
      unitSource: "SIASN",
      role: { code: "GURU_IPA" },
      hoursTaught: 10,
    });
    const audit = await db.prisma.auditLog.findFirstOrThrow({
      where: { action: "import.file", entityId: "ptk.xlsx" },
    });
    expect(audit.details).toMatchObject({ unitConflicts: [yosef] });

    // A newer SIASN export is the same source: it moves him.
    const newer = await run(
      siasnCsv([
        {
          nip: yosef,
          nama: "YOSEF GEBZE",
          unorId: SCHOOLS.sd.unorId,
          jabatan: "Guru Ahli Muda",
          golongan: "III/c",
          tmtJabatan: "2026-01-02",
        },
      ]),
      "siasn-baru.csv",
    );
    expect(newer.unitConflicts).toEqual([]);
    expect(
      await db.prisma.employee.findUniqueOrThrow({ where: { nip: yosef }, include: { unit: true } }),
    ).toMatchObject({ unit: { code: "SDN-01" }, unitSource: "SIASN" });

    // A plain file always updates, and says so.
    const plain = await run(Buffer.from(`NIP,Kode Unit\r\n${yosef},SMPN-02\r\n`), "pindah.csv");
    expect(plain.unitConflicts).toEqual([]);
    expect(
      await db.prisma.employee.findUniqueOrThrow({ where: { nip: yosef }, include: { unit: true } }),
    ).toMatchObject({ unit: { code: "SMPN-02" }, unitSource: "FILE" });
  });

  it("a dry run of SIASN and Dapodik files reports and writes nothing", async () => {
    const before = await db.prisma.employee.count();
    const siasn = await run(siasnFile(), "siasn.csv", { dryRun: true });
    const dapodik = await run(await dapodikFile(), "ptk.xlsx", { dryRun: true });
    expect(siasn.employees.created).toBe(2);
    expect(dapodik.honorers.created).toBe(1);
    expect(await db.prisma.employee.count()).toBe(before);
    expect(await db.prisma.honorer.count()).toBe(0);
    expect(await db.prisma.role.count({ where: { code: "GURU" } })).toBe(0);
  });
});
