// Issue 15, parts 2 and 5: the election freeze holds at the button, and decisions carry weight
// (quorum 2 with three approvers, nobody decides about themselves, a late objection blocks approval
// until the team has reviewed it). Driven through the bot and the CLI, as people would.
import { describe, expect, it } from "vitest";
import { policyCommand } from "../../src/cli/commands/policy.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase, type TestDatabase } from "../support/db.ts";
import { HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate, type ApiCall, type Person } from "../support/telegram.ts";
import { buttonData } from "../support/unit-head-fixtures.ts";

const press = (who: Person, action: "a" | "r" | "d" | "v", proposalId: number) =>
  callbackUpdate(who, `p:${action}:${proposalId}`, { message_id: 500, chatId: HR_CHAT_ID });
const groupText = (who: Person, text: string) =>
  textUpdate(who, text, { id: HR_CHAT_ID, type: "supergroup" });
const lastAnswer = (calls: ApiCall[]) => {
  const call = calls.filter((c) => c.method === "answerCallbackQuery").at(-1);
  return { text: call?.payload.text, alert: call?.payload.show_alert };
};
const lastEdit = (calls: ApiCall[]) => calls.filter((c) => c.method === "editMessageText").at(-1);

async function cli(db: TestDatabase, args: string[]): Promise<string[]> {
  const run = testCli(db.prisma);
  await policyCommand.run(args, run.ctx);
  return run.out;
}

