import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/errors.ts";
import { decideProposal, type DecideInput } from "../../src/use-cases/proposals/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { callbackUpdate, type ApiCall } from "../support/telegram.ts";
import { approverActor } from "../support/actors.ts";

describe.skipIf(skipPg)("decideProposal: concurrent decisions give one outcome", () => {
  const db = useTestDatabase();

  const now = new Date("2026-12-01T00:30:00Z");
  const input = (
    proposalId: number,
    userId: number,
    verdict: DecideInput["verdict"] = "APPROVE",
    reason?: string,
  ): DecideInput => ({
    proposalId,
    actor: approverActor(userId),
    now,
    timeZone: "Asia/Jayapura",
    locale: "id",
    verdict,
    reason,
  });
  const decide = (i: DecideInput) =>
    db.prisma.$transaction((tx) => decideProposal(tx, i), { timeout: 20_000 });

  it(`two approvers pressing at once with quorum 1: exactly one approval, the other told who decided`, async () => {
    const s = await seedHrDistrict(db.prisma);
    const results = await Promise.allSettled([
      decide(input(s.proposal.id, s.rina.id)),
      decide(input(s.proposal.id, s.yosef.id)),
    ]);

    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const proposal = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
    expect(proposal.status).toBe("APPROVED");
    const winner = proposal.decidedById === s.rina.id ? "Rina Kaize" : "Yosef Gebze";
    const error = lost[0]?.reason as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe("proposal_already_approved");
    expect(error.params).toEqual({ by: winner, at: "01-12-2026 09:30 WIT" });

    expect(await db.prisma.decision.count()).toBe(1);
    // The approval waits for the SK: nobody is moved, the one notice letter goes out (issue 15).
    expect(await db.prisma.transfer.count()).toBe(0);
    expect(await db.prisma.auditLog.count({ where: { action: "proposal.approve" } })).toBe(1);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it("an approval and a rejection at once: one outcome, never both", async () => {
    const s = await seedHrDistrict(db.prisma);
    const results = await Promise.allSettled([
      decide(input(s.proposal.id, s.rina.id)),
      decide(input(s.proposal.id, s.yosef.id, "REJECT", "Sekolah asal juga kekurangan guru IPA")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const proposal = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
    expect(["APPROVED", "REJECTED"]).toContain(proposal.status);
    expect(await db.prisma.decision.count()).toBe(1);
    expect(await db.prisma.outboxMessage.count({ where: { method: "sendDocument" } })).toBe(
      proposal.status === "APPROVED" ? 1 : 0,
    );
    expect(await db.prisma.transfer.count()).toBe(0);
  });

  it("two approvers pressing at once with quorum 2: both count and the proposal is approved once", async () => {
    const s = await seedHrDistrict(db.prisma, { quorum: 2 });
    const results = await Promise.all([
      decide(input(s.proposal.id, s.rina.id)),
      decide(input(s.proposal.id, s.yosef.id)),
    ]);
    expect(results.map((r) => r.kind).sort()).toEqual(["approved", "vote"]);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "APPROVED",
    });
    expect(await db.prisma.decision.count({ where: { verdict: "APPROVE" } })).toBe(2);
    expect(await db.prisma.outboxMessage.count({ where: { method: "sendDocument" } })).toBe(1);
  });

  it("two presses through the bot at once: one approval; the later press is told who decided and when", async () => {
    const s = await seedHrDistrict(db.prisma);
    const t = buildTestBot(db.prisma, { clock: fixedClock("2026-12-01T00:30:00Z") });
    await Promise.all([
      t.send(callbackUpdate(people.rina, `p:a:${s.proposal.id}`, { message_id: 500, chatId: HR_CHAT_ID })),
      t.send(callbackUpdate(people.yosef, `p:a:${s.proposal.id}`, { message_id: 500, chatId: HR_CHAT_ID })),
    ]);
    const answers = t.calls
      .filter((c: ApiCall) => c.method === "answerCallbackQuery")
      .map((c) => String(c.payload.text));
    expect(answers).toHaveLength(2);
    const proposal = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
    const winner = proposal.decidedById === s.rina.id ? "Rina Kaize" : "Yosef Gebze";
    expect(answers).toContain(`Usulan ini sudah disetujui oleh ${winner} pada 01-12-2026 09:30 WIT.`);
    expect(answers.filter((a) => a.startsWith("Usulan #1 disetujui"))).toHaveLength(1);
    expect(t.calls.filter((c) => c.method === "editMessageText")).toHaveLength(1);
    // Approved once, menunggu SK: Ani stays at the SMP until the TMT.
    expect(proposal.status).toBe("APPROVED");
    expect(await db.prisma.transfer.count()).toBe(0);
    expect(await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } })).toMatchObject({
      unitId: s.smp.id,
    });
  });

  it("a rejection without a valid reason is refused and nothing is recorded", async () => {
    const s = await seedHrDistrict(db.prisma);
    for (const reason of [undefined, "   ", "x".repeat(501)]) {
      await expect(decide(input(s.proposal.id, s.rina.id, "REJECT", reason))).rejects.toMatchObject({
        code: "reject_reason_invalid",
      });
    }
    expect(await db.prisma.decision.count()).toBe(0);
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });
  });

  it("an inactive approver, or an employee already moved elsewhere, changes nothing", async () => {
    const s = await seedHrDistrict(db.prisma);
    await db.prisma.user.update({ where: { id: s.yosef.id }, data: { active: false } });
    await expect(decide(input(s.proposal.id, s.yosef.id))).rejects.toMatchObject({ code: "not_hr_approver" });
    await db.prisma.employee.update({ where: { id: s.ani.id }, data: { unitId: s.sd.id } });
    await expect(decide(input(s.proposal.id, s.rina.id))).rejects.toMatchObject({
      code: "employee_moved",
      params: { unit: "SMP Negeri 2 Salor" },
    });
    expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).toMatchObject({
      status: "PENDING",
    });
    expect(await db.prisma.decision.count()).toBe(0);
    expect(await db.prisma.transfer.count()).toBe(0);
  });
});
