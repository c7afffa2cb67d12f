// Issue 24 on a district small enough that every outcome is forced: one surplus SMP teacher (Ani) and
// two SDs short of a class teacher. A rejection for the school sends her to the other SD; "jangan
// usulkan orang ini" keeps her out of every check for 6 months (and the group reads why); an admin may
// lift it early; transfers effective in the last 12 months use up an SMP's cap.
import { describe, expect, it } from "vitest";
import { policyCommand } from "../../src/cli/commands/policy.ts";
import { proposalCommand } from "../../src/cli/commands/proposal.ts";
import { markSent } from "../../src/delivery/mark-sent.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { testCli } from "../support/cli.ts";
import { seedSmallDistrict } from "../support/fixtures.ts";
import { buildTestBot, fixedClock, type TestBot } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate } from "../support/telegram.ts";
import { deliveryPolicy } from "../../src/use-cases/outbox-policy/index.ts";

/** What the sender does once a digest is sent, as main.ts wires it: remember where it sits. */
const policy = deliveryPolicy({ ADMIN_TELEGRAM_IDS: [], DEFAULT_LOCALE: "id" });

const group = { id: -100123, type: "supergroup" as const, title: "Tim Mutasi Disdik" };
const rina = { id: 7001, first_name: "Rina", language_code: "id" };
const START = "2027-01-04T00:00:00Z";

