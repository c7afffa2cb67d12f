import { describe, expect, it } from "vitest";
import { readDistrict } from "../../src/db/read-district.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { sentTexts, textUpdate } from "../support/telegram.ts";
import {
  approverPerson,
  HR_CHAT_ID,
  sdHeadPerson,
  seedUnitHeadDistrict,
  strangerPerson,
} from "../support/unit-head-fixtures.ts";

describe.skipIf(skipPg)("/cuti: cuti and tugas belajar stop a person counting until their end date", () => {
  const db = useTestDatabase();

  const siti = sdHeadPerson;
  const admin = { id: 9001, first_name: "Admin", language_code: "id" };
  // 30-11-2026 09:00 WIT.
  const clock = () => fixedClock("2026-11-30T00:00:00Z");
  const budiNip = "197803152005011002";
  const aniNip = "198501012010012001";

  async function guruKelasStaff(unitId: number, roleId: number) {
    const district = await readDistrict(db.prisma, {
      now: new Date("2026-11-30T00:00:00Z"),
      timeZone: "Asia/Jayapura",
    });
    return district.loads.find((l) => l.unitId === unitId && l.roleId === roleId)?.staff ?? 0;
  }

  it("a head puts their own teacher on cuti until a date, then back to aktif; capacity follows", async () => {
    const d = await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: clock() });
    expect(await guruKelasStaff(d.sd.id, d.guruKelas.id)).toBe(1);

    await t.send(textUpdate(siti, `/cuti ${budiNip} cuti 31-01-2027`));
    expect(sentTexts(t.calls).at(-1)).toBe(
      `✅ Budi Santoso (NIP ${budiNip}) cuti sampai 31-01-2027. Selama itu ia tidak dihitung dalam kapasitas SD Negeri 1 Salor; sesudahnya otomatis aktif kembali.`,
    );
    const onLeave = await db.prisma.employee.findUniqueOrThrow({ where: { nip: budiNip } });
    expect(onLeave.status).toBe("CUTI");
    expect(onLeave.statusUntil?.toISOString().slice(0, 10)).toBe("2027-01-31");
    expect(await guruKelasStaff(d.sd.id, d.guruKelas.id)).toBe(0);
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "employee.status" } });
    expect(audit).toMatchObject({ entityId: budiNip, actorName: "Siti" });
    expect(audit.details).toMatchObject({ before: "AKTIF", status: "CUTI", until: "2027-01-31" });

    // /pegawai shows until when, so the head knows when Budi counts again.
    await t.send(textUpdate(siti, "/pegawai"));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "  🗓 Status: cuti sampai 31-01-2027; tidak dihitung dalam kapasitas unit\n",
    );

    // The same again changes nothing and says so.
    await t.send(textUpdate(siti, `/cuti ${budiNip} cuti 31-01-2027`));
    expect(sentTexts(t.calls).at(-1)).toBe(
      `Budi Santoso (NIP ${budiNip}) sudah berstatus cuti sampai 31-01-2027. Tidak ada yang diubah.`,
    );
    expect(await db.prisma.auditLog.count({ where: { action: "employee.status" } })).toBe(1);

    await t.send(textUpdate(siti, `/cuti ${budiNip} tb 30-06-2028`));
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { nip: budiNip } })).toMatchObject({
      status: "TUGAS_BELAJAR",
    });
    await t.send(textUpdate(siti, `/cuti ${budiNip} aktif`));
    expect(sentTexts(t.calls).at(-1)).toBe(
      `✅ Budi Santoso (NIP ${budiNip}) aktif kembali dan dihitung lagi dalam kapasitas SD Negeri 1 Salor.`,
    );
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { nip: budiNip } })).toMatchObject({
      status: "AKTIF",
      statusUntil: null,
    });
    expect(await guruKelasStaff(d.sd.id, d.guruKelas.id)).toBe(1);
  });

  it("answers each kind of bad input specifically and changes nothing", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: clock() });
    const cases: Array<[string, string]> = [
      ["/cuti", "Tulis: <code>/cuti NIP cuti|tb|aktif [dd-mm-yyyy]</code>"],
      [`/cuti ${budiNip}`, "Tulis: <code>/cuti NIP"],
      [`/cuti 12345 cuti 31-01-2027`, "«12345» bukan NIP: tulis 18 angka"],
      [`/cuti 199912312020121001 cuti 31-01-2027`, "Tidak ada pegawai dengan NIP 199912312020121001"],
      [`/cuti ${aniNip} cuti 31-01-2027`, `Pegawai dengan NIP ${aniNip} bukan pegawai unit Anda`],
      [`/cuti ${budiNip} libur 31-01-2027`, "«libur» bukan status yang dikenal"],
      [`/cuti ${budiNip} cuti`, "Cuti dan tugas belajar perlu tanggal selesai"],
      [`/cuti ${budiNip} tb besok`, "«besok» bukan tanggal"],
      [`/cuti ${budiNip} cuti 31-02-2027`, "Tanggal 31-02-2027 tidak ada di kalender"],
      [`/cuti ${budiNip} cuti 30-11-2026`, "Tanggal selesai 30-11-2026 tidak sesudah hari ini (30-11-2026)"],
      [`/cuti ${budiNip} cuti 01-11-2026`, "tidak sesudah hari ini"],
      [`/cuti ${budiNip} tb 01-01-2040`, "lebih dari 6 tahun lagi"],
      [`/cuti ${budiNip} aktif 01-01-2027`, "Status aktif tidak memakai tanggal"],
      [`/cuti ${budiNip} cuti 31-01-2027 lagi`, "Tulis: <code>/cuti NIP"],
    ];
    for (const [text, expected] of cases) {
      t.mark();
      await t.send(textUpdate(siti, text));
      expect(sentTexts(t.since()), text).toEqual([expect.stringContaining(expected)]);
    }
    const people = await db.prisma.employee.findMany();
    expect(people.every((p) => p.status === "AKTIF" && p.statusUntil === null)).toBe(true);
    expect(await db.prisma.auditLog.count()).toBe(0);
  });

  it("refuses strangers, approvers and group chats; an admin may change anyone, also in English", async () => {
    await seedUnitHeadDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: clock(), adminIds: [BigInt(admin.id)] });
    await t.send(textUpdate(strangerPerson, `/cuti ${budiNip} cuti 31-01-2027`));
    await t.send(textUpdate(approverPerson, `/cuti ${budiNip} cuti 31-01-2027`));
    expect(sentTexts(t.calls)).toEqual([
      "Perintah ini untuk kepala unit (pegawai unitnya sendiri) dan admin.",
      "Perintah ini untuk kepala unit (pegawai unitnya sendiri) dan admin.",
    ]);
    t.mark();
    await t.send(
      textUpdate(siti, `/cuti ${budiNip} cuti 31-01-2027`, {
        id: HR_CHAT_ID,
        type: "supergroup",
        title: "Tim",
      }),
    );
    expect(sentTexts(t.since())).toEqual([expect.stringContaining("hanya dapat dipakai di chat pribadi")]);
    expect(await db.prisma.auditLog.count()).toBe(0);

    t.mark();
    await t.send(textUpdate({ ...admin, language_code: "en" }, `/leave ${aniNip} tb 30-06-2028`));
    expect(sentTexts(t.since())).toEqual([
      `✅ Ani Wulandari (NIP ${aniNip}) is on study leave until 30-06-2028. Until then they do not count in SMP Negeri 2 Salor's capacity; afterwards they are active again automatically.`,
    ]);
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { nip: aniNip } })).toMatchObject({
      status: "TUGAS_BELAJAR",
    });
  });

  it("refuses to change a retired person", async () => {
    await seedUnitHeadDistrict(db.prisma);
    await db.prisma.employee.update({ where: { nip: budiNip }, data: { status: "PENSIUN" } });
    const t = buildTestBot(db.prisma, { clock: clock() });
    await t.send(textUpdate(siti, `/cuti ${budiNip} aktif`));
    expect(sentTexts(t.calls)).toEqual(["Budi Santoso sudah pensiun; statusnya tidak dapat diubah di sini."]);
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { nip: budiNip } })).toMatchObject({
      status: "PENSIUN",
    });
  });
});
