import { describe, expect, it } from "vitest";
import { readDistrict } from "../../src/db/read-district.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";
import {
  approverPerson,
  buttonData,
  HR_CHAT_ID,
  lastAnswer,
  lastButtons,
  sdHeadPerson,
  seedUnitHeadDistrict,
  smpHeadPerson,
  strangerPerson,
} from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("unit head: /pegawai objections and /status", () => {
  const db = useTestDatabase();

  const siti = sdHeadPerson;
  const press = (data: string, person = siti) => callbackUpdate(person, data, { message_id: 1000 });
  const now = "2026-11-30T00:00:00Z";

  it("lists the unit's staff with eligibility and records, then withdraws, an objection with a reason", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    const clock = fixedClock(now);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(siti, "/pegawai"));
    const list = sentTexts(t.calls).at(-1)!;
    expect(list).toContain("<b>Pegawai SD Negeri 1 Salor</b> (2 orang)");
    expect(list).toContain(
      "• <b>Budi Santoso</b> — Guru Kelas SD\n  NIP 197803152005011002 · 24 JP/minggu\n  178 bulan di jabatan, 135 bulan sebelum pensiun\n  ✅ dapat diusulkan",
    );
    expect(list).toContain("• <b>Citra Dewi</b> — Tenaga Administrasi");
    expect(list).toContain("⏸ tidak diusulkan: belum cukup lama di jabatan");
    expect(list).not.toContain("Ani Wulandari");
    expect(lastButtons(t.calls).map((b) => b.text)).toEqual([
      "⛔ Catat keberatan: Budi Santoso",
      "⛔ Catat keberatan: Citra Dewi",
    ]);

    await t.send(press(buttonData(t.calls, "Budi Santoso")));
    expect(sentTexts(t.calls).at(-1)).toContain("alasan keberatan <b>Budi Santoso</b>");
    t.mark();
    await t.send(textUpdate(siti, "ab"));
    expect(sentTexts(t.since())).toEqual([
      expect.stringContaining("paling sedikit 3 huruf"),
      expect.stringContaining("alasan keberatan"),
    ]);
    await t.send(textUpdate(siti, "Merawat orang tua yang sakit"));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "Keberatan <b>Budi Santoso</b> dicatat: Merawat orang tua yang sakit",
    );
    const budi = await db.prisma.employee.findUniqueOrThrow({ where: { id: district.budi.id } });
    expect(budi).toMatchObject({
      objection: true,
      objectionReason: "Merawat orang tua yang sakit",
      objectionById: district.sdHead.id,
    });
    // Someone with an objection is not proposed.
    const view = await readDistrict(db.prisma, {
      now: clock.now(),
      timeZone: "Asia/Jayapura",
      unitId: district.sd.id,
    });
    expect(view.employees.find((e) => e.id === budi.id)?.eligibility.reasons).toContain("objection");

    await t.send(textUpdate(siti, "/staff"));
    expect(sentTexts(t.calls).at(-1)).toContain("Keberatan: Merawat orang tua yang sakit");
    await t.send(press(buttonData(t.calls, "Cabut keberatan: Budi")));
    expect(sentTexts(t.calls).at(-1)).toContain("Keberatan <b>Budi Santoso</b> dicabut");
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { id: budi.id } })).objection).toBe(false);
    expect(await db.prisma.auditLog.count({ where: { action: { startsWith: "objection." } } })).toBe(2);
  });

  it("refuses a head's forged button for another unit's person, and stale list buttons", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma);
    const yohanes = smpHeadPerson;
    await t.send(textUpdate(yohanes, "/pegawai"));
    const own = buttonData(t.calls, "Ani Wulandari");
    const forged = own.replace(/record:\d+$/, `record:${district.budi.id}`);
    await t.send(press(forged, yohanes));
    expect(lastAnswer(t.calls)).toBe("Pegawai ini tidak ada di unit Anda.");
    await t.send(press(forged.replace("record", "withdraw"), yohanes));
    expect(lastAnswer(t.calls)).toBe("Pegawai ini tidak ada di unit Anda.");
    expect(sentTexts(t.calls).join("\n")).not.toContain("Budi");
    expect((await db.prisma.employee.findUniqueOrThrow({ where: { id: district.budi.id } })).objection).toBe(
      false,
    );

    await t.send(textUpdate(yohanes, "/pegawai"));
    await t.send(press(own, yohanes));
    expect(lastAnswer(t.calls)).toBe("Tombol ini dari pertanyaan lama dan sudah tidak berlaku.");
    await t.send(textUpdate(strangerPerson, "/pegawai"));
    expect(sentTexts(t.calls).at(-1)).toContain("hanya untuk kepala unit");
  });

  it("shows a head the unit's staff, demand against capacity, vacancies and proposals", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    await db.prisma.workloadReport.create({
      data: { unitId: district.sd.id, roleId: district.guruKelas.id, hoursNeeded: 144, period: "2026-11" },
    });
    await db.prisma.vacancy.create({
      data: {
        unitId: district.sd.id,
        roleId: district.guruKelas.id,
        count: 2,
        reason: "PENSIUN",
        since: new Date("2026-10-01"),
      },
    });
    await db.prisma.proposal.create({
      data: {
        employeeId: district.ani.id,
        fromUnitId: district.smp.id,
        toUnitId: district.sd.id,
        roleId: district.guruKelas.id,
        agencyId: district.agency.id,
        reason: "mengisi kekurangan guru kelas",
        metrics: {},
        expiresAt: new Date("2026-12-14"),
      },
    });
    const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
    await t.send(textUpdate(siti, "/status"));
    const text = sentTexts(t.calls).at(-1)!;
    expect(text).toContain(
      "<b>Status SD Negeri 1 Salor</b>, periode 2026-11\nPegawai aktif: 2 dari 2 (keberatan mutasi: 0)",
    );
    expect(text).toContain(
      "• Guru Kelas SD: butuh 144 JP, tersedia 24 JP (1 pegawai) — sangat kekurangan guru (beban 600%)",
    );
    expect(text).toContain(
      "• Tenaga Administrasi: butuh 37,5 jam, tersedia 37,5 jam (1 pegawai) — seimbang (beban 100%) (belum dilaporkan)",
    );
    expect(text).toContain("• 2 Guru Kelas SD — Pensiun, sejak 01-10-2026");
    expect(text).toContain(
      "• masuk: Ani Wulandari (Guru Kelas SD) dari SMP Negeri 2 Salor — menunggu keputusan",
    );

    const yohanes = smpHeadPerson;
    await t.send(textUpdate(yohanes, "/status"));
    const smpText = sentTexts(t.calls).at(-1)!;
    expect(smpText).toContain("• keluar: Ani Wulandari (Guru Kelas SD) ke SD Negeri 1 Salor");
    expect(smpText).not.toContain("Budi");
  });

  it("shows an approver the agency's most over- and under-loaded units, in private and in their HR group only", async () => {
    const district = await seedUnitHeadDistrict(db.prisma);
    await db.prisma.workloadReport.createMany({
      data: [
        { unitId: district.sd.id, roleId: district.guruKelas.id, hoursNeeded: 144, period: "2026-11" },
        { unitId: district.smp.id, roleId: district.guruIpa.id, hoursNeeded: 10, period: "2026-11" },
      ],
    });
    const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
    await t.send(textUpdate(approverPerson, "/status"));
    const text = sentTexts(t.calls).at(-1)!;
    expect(text).toContain("<b>Keseimbangan Dinas Pendidikan Merauke</b>, periode 2026-11 (2 unit)");
    expect(text).toMatch(
      /Paling kekurangan pegawai<\/b>\n• SD Negeri 1 Salor: butuh 144 JP \+ 37,5 jam, tersedia 24 JP \+ 37,5 jam — sangat kekurangan pegawai \(beban 295%\)/,
    );
    expect(text).toMatch(
      /Paling longgar<\/b>\n• SMP Negeri 2 Salor: butuh 10 JP, tersedia 24 JP — kelebihan guru \(beban 42%\)/,
    );
    expect(text).not.toContain("Puskesmas");

    const group = { id: HR_CHAT_ID, type: "supergroup" as const, title: "Tim Mutasi" };
    await t.send(textUpdate(approverPerson, "/status", group));
    expect(sentTexts(t.calls).at(-1)).toContain("Keseimbangan Dinas Pendidikan Merauke");
    const otherGroup = { id: -100999, type: "supergroup" as const, title: "Lain" };
    await t.send(textUpdate(approverPerson, "/status", otherGroup));
    expect(sentTexts(t.calls).at(-1)).toBe("Perintah ini hanya untuk tim mutasi instansi ini.");
    await t.send(textUpdate(siti, "/status", group));
    expect(sentTexts(t.calls).at(-1)).toBe("Perintah ini hanya untuk tim mutasi instansi ini.");
    await t.send(textUpdate(strangerPerson, "/status"));
    expect(sentTexts(t.calls).at(-1)).toBe(
      "Ringkasan hanya untuk kepala unit dan tim mutasi yang terdaftar.",
    );
  });
});
