// Issue 15, item 4: an approved or decreed proposal cancelled before its TMT, by an admin in a private
// chat (/batalusulan) or the operator at the CLI (proposal cancel); a second cancellation and a race
// with the TMT job give one outcome.
import { describe, expect, it } from "vitest";
import { proposalCommand } from "../../src/cli/commands/proposal.ts";
import { runDailyAt } from "../support/decree.ts";
import { cancelProposal } from "../../src/use-cases/proposals/index.ts";
import { takeDecreeEffect } from "../../src/use-cases/decrees/index.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate, type ApiCall } from "../support/telegram.ts";

const ani = { id: 7001, first_name: "Ani", language_code: "id" };
const ADMINS = [BigInt(people.admin.id)];
const SK = "800.1.6.2/123/BKPSDM/2026";
const lastText = (calls: ApiCall[]) => sentTexts(calls).at(-1);

describe.skipIf(skipPg)("cancelling a proposal before it takes effect (issue 15)", () => {
  const db = useTestDatabase();

  const proposalOf = (id: number) => db.prisma.proposal.findUniqueOrThrow({ where: { id } });
  const cli = async (args: string[], iso = "2026-12-03T01:00:00Z") => {
    const run = testCli(db.prisma, { clock: fixedClock(iso) });
    await proposalCommand.run(args, run.ctx);
    return run.out;
  };

  /** Ani joined; the team approved her move at 08:30 WIT on 2 December; optionally the SK recorded. */
  async function approved(options: { decreed?: boolean } = {}) {
    const s = await seedHrDistrict(db.prisma);
    await db.prisma.user.create({
      data: { telegramId: BigInt(ani.id), name: "Ani Wulandari", role: "EMPLOYEE", employeeId: s.ani.id },
    });
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-01T23:30:00Z"), adminIds: ADMINS });
    await t.send(
      callbackUpdate(people.rina, `p:a:${s.proposal.id}`, { message_id: 500, chatId: HR_CHAT_ID }),
    );
    if (options.decreed)
      await t.send(textUpdate(people.admin, `/sk ${s.proposal.id} ${SK} 02-12-2026 04-01-2027`));
    expect((await proposalOf(s.proposal.id)).status).toBe(options.decreed ? "DECREED" : "APPROVED");
    return s;
  }

  it("/batalusulan by an admin cancels with the reason; the person, both heads and the card are told; a second is refused", async () => {
    const s = await approved();
    // A restart between the approval and the cancellation.
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-03T01:00:00Z"), adminIds: ADMINS });
    const id = s.proposal.id;

    await t.send(textUpdate(people.siti, `/batalusulan ${id} Pegawai sakit`));
    expect(lastText(t.calls)).toBe("Hanya admin yang dapat mencatat SK atau membatalkan usulan.");
    await t.send(textUpdate(people.admin, `/batalusulan ${id}`));
    expect(lastText(t.calls)).toContain("Cara pakai: /batalusulan &lt;id_usulan&gt; &lt;alasan&gt;");
    await t.send(textUpdate(people.admin, `/batalusulan ${id} ${"x".repeat(501)}`));
    expect(lastText(t.calls)).toBe("Tulis alasan pembatalan (1–500 karakter).");
    expect(await proposalOf(id)).toMatchObject({ status: "APPROVED", version: 2 });

    await t.send(textUpdate(people.admin, `/batalusulan ${id} Pegawai sakit berat & dirawat`));
    expect(lastText(t.calls)).toBe(
      `Usulan #${id} dibatalkan (Ani Wulandari: SMP Negeri 2 Salor → SD Negeri 1 Salor). Alasan: Pegawai sakit berat &amp; dirawat`,
    );
    expect(await proposalOf(id)).toMatchObject({
      status: "CANCELLED",
      version: 3,
      cancelReason: "Pegawai sakit berat & dirawat",
    });
    const told = await db.prisma.outboxMessage.findMany({
      where: { dedupeKey: { startsWith: `proposal:${id}:cancelled:` } },
      orderBy: { id: "asc" },
    });
    expect(told.map((m) => Number(m.chatId))).toEqual([people.siti.id, people.headSmp.id, ani.id]);
    expect((told[2]?.payload as { text: string }).text).toContain(
      "tetap di SMP Negeri 2 Salor, tidak pindah ke SD Negeri 1 Salor",
    );
    const card = await db.prisma.outboxMessage.findFirstOrThrow({
      where: { dedupeKey: `proposal:${id}:card:cancelled` },
    });
    expect((card.payload as { text: string }).text).toContain(
      "❎ <b>Dibatalkan</b> pada 03-12-2026 10:00 WIT",
    );
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { action: "proposal.cancel" } })).toMatchObject(
      {
        actorName: "Admin",
      },
    );

    await t.send(textUpdate(people.admin, `/batalusulan ${id} lagi`));
    expect(lastText(t.calls)).toBe("Usulan ini sudah dibatalkan (03-12-2026 10:00 WIT).");
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.cancel" } })).toBe(1);
    expect((await proposalOf(id)).version).toBe(3);
    // The team can no longer act on it either.
    const group = buildTestBot(db.prisma, { clock: fixedClock("2026-12-03T02:00:00Z") });
    await group.send(callbackUpdate(people.yosef, `p:a:${id}`, { message_id: 500, chatId: HR_CHAT_ID }));
    const alert = group.calls.find((c) => c.method === "answerCallbackQuery");
    expect(alert?.payload.text).toBe("Usulan ini sudah dibatalkan (03-12-2026 10:00 WIT).");
  });

  it("proposal cancel at the CLI cancels a decreed proposal, and the TMT job then leaves it alone", async () => {
    const s = await approved({ decreed: true });
    const id = String(s.proposal.id);
    await expect(cli(["cancel", id])).rejects.toMatchObject({ exitCode: 2 });
    await expect(cli(["cancel", id, "--reason"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(cli(["cancel", "abc", "--reason", "x"])).rejects.toMatchObject({ exitCode: 2 });
    await expect(cli(["cancel", "999", "--reason", "x"])).rejects.toMatchObject({
      exitCode: 1,
      message: "This proposal was not found.",
    });

    expect(await cli(["cancel", id, "--reason", "SK dicabut oleh Bupati"])).toEqual([
      `cancelled: proposal #${id} 198501012010012001 Ani Wulandari SMPN-02 → SDN-01: SK dicabut oleh Bupati`,
    ]);
    expect(await db.prisma.auditLog.findFirstOrThrow({ where: { action: "proposal.cancel" } })).toMatchObject(
      {
        actorName: "cli",
        details: expect.objectContaining({ was: "DECREED", skNumber: SK, source: "cli" }),
      },
    );
    await expect(cli(["cancel", id, "--reason", "lagi"])).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining("This proposal was already cancelled"),
    });

    const run = await runDailyAt(db.prisma, "2027-01-03T21:00:00Z");
    expect(run).toMatchObject({ effective: 0, cancelled: 0 });
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).toMatchObject({
      unitId: s.smp.id,
    });
    expect(await db.prisma.transfer.count()).toBe(0);
  });

  it("after the TMT it is a done move: cancelling is refused; a pending one is rejected instead", async () => {
    const s = await approved({ decreed: true });
    await runDailyAt(db.prisma, "2027-01-03T21:00:00Z");
    expect((await proposalOf(s.proposal.id)).status).toBe("EFFECTIVE");
    await expect(cli(["cancel", String(s.proposal.id), "--reason", "terlambat"])).rejects.toMatchObject({
      exitCode: 1,
      message: "This transfer is already in effect (its TMT has passed); it can no longer be cancelled.",
    });
    await db.prisma.proposal.update({ where: { id: s.proposal.id }, data: { status: "PENDING" } });
    await expect(cli(["cancel", String(s.proposal.id), "--reason", "x"])).rejects.toMatchObject({
      exitCode: 1,
      message: "The team has not decided this proposal yet; reject it with the Reject button.",
    });
  });

  it("a cancellation racing the TMT job: exactly one of them lands", async () => {
    const s = await approved({ decreed: true });
    const now = new Date("2027-01-03T21:00:00Z");
    const input = { now, timeZone: "Asia/Jayapura", locale: "id" as const };
    const results = await Promise.allSettled([
      db.prisma.$transaction((tx) => takeDecreeEffect(tx, { ...input, proposalId: s.proposal.id })),
      db.prisma.$transaction((tx) =>
        cancelProposal(tx, {
          ...input,
          proposalId: s.proposal.id,
          actor: { id: null, name: "cli" },
          reason: "dibatalkan",
        }),
      ),
    ]);
    const proposal = await proposalOf(s.proposal.id);
    const transfers = await db.prisma.transfer.count();
    if (proposal.status === "EFFECTIVE") {
      expect(results[0]).toMatchObject({ status: "fulfilled", value: "effective" });
      expect(results[1]).toMatchObject({ status: "rejected", reason: { code: "cancel_effective" } });
      expect(transfers).toBe(1);
    } else {
      expect(proposal.status).toBe("CANCELLED");
      expect(results[0]).toMatchObject({ status: "fulfilled", value: "not_due" });
      expect(results[1]).toMatchObject({ status: "fulfilled" });
      expect(transfers).toBe(0);
    }
    expect(proposal.version).toBe(4);
  });
});
