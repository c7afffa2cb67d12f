import { describe, expect, it } from "vitest";
import { readDistrict } from "../../src/db/read-district.ts";
import { checkCommand } from "../../src/cli/commands/check.ts";
import { snapshotCommand } from "../../src/cli/commands/snapshot.ts";
import { statusCommand } from "../../src/cli/commands/status.ts";
import type { PlanInput } from "../../src/domain/balance/index.ts";
import { computeBalancingPlan, runBalancingCheck } from "../../src/use-cases/balancing-check/index.ts";
import type { DistrictStatus } from "../../src/use-cases/status/index.ts";
import { visibleLength } from "../../src/messages/paging.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { sentTexts, textUpdate } from "../support/telegram.ts";
import {
  admin,
  approver,
  seedTeacherLoadDistrict,
  smpHead,
  smpHeadEn,
} from "../support/teacher-load-fixtures.ts";

const now = "2026-11-30T00:00:00Z";

describe.skipIf(skipPg)("teacher load as Dapodik states it (issue 13)", () => {
  const db = useTestDatabase();

  async function cli(command: typeof statusCommand, args: string[]): Promise<string> {
    const { ctx, out } = testCli(db.prisma, { clock: fixedClock(now) });
    await command.run(args, ctx);
    return out.join("\n");
  }

  it("snapshot: each teacher at 24 JP, SD guru kelas need at rombel × 24, SMP subject need at rombel × JP", async () => {
    const district = await seedTeacherLoadDistrict(db.prisma);
    const snapshot = JSON.parse(await cli(snapshotCommand, [])) as PlanInput;
    const need = (unit: string, role: string) =>
      snapshot.demand.filter((d) => d.unit === unit && d.role === role).map((d) => d.hours);

    const ipa = snapshot.employees.filter((e) => e.role === "GURU_IPA");
    expect(ipa).toHaveLength(7);
    expect(ipa.every((e) => e.hours === 24 && e.movable)).toBe(true);
    expect(need("SDN-01", "GURU_KELAS")).toEqual([144]);
    // No class teacher at all, and still the need its 6 rombel make.
    expect(need("SDN-02", "GURU_KELAS")).toEqual([144]);
    // 6 rombel × 5 JP = 30 JP, what its three IPA teachers teach (12 + 10 + 8).
    expect(need("SMPN-01", "GURU_IPA")).toEqual([30]);
    // No rombel: the hours taught, 4 × 15 = 60 JP against 96 JP of capacity.
    expect(need("SMPN-02", "GURU_IPA")).toEqual([60]);
    // The rule invents nothing: no SD needs IPA, no SMP needs a class teacher.
    expect(snapshot.demand.filter((d) => d.unit.startsWith("SD") && d.role === "GURU_IPA")).toEqual([]);
    expect(snapshot.demand.filter((d) => d.unit.startsWith("SMP") && d.role === "GURU_KELAS")).toEqual([]);
    // Honorers teach where they are: their JJM, never moved, under an id no NIP can take.
    expect(snapshot.employees.filter((e) => e.id.startsWith("HONORER-"))).toEqual([
      {
        id: `HONORER-${district.honorer1.id}`,
        name: "Hana Honorer",
        unit: "SDN-01",
        role: "GURU_KELAS",
        hours: 24,
        movable: false,
      },
      {
        id: `HONORER-${district.honorer2.id}`,
        name: "Ines Honorer",
        unit: "SDN-02",
        role: "GURU_KELAS",
        hours: 20,
        movable: false,
      },
    ]);
  });

  it("status: grouped by kecamatan, the need's source, honorers, certified teachers under 24 JP", async () => {
    await seedTeacherLoadDistrict(db.prisma);
    const text = await cli(statusCommand, []);
    const lines = text.split("\n");
    const heads = lines.filter((l) => l.startsWith("Kecamatan"));
    expect(heads).toEqual([
      expect.stringMatching(/^Kecamatan Kurik \(93\.01\.11\): 2 units, demand 174 JP, capacity 192 JP/),
      expect.stringMatching(/^Kecamatan Malind \(93\.01\.14\): 1 units, demand 144 JP, capacity 20 JP/),
      expect.stringMatching(/^Kecamatan unknown: 1 units, demand 60 JP, capacity 96 JP/),
    ]);
    const after = (code: string) => lines.slice(lines.findIndex((l) => l.startsWith(code)) + 1);
    expect(after("SDN-01")[0]).toMatch(
      /GURU_KELAS\s+staff\s+4 \+1 honorer\s+demand\s+144\s+capacity\s+120 .*\(rombel, taught 120\)/,
    );
    expect(after("SDN-02")[0]).toMatch(
      /GURU_KELAS\s+staff\s+0 \+1 honorer\s+demand\s+144\s+capacity\s+20 .*\(rombel, taught 20\)/,
    );
    expect(after("SMPN-01")[0]).toMatch(
      /GURU_IPA\s+staff\s+3\s+demand\s+30\s+capacity\s+72 .*\(rombel, taught 30, 1 certified under standard\)/,
    );
    expect(after("SMPN-02")[0]).toMatch(
      /GURU_IPA\s+staff\s+4\s+demand\s+60\s+capacity\s+96 .*\(hours taught, taught 60\)/,
    );
    // Kecamatan order: SMPN-01 is listed with SDN-01 under Kurik, before Malind.
    expect(lines.findIndex((l) => l.startsWith("SMPN-01"))).toBeLessThan(
      lines.findIndex((l) => l.startsWith("Kecamatan Malind")),
    );
    expect(text).toContain(
      "Certified teachers under the standard JP (the professional allowance needs 24 JP): 1\n    198501012010011005 Ani Wulandari (SMPN-01 GURU_IPA) teaches 12 of 24 JP",
    );

    const json = JSON.parse(await cli(statusCommand, ["--json"])) as DistrictStatus;
    expect(json.units.map((u) => [u.code, u.kecamatan, u.kecamatanCode])).toEqual([
      ["SDN-01", "Kurik", "93.01.11"],
      ["SMPN-01", "Kurik", "93.01.11"],
      ["SDN-02", "Malind", "93.01.14"],
      ["SMPN-02", null, null],
    ]);
    expect(json.units.find((u) => u.code === "SMPN-01")).toMatchObject({
      certifiedUnderStandard: 1,
      roles: [{ role: "GURU_IPA", demandSource: "rombel", hoursTaught: 30, certifiedUnderStandard: 1 }],
    });
    expect(json.units.find((u) => u.code === "SDN-02")).toMatchObject({
      staff: 0,
      honorers: 1,
      roles: [{ role: "GURU_KELAS", demand: 144, capacity: 20, demandSource: "rombel" }],
    });
    expect(json.kecamatan.map((k) => [k.name, k.units, k.unitCodes])).toEqual([
      ["Kurik", 2, ["SDN-01", "SMPN-01"]],
      ["Malind", 1, ["SDN-02"]],
      [null, 1, ["SMPN-02"]],
    ]);
    expect(json.certifiedUnderStandard).toEqual([
      {
        nip: "198501012010011005",
        name: "Ani Wulandari",
        unitCode: "SMPN-01",
        unitName: "SMP Negeri 1 Kurik",
        roleCode: "GURU_IPA",
        roleName: "Guru Mapel IPA",
        hoursTaught: 12,
        standardHours: 24,
      },
    ]);
  });

  it("/pegawai flags the certified teacher at 12 JP, in both languages", async () => {
    await seedTeacherLoadDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
    await t.send(textUpdate(smpHead, "/pegawai"));
    const list = sentTexts(t.calls).at(-1)!;
    expect(list).toContain(
      "• <b>Ani Wulandari</b> — Guru Mapel IPA\n  NIP 198501012010011005 · 24 JP/minggu · mengajar 12 JP\n  136 bulan di jabatan, 217 bulan sebelum pensiun\n  ✅ dapat diusulkan untuk mutasi\n  ⚠️ bersertifikat, mengajar 12 dari 24 JP: tunjangan profesi perlu 24 JP",
    );
    // Benny teaches 10 JP too, but is not certified: no allowance at stake.
    expect(list).toContain("NIP 198501012010011006 · 24 JP/minggu · mengajar 10 JP\n  136 bulan");
    expect(list.match(/⚠️/g)).toHaveLength(1);

    await t.send(textUpdate(smpHeadEn, "/staff"));
    expect(sentTexts(t.calls).at(-1)).toContain(
      "NIP 198501012010011005 · 24 JP/week · teaches 12 JP\n  136 months in post, 217 months to retirement\n  ✅ can be proposed for transfer\n  ⚠️ certified, teaches 12 of 24 JP: the professional allowance needs 24 JP",
    );
  });

  it("/status names the certified teacher to the head; HR and admins see each kecamatan", async () => {
    await seedTeacherLoadDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: fixedClock(now), adminIds: [BigInt(admin.id)] });
    await t.send(textUpdate(smpHead, "/status"));
    const head = sentTexts(t.calls).at(-1)!;
    expect(head).toContain(
      "• Guru Mapel IPA: butuh 30 JP, tersedia 72 JP (3 pegawai) — kelebihan guru (beban 42%) (dihitung dari rombel)",
    );
    expect(head).toContain(
      "⚠️ <b>Guru bersertifikat di bawah beban standar</b> (1); tunjangan profesi perlu 24 JP:\n• Ani Wulandari — Guru Mapel IPA: mengajar 12 dari 24 JP",
    );

    await t.send(textUpdate(approver, "/status"));
    const hr = sentTexts(t.calls).at(-1)!;
    expect(hr).toContain("⚠️ 1 guru bersertifikat mengajar di bawah beban standar");
    expect(hr).toContain(
      "<b>Per kecamatan</b>\n• Kurik: 2 unit, butuh 174 JP, tersedia 192 JP — seimbang (beban 91%); ⚠️ 1 guru bersertifikat di bawah 24 JP\n• Malind: 1 unit, butuh 144 JP, tersedia 20 JP — sangat kekurangan guru (beban 720%)\n• Kecamatan belum diketahui: 1 unit, butuh 60 JP, tersedia 96 JP — kelebihan guru (beban 63%)",
    );
    expect(hr).toMatch(/Paling kekurangan pegawai<\/b>\n• SD Negeri 2 Malind: butuh 144 JP, tersedia 20 JP/);

    t.mark();
    await t.send(textUpdate(admin, "/status"));
    const district = sentTexts(t.since())[0]!;
    expect(district).toMatch(
      /^<b>Keseimbangan seluruh kabupaten<\/b>, periode 2026-11 \(4 unit\)\nKekurangan: 148 JP per minggu/,
    );
    expect(district).toContain("• Malind: 1 unit, butuh 144 JP, tersedia 20 JP");
    expect(district).toContain("• Kecamatan belum diketahui: 1 unit");
  });

  it("the check proposes SMP IPA teachers for the SDs' class teaching and lists the certified teacher", async () => {
    const district = await seedTeacherLoadDistrict(db.prisma);
    const clock = fixedClock(now);
    const { plan } = await computeBalancingPlan(db.prisma, clock, { timeZone: "Asia/Jayapura" });
    expect(plan.metrics.unmetBefore).toBe(148);
    expect(plan.metrics.unmetAfter).toBeLessThan(148);
    expect(plan.moves.length).toBeGreaterThan(0);
    for (const move of plan.moves) {
      expect(move.from).toMatch(/^SMPN-/);
      expect(move.to).toMatch(/^SDN-/);
      expect(move.role).toBe("GURU_KELAS");
      expect(move.employee).not.toMatch(/^HONORER-/);
    }

    const text = await cli(checkCommand, []);
    expect(text).toMatch(/SMPN-0\d → SDN-0\d as GURU_KELAS/);
    expect(text).toContain(
      "Certified teachers under the standard JP (the professional allowance needs 24 JP): 1\n  198501012010011005 Ani Wulandari (SMPN-01 GURU_IPA) teaches 12 of 24 JP",
    );

    // The weekly alert in the HR group says it in one line.
    await db.prisma.hrGroup.create({
      data: { chatId: -100777n, title: "Tim Mutasi", agencyId: district.agency.id },
    });
    await runBalancingCheck(db.prisma, clock, {
      trigger: "CLI",
      post: true,
      timeZone: "Asia/Jayapura",
      locale: "id",
    });
    const alert = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "balancing-alert" } });
    expect((alert.payload as { text: string }).text).toContain(
      "⚠️ 1 guru bersertifikat mengajar di bawah 24 JP (tunjangan profesi berisiko)",
    );
  });

  it("reads one unit with the district's rules; leave stops capacity, not the lessons; withdrawn vacancies place no role", async () => {
    const district = await seedTeacherLoadDistrict(db.prisma);
    const read = (unitId: number) =>
      readDistrict(db.prisma, { now: new Date(now), timeZone: "Asia/Jayapura", unitId });
    const loadOf = async (unitId: number, roleId: number) =>
      (await read(unitId)).loads.find((l) => l.roleId === roleId);

    // A head's own read of the SD without class teachers: the role belongs at SDs district-wide.
    expect(await loadOf(district.sd2.id, district.guruKelas.id)).toMatchObject({
      demand: 144,
      capacity: 20,
      staff: 0,
      honorers: 1,
      demandSource: "rombel",
    });

    // Ani on leave: her 24 JP of capacity go, her 12 JP of lessons stay; an open vacancy adds 24.
    await db.prisma.employee.update({ where: { id: district.ani.id }, data: { status: "CUTI" } });
    await db.prisma.unit.update({ where: { id: district.smp1.id }, data: { rombel: null } });
    await db.prisma.vacancy.create({
      data: {
        unitId: district.smp1.id,
        roleId: district.guruIpa.id,
        count: 1,
        reason: "PENSIUN",
        since: new Date("2026-10-01"),
      },
    });
    expect(await loadOf(district.smp1.id, district.guruIpa.id)).toMatchObject({
      demand: 54,
      capacity: 48,
      staff: 2,
      hoursTaught: 30,
      openVacancies: 1,
      demandSource: "hours_taught",
    });
    expect((await read(district.smp1.id)).employees.find((e) => e.id === district.ani.id)).toMatchObject({
      certifiedUnderStandard: false,
    });

    // An SMP with rombel gets no class-teacher need from a vacancy its head withdrew…
    await db.prisma.unit.update({ where: { id: district.smp1.id }, data: { rombel: 6 } });
    const withdrawn = await db.prisma.vacancy.create({
      data: {
        unitId: district.smp2.id,
        roleId: district.guruKelas.id,
        count: 1,
        reason: "LAINNYA",
        since: new Date("2026-10-01"),
        status: "CANCELLED",
      },
    });
    expect(await loadOf(district.smp1.id, district.guruKelas.id)).toBeUndefined();
    // …but one that stands places the role at SMPs, and every SMP with rombel then needs it.
    await db.prisma.vacancy.update({ where: { id: withdrawn.id }, data: { status: "OPEN" } });
    expect(await loadOf(district.smp1.id, district.guruKelas.id)).toMatchObject({
      demand: 144,
      demandSource: "rombel",
    });
  });

  it("an HR /status with more kecamatan than fit in one message lists what fits and counts the rest", async () => {
    const district = await seedTeacherLoadDistrict(db.prisma);
    await db.prisma.unit.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({
        code: `SDN-${100 + i}`,
        name: `SD Negeri ${100 + i}`,
        kind: "SD" as const,
        agencyId: district.agency.id,
        rombel: 6,
        kecamatan: `Kecamatan Dengan Nama Yang Sangat Panjang Sekali Nomor ${i}`,
        kecamatanCode: `93.01.${100 + i}`,
      })),
    });
    const t = buildTestBot(db.prisma, { clock: fixedClock(now) });
    await t.send(textUpdate(approver, "/status"));
    const text = sentTexts(t.calls).at(-1)!;
    expect(visibleLength(text)).toBeLessThanOrEqual(4096);
    const section = text.slice(text.indexOf("<b>Per kecamatan</b>"));
    const shown = section.split("\n").filter((l) => l.startsWith("• ")).length;
    expect(shown).toBeGreaterThan(5);
    // 63 kecamatan: Kurik, Malind, the 60 new ones, and the unknown one.
    expect(section).toContain(`… dan ${63 - shown} lagi`);
  });
});
