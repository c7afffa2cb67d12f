import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { buildTestBot, type TestBot } from "../support/harness.ts";
import {
  csvFile,
  documentUpdate,
  employeeHeader,
  makeNip,
  sentDocuments,
  xlsxFile,
} from "../support/import-files.ts";
import { salorSchools, schoolsCsv } from "../support/schools-file.ts";
import { sentTexts } from "../support/telegram.ts";
import {
  dapodikXlsx,
  DAPODIK_FIRST_LINE,
  giveDistrictStateCodes,
  SCHOOLS,
} from "../support/dapodik-files.ts";

describe.skipIf(skipPg)("importing a file sent to the bot", () => {
  const db = useTestDatabase();

  const admin = { id: 9001, first_name: "Admin", language_code: "id" };
  const head = { id: 5001, first_name: "Siti", language_code: "id" };
  const anto = makeNip("1990-05-17", "2015-03", 1, 4);

  /** A bot whose downloads are served from memory; records which files were fetched. */
  function botWithFiles(files: Record<string, Buffer>): TestBot & { fetched: string[] } {
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(admin.id)] });
    const fetched: string[] = [];
    t.deps.fetchFile = async (fileId) => {
      fetched.push(fileId);
      const file = files[fileId];
      if (!file) throw new Error(`no file ${fileId}`);
      return file;
    };
    return Object.assign(t, { fetched });
  }

  const goodAndBad = () =>
    xlsxFile({
      pegawai: [
        employeeHeader,
        [
          anto,
          "Anto Gebze",
          "SDN-01",
          "GURU_KELAS",
          24,
          new Date(Date.UTC(1990, 4, 17)),
          new Date(Date.UTC(2019, 6, 1)),
        ],
        ["199001012015013999", "Bulan Salah", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01"],
        [makeNip("1980-02-02", "2006-01", 2, 3), "Unit Hilang", "SDN-77", "GURU_KELAS", 24, "", "2019-07-01"],
      ],
    });

  it("imports an admin's XLSX, replies with a summary and sends the rejected rows as a CSV", async () => {
    await seedSmallDistrict(db.prisma);
    const t = botWithFiles({ f1: await goodAndBad() });
    await t.send(documentUpdate(admin, { file_id: "f1", file_name: "pegawai.xlsx", file_size: 9000 }));

    expect(t.fetched).toEqual(["f1"]);
    const [summary] = sentTexts(t.calls);
    expect(summary).toContain("<b>Impor pegawai.xlsx</b>");
    expect(summary).toContain("Pegawai: 1 baru, 0 diubah, 0 tetap");
    expect(summary).toContain("Baris ditolak: 2");
    expect(await db.prisma.employee.findUnique({ where: { nip: anto } })).toMatchObject({
      name: "Anto Gebze",
    });
    expect(await db.prisma.employee.count()).toBe(3);

    const [rejects] = sentDocuments(t.calls);
    expect(rejects?.filename).toBe("pegawai-ditolak.csv");
    expect(rejects?.chatId).toBe(admin.id);
    const lines = rejects!.content
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      "sheet,baris,NIP/kode,alasan,NIP,Nama,Kode Unit,Kode Jabatan,JP per minggu,Tanggal Lahir,TMT Jabatan",
    );
    expect(lines[1]).toContain(
      "pegawai,3,199001012015013999,NIP 199001012015013999 salah: angka ke-15 (jenis kelamin) harus 1 atau 2",
    );
    expect(lines[2]).toContain(`pegawai,4,198002022006012003,"unit SDN-77 tidak ada; impor unitnya dulu`);
    expect(lines[2]).toContain("Unit Hilang");

    // The same file again: nothing changes, and the summary says so.
    t.mark();
    t.deps.fetchFile = async () => goodAndBad();
    await t.send(documentUpdate(admin, { file_id: "f2", file_name: "pegawai.xlsx", file_size: 9000 }));
    expect(sentTexts(t.since())[0]).toContain("Pegawai: 0 baru, 0 diubah, 1 tetap");
    expect(await db.prisma.employee.count()).toBe(3);
  });

  it("imports a Dapodik PTK list sent as XLSX: honorer are capacity, an unknown Dapodik label comes back in the CSV", async () => {
    await seedSmallDistrict(db.prisma);
    await giveDistrictStateCodes(db.prisma);
    const antoRow = {
      nama: "Anto Gebze",
      nip: anto,
      npsn: SCHOOLS.sd.npsn,
      jenisPtk: "Guru Kelas",
      mapel: "Guru Kelas SD/MI/SLB",
      jjm: 26,
    };
    const file = await dapodikXlsx([
      antoRow,
      {
        nama: "Agustina <Ndiken>",
        nuptk: "1234567890123456",
        npsn: SCHOOLS.sd.npsn,
        jenisPtk: "Guru Kelas",
        mapel: "Guru Kelas SD/MI/SLB",
        jjm: 18,
        status: "Guru Honor Sekolah",
      },
      {
        nama: "Petrus Basik",
        nip: makeNip("1991-03-03", "2015-01", 1, 9),
        npsn: SCHOOLS.smp.npsn,
        jenisPtk: "Guru Mapel",
        mapel: "Seni Budaya & Prakarya",
      },
    ]);
    const t = botWithFiles({ f1: file });
    await t.send(documentUpdate(admin, { file_id: "f1", file_name: "ptk.xlsx", file_size: file.length }));

    const [summary] = sentTexts(t.calls);
    expect(summary).toContain("Pegawai: 1 baru, 0 diubah, 0 tetap");
    expect(summary).toContain(
      "Guru honorer: 1 dicatat sebagai kapasitas sekolah (1 baru, 0 diubah, 0 tetap)",
    );
    expect(summary).toContain("Baris ditolak: 1");
    expect(summary).toContain("Seni Budaya &amp; Prakarya");
    expect(await db.prisma.honorer.findUniqueOrThrow({ where: { key: "1234567890123456" } })).toMatchObject({
      name: "Agustina <Ndiken>",
      hoursTaught: 18,
    });
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { nip: anto } })).toMatchObject({
      weeklyHours: 24,
      hoursTaught: 26,
    });
    const [rejects] = sentDocuments(t.calls);
    const lines = rejects!.content
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^sheet,baris,NIP\/kode,alasan,No,Nama,NUPTK,JK,/);
    expect(lines[1]).toContain(
      `Daftar PTK,${DAPODIK_FIRST_LINE + 2},${makeNip("1991-03-03", "2015-01", 1, 9)},"jabatan untuk label Dapodik ""Guru Mapel Seni Budaya & Prakarya"" tidak ditemukan: tambahkan label itu ke kolom dapodik di sheet jabatan"`,
    );

    // The SD's next list no longer has Agustina: she is removed and her 18 JP no longer count.
    const next = await dapodikXlsx([antoRow]);
    t.mark();
    t.deps.fetchFile = async () => next;
    await t.send(documentUpdate(admin, { file_id: "f2", file_name: "ptk-2.xlsx", file_size: next.length }));
    expect(sentTexts(t.since())[0]).toContain(
      "Guru honorer dihapus: 1 (tidak lagi tercantum di Dapodik sekolahnya; jam mengajarnya tidak dihitung lagi)",
    );
    expect(await db.prisma.honorer.count()).toBe(0);
  });

  it("only reports on a dry run caption and saves nothing", async () => {
    await seedSmallDistrict(db.prisma);
    const file = csvFile(
      [employeeHeader, [anto, "Anto Gebze", "SDN-01", "GURU_KELAS", 24, "", "2019-07-01"]],
      { separator: ";", bom: true },
    );
    const t = botWithFiles({ f1: file });
    await t.send(
      documentUpdate(
        admin,
        { file_id: "f1", file_name: "pegawai.csv", file_size: file.length },
        { caption: "uji" },
      ),
    );
    expect(sentTexts(t.calls)[0]).toContain("uji coba, tidak ada yang disimpan");
    expect(sentTexts(t.calls)[0]).toContain("Pegawai: 1 baru");
    expect(sentDocuments(t.calls)).toEqual([]);
    expect(await db.prisma.employee.count()).toBe(2);
  });

  it("imports a schools file and warns, in its summary, about a kecamatan Kemendagri's list does not have", async () => {
    await seedSmallDistrict(db.prisma);
    // A name Telegram's HTML would choke on unless it is escaped.
    const file = schoolsCsv([
      ...salorSchools.slice(0, 3),
      { ...salorSchools[3]!, kecamatan: "Distrik <Baru> & Lama" },
    ]);
    const t = botWithFiles({ f1: file });
    await t.send(documentUpdate(admin, { file_id: "f1", file_name: "sekolah.csv", file_size: file.length }));
    const [summary] = sentTexts(t.calls);
    expect(summary).toContain("Unit: 4 baru, 0 diubah, 0 tetap");
    expect(summary).toContain(
      "Peringatan: 1 baris dengan kecamatan/desa yang tidak ada di data Kemendagri (Distrik &lt;Baru&gt; &amp; Lama)",
    );
    expect(summary).toContain("Baris ditolak: 0");
    expect(await db.prisma.unit.count({ where: { kecamatanCode: "93.01.11" } })).toBe(3);
  });

  it("refuses non-admins, files over 5 MB before downloading them, and files in an unknown encoding", async () => {
    await seedSmallDistrict(db.prisma);
    const latin1 = Buffer.concat([
      Buffer.from("NIP,Nama\n198501012010011001,Jos"),
      Buffer.from([0xe9, 0x0a]),
    ]);
    const t = botWithFiles({ f1: latin1 });

    await t.send(documentUpdate(head, { file_id: "f1", file_name: "pegawai.csv", file_size: 100 }));
    expect(sentTexts(t.calls).at(-1)).toContain("Hanya admin yang dapat mengimpor data");

    await t.send(
      documentUpdate(admin, { file_id: "f1", file_name: "besar.xlsx", file_size: 6 * 1024 * 1024 }),
    );
    expect(sentTexts(t.calls).at(-1)).toContain("File terlalu besar (6.0 MB; maksimal 5.0 MB)");
    expect(t.fetched).toEqual([]);

    await t.send(
      documentUpdate(admin, { file_id: "f1", file_name: "pegawai.csv", file_size: latin1.length }),
    );
    expect(t.fetched).toEqual(["f1"]);
    expect(sentTexts(t.calls).at(-1)).toContain("File bukan UTF-8");
    expect(await db.prisma.employee.count()).toBe(2);
    expect(await db.prisma.auditLog.count()).toBe(0);
  });
});
