import { describe, expect, it } from "vitest";
import { splitMessages } from "../../src/bot/features/jabatan.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { buildTestBot } from "../support/harness.ts";
import { sentTexts, textUpdate } from "../support/telegram.ts";

describe.skipIf(skipPg)("/jabatan in an admin's private chat", () => {
  const db = useTestDatabase();

  const admin = { id: 9001, first_name: "Admin", language_code: "id" };
  const stranger = { id: 5002, first_name: "Yosef", language_code: "id" };

  it("lists roles with hours, unit, BUP, teacher flag, review flag and compatibility", async () => {
    const { guruIpa, guruKelas } = await seedSmallDistrict(db.prisma);
    await db.prisma.role.update({ where: { id: guruKelas.id }, data: { hoursUnit: "JP" } });
    await db.prisma.role.update({ where: { id: guruIpa.id }, data: { hoursUnit: "JP" } });
    await db.prisma.roleCompatibility.update({
      where: { fromRoleId_toRoleId: { fromRoleId: guruIpa.id, toRoleId: guruKelas.id } },
      data: { note: "alih fungsi dengan diklat" },
    });
    await db.prisma.role.create({ data: { code: "OPERATOR", name: "Operator Sekolah", needsReview: true } });
    // A principal is a teacher with an additional task: 60 by the rule, whatever the stored 58 says.
    await db.prisma.role.create({ data: { code: "KEPSEK", name: "Kepala Sekolah", retirementAge: 58 } });
    // An admin's BUP overrides the regulation; the others follow it and say so.
    await db.prisma.role.update({
      where: { id: guruIpa.id },
      data: { retirementAge: 62, retirementAgeSet: true },
    });
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(admin.id)] });
    await t.send(textUpdate(admin, "/jabatan"));
    const [text] = sentTexts(t.calls);
    expect(text).toBe(
      [
        "<b>Daftar jabatan</b> (4)",
        "<b>GURU_IPA</b> Guru IPA: 24 JP/minggu, BUP 62 (ditetapkan admin), guru",
        "  ↳ dapat mengisi GURU_KELAS (alih fungsi dengan diklat)",
        "<b>GURU_KELAS</b> Guru Kelas SD: 24 JP/minggu, BUP 60 (menurut aturan), guru",
        "<b>KEPSEK</b> Kepala Sekolah: 37,5 jam/minggu, BUP 60 (menurut aturan)",
        "<b>OPERATOR</b> Operator Sekolah: 37,5 jam/minggu, BUP 58 (menurut aturan) — <i>perlu ditinjau</i>",
      ].join("\n"),
    );

    t.mark();
    await t.send(textUpdate({ ...admin, language_code: "en" }, "/roles"));
    expect(sentTexts(t.since())[0]).toContain(
      "<b>OPERATOR</b> Operator Sekolah: 37.5 h/week, retirement age 58 (by the rule) — <i>needs review</i>",
    );
  });

  it("refuses a non-admin and changes nothing", async () => {
    await seedSmallDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(admin.id)] });
    await t.send(textUpdate(stranger, "/jabatan"));
    expect(sentTexts(t.calls)).toEqual(["Daftar jabatan hanya untuk admin."]);
    expect(await db.prisma.auditLog.count()).toBe(0);
  });

  it("splits a long list into messages under Telegram's limit, never inside a role", async () => {
    await db.prisma.role.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        code: `GURU_MAPEL_${String(i).padStart(3, "0")}`,
        name: `Guru Mata Pelajaran Muatan Lokal Papua Selatan ${i}`,
        standardHours: 24,
        isTeacher: true,
      })),
    });
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(admin.id)] });
    await t.send(textUpdate(admin, "/jabatan"));
    const texts = sentTexts(t.calls);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThan(4096);
    expect(texts.join("\n").match(/<b>GURU_MAPEL_/g)).toHaveLength(120);
    expect(texts[0]).toMatch(/\(bersambung\)$/);
    expect(splitMessages([["a", "b"], ["c"]], 3)).toEqual(["a\nb", "c"]);
  });

  it("/status tells HR approvers and admins which roles need review", async () => {
    const { agency } = await seedSmallDistrict(db.prisma);
    await db.prisma.role.create({ data: { code: "OPERATOR", name: "Operator Sekolah", needsReview: true } });
    const hr = { id: 7001, first_name: "Rina", language_code: "id" };
    await db.prisma.user.create({
      data: { telegramId: BigInt(hr.id), name: "Rina", role: "HR_APPROVER", agencyId: agency.id },
    });
    const t = buildTestBot(db.prisma, { adminIds: [BigInt(admin.id)] });
    await t.send(textUpdate(hr, "/status"));
    expect(sentTexts(t.calls)[0]).toMatch(/\n\n⚠️ 1 jabatan perlu ditinjau: OPERATOR$/);
    t.mark();
    await t.send(textUpdate(admin, "/status"));
    expect(sentTexts(t.since())[0]).toContain("⚠️ 1 jabatan perlu ditinjau: OPERATOR\nLihat /jabatan");
  });
});
