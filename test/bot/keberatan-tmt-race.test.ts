// Issue 15, "pressing twice or racing gives one outcome": on the TMT morning an approver presses
// Terima on an open keberatan while the 06:00 WIT job carries the move out. Either the move takes
// effect (and the keberatan stays open, the approver told it can no longer cancel) or the proposal is
// cancelled (and the job leaves it alone): never both, never a transfer of a cancelled proposal.
// After a restart, the job again and a second press change nothing.
import { describe, expect, it } from "vitest";
import { runDailyAt } from "../support/decree.ts";
import { createInvite } from "../../src/use-cases/accounts/index.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { HR_CHAT_ID, people, seedHrDistrict } from "../support/hr-fixtures.ts";
import { buildTestBot, fixedClock, type TestBot } from "../support/harness.ts";
import { callbackUpdate, sentTexts, textUpdate, type Person } from "../support/telegram.ts";
import { lastAnswer } from "../support/unit-head-fixtures.ts";

const ani: Person = { id: 7001, first_name: "Ani", language_code: "id" };
const ADMINS = [BigInt(people.admin.id)];
const SK = "800.1.6.2/9/BKPSDM/2026";
const WORDS = "Saya merawat ibu saya yang sakit; mohon mutasi ini dibatalkan.";
/** 06:00 WIT on Monday 4 January 2027, the TMT; the keberatan deadline (30-12-2026) was before. */
const TMT_MORNING = "2027-01-03T21:00:00Z";

const last = (t: TestBot) => sentTexts(t.calls).at(-1) ?? "";
const inGroup = (who: Person, data: string) =>
  callbackUpdate(who, data, { message_id: 800, chatId: HR_CHAT_ID });

