// Issue 29, "done when": with the setting on-request, a private SD's head asks for class teachers by
// conversation; the next check proposes eligible SMP teachers into it only after the state SD's need,
// never an ineligible one (III/a, no SKP), says which criterion keeps them out, and the team's approval
// sends the redistribution letter.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { runBalancingCheck } from "../../src/use-cases/balancing-check/index.ts";
import { transferNoticeSections } from "../../src/documents/transfer-notice-pdf.ts";
import { useTestDatabase } from "../support/db.ts";
import { reconcileFormasi } from "../support/formasi.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";
import { buttonData } from "../support/unit-head-fixtures.ts";

const HR_CHAT_ID = -1001234567890;
const rina = { id: 6001, first_name: "Rina", last_name: "Kaize", language_code: "id" };
const yohana = { id: 6010, first_name: "Yohana", last_name: "Mahuze", language_code: "id" };

describe("redistribution into a private school (Permendikdasmen 1/2025)", () => {
  const db = useTestDatabase();

  async function seed() {
    const p = db.prisma;
    const agency = await p.agency.create({
      data: { code: "DISDIK", name: "Dinas Pendidikan Merauke", privateSchools: "ON_REQUEST" },
    });
    await p.hrGroup.create({
      data: { chatId: BigInt(HR_CHAT_ID), title: "Tim Mutasi", agencyId: agency.id },
    });
    await p.user.create({
      data: { telegramId: BigInt(rina.id), name: "Rina Kaize", role: "HR_APPROVER", agencyId: agency.id },
    });
    const kelas = await p.role.create({
      data: {
        code: "GURU_KELAS",
        name: "Guru Kelas SD",
        standardHours: 24,
        isTeacher: true,
        hoursUnit: "JP",
        hoursPerRombel: 24,
      },
    });
    const ipa = await p.role.create({
      data: { code: "GURU_IPA", name: "Guru IPA", standardHours: 24, isTeacher: true, hoursUnit: "JP" },
    });
    await p.roleCompatibility.create({ data: { fromRoleId: ipa.id, toRoleId: kelas.id } });
    const unit = (code: string, name: string, kind: "SD" | "SMP", status: string, lon: number) =>
      p.unit.create({
        data: {
          code,
          name,
          kind,
          agencyId: agency.id,
          schoolStatus: status,
          lat: -8.4,
          lon,
          npsn: code === "SDS-01" ? "69900001" : null,
        },
      });
    const smp = await unit("SMPN-02", "SMP Negeri 2 Salor", "SMP", "Negeri", 140.42);
    const sdn = await unit("SDN-01", "SD Negeri 1 Salor", "SD", "Negeri", 140.39);
    const sds = await unit("SDS-01", "SD YPK Salor", "SD", "Swasta", 140.4);
    await p.user.create({
      data: { telegramId: BigInt(yohana.id), name: "Yohana Mahuze", role: "UNIT_HEAD", unitId: sds.id },
    });
    // The SMP needs 24 JP of IPA; five IPA teachers: one stays, four could go.
    await p.workloadReport.createMany({
      data: [
        { unitId: smp.id, roleId: ipa.id, hoursNeeded: 24, period: "2026-12" },
        // The state SD is short one class teacher (48 needed, 24 there).
        { unitId: sdn.id, roleId: kelas.id, hoursNeeded: 48, period: "2026-12" },
      ],
    });
    const teacher = async (
      n: number,
      over: Record<string, unknown>,
      skp: string[] = ["BAIK", "SANGAT_BAIK"],
    ) => {
      const e = await p.employee.create({
        data: {
          nip: `19850101201001${String(n).padStart(4, "0")}`.slice(0, 18),
          name: `Guru ${n}`,
          unitId: smp.id,
          roleId: ipa.id,
          weeklyHours: 24,
          birthDate: new Date("1985-01-01"),
          postSince: new Date("2015-07-01"),
          educationLevel: "S-1/Sarjana",
          golongan: "III/c",
          ...over,
        },
      });
      for (const [i, predicate] of skp.entries())
        await p.skpRecord.create({ data: { employeeId: e.id, year: 2024 + i, predicate } });
      return e;
    };
    const stays = await teacher(1, { postSince: new Date("2026-01-01") }); // under 2 years in post
    const eligibleA = await teacher(2, {});
    const eligibleB = await teacher(3, { golongan: "III/b" });
    const rankBelow = await teacher(4, { golongan: "III/a" });
    const noSkp = await teacher(5, {}, []);
    // Budi, the state SD's one class teacher.
    await p.employee.create({
      data: {
        nip: "197803152005011002",
        name: "Budi Santoso",
        unitId: sdn.id,
        roleId: kelas.id,
        weeklyHours: 24,
        birthDate: new Date("1978-03-15"),
        postSince: new Date("2012-01-01"),
      },
    });
    return { agency, smp, sdn, sds, kelas, stays, eligibleA, eligibleB, rankBelow, noSkp };
  }

  it("plans a requested private SD after the state SD, with eligible teachers only, and writes the redistribution letter", async () => {
    const s = await seed();
    const clock = fixedClock("2026-12-07T00:30:00Z");
    const t = buildTestBot(db.prisma, { clock });

    // On-request: only a private school that asked is planned for.
    const check = () =>
      runBalancingCheck(db.prisma, clock, {
        trigger: "SCHEDULE",
        post: true,
        timeZone: "Asia/Jayapura",
        locale: "id",
        logger: createLogger("silent"),
      });

    // The head asks for two class teachers … and one more: 72 JP.
    await t.send(textUpdate(yohana, "/mintaguru"));
    expect(sentTexts(t.calls).at(-1)).toContain("Permintaan guru ASN untuk SD YPK Salor");
    await t.send(callbackUpdate(yohana, buttonData(t.calls, "Guru Kelas SD")));
    await t.send(textUpdate(yohana, "tujuh puluh dua"));
    expect(sentTexts(t.calls).at(-2)).toBe(
      "«tujuh puluh dua» bukan angka. Ketik JP per minggu, misalnya 48.",
    );
    await t.send(textUpdate(yohana, "72"));
    await t.send(callbackUpdate(yohana, buttonData(t.calls, "Bulan ini")));
    await t.send(callbackUpdate(yohana, buttonData(t.calls, "Guru pindah ke sekolah negeri")));
    await t.send(textUpdate(yohana, "421.3/017/DPMPTSP/2019"));
    expect(sentTexts(t.calls).at(-1)).toContain("Guru: Guru Kelas SD, 72 JP per minggu");
    await t.send(callbackUpdate(yohana, buttonData(t.calls, "Kirim")));
    expect(sentTexts(t.calls).at(-1)).toMatch(/^✅ Permintaan #1 terkirim ke tim mutasi/);
    const notice = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "teacher-request" } });
    expect(notice.chatId).toBe(BigInt(HR_CHAT_ID));
    expect((notice.payload as { text: string }).text).toContain(
      "SD YPK Salor (NPSN 69900001, izin operasional 421.3/017/DPMPTSP/2019)",
    );

    await check();
    const proposals = await db.prisma.proposal.findMany({
      include: { toUnit: true },
      orderBy: { id: "asc" },
    });
    const into = (code: string) =>
      proposals
        .filter((p) => p.toUnit.code === code)
        .map((p) => p.employeeId)
        .sort();
    // The state SD first: one teacher; the private SD the two who meet the criteria; never III/a or no SKP.
    expect(into("SDN-01")).toHaveLength(1);
    expect(into("SDS-01")).toEqual([s.eligibleA.id, s.eligibleB.id].sort());
    for (const p of proposals) expect(p.redistribution).toBe(p.toUnit.code === "SDS-01");
    // The private SD is still short 24 JP; the alert says why, criterion by criterion.
    const alert = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "balancing-alert" } });
    const text = (alert.payload as { text: string }).text;
    expect(text).toMatch(
      /SD YPK Salor, Guru Kelas SD: kurang 24 JP — .*tidak memenuhi syarat redistribusi ke sekolah swasta \(.*golongan di bawah III\/b.*SKP dua tahun terakhir belum Baik atau belum ada/,
    );

    expect(text).toContain(
      "🏫 Permintaan guru ASN dari sekolah swasta yang terbuka: 1 — SD YPK Salor (Guru Kelas SD, 72 JP)",
    );

    // The formasi sheet keeps the private school's need apart, and still reconciles with status and check.
    const sheets = await reconcileFormasi(db.prisma, clock);
    const privateRow = sheets.Formasi?.find((r) => r["Kode Unit"] === "SDS-01");
    expect(privateRow).toMatchObject({ "Status Sekolah": "Swasta", "Kebutuhan Jam": 72, Bezetting: 0 });
    expect(sheets.Ringkasan?.map((r) => r.Jabatan)).toContain("Guru Kelas SD (sekolah swasta)");

    // Marked as a redistribution where the team decides: the digest line and Rincian.
    const digest = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "proposal-digest" } });
    expect((digest.payload as { text: string }).text).toContain(
      "🤝 Redistribusi ke sekolah swasta (Permendikdasmen 1/2025)",
    );
    const details = t.calls.length;
    const privateOne = proposals.find((p) => p.toUnit.code === "SDS-01")!;
    await t.send(callbackUpdate(rina, `p:d:${privateOne.id}`, { message_id: 900, chatId: HR_CHAT_ID }));
    expect(sentTexts(t.calls, details).join("\n")).toContain("Redistribusi guru ASN ke sekolah swasta");

    // The team approves one into the private SD: the letter is the redistribution's.
    const toPrivate = proposals.find((p) => p.toUnit.code === "SDS-01")!;
    await t.send(callbackUpdate(rina, `p:a:${toPrivate.id}`, { message_id: 900, chatId: HR_CHAT_ID }));
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: toPrivate.id } })).status).toBe(
      "APPROVED",
    );
    const letter = await db.prisma.outboxMessage.findFirstOrThrow({ where: { method: "sendDocument" } });
    const file = (
      letter.payload as unknown as {
        document: { letter: string; data: Parameters<typeof transferNoticeSections>[0] };
      }
    ).document;
    expect(file.letter).toBe("transfer-notice");
    expect(file.data.redistribution).toBe(true);
    const sections = transferNoticeSections({ ...file.data, approvedAt: new Date() });
    expect(sections.map((x) => x.heading)).toContain("Redistribusi guru ASN");
    expect(sections[0]?.paragraphs[0]).toContain("diusulkan untuk diredistribusikan ke SD YPK Salor");
  });
});
