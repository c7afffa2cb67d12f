// Issue 15, item 1: from the team's approval to the decree (SK) and its TMT, driven as people would:
// approvers press Setujui in the HR group, an admin records the SK in a private chat (or the
// operator at the CLI), the 06:00 WIT job carries the move out on the TMT. The bot is rebuilt from
// the same database between the steps: the state lives there, a restart loses nothing.
import { describe, expect, it } from "vitest";
import { policyCommand } from "../../src/cli/commands/policy.ts";
import { skCommand } from "../../src/cli/commands/sk.ts";
import { statusCommand } from "../../src/cli/commands/status.ts";
import { runDailyAt } from "../support/decree.ts";
import { recordDecree } from "../../src/use-cases/decrees/index.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate, type ApiCall } from "../support/telegram.ts";

const ani = { id: 7001, first_name: "Ani", last_name: "Wulandari", language_code: "id" };
const ADMINS = [BigInt(people.admin.id)];
// 08:30 WIT on Wednesday 2 December 2026.
const APPROVED_AT = "2026-12-01T23:30:00Z";
const SK = "800.1.6.2/123/BKPSDM/2026";

const approve = (proposalId: number) =>
  callbackUpdate(people.rina, `p:a:${proposalId}`, { message_id: 500, chatId: HR_CHAT_ID });
const lastText = (calls: ApiCall[]) => sentTexts(calls).at(-1);