describe.skipIf(skipPg)("the plan in flight: rejections remembered, caps over time", () => {
  const db = useTestDatabase();

  /** SD 1 and SD 3 each 24 JP short of class teaching; the SMP needs 4 JP of IPA and has Ani's 24. */
  async function seed() {
    const district = await seedSmallDistrict(db.prisma);
    const sd3 = await db.prisma.unit.create({
      data: {
        code: "SDN-03",
        name: "SD Negeri 3 Salor",
        kind: "SD",
        agencyId: district.agency.id,
        lat: -8.45,
        lon: 140.4,
      },
    });
    const report = (unitId: number, roleId: number, hoursNeeded: number) =>
      db.prisma.workloadReport.create({ data: { unitId, roleId, hoursNeeded, period: "2027-01" } });
    await report(district.sd.id, district.guruKelas.id, 48);
    await report(sd3.id, district.guruKelas.id, 24);
    await report(district.smp.id, district.guruIpa.id, 4);
    // Budi came to SD 1 last year: under 2 years in post, he stays, so Ani is the only candidate.
    await db.prisma.employee.update({
      where: { id: district.budi.id },
      data: { postSince: new Date("2026-07-01") },
    });
    await db.prisma.hrGroup.create({
      data: { chatId: BigInt(group.id), title: group.title, agencyId: district.agency.id },
    });
    await db.prisma.user.create({
      data: { telegramId: BigInt(rina.id), name: "Rina", role: "HR_APPROVER", agencyId: district.agency.id },
    });
    return { ...district, sd3 };
  }

  const pendingNow = () =>
    db.prisma.proposal.findMany({
      where: { status: "PENDING" },
      include: { toUnit: true },
      orderBy: { id: "asc" },
    });
  const lastAlert = async () => {
    const row = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: "balancing-alert" },
      orderBy: { id: "desc" },
    });
    return String((row.payload as { text: string }).text);
  };
  async function reject(t: TestBot, id: number, reason: string) {
    await t.send(callbackUpdate(rina, `p:r:${id}`, { message_id: 900, chatId: group.id }));
    await t.send(textUpdate(rina, reason, group));
  }

  /** The first check proposes Ani; Rina rejects it and presses "Jangan usulkan orang ini". */
  async function rejectedAsPerson() {
    const { ani } = await seed();
    const clock = fixedClock(START);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(rina, "/cek", group));
    const [first] = await pendingNow();
    await reject(t, first?.id ?? 0, "Sedang menjalani pemeriksaan disiplin");
    await t.send(callbackUpdate(rina, `p:w:${first?.id}`, { message_id: 902, chatId: group.id }));
    return { ani, clock, t, first };
  }

  it("a check with nothing new changes nothing and answers the digest; a filled need withdraws its proposal, saying why", async () => {
    const { ani, sd, sd3, guruKelas } = await seed();
    const clock = fixedClock(START);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(rina, "/cek", group));
    const [first] = await pendingNow();
    if (!first) throw new Error("no proposal");
    // Telegram accepted the digest as message 555 (the sender's own hook records it).
    const digest = await db.prisma.outboxMessage.findFirstOrThrow({ where: { kind: "proposal-digest" } });
    await markSent(db.prisma, digest, 555, clock.now(), policy.onSent);

    clock.advance(3_600_000);
    await t.send(textUpdate(rina, "/cek", group));
    expect(await db.prisma.proposal.findMany()).toMatchObject([
      { id: first.id, status: "PENDING", version: 1 },
    ]);
    expect(await db.prisma.outboxMessage.count({ where: { kind: "proposal-digest" } })).toBe(1);
    const alert = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { kind: "balancing-alert" },
      orderBy: { id: "desc" },
    });
    expect(alert.payload).toMatchObject({
      reply_parameters: { message_id: 555, allow_sending_without_reply: true },
    });
    expect(String((alert.payload as { text: string }).text)).toContain(
      "Rencana yang berjalan tidak berubah: 1 usulan masih menunggu keputusan di ringkasan pemeriksaan #1 (pesan yang dibalas ini).",
    );

    // A class teacher joins the destination (an import): the proposal is no longer needed.
    await db.prisma.employee.create({
      data: {
        nip: "199201012019012009",
        name: "Guru Baru",
        unitId: first.toUnitId,
        roleId: guruKelas.id,
        weeklyHours: 24,
        birthDate: new Date("1992-01-01"),
        postSince: new Date("2026-12-01"),
      },
    });
    clock.advance(7 * 86_400_000);
    await t.send(textUpdate(rina, "/cek", group));
    const withdrawn = await db.prisma.proposal.findUniqueOrThrow({ where: { id: first.id } });
    expect(withdrawn).toMatchObject({
      status: "SUPERSEDED",
      cancelReason: `tidak diperlukan lagi: ${first.toUnit.name} sudah tercukupi`,
    });
    const edit = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { method: "editMessageText" },
      orderBy: { id: "desc" },
    });
    expect(edit.payload).toMatchObject({ message_id: 555 });
    expect(String((edit.payload as { text: string }).text)).toContain(
      `↪️ <b>Ditarik</b> oleh pemeriksaan 11-01-2027 10:00 WIT: tidak diperlukan lagi: ${first.toUnit.name} sudah tercukupi`,
    );
    // Ani goes to the other SD instead, in a new digest; the alert says what was withdrawn.
    const [next] = await pendingNow();
    expect(next).toMatchObject({ employeeId: ani.id, toUnitId: first.toUnitId === sd.id ? sd3.id : sd.id });
    expect(await db.prisma.outboxMessage.count({ where: { kind: "proposal-digest" } })).toBe(2);
    expect(await lastAlert()).toContain(
      "1 usulan sebelumnya ditarik; alasan masing-masing ada di ringkasannya",
    );
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.withdraw" } })).toBe(1);
  });

  it("a move needed only because the other proposals take teachers out of its school stays pending the next week", async () => {
    // Ani and Cici leave the SMP's science for the two SDs; Fajar, a physics teacher, fills the 24 JP of
    // science they leave. As the SMP stands it needs no science teacher (Dedi, who stays, and the two
    // cover its 48 JP). The engine's plan used to name Fajar's move both dropped as no longer needed and
    // new (in-flight.test.ts); the check, which keeps a proposal the plan makes, kept it all the same.
    const { agency, smp, guruIpa } = await seed();
    await db.prisma.workloadReport.updateMany({
      where: { unitId: smp.id, roleId: guruIpa.id },
      data: { hoursNeeded: 48 },
    });
    const fisika = await db.prisma.role.create({
      data: {
        code: "GURU_FISIKA",
        name: "Guru Fisika",
        standardHours: 24,
        retirementAge: 60,
        isTeacher: true,
      },
    });
    await db.prisma.roleCompatibility.create({ data: { fromRoleId: fisika.id, toRoleId: guruIpa.id } });
    const smp3 = await db.prisma.unit.create({
      data: {
        code: "SMPN-03",
        name: "SMP Negeri 3 Salor",
        kind: "SMP",
        agencyId: agency.id,
        lat: -8.41,
        lon: 140.43,
      },
    });
    const teacher = (nip: string, name: string, unitId: number, roleId: number, postSince: string) =>
      db.prisma.employee.create({
        data: {
          nip,
          name,
          unitId,
          roleId,
          weeklyHours: 24,
          birthDate: new Date("1988-05-05"),
          postSince: new Date(postSince),
        },
      });
    await teacher("198805052014022003", "Cici Paulina", smp.id, guruIpa.id, "2015-07-01");
    await teacher("198805052019021004", "Dedi Kurniawan", smp.id, guruIpa.id, "2026-07-01");
    const fajar = await teacher("198805052012031005", "Fajar Gebze", smp3.id, fisika.id, "2014-07-01");
    // SMP 3's head reported no physics hours left for Fajar: he is spare there.
    await db.prisma.workloadReport.create({
      data: { unitId: smp3.id, roleId: fisika.id, hoursNeeded: 0, period: "2027-01" },
    });
    const clock = fixedClock(START);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(rina, "/cek", group));
    const first = await pendingNow();
    expect(first).toHaveLength(3);
    expect(first.find((proposal) => proposal.employeeId === fajar.id)).toMatchObject({ toUnitId: smp.id });

    clock.advance(7 * 86_400_000);
    await t.send(textUpdate(rina, "/cek", group));
    expect(await pendingNow()).toMatchObject(first.map(({ id }) => ({ id, status: "PENDING", version: 1 })));
    expect(await db.prisma.proposal.count()).toBe(3);
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.withdraw" } })).toBe(0);
    expect(await lastAlert()).toContain(
      "Rencana yang berjalan tidak berubah: 3 usulan masih menunggu keputusan",
    );
  });

  it("a proposal whose person objects, or retires, before the team decides is withdrawn by the next check, saying why", async () => {
    const { ani } = await seed();
    const clock = fixedClock(START);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(rina, "/cek", group));
    const [first] = await pendingNow();
    // Her head records her objection (as /pegawai does); the next check may no longer move her.
    await db.prisma.employee.update({
      where: { id: ani.id },
      data: { objection: true, objectionReason: "Merawat orang tua", objectionAt: clock.now() },
    });
    clock.advance(7 * 86_400_000);
    await t.send(textUpdate(rina, "/cek", group));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: first?.id ?? 0 } })).toMatchObject({
      status: "SUPERSEDED",
      cancelReason: "Ani Wulandari tidak dapat dimutasi saat ini: ada keberatan",
    });
    expect(await pendingNow()).toEqual([]);

    // Her objection is withdrawn: the next check proposes her again; then she retires before a decision.
    await db.prisma.employee.update({ where: { id: ani.id }, data: { objection: false } });
    clock.advance(7 * 86_400_000);
    await t.send(textUpdate(rina, "/cek", group));
    const [again] = await pendingNow();
    expect(again?.employeeId).toBe(ani.id);
    await db.prisma.employee.update({ where: { id: ani.id }, data: { status: "PENSIUN" } });
    clock.advance(7 * 86_400_000);
    await t.send(textUpdate(rina, "/cek", group));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: again?.id ?? 0 } })).toMatchObject({
      status: "SUPERSEDED",
      cancelReason: "Ani Wulandari tidak dapat dimutasi saat ini: tidak aktif",
    });
  });

  it("a rejection for the school sends the person elsewhere, and Rincian shows it", async () => {
    const { ani, sd, sd3 } = await seed();
    const clock = fixedClock(START);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(rina, "/cek", group));
    const [first] = await pendingNow();
    expect(first).toMatchObject({ employeeId: ani.id });
    const rejectedSchool = first?.toUnitId;
    await reject(t, first?.id ?? 0, "Guru IPA tidak berijazah PGSD");

    clock.advance(7 * 86_400_000);
    await t.send(textUpdate(rina, "/cek", group));
    const [second] = await pendingNow();
    expect(second?.employeeId).toBe(ani.id);
    expect(second?.toUnitId).not.toBe(rejectedSchool);
    expect([sd.id, sd3.id]).toContain(second?.toUnitId);

    t.mark();
    await t.send(callbackUpdate(rina, `p:d:${second?.id}`, { message_id: 901, chatId: group.id }));
    const details = sentTexts(t.since()).join("\n");
    expect(details).toContain("<b>Penolakan sebelumnya:</b>");
    expect(details).toMatch(
      /• #1 04-01-2027, SD Negeri \d Salor: “Guru IPA tidak berijazah PGSD” — tidak cocok untuk sekolah itu \(tidak diusulkan lagi sampai 04-07-2027\)/,
    );
  });

  it("'jangan usulkan orang ini' keeps her out of every check for 6 months, saying why; then she is back", async () => {
    const { ani, clock, t } = await rejectedAsPerson();

    for (const days of [7, 60, 150, 181]) {
      clock.set(new Date(Date.parse(START) + days * 86_400_000).toISOString());
      await t.send(textUpdate(rina, "/cek", group));
      expect(await pendingNow(), `day ${days}`).toEqual([]);
      // The group reads why both SDs stay short: the only candidate was rejected by the team.
      expect(await lastAlert()).toContain(
        "calon yang ada (1) tidak dapat dimutasi: 1 ditolak tim (masa tunggu penolakan)",
      );
    }
    // Six months and a day after the rejection she may be proposed again.
    clock.set(new Date(Date.parse(START) + 183 * 86_400_000).toISOString());
    await t.send(textUpdate(rina, "/cek", group));
    expect((await pendingNow()).map((p) => p.employeeId)).toEqual([ani.id]);
  });

  it("an admin lifts a rejection from the CLI: audited, the next check proposes again, a second lift is refused", async () => {
    const { ani, clock, t, first } = await rejectedAsPerson();

    clock.advance(86_400_000);
    const cli = testCli(db.prisma, { clock });
    await proposalCommand.run(["lift-rejection", String(first?.id)], cli.ctx);
    expect(cli.out).toEqual([
      `lifted: rejection of proposal #${first?.id} ${ani.nip} Ani Wulandari; the next check may propose them for any school again`,
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.rejection_lift" } })).toBe(1);
    await expect(proposalCommand.run(["lift-rejection", String(first?.id)], cli.ctx)).rejects.toThrow(
      /already lifted on 05-01-2027/,
    );
    await expect(proposalCommand.run(["lift-rejection", "abc"], cli.ctx)).rejects.toMatchObject({
      exitCode: 2,
    });

    await t.send(textUpdate(rina, "/cek", group));
    expect((await pendingNow()).map((p) => p.employeeId)).toEqual([ani.id]);
  });

  /**
   * The district with five more IPA teachers at the SMP, with almost nothing to teach, of whom `left`
   * went to SD 1 in October of `year` (effective transfers; 2026 is within the cap window of a check in
   * 2027, 2025 only within a window of 24 months).
   */
  async function seedWithTransfers(left: number, year = 2026) {
    const district = await seed();
    // Five more IPA teachers at the SMP, with almost nothing to teach.
    const extra = await Promise.all(
      [
        "198601012011012002",
        "198701012012012003",
        "198801012013012004",
        "198901012014012005",
        "199001012015012006",
      ].map((nip, i) =>
        db.prisma.employee.create({
          data: {
            nip,
            name: `Guru IPA ${i + 2}`,
            unitId: district.smp.id,
            roleId: district.guruIpa.id,
            weeklyHours: 24,
            birthDate: new Date("1986-01-01"),
            postSince: new Date("2015-07-01"),
          },
        }),
      ),
    );
    for (const [index, person] of extra.slice(0, left).entries()) {
      const proposal = await db.prisma.proposal.create({
        data: {
          employeeId: person.id,
          fromUnitId: district.smp.id,
          toUnitId: district.sd.id,
          roleId: district.guruKelas.id,
          agencyId: district.agency.id,
          status: "EFFECTIVE",
          reason: "…",
          metrics: {},
          expiresAt: new Date(`${year}-10-15T00:00:00Z`),
          effectiveAt: new Date(`${year}-10-01T00:00:00Z`),
        },
      });
      await db.prisma.transfer.create({
        data: {
          proposalId: proposal.id,
          employeeId: person.id,
          fromUnitId: district.smp.id,
          toUnitId: district.sd.id,
          fromRoleId: district.guruIpa.id,
          toRoleId: district.guruKelas.id,
          effectiveDate: new Date(`${year}-10-0${index + 1}`),
        },
      });
      // They teach at the SD now, as the TMT step left them.
      await db.prisma.employee.update({
        where: { id: person.id },
        data: {
          unitId: district.sd.id,
          roleId: district.guruKelas.id,
          postSince: new Date(`${year}-10-01`),
        },
      });
    }
    // The SDs now need 48 JP more each than they have.
    await db.prisma.workloadReport.updateMany({
      where: { roleId: district.guruKelas.id },
      data: { hoursNeeded: { increment: 48 } },
    });
    return district;
  }

  it("transfers effective in the last 12 months use up the SMP's cap of 3; the why-not says by what", async () => {
    // Two of the SMP's teachers left for SD 1 three months ago.
    await seedWithTransfers(2);
    const clock = fixedClock(START);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(rina, "/cek", group));
    // The SMP moved 2 in the window, so it gives one more of the four it could spare.
    expect(await pendingNow()).toHaveLength(1);
    expect(await lastAlert()).toContain(
      "batas mutasi per 12 bulan sudah terpakai di unit asal calon: SMP Negeri 2 Salor (2 berlaku, 1 diusulkan)",
    );

    // A year after those transfers the window has moved on: two more may go.
    clock.set("2027-10-05T00:00:00Z");
    await t.send(textUpdate(rina, "/cek", group));
    expect(await pendingNow()).toHaveLength(3);
  });

  it("four transfers in the window, one over the cap (made before a lower cap or a longer window): the check still runs and adds none there", async () => {
    await seedWithTransfers(4);
    const clock = fixedClock(START);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(rina, "/cek", group));
    expect(await pendingNow()).toHaveLength(0);
    const alert = await lastAlert();
    expect(alert).toContain(
      "kurang 72 JP — batas mutasi per 12 bulan sudah terpakai di unit asal calon: SMP Negeri 2 Salor (4 berlaku)",
    );

    clock.set("2027-10-05T00:00:00Z");
    await t.send(textUpdate(rina, "/cek", group));
    // A year on, the window has moved on: Ani and the IPA teacher left at the SMP go to SD 3.
    expect(await pendingNow()).toHaveLength(2);
  });

  it("a cap window lengthened to 24 months counts older transfers: the proposals it leaves no room for are withdrawn, saying why", async () => {
    // Two of the SMP's teachers left for SD 1 fifteen months ago: outside the 12-month window.
    await seedWithTransfers(2, 2025);
    const clock = fixedClock(START);
    const t = buildTestBot(db.prisma, { clock });
    await t.send(textUpdate(rina, "/cek", group));
    const first = await pendingNow();
    expect(first).toHaveLength(3);

    const cli = testCli(db.prisma, { clock });
    await policyCommand.run(["cap-window", "24"], cli.ctx);
    clock.advance(3_600_000);
    await t.send(textUpdate(rina, "/cek", group));
    // The SMP may give one more (2 in the window now), and Ani, the oldest proposal, stays proposed.
    expect((await pendingNow()).map((p) => p.id)).toEqual([first[0]?.id]);
    const alert = await lastAlert();
    expect(alert).toContain("1 usulan dari pemeriksaan sebelumnya tetap berlaku.");
    expect(alert).toContain("2 usulan sebelumnya ditarik; alasan masing-masing ada di ringkasannya.");
    expect(alert).toContain("SMP Negeri 2 Salor (2 berlaku, 1 diusulkan)");
    const withdrawn = await db.prisma.proposal.findMany({ where: { status: "SUPERSEDED" } });
    expect(withdrawn.map((p) => p.cancelReason)).toEqual([
      "batas mutasi di sekolah asal atau tujuan kini sudah terpakai oleh mutasi yang berlaku atau disetujui",
      "batas mutasi di sekolah asal atau tujuan kini sudah terpakai oleh mutasi yang berlaku atau disetujui",
    ]);
  });
});