describe.skipIf(skipPg)("an upheld keberatan racing the TMT job: one outcome", () => {
  const db = useTestDatabase();

  const daily = (iso: string) => runDailyAt(db.prisma, iso, ADMINS);
  const restart = (iso: string) => buildTestBot(db.prisma, { clock: fixedClock(iso), adminIds: ADMINS });

  /** Ani joined; the team approved; the SK recorded with TMT 04-01-2027; her keberatan is open. */
  async function openKeberatan() {
    const s = await seedHrDistrict(db.prisma);
    let t = restart("2026-12-01T00:30:00Z");
    const invite = await createInvite(db.prisma, {
      target: { kind: "employee", nip: "198501012010012001" },
      createdBy: "cli",
      now: t.deps.clock.now(),
    });
    await t.send(textUpdate(ani, `/start ${invite.code}`));
    await t.send(inGroup(people.rina, `p:a:${s.proposal.id}`));
    await t.send(textUpdate(people.admin, `/sk ${s.proposal.id} ${SK} 01-12-2026 04-01-2027`));
    expect((await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } })).status).toBe(
      "DECREED",
    );
    t = restart("2026-12-02T00:30:00Z");
    await t.send(callbackUpdate(ani, `rs:k:${s.proposal.id}`, { message_id: 1000 }));
    await t.send(textUpdate(ani, WORDS));
    expect(last(t)).toContain("sudah dicatat");
    const response = await db.prisma.employeeResponse.findFirstOrThrow();
    expect(response).toMatchObject({ status: "OPEN", kind: "KEBERATAN" });
    return { s, response };
  }

  /** What the outcome left behind, for "nothing changes afterwards". */
  const snapshot = async () => ({
    outbox: await db.prisma.outboxMessage.count(),
    audit: await db.prisma.auditLog.count(),
    transfers: await db.prisma.transfer.count(),
    proposals: (await db.prisma.proposal.findMany({ orderBy: { id: "asc" } })).map((p) => [
      p.status,
      p.version,
    ]),
    responses: (await db.prisma.employeeResponse.findMany()).map((r) => [r.status, r.version]),
  });

  async function expectOneOutcome(s: Awaited<ReturnType<typeof openKeberatan>>["s"], responseId: number) {
    const proposal = await db.prisma.proposal.findUniqueOrThrow({ where: { id: s.proposal.id } });
    const response = await db.prisma.employeeResponse.findUniqueOrThrow({ where: { id: responseId } });
    const employee = await db.prisma.employee.findUniqueOrThrow({ where: { id: s.ani.id } });
    const actions = (await db.prisma.auditLog.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    if (proposal.status === "EFFECTIVE") {
      expect(response.status).toBe("OPEN");
      expect(employee.unitId).toBe(s.sd.id);
      expect(await db.prisma.transfer.count()).toBe(1);
      expect(actions).not.toContain("response.uphold");
      expect(actions).not.toContain("proposal.cancel");
    } else {
      expect(proposal.status).toBe("CANCELLED");
      expect(proposal.cancelReason).toBe(`keberatan diterima: ${WORDS}`);
      expect(response.status).toBe("UPHELD");
      expect(employee.unitId).toBe(s.smp.id);
      expect(await db.prisma.transfer.count()).toBe(0);
      expect(actions).not.toContain("transfer.create");
      expect(actions).not.toContain("proposal.effective");
    }
    return proposal.status;
  }

  it("the job first, then Terima: the move stands, the approver is told it can no longer be cancelled", async () => {
    const { s, response } = await openKeberatan();
    expect(await daily(TMT_MORNING)).toMatchObject({ effective: 1 });
    const t = restart("2027-01-03T21:05:00Z");
    await t.send(inGroup(people.yosef, `rd:u:${response.id}`));
    expect(lastAnswer(t.calls)).toBe(
      "Mutasi ini sudah berlaku (TMT 04-01-2027); usulan tidak dapat dibatalkan lagi. Untuk mengembalikan pegawai, buat usulan mutasi baru.",
    );
    expect(await expectOneOutcome(s, response.id)).toBe("EFFECTIVE");
  });

  it("Terima first, then the job: the proposal is cancelled and the job leaves it alone", async () => {
    const { s, response } = await openKeberatan();
    const t = restart("2027-01-03T20:55:00Z");
    await t.send(inGroup(people.yosef, `rd:u:${response.id}`));
    expect(lastAnswer(t.calls)).toBe(
      `Diterima: usulan #${s.proposal.id} dibatalkan dan pegawai diberi tahu.`,
    );
    expect(await daily(TMT_MORNING)).toMatchObject({ effective: 0, cancelled: 0 });
    expect(await expectOneOutcome(s, response.id)).toBe("CANCELLED");
  });

  it("both at once: exactly one lands; after a restart the job and a second press change nothing", async () => {
    const { s, response } = await openKeberatan();
    const t = restart(TMT_MORNING);
    const [, run] = await Promise.all([
      t.send(inGroup(people.yosef, `rd:u:${response.id}`)),
      daily(TMT_MORNING),
    ]);
    const outcome = await expectOneOutcome(s, response.id);
    expect(run.effective).toBe(outcome === "EFFECTIVE" ? 1 : 0);
    // The approver is answered either way: decided, or told the move already stands.
    expect(lastAnswer(t.calls)).toEqual(
      outcome === "EFFECTIVE"
        ? expect.stringMatching(/^Mutasi ini sudah berlaku/)
        : `Diterima: usulan #${s.proposal.id} dibatalkan dan pegawai diberi tahu.`,
    );

    const settled = await snapshot();
    const after = restart("2027-01-03T22:00:00Z");
    expect(await daily("2027-01-03T22:00:00Z")).toMatchObject({ effective: 0, cancelled: 0 });
    await after.send(inGroup(people.rina, `rd:u:${response.id}`));
    expect(lastAnswer(after.calls)).toMatch(
      outcome === "EFFECTIVE"
        ? /^Mutasi ini sudah berlaku/
        : /^Keberatan ini sudah diputuskan oleh Yosef Gebze/,
    );
    expect(await snapshot()).toEqual(settled);
  });
});