describe.skipIf(skipPg)("the proposal lifecycle: APPROVED → DECREED → EFFECTIVE (issue 15)", () => {
  const db = useTestDatabase();

  const daily = (iso: string) => runDailyAt(db.prisma, iso, ADMINS);
  const proposalOf = (id: number) => db.prisma.proposal.findUniqueOrThrow({ where: { id } });
  const outboxTexts = async (where: object = {}) =>
    (await db.prisma.outboxMessage.findMany({ where, orderBy: { id: "asc" } })).map((m) => ({
      chatId: Number(m.chatId),
      method: m.method,
      key: m.dedupeKey,
      text: (m.payload as { text?: string; caption?: string }).text ?? "",
    }));
  const cli = async (command: typeof skCommand, args: string[], iso: string) => {
    const run = testCli(db.prisma, { clock: fixedClock(iso) });
    await command.run(args, run.ctx);
    return run.out;
  };

  /** The HR district, with Ani (the person proposed) joined as an employee. */
  async function district() {
    const s = await seedHrDistrict(db.prisma);
    const aniUser = await db.prisma.user.create({
      data: { telegramId: BigInt(ani.id), name: "Ani Wulandari", role: "EMPLOYEE", employeeId: s.ani.id },
    });
    return { ...s, aniUser };
  }

  it("approval → APPROVED, nobody moved; /sk → DECREED; on the TMT → EFFECTIVE, moved, heads and person told; a rerun changes nothing", async () => {
    const s = await district();
    // Natal, cuti bersama and new year, as an operator lists them: the keberatan deadline skips them.
    const holidays = testCli(db.prisma);
    await policyCommand.run(["holiday", "add", "25-12-2026", "24-12-2026", "01-01-2027"], holidays.ctx);
    expect(holidays.out).toEqual(["added 3: 24-12-2026, 25-12-2026, 01-01-2027"]);

    // 1. The team approves: its advice, menunggu SK. The person stays where they are; the letter goes out.
    let t = buildTestBot(db.prisma, { clock: fixedClock(APPROVED_AT) });
    await t.send(approve(s.proposal.id));
    expect(await proposalOf(s.proposal.id)).toMatchObject({ status: "APPROVED", tmt: null, skNumber: null });
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).toMatchObject({
      unitId: s.smp.id,
      roleId: s.guruIpa.id,
    });
    expect(await db.prisma.transfer.count()).toBe(0);
    const answer = t.calls.find((c) => c.method === "answerCallbackQuery");
    expect(answer?.payload.text).toBe(`Usulan #${s.proposal.id} disetujui tim; menunggu SK.`);
    expect(lastText(t.calls)).toContain(
      "✅ <b>Disetujui tim</b> (Rina Kaize, 02-12-2026 08:30 WIT); menunggu SK",
    );
    expect((await outboxTexts({ method: "sendDocument" })).map((m) => m.chatId)).toEqual([ani.id]);
    // Nobody is told of a move yet: the heads hear on the TMT.
    expect(await outboxTexts({ method: "sendMessage" })).toEqual([]);

    // 2. Restart; the admin records the SK in a private chat.
    t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-02T01:00:00Z"), adminIds: ADMINS });
    await t.send(textUpdate(people.admin, `/sk ${s.proposal.id} ${SK} 02-12-2026 04-01-2027`));
    expect(lastText(t.calls)).toBe(
      `📜 SK usulan #${s.proposal.id} dicatat: <b>${SK}</b> tanggal 02-12-2026, TMT 04-01-2027. Ani Wulandari pindah dari SMP Negeri 2 Salor ke SD Negeri 1 Salor pada TMT. Batas keberatan: 06-01-2027.`,
    );
    const decreed = await proposalOf(s.proposal.id);
    expect(decreed).toMatchObject({ status: "DECREED", skNumber: SK, version: 3, decreedById: null });
    expect(decreed.skDate?.toISOString().slice(0, 10)).toBe("2026-12-02");
    expect(decreed.tmt?.toISOString().slice(0, 10)).toBe("2027-01-04");
    // 21 working days from Wednesday 2 December, skipping 24, 25 December and 1 January.
    expect(decreed.objectionDeadline?.toISOString().slice(0, 10)).toBe("2027-01-06");
    const audit = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "proposal.decree" } });
    expect(audit).toMatchObject({ actorName: "Admin", entityId: String(s.proposal.id) });
    expect(audit.details).toMatchObject({ skNumber: SK, tmt: "2027-01-04", source: "chat" });
    const cardEdit = await outboxTexts({ dedupeKey: `proposal:${s.proposal.id}:card:decreed` });
    expect(cardEdit[0]?.text).toContain(
      `📜 Disetujui tim (Rina Kaize); <b>SK ${SK}</b> tanggal 02-12-2026, TMT 04-01-2027`,
    );
    // Both heads hear that the SK is out and from when (the SMP head reads English).
    const decreedTold = await outboxTexts({
      dedupeKey: { startsWith: `proposal:${s.proposal.id}:decreed:` },
    });
    expect(decreedTold.map((m) => [m.chatId, m.text])).toEqual([
      [
        people.siti.id,
        `📜 SK mutasi terbit (${SK}, tanggal 02-12-2026): <b>Ani Wulandari</b> (NIP 198501012010012001) akan bertugas di unit Anda SD Negeri 1 Salor, dari SMP Negeri 2 Salor, mulai TMT 04-01-2027.`,
      ],
      [
        people.headSmp.id,
        `📜 Transfer decree issued (${SK}, dated 02-12-2026): <b>Ani Wulandari</b> (NIP 198501012010012001) will move from your unit SMP Negeri 2 Salor to SD Negeri 1 Salor from the TMT 04-01-2027. Until the TMT they keep serving in your unit.`,
      ],
    ]);
    // The SD's head sees the incoming move and where it stands.
    await t.send(textUpdate(people.siti, "/status"));
    expect(lastText(t.calls)).toContain(
      "• masuk: Ani Wulandari (Guru Kelas SD) dari SMP Negeri 2 Salor — SK terbit, menunggu TMT",
    );
    // status --json lists the proposal with its state and SK; the text counts per state.
    const json = JSON.parse((await cli(statusCommand, ["--json"], "2026-12-02T01:00:00Z"))[0] ?? "{}");
    expect(json.proposals).toEqual([
      {
        id: s.proposal.id,
        status: "DECREED",
        nip: "198501012010012001",
        from: "SMPN-02",
        to: "SDN-01",
        role: "GURU_KELAS",
        skNumber: SK,
        skDate: "2026-12-02",
        tmt: "2027-01-04",
        objectionDeadline: "2027-01-06",
        effectiveAt: null,
        cancelReason: null,
      },
    ]);
    const text = (await cli(statusCommand, [], "2026-12-02T01:00:00Z")).join("\n");
    expect(text).toContain("Proposals by state: DECREED 1");
    expect(text).toContain(
      `    #${s.proposal.id} 198501012010012001 SMPN-02 → SDN-01 DECREED SK ${SK} of 2026-12-02, TMT 2027-01-04`,
    );
    // Still nobody moved before the TMT.
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).toMatchObject({
      unitId: s.smp.id,
    });

    // 3. The day before the TMT the job leaves it alone.
    expect(await daily("2027-01-02T21:00:00Z")).toMatchObject({ effective: 0, cancelled: 0 });
    expect((await proposalOf(s.proposal.id)).status).toBe("DECREED");

    // 4. 06:00 WIT on the TMT: the move is carried out from the TMT, everyone is told once.
    const before = await db.prisma.outboxMessage.count();
    expect(await daily("2027-01-03T21:00:00Z")).toMatchObject({ effective: 1, cancelled: 0 });
    const effective = await proposalOf(s.proposal.id);
    expect(effective).toMatchObject({ status: "EFFECTIVE", version: 4 });
    expect(effective.effectiveAt?.toISOString()).toBe("2027-01-03T21:00:00.000Z");
    const moved = await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } });
    expect(moved).toMatchObject({ unitId: s.sd.id, roleId: s.guruKelas.id });
    expect(moved.postSince.toISOString().slice(0, 10)).toBe("2027-01-04");
    const transfer = await db.prisma.transfer.findUniqueOrThrow({ where: { proposalId: s.proposal.id } });
    expect(transfer.effectiveDate.toISOString().slice(0, 10)).toBe("2027-01-04");
    const told = await outboxTexts({ method: "sendMessage", dedupeKey: { startsWith: "transfer:" } });
    expect(told.map((m) => [m.chatId, m.key])).toEqual([
      [people.siti.id, `transfer:${transfer.id}:head:${s.siti.id}`],
      [people.headSmp.id, `transfer:${transfer.id}:head:${s.headSmp.id}`],
      [ani.id, `transfer:${transfer.id}:person:${s.aniUser.id}`],
    ]);
    expect(told[0]?.text).toContain(
      `Mutasi berlaku (SK ${SK}, TMT 04-01-2027): <b>Ani Wulandari</b> (NIP 198501012010012001) pindah ke unit Anda SD Negeri 1 Salor`,
    );
    // The SMP head reads English.
    expect(told[1]?.text).toContain("moves from your unit SMP Negeri 2 Salor to SD Negeri 1 Salor");
    expect(told[2]?.text).toContain(
      "Mulai hari ini (TMT 04-01-2027) Anda bertugas di <b>SD Negeri 1 Salor</b>",
    );
    const card = await outboxTexts({ dedupeKey: `proposal:${s.proposal.id}:card:effective` });
    expect(card[0]?.text).toContain("🏁 <b>Berlaku</b> sejak TMT 04-01-2027");
    const trail = await db.prisma.auditLog.findMany({
      where: { entity: { not: "setting" } },
      orderBy: { id: "asc" },
    });
    expect(trail.map((a) => [a.action, a.actorName])).toEqual([
      ["proposal.approve", "Rina Kaize"],
      // Who was given each letter is in the trail (issue 25).
      ["letter.notice", "system"],
      ["proposal.decree", "Admin"],
      ["letter.decree-letter", "system"],
      ["transfer.create", "system"],
      ["proposal.effective", "system"],
    ]);
    const after = await db.prisma.outboxMessage.count();
    expect(after).toBeGreaterThan(before);

    const done = JSON.parse((await cli(statusCommand, ["--json"], "2027-01-03T21:00:00Z"))[0] ?? "{}");
    expect(done.proposals[0]).toMatchObject({ status: "EFFECTIVE", effectiveAt: "2027-01-03T21:00:00.000Z" });
    expect(done.proposalCounts).toEqual({ EFFECTIVE: 1 });

    // 5. The job again the same day (a retry, a second instance): nothing more.
    expect(await daily("2027-01-03T22:00:00Z")).toMatchObject({ effective: 0, cancelled: 0 });
    expect(await db.prisma.outboxMessage.count()).toBe(after);
    expect(await db.prisma.auditLog.count({ where: { entity: { not: "setting" } } })).toBe(trail.length);
    expect(await db.prisma.transfer.count()).toBe(1);
    expect((await proposalOf(s.proposal.id)).version).toBe(4);
  });

  it("an SK recorded late, on or after its TMT, takes effect at once: moved from the TMT, everyone told, the next 06:00 run changes nothing", async () => {
    const s = await district();
    await buildTestBot(db.prisma, { clock: fixedClock(APPROVED_AT) }).send(approve(s.proposal.id));
    // Signed on 30 November with TMT 1 December, recorded on 2 December at 10:00 WIT.
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-02T01:00:00Z"), adminIds: ADMINS });
    await t.send(textUpdate(people.admin, `/sk ${s.proposal.id} ${SK} 30-11-2026 01-12-2026`));
    expect(lastText(t.calls)).toBe(
      `📜 SK usulan #${s.proposal.id} dicatat: <b>${SK}</b> tanggal 30-11-2026, TMT 01-12-2026. Ani Wulandari pindah dari SMP Negeri 2 Salor ke SD Negeri 1 Salor pada TMT. Batas keberatan: 04-01-2027.\n🏁 TMT 01-12-2026 sudah tiba: mutasi langsung berlaku. Ani Wulandari kini tercatat di SD Negeri 1 Salor; kedua kepala unit dan yang bersangkutan diberi tahu.`,
    );
    const effective = await proposalOf(s.proposal.id);
    expect(effective).toMatchObject({ status: "EFFECTIVE", skNumber: SK });
    const moved = await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } });
    expect(moved).toMatchObject({ unitId: s.sd.id, roleId: s.guruKelas.id });
    expect(moved.postSince.toISOString().slice(0, 10)).toBe("2026-12-01");
    const transfer = await db.prisma.transfer.findUniqueOrThrow({ where: { proposalId: s.proposal.id } });
    expect(transfer.effectiveDate.toISOString().slice(0, 10)).toBe("2026-12-01");
    // The SK letter (with its keberatan button) still goes to her, and the move's notices too.
    const letters = await db.prisma.outboxMessage.findMany({
      where: { dedupeKey: `proposal:${s.proposal.id}:decree-letter:${s.aniUser.id}` },
    });
    expect(letters.map((m) => Number(m.chatId))).toEqual([ani.id]);
    const told = await outboxTexts({ method: "sendMessage", dedupeKey: { startsWith: "transfer:" } });
    expect(told.map((m) => m.chatId)).toEqual([people.siti.id, people.headSmp.id, ani.id]);
    expect(
      (
        await db.prisma.auditLog.findMany({ where: { entity: { not: "setting" } }, orderBy: { id: "asc" } })
      ).map((a) => a.action),
    ).toEqual([
      "proposal.approve",
      "letter.notice",
      "proposal.decree",
      "letter.decree-letter",
      "transfer.create",
      "proposal.effective",
    ]);

    const outbox = await db.prisma.outboxMessage.count();
    expect(await daily("2026-12-02T21:00:00Z")).toMatchObject({ effective: 0, cancelled: 0 });
    expect(await db.prisma.outboxMessage.count()).toBe(outbox);
    expect(await db.prisma.transfer.count()).toBe(1);
  });

  it("an SK recorded late whose move cannot happen is cancelled at once, and the configured admins are told too", async () => {
    const s = await district();
    await buildTestBot(db.prisma, { clock: fixedClock(APPROVED_AT) }).send(approve(s.proposal.id));
    // Ani was moved elsewhere meanwhile; an admin known only from ADMIN_TELEGRAM_IDS (no user record).
    await db.prisma.employee.update({ where: { id: s.ani.id }, data: { unitId: s.sd.id } });
    const configuredOnly = 9_990_001;
    const t = buildTestBot(db.prisma, {
      clock: fixedClock("2026-12-02T01:00:00Z"),
      adminIds: [...ADMINS, BigInt(configuredOnly)],
    });
    await t.send(textUpdate(people.admin, `/sk ${s.proposal.id} ${SK} 30-11-2026 01-12-2026`));
    expect(lastText(t.calls)).toContain("tidak dapat dijalankan");
    expect((await proposalOf(s.proposal.id)).status).toBe("CANCELLED");
    const told = await outboxTexts({ chatId: BigInt(configuredOnly) });
    expect(told.map((m) => m.text)).toEqual([
      expect.stringContaining(
        `⚠️ Usulan #${s.proposal.id} (Ani Wulandari, SK ${SK}) dibatalkan pada TMT 01-12-2026`,
      ),
    ]);
    expect(await db.prisma.transfer.count()).toBe(0);
  });

  it("/sk refuses a non-admin, bad input, a proposal not approved and a second recording, changing nothing", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-02T01:00:00Z"), adminIds: ADMINS });
    const id = s.proposal.id;

    await t.send(textUpdate(people.siti, `/sk ${id} ${SK} 02-12-2026 04-01-2027`));
    expect(lastText(t.calls)).toBe("Hanya admin yang dapat mencatat SK atau membatalkan usulan.");
    await t.send(textUpdate(people.admin, `/sk ${id} 02-12-2026`));
    expect(lastText(t.calls)).toContain("Cara pakai: /sk &lt;id_usulan&gt; &lt;nomor_SK&gt;");
    await t.send(textUpdate(people.admin, `/sk ${id} ${SK} 02-12-2026 04-01-2027`));
    expect(lastText(t.calls)).toBe(
      `Usulan #${id} belum disetujui tim (PENDING); SK hanya dicatat untuk usulan yang disetujui.`,
    );
    await t.send(textUpdate(people.admin, `/sk 999 ${SK} 02-12-2026 04-01-2027`));
    expect(lastText(t.calls)).toBe("Usulan ini tidak ditemukan.");
    expect(await db.prisma.auditLog.count()).toBe(0);

    await db.prisma.proposal.update({
      where: { id },
      data: { status: "APPROVED", version: 2, decidedAt: new Date(APPROVED_AT), decidedById: s.rina.id },
    });
    await t.send(textUpdate(people.admin, `/sk ${id} ${SK} 31-02-2026 04-01-2027`));
    expect(lastText(t.calls)).toBe("«31-02-2026» bukan tanggal. Tulis dd-mm-yyyy, misalnya 03-12-2026.");
    await t.send(textUpdate(people.admin, `/sk ${id} ${SK} 02-12-2026 01-12-2026`));
    expect(lastText(t.calls)).toBe("TMT (01-12-2026) tidak boleh sebelum tanggal SK (02-12-2026).");
    await t.send(textUpdate(people.admin, `/sk ${id} ${"9".repeat(101)} 02-12-2026 04-01-2027`));
    expect(lastText(t.calls)).toBe("Nomor SK harus 1 sampai 100 karakter.");
    expect(await proposalOf(id)).toMatchObject({ status: "APPROVED", version: 2, skNumber: null });

    // A number with spaces is kept whole; the second recording is told what is recorded.
    await t.send(textUpdate(people.admin, `/sk ${id} 800/12 BKPSDM/2026 02-12-2026 04-01-2027`));
    expect(lastText(t.calls)).toContain("<b>800/12 BKPSDM/2026</b>");
    await t.send(textUpdate(people.admin, `/sk ${id} 800/99/X 03-12-2026 05-01-2027`));
    expect(lastText(t.calls)).toBe(
      `SK usulan #${id} sudah dicatat: 800/12 BKPSDM/2026 tanggal 02-12-2026, TMT 04-01-2027 (dicatat 02-12-2026 10:00 WIT).`,
    );
    expect(await proposalOf(id)).toMatchObject({
      status: "DECREED",
      version: 3,
      skNumber: "800/12 BKPSDM/2026",
    });
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.decree" } })).toBe(1);

    // In a group the command is refused.
    await t.send(
      textUpdate(people.admin, `/sk ${id} x 02-12-2026 04-01-2027`, { id: HR_CHAT_ID, type: "supergroup" }),
    );
    expect(lastText(t.calls)).toBe("Perintah ini hanya dapat dipakai di chat pribadi dengan bot.");
  });

  it("sk record at the CLI: exit 2 on bad usage, 1 on a refusal, the freeze holds unless the Minister approved", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma, { clock: fixedClock(APPROVED_AT) });
    await t.send(approve(s.proposal.id));
    const id = String(s.proposal.id);
    const now = "2026-12-02T01:00:00Z";

    await expect(cli(skCommand, ["record", id, "--nomor", SK], now)).rejects.toMatchObject({ exitCode: 2 });
    await expect(
      cli(skCommand, ["record", "x", "--nomor", SK, "--tanggal", "02-12-2026", "--tmt", "04-01-2027"], now),
    ).rejects.toMatchObject({ exitCode: 2 });
    await expect(
      cli(skCommand, ["record", id, "--nomor", SK, "--tanggal", "2026-12-02", "--tmt", "04-01-2027"], now),
    ).rejects.toMatchObject({
      exitCode: 1,
      message: "«2026-12-02» is not a date. Write dd-mm-yyyy, e.g. 03-12-2026.",
    });

    // An election freeze covering today: recording is refused with the reason and the end date.
    const policy = testCli(db.prisma);
    await policyCommand.run(["blackout", "add", "25-11-2026", "09-12-2026", "Pilkada", "2026"], policy.ctx);
    const args = ["record", id, "--nomor", SK, "--tanggal", "02-12-2026", "--tmt", "04-01-2027"];
    await expect(cli(skCommand, args, now)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining(
        "Recording transfer decrees is stopped until 09-12-2026 (Pilkada 2026",
      ),
    });
    const admin = buildTestBot(db.prisma, { clock: fixedClock(now), adminIds: ADMINS });
    await admin.send(textUpdate(people.admin, `/sk ${id} ${SK} 02-12-2026 04-01-2027`));
    expect(lastText(admin.calls)).toContain(
      "Pencatatan SK mutasi dihentikan sampai 09-12-2026 (Pilkada 2026",
    );
    expect(await proposalOf(s.proposal.id)).toMatchObject({ status: "APPROVED", skNumber: null });
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.decree" } })).toBe(0);

    // With the Minister's written approval (Pasal 71(2)) it goes through.
    await policyCommand.run(
      ["blackout", "approve", "1", "--nomor", "100.2.2.6/1234/SJ", "--tanggal", "28-11-2026"],
      policy.ctx,
    );
    expect(await cli(skCommand, args, now)).toEqual([
      `recorded: proposal #${id} 198501012010012001 Ani Wulandari SMPN-02 → SDN-01: SK ${SK} of 02-12-2026, TMT 04-01-2027, objection deadline 04-01-2027`,
    ]);
    await expect(cli(skCommand, args, now)).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining(`The SK of proposal #${id} is already recorded: ${SK}`),
    });
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { action: "proposal.decree" } })).toMatchObject(
      {
        actorName: "cli",
      },
    );
  });

  it("two recordings at once (chat and CLI): one SK lands, the other is told what is recorded", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma, { clock: fixedClock(APPROVED_AT) });
    await t.send(approve(s.proposal.id));
    const record = (nomor: string) =>
      db.prisma.$transaction((tx) =>
        recordDecree(tx, {
          proposalId: s.proposal.id,
          nomor,
          tanggal: "02-12-2026",
          tmt: "04-01-2027",
          actor: { id: null, name: nomor },
          now: new Date("2026-12-02T01:00:00Z"),
          timeZone: "Asia/Jayapura",
          locale: "id",
        }),
      );
    const results = await Promise.allSettled([record("800/1/A"), record("800/2/B")]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const decreed = await proposalOf(s.proposal.id);
    expect(decreed).toMatchObject({ status: "DECREED", version: 3 });
    expect(lost[0]?.reason).toMatchObject({ code: "decree_already", params: { sk: decreed.skNumber } });
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.decree" } })).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { dedupeKey: { endsWith: ":card:decreed" } } })).toBe(
      1,
    );
  });

  it("on the TMT a person who was moved meanwhile is not moved again: the proposal is cancelled and the admins told", async () => {
    const s = await district();
    const t = buildTestBot(db.prisma, { clock: fixedClock(APPROVED_AT), adminIds: ADMINS });
    await t.send(approve(s.proposal.id));
    await t.send(textUpdate(people.admin, `/sk ${s.proposal.id} ${SK} 02-12-2026 04-01-2027`));
    // An import moved Ani elsewhere before the TMT.
    await db.prisma.employee.update({ where: { id: s.ani.id }, data: { unitId: s.sd.id } });

    expect(await daily("2027-01-03T21:00:00Z")).toMatchObject({ effective: 0, cancelled: 1 });
    const cancelled = await proposalOf(s.proposal.id);
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.cancelReason).toBe(
      "Mutasi tidak dapat dijalankan pada TMT 04-01-2027: Pegawai ini sudah tidak berada di SMP Negeri 2 Salor; usulan tidak dapat dijalankan.",
    );
    expect(await db.prisma.transfer.count()).toBe(0);
    const admins = await outboxTexts({ chatId: BigInt(people.admin.id) });
    expect(admins.map((m) => m.text)).toEqual([
      expect.stringContaining(
        `⚠️ Usulan #${s.proposal.id} (Ani Wulandari, SK ${SK}) dibatalkan pada TMT 04-01-2027`,
      ),
    ]);
    const person = await outboxTexts({ chatId: BigInt(ani.id), method: "sendMessage" });
    expect(person.map((m) => m.text)).toEqual([expect.stringContaining("❎ Usulan mutasi")]);
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { action: "proposal.cancel" } })).toMatchObject(
      {
        actorName: "system",
      },
    );
    // A rerun finds nothing to do.
    expect(await daily("2027-01-03T22:00:00Z")).toMatchObject({ effective: 0, cancelled: 0 });
  });
});
