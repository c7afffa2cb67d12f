import { describe, expect, it } from "vitest";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot } from "../support/harness.ts";
import { documentUpdate, sentDocuments, xlsxFile } from "../support/import-files.ts";
import { jabatanHeader, jabatanRows, kesesuaianHeader, kesesuaianRows } from "../support/reference-files.ts";
import { sentTexts } from "../support/telegram.ts";

describe.skipIf(skipPg)("an admin sends a jabatan + kesesuaian workbook to the bot", () => {
  const db = useTestDatabase();

  const admin = { id: 9001, first_name: "Admin", language_code: "id" };

  it("imports the good rows, answers with the counts and sends the bad row back with its reason", async () => {
    const file = await xlsxFile({
      jabatan: [jabatanHeader, ...jabatanRows],
      kesesuaian: [kesesuaianHeader, ...kesesuaianRows, ["GURU_AGAMA", "GURU_KELAS", ""]],
    });
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(admin.id)] });
    t.deps.fetchFile = async () => file;
    const doc = { file_id: "ref-1", file_name: "referensi.xlsx", file_size: file.length };
    await t.send(documentUpdate(admin, doc));
    expect(sentTexts(t.calls)).toEqual([
      "<b>Impor referensi.xlsx</b>\nJabatan: 5 baru, 0 diubah, 0 tetap\nKesesuaian jabatan: 2 baru, 0 diubah, 0 tetap\nBaris ditolak: 1" +
        "\n\n<b>Baris yang ditolak</b>\n• kesesuaian, baris 4 (GURU_AGAMA&gt;GURU_KELAS): jabatan GURU_AGAMA tidak dikenal; tambahkan di sheet jabatan atau periksa kodenya",
    ]);
    const [rejects] = sentDocuments(t.calls);
    expect(rejects?.filename).toBe("referensi-ditolak.csv");
    expect(rejects?.content.toString("utf8")).toContain(
      'kesesuaian,4,GURU_AGAMA>GURU_KELAS,"jabatan GURU_AGAMA tidak dikenal; tambahkan di sheet jabatan atau periksa kodenya",,,,,,,,,GURU_AGAMA,GURU_KELAS,',
    );
    expect(await db.prisma.role.count()).toBe(5);

    t.mark();
    await t.send(documentUpdate(admin, { ...doc, file_id: "ref-2" }, { caption: "uji" }));
    expect(sentTexts(t.since())[0]).toBe(
      "<b>Impor referensi.xlsx</b> — <i>uji coba, tidak ada yang disimpan</i>\nJabatan: 0 baru, 0 diubah, 5 tetap\nKesesuaian jabatan: 0 baru, 0 diubah, 2 tetap\nBaris ditolak: 1" +
        "\n\n<b>Baris yang ditolak</b>\n• kesesuaian, baris 4 (GURU_AGAMA&gt;GURU_KELAS): jabatan GURU_AGAMA tidak dikenal; tambahkan di sheet jabatan atau periksa kodenya",
    );
  });
});
