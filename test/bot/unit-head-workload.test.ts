import { describe, expect, it } from "vitest";
import type { Update } from "telegraf/types";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock, type TestBot } from "../support/harness.ts";
import { callbackUpdate, nextUpdateId, sentTexts, textUpdate } from "../support/telegram.ts";
import {
  buttonData,
  lastAnswer,
  lastButtons,
  sdHeadPerson,
  seedUnitHeadDistrict,
  smpHeadPerson,
} from "../support/unit-head-fixtures.ts";

function documentUpdate(from: typeof sdHeadPerson, fileName: string, fileId: string): Update {
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: 9000 + nextUpdateId(),
      date: Math.floor(Date.now() / 1000),
      from: { is_bot: false, ...from },
      chat: { id: from.id, type: "private", first_name: from.first_name },
      document: {
        file_id: fileId,
        file_unique_id: `u${fileId}`,
        file_name: fileName,
        mime_type: fileName.endsWith(".csv") ? "text/csv" : "application/octet-stream",
        file_size: 120,
      },
    },
  } as Update;
}

describe.skipIf(skipPg)("unit head: /beban workload conversation", () => {
  const db = useTestDatabase();

  const siti = sdHeadPerson;
  const press = (data: string) => callbackUpdate(siti, data, { message_id: 1000 });

  /** /beban, 6 rombel for the class teachers, 40 hours for administration: up to the staff question. */
  async function answerNeeds(t: TestBot) {
    await t.send(textUpdate(siti, "/beban"));
    await t.send(press(buttonData(t.calls, "jumlah rombel")));
    await t.send(press(buttonData(t.calls, "6")));
    await t.send(textUpdate(siti, "40"));
  }

  it("offers the rombel count given for one role to the next role that counts by rombel", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    // The SD also has a PJOK teacher: 3 JP per rombel.
    const pjok = await db.prisma.role.create({
      data: { code: "GURU_PJOK", name: "Guru PJOK", standardHours: 24, isTeacher: true, hoursPerRombel: 3 },
    });
    await db.prisma.employee.create({
      data: {
        nip: "198804042012041005",
        name: "Eko Olahraga",
        unitId: district.sd.id,
        roleId: pjok.id,
        weeklyHours: 24,
        birthDate: new Date("1988-04-04"),
        postSince: new Date("2014-01-01"),
      },
    });
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T00:00:00Z") });
    await t.send(textUpdate(siti, "/beban"));
    await t.send(press(buttonData(t.calls, "jumlah rombel")));
    await t.send(press(buttonData(t.calls, "6")));
    // Guru PJOK next: the six classes are offered, and one press counts 6 × 3 JP.
    expect(sentTexts(t.calls).at(-1)).toContain("<b>Guru PJOK</b>");
    expect(lastButtons(t.calls).map((b) => b.text)).toEqual([
      "6 rombel seperti tadi → 18 JP",
      "Hitung dari jumlah rombel",
    ]);
    await t.send(press(buttonData(t.calls, "seperti tadi")));
    expect(sentTexts(t.calls).slice(-2)[0]).toBe(
      "6 rombel × 3 JP = <b>18 JP</b> per minggu untuk Guru PJOK.",
    );
  });

  it("collects needs with the rombel helper and per-person hours, shows the load in percent and words, then saves", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-30T00:00:00Z") });
    await t.send(textUpdate(siti, "/beban"));
    expect(sentTexts(t.calls).at(-1)).toContain("(1/2) <b>Guru Kelas SD</b>: berapa JP per minggu");
    expect(lastButtons(t.calls).map((b) => b.text)).toEqual(["Hitung dari jumlah rombel"]);
    await t.send(press(buttonData(t.calls, "jumlah rombel")));
    expect(lastButtons(t.calls)).toHaveLength(12);
    t.mark();
    await t.send(textUpdate(siti, "0"));
    expect(sentTexts(t.since())).toEqual([
      expect.stringContaining("paling sedikit 1"),
      expect.stringContaining("Berapa rombel"),
    ]);
    await t.send(press(buttonData(t.calls, "6")));
    expect(sentTexts(t.calls).slice(-2)).toEqual([
      "6 rombel × 24 JP = <b>144 JP</b> per minggu untuk Guru Kelas SD.",
      expect.stringContaining("(2/2) <b>Tenaga Administrasi</b>: berapa jam kerja"),
    ]);
    const wrongNeeds: Array<[string, string]> = [
      ["abc", "«abc» bukan angka"],
      ["2001", "paling banyak 2.000"],
      ["-1", "tidak boleh kurang dari 0"],
    ];
    for (const [answer, message] of wrongNeeds) {
      t.mark();
      await t.send(textUpdate(siti, answer));
      expect(sentTexts(t.since())).toEqual([
        expect.stringContaining(message),
        expect.stringContaining("(2/2)"),
      ]);
    }
    await t.send(textUpdate(siti, "40"));
    expect(sentTexts(t.calls).at(-1)).toContain("jam kerja nyata pegawai");
    expect(lastButtons(t.calls).map((b) => b.text)).toEqual([
      "Budi Santoso — 24 JP",
      "Citra Dewi — 37,5 jam",
      "Lanjut",
    ]);

    await t.send(press(buttonData(t.calls, "Budi Santoso")));
    expect(sentTexts(t.calls).at(-1)).toContain("<b>Budi Santoso</b> per minggu? (tercatat 24 JP)");
    t.mark();
    await t.send(textUpdate(siti, "70"));
    expect(sentTexts(t.since())).toEqual([
      expect.stringContaining("paling banyak 60"),
      expect.stringContaining("Budi Santoso"),
    ]);
    await t.send(textUpdate(siti, "20"));
    expect(lastButtons(t.calls).map((b) => b.text)).toContain("Budi Santoso — 20 JP");
    await t.send(press(buttonData(t.calls, "Lanjut")));
    const summary = sentTexts(t.calls).at(-1);
    expect(summary).toContain(
      "• <b>Guru Kelas SD</b>: butuh 144 JP, tersedia 20 JP (1 pegawai) — sangat kekurangan guru (beban 720%)",
    );
    expect(summary).toContain(
      "• <b>Tenaga Administrasi</b>: butuh 40 jam, tersedia 37,5 jam (1 pegawai) — kekurangan pegawai (beban 107%)",
    );
    expect(summary).toContain("diperbarui untuk 1 pegawai");
    expect(await db.prisma.workloadReport.count()).toBe(0);

    await t.send(press(buttonData(t.calls, "Kirim")));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "Beban kerja SD Negeri 1 Salor periode 2026-11 tersimpan untuk 2 jabatan",
    );
    const reports = await db.prisma.workloadReport.findMany({ orderBy: { roleId: "asc" } });
    expect(reports.map((r) => [r.roleId, r.hoursNeeded, r.rombel, r.period])).toEqual([
      [district.guruKelas.id, 144, 6, "2026-11"],
      [district.admin.id, 40, null, "2026-11"],
    ]);
    expect(
      (await db.prisma.employee.findUniqueOrThrow({ where: { id: district.budi.id } })).weeklyHours,
    ).toBe(20);
    expect(
      await db.prisma.auditLog.count({ where: { action: { in: ["workload.report", "employee.hours"] } } }),
    ).toBe(3);
  });

  it("asks a teaching role with no JP per rombel set in JP, without the rombel helper, and sums it in JP", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    await db.prisma.role.update({ where: { id: district.guruKelas.id }, data: { hoursPerRombel: null } });
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-11-10T02:00:00Z") });
    await t.send(textUpdate(siti, "/beban"));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "<b>Guru Kelas SD</b>: berapa JP per minggu yang dibutuhkan? Ketik angka 0–2.000.",
    );
    expect(lastButtons(t.calls)).toEqual([]);
    await t.send(textUpdate(siti, "144"));
    await t.send(textUpdate(siti, "40"));
    await t.send(press(buttonData(t.calls, "Lanjut")));
    expect(sentTexts(t.calls).at(-1)).toContain("• <b>Guru Kelas SD</b>: butuh 144 JP, tersedia 24 JP");
  });

  it("takes one message of 'NIP atau nama: jam' lines, all or nothing", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await answerNeeds(t);
    t.mark();
    await t.send(
      textUpdate(siti, "Budi Santoso: x\nOrang Asing: 10\ntanpa titik dua\n199002022015022003: 30"),
    );
    const [problems, question] = sentTexts(t.since());
    expect(problems).toContain("Tidak ada yang diubah");
    expect(problems).toContain("baris 1: «Budi Santoso: x» — jam harus angka 0–60");
    expect(problems).toContain("baris 2: «Orang Asing: 10» — tidak ada pegawai aktif unit ini");
    expect(problems).toContain("baris 3: «tanpa titik dua» — tulis <code>NIP atau nama: jam</code>");
    expect(question).toContain("jam kerja nyata pegawai");

    await t.send(textUpdate(siti, "197803152005011002: 22\ncitra dewi: 30,5"));
    expect(sentTexts(t.calls).slice(-2)[0]).toBe("Jam kerja 2 pegawai dicatat.");
    expect(sentTexts(t.calls).at(-1)).toContain("tersedia 22 JP");
    await t.send(press(buttonData(t.calls, "Kirim")));
    const hours = await db.prisma.employee.findMany({
      where: { unitId: district.sd.id },
      orderBy: { name: "asc" },
    });
    expect(hours.map((e) => e.weeklyHours)).toEqual([22, 30.5]);
  });

  it("reads a CSV file nip,jam through the injected file fetcher", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    const files: Record<string, string> = {
      bad: "nama,jumlah\nBudi,20\n",
      good: "\uFEFFnip;jam\n197803152005011002;21,5\n199002022015022003;36\n",
    };
    t.deps.fetchFile = async (fileId) => Buffer.from(files[fileId] ?? "");
    await answerNeeds(t);
    await t.send(documentUpdate(siti, "jam.xlsx", "bad"));
    expect(sentTexts(t.calls).slice(-2)[0]).toBe("Kirim file .csv dengan kolom nip,jam.");
    await t.send(documentUpdate(siti, "jam.csv", "bad"));
    expect(sentTexts(t.calls).slice(-2)[0]).toContain(
      "baris judul dengan kolom <code>nip</code> dan <code>jam</code>",
    );
    await t.send(documentUpdate(siti, "jam.csv", "good"));
    expect(sentTexts(t.calls).slice(-2)[0]).toBe("Jam kerja 2 pegawai dicatat.");
    await t.send(press(buttonData(t.calls, "Kirim")));
    const budi = await db.prisma.employee.findUniqueOrThrow({ where: { id: district.budi.id } });
    expect(budi.weeklyHours).toBe(21.5);
  });

  it("saves once on a double-pressed Kirim, and a second report in the period replaces the first", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    await answerNeeds(t);
    await t.send(press(buttonData(t.calls, "Lanjut")));
    const send = buttonData(t.calls, "Kirim");
    await t.send(press(send));
    await t.send(press(send));
    expect(lastAnswer(t.calls)).toBe("Laporan beban kerja ini sudah terkirim.");
    expect(await db.prisma.auditLog.count({ where: { action: "workload.report" } })).toBe(2);

    await t.send(textUpdate(siti, "/beban"));
    await t.send(textUpdate(siti, "100"));
    await t.send(textUpdate(siti, "30"));
    await t.send(press(buttonData(t.calls, "Lanjut")));
    await t.send(press(buttonData(t.calls, "Kirim")));
    const reports = await db.prisma.workloadReport.findMany({ orderBy: { roleId: "asc" } });
    expect(reports.map((r) => [r.hoursNeeded, r.rombel])).toEqual([
      [100, null],
      [30, null],
    ]);
  });

  it("refuses another unit's staff member pressed through a forged button, changing nothing", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    const yohanes = smpHeadPerson;
    await t.send(textUpdate(yohanes, "/beban"));
    await t.send(textUpdate(yohanes, "20"));
    const forged = buttonData(t.calls, "Ani Wulandari").replace(/staff:\d+$/, `staff:${district.budi.id}`);
    await t.send(callbackUpdate(yohanes, forged, { message_id: 1000 }));
    expect(lastAnswer(t.calls)).toBe("Pegawai ini tidak ada di unit Anda.");
    await t.send(textUpdate(yohanes, "Budi Santoso: 10"));
    expect(sentTexts(t.calls).slice(-2)[0]).toContain("tidak ada pegawai aktif unit ini");
    expect(
      (await db.prisma.employee.findUniqueOrThrow({ where: { id: district.budi.id } })).weeklyHours,
    ).toBe(24);
  });

  it("starts from the /lapor menu and resumes the same question after a restart", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const clock = fixedClock();
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(siti, "/lapor"));
    expect(lastButtons(t.calls).map((b) => b.text)).toEqual(["Lowongan", "Beban kerja"]);
    const menu = buttonData(t.calls, "Beban kerja");
    await t.send(press(menu));
    expect(sentTexts(t.calls).at(-1)).toContain("(1/2) <b>Guru Kelas SD</b>");
    await t.send(press(menu));
    expect(lastAnswer(t.calls)).toBe("Tombol ini dari pertanyaan lama dan sudah tidak berlaku.");
    await t.send(textUpdate(siti, "120"));

    const restarted = buildTestBot(db.prisma, { clock });
    await restarted.send(textUpdate(siti, "35"));
    expect(sentTexts(restarted.calls)).toEqual([expect.stringContaining("jam kerja nyata pegawai")]);
  });
});