describe.skipIf(skipPg)("decisions with weight and a freeze that holds (issue 15)", () => {
  const db = useTestDatabase();

  it("in a freeze Setujui is refused with the reason and the end date; the Minister's approval lets it through", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    expect(
      await cli(db, ["blackout", "add", "25-11-2026", "09-12-2026", "Pilkada", "serentak", "2026"]),
    ).toEqual(["added: 1. 25-11-2026 – 09-12-2026  Pilkada serentak 2026  (approvals frozen)"]);
    const t = buildTestBot(db.prisma, { clock });

    await t.send(press(people.rina, "a", s.proposal.id));
    await t.send(press(people.rina, "a", s.proposal.id));
    expect(lastAnswer(t.calls)).toEqual({
      text: expect.stringContaining("Persetujuan mutasi dihentikan sampai 09-12-2026 (Pilkada serentak 2026"),
      alert: true,
    });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
      version: 1,
    });
    expect(await db.prisma.decision.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.approve" } })).toBe(0);
    expect(lastEdit(t.calls)).toBeUndefined();

    expect(
      await cli(db, ["blackout", "approve", "1", "--nomor", "100.2.2.6/1234/SJ", "--tanggal", "28-11-2026"]),
    ).toEqual([
      "approved: 1. 25-11-2026 – 09-12-2026  Pilkada serentak 2026  (Minister's approval 100.2.2.6/1234/SJ of 28-11-2026: approvals allowed)",
    ]);
    await t.send(press(people.rina, "a", s.proposal.id));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
    });
    const audit = await db.prisma.auditLog.findMany({
      where: { action: { startsWith: "policy.blackout" } },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [a.action, a.actorName])).toEqual([
      ["policy.blackout.add", "cli"],
      ["policy.blackout.approve", "cli"],
    ]);
    expect(audit[1]?.details).toMatchObject({
      approval: { nomor: "100.2.2.6/1234/SJ", tanggal: "2026-11-28" },
    });
  });

  it("rejecting stays possible in a freeze; /kebijakan shows the periods to an admin only", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    await cli(db, ["blackout", "add", "25-11-2026", "09-12-2026", "Pilkada 2026"]);
    await cli(db, ["blackout", "add", "01-01-2029", "31-03-2029", "Pemilu 2029"]);
    expect(await cli(db, ["blackout", "list"])).toEqual([
      "1. 25-11-2026 – 09-12-2026  Pilkada 2026  (approvals frozen)\n2. 01-01-2029 – 31-03-2029  Pemilu 2029  (approvals frozen)",
    ]);
    const t = buildTestBot(db.prisma, { clock, adminIds: [BigInt(people.admin.id)] });

    await t.send(press(people.rina, "r", s.proposal.id));
    await t.send(groupText(people.rina, "Menunggu masa pilkada selesai"));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "REJECTED",
    });

    await t.send(textUpdate(people.admin, "/kebijakan"));
    const shown = sentTexts(t.calls).at(-1);
    expect(shown).toContain("<b>Masa larangan mutasi</b> (UU 10/2016 Pasal 71 ayat 2): 2");
    expect(shown).toContain("1. 25-11-2026 s.d. 09-12-2026: Pilkada 2026. Persetujuan usulan dihentikan.");
    expect(shown).toContain("2. 01-01-2029 s.d. 31-03-2029: Pemilu 2029.");
    t.mark();
    await t.send(textUpdate(people.siti, "/kebijakan"));
    expect(sentTexts(t.since())).toEqual(["Kebijakan hanya untuk admin."]);

    expect(await cli(db, ["blackout", "remove", "2"])).toEqual([
      "removed: 2. 01-01-2029 – 31-03-2029  Pemilu 2029  (approvals frozen)",
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "policy.blackout.remove" } })).toBe(1);
  });

  it("the CLI refuses bad dates, an end before the start and an unknown number, changing nothing", async () => {
    await expect(cli(db, ["blackout", "add", "31-02-2026", "09-12-2026", "x"])).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining("«31-02-2026» is not a date"),
    });
    await expect(cli(db, ["blackout", "add", "09-12-2026", "01-12-2026", "x"])).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining("cannot be before"),
    });
    await expect(cli(db, ["blackout", "remove", "1"])).rejects.toMatchObject({
      exitCode: 1,
      message: "There is no blackout period number 1 (there are 0).",
    });
    await expect(cli(db, ["blackout", "approve", "1", "--nomor", "5"])).rejects.toMatchObject({
      exitCode: 2,
    });
    await expect(cli(db, ["blackout", "add", "01-12-2026"])).rejects.toMatchObject({ exitCode: 2 });
    expect(await cli(db, ["blackout", "list"])).toEqual(["no blackout periods"]);
    expect(await db.prisma.auditLog.count()).toBe(0);
  });

  it("nobody decides a proposal about themselves: a clear alert, nothing recorded", async () => {
    const s = await seedHrDistrict(db.prisma);
    // Rina is on the team and is also the teacher the proposal moves.
    await db.prisma.user.update({ where: { id: s.rina.id }, data: { employeeId: s.ani.id } });
    const t = buildTestBot(db.prisma);

    for (const action of ["a", "r"] as const) {
      await t.send(press(people.rina, action, s.proposal.id));
      expect(lastAnswer(t.calls)).toEqual({
        text: "Usulan ini tentang diri Anda sendiri; anggota tim yang lain yang memutuskan.",
        alert: true,
      });
    }
    expect(sentTexts(t.calls)).toHaveLength(0);
    expect(await db.prisma.decision.count()).toBe(0);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
      version: 1,
    });

    await t.send(press(people.yosef, "a", s.proposal.id));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
      decidedById: s.yosef.id,
    });
  });

  it("three approvers make the stored quorum 1 count as 2; racing approvals keep one outcome", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    const third: Person = { id: 6010, first_name: "Markus", last_name: "Kaize", language_code: "id" };
    await db.prisma.user.create({
      data: {
        telegramId: BigInt(third.id),
        name: "Markus Kaize",
        role: "HR_APPROVER",
        agencyId: s.agency.id,
      },
    });
    const t = buildTestBot(db.prisma, { clock });

    await t.send(press(people.rina, "a", s.proposal.id));
    expect(lastAnswer(t.calls)).toEqual({ text: "Persetujuan Anda dicatat (1 dari 2).", alert: undefined });
    expect(String(lastEdit(t.calls)?.payload.text)).toContain("👍 Disetujui 1 dari 2: Rina Kaize");
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });

    await Promise.all([
      t.send(press(people.yosef, "a", s.proposal.id)),
      t.send(press(third, "a", s.proposal.id)),
    ]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
    });
    // Approved once: one notice letter, nobody moved before the SK's TMT.
    expect(await db.prisma.outboxMessage.count({ where: { method: "sendDocument" } })).toBe(1);
    expect(await db.prisma.transfer.count()).toBe(0);
    expect(await db.prisma.decision.count({ where: { verdict: "APPROVE" } })).toBe(2);
  });

  it("a head's objection after the card is posted marks it and blocks approval until the team presses Sudah ditinjau", async () => {
    const clock = fixedClock("2026-12-01T00:30:00Z");
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock });

    // The SMP head (English) records an objection for Ani from /staff.
    await t.send(textUpdate(people.headSmp, "/staff"));
    await t.send(callbackUpdate(people.headSmp, buttonData(t.calls, "Ani Wulandari"), { message_id: 900 }));
    await t.send(textUpdate(people.headSmp, "Merawat orang tua yang sakit"));
    const edit = await db.prisma.outboxMessage.findFirstOrThrow({
      where: {
        method: "editMessageText",
        dedupeKey: { startsWith: `proposal:${s.proposal.id}:card:objection` },
      },
    });
    const card = edit.payload as { text: string; reply_markup: unknown };
    expect(card.text).toContain(
      "⚠️ <b>Keberatan dicatat</b> 01-12-2026 09:30 WIT: Merawat orang tua yang sakit",
    );
    expect(JSON.stringify(card.reply_markup)).toContain(`p:v:${s.proposal.id}`);

    clock.advance(600_000);
    t.mark();
    await t.send(press(people.rina, "a", s.proposal.id));
    expect(lastAnswer(t.since())).toEqual({
      text: expect.stringContaining(
        "Kepala unit mencatat keberatan setelah usulan dikirim (Merawat orang tua",
      ),
      alert: true,
    });
    expect(await db.prisma.decision.count()).toBe(0);

    await Promise.all([
      t.send(press(people.yosef, "v", s.proposal.id)),
      t.send(press(people.rina, "v", s.proposal.id)),
    ]);
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.objection_reviewed" } })).toBe(1);
    const answers = t
      .since()
      .filter((c) => c.method === "answerCallbackQuery")
      .map((c) => c.payload.text);
    expect(answers).toContain(
      "Keberatan pada usulan #" + s.proposal.id + " ditandai sudah ditinjau; usulan dapat disetujui.",
    );
    expect(answers).toContain("Tidak ada keberatan yang menunggu tinjauan pada usulan ini.");
    const reviewed = lastEdit(t.since());
    expect(String(reviewed?.payload.text)).toContain("(sudah ditinjau tim)");
    expect(JSON.stringify(reviewed?.payload.reply_markup)).not.toContain("p:v:");

    await t.send(press(people.rina, "a", s.proposal.id));
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
    });
  });
});
