// Issue 24, "a semester in a test": the Salor demo lives with the bot for fourteen weeks on an
// injected clock. The scheduler's own weekly job runs every Monday 08:00 WIT and the daily lifecycle
// and expiry jobs every day; the HR team approves and rejects (for the school, and for the person)
// with the digest's buttons, the admin records an SK and lifts a rejection in a private chat, a
// teacher retires, a head reports a larger need. After every check the plan in flight must hold:
// the caps over the window, no rejected pair or person inside its cooldown, one proposal in flight
// per person, the pending set equal to the engine's optimum on the snapshot of that moment, nothing
// changed by a check that has nothing new to say, and the alert's figures equal to `status --json`.
import { describe, expect, it } from "vitest";
import { statusCommand } from "../../src/cli/commands/status.ts";
import { buildPlanInput } from "../../src/db/build-plan-input.ts";
import { planTransfers } from "../../src/domain/balance/index.ts";
import { IN_FLIGHT_STATUSES } from "../../src/domain/proposal-lifecycle.ts";
import { formatDate } from "../../src/domain/time.ts";
import { defaultJobs } from "../../src/jobs/scheduler.ts";
import { createLogger } from "../../src/logger.ts";
import { expireProposals } from "../../src/use-cases/proposals/index.ts";
import { reportWorkload } from "../../src/use-cases/units/index.ts";
import { seedDemo } from "../../src/use-cases/imports/index.ts";
import { testCli } from "../support/cli.ts";
import { skipPg, useTestDatabase } from "../support/db.ts";
import { runDailyAt } from "../support/decree.ts";
import { buildTestBot, fixedClock } from "../support/harness.ts";
import { HR_CHAT, HR_CHAT_ID } from "../support/hr-fixtures.ts";
import { callbackUpdate, sentTexts, textUpdate, type Person } from "../support/telegram.ts";

const TZ = "Asia/Jayapura";
const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Monday 4 January 2027, 08:00 WIT: the first weekly check of the semester. */
const START = new Date("2027-01-03T23:00:00Z");
const WEEKS = 14;
const CAP_PER_UNIT = 3;
const WINDOW_MONTHS = 12;
const COOLDOWN_MONTHS = 6;

const rina: Person = { id: 6001, first_name: "Rina", last_name: "Kaize", language_code: "id" };
const admin: Person = { id: 9001, first_name: "Admin" };

const monthsBefore = (date: Date, months: number) => {
  const earlier = new Date(date);
  earlier.setUTCMonth(earlier.getUTCMonth() - months);
  return earlier;
};

describe.skipIf(skipPg)("a semester of weekly checks on the Salor demo (issue 24)", () => {
  const db = useTestDatabase();

  it("keeps one coherent plan in flight for fourteen weeks", async () => {
    const prisma = db.prisma;
    const clock = fixedClock(START.toISOString());
    await prisma.$transaction((tx) => seedDemo(tx, { now: START, timeZone: TZ }), { timeout: 60_000 });
    const disdik = await prisma.agency.findUniqueOrThrow({ where: { code: "DISDIK" } });
    await prisma.hrGroup.create({
      data: { chatId: BigInt(HR_CHAT_ID), title: HR_CHAT.title, agencyId: disdik.id },
    });
    await prisma.user.create({
      data: {
        telegramId: BigInt(rina.id),
        name: "Rina Kaize",
        role: "HR_APPROVER",
        agencyId: disdik.id,
        locale: "id",
      },
    });
    const roles = await prisma.role.findMany();
    // A teaching role counts JP (lesson hours), the others jam, as the alert writes them.
    const jpRoles = new Set(roles.filter((r) => r.hoursUnit === "JP" || r.isTeacher).map((r) => r.code));
    const guruKelas = roles.find((r) => r.code === "GURU_KELAS");
    if (!guruKelas) throw new Error("the demo has no GURU_KELAS");

    // A class teacher of an SD reaches 60 in week 5 (a Wednesday): the daily job retires her.
    const retiring = await prisma.employee.findFirstOrThrow({
      where: { roleId: guruKelas.id, unit: { kind: "SD" } },
      orderBy: { nip: "asc" },
    });
    const retireOn = new Date(START.getTime() + 4 * WEEK + 2 * DAY);
    await prisma.employee.update({
      where: { id: retiring.id },
      data: {
        birthDate: new Date(
          Date.UTC(retireOn.getUTCFullYear() - 60, retireOn.getUTCMonth(), retireOn.getUTCDate() + 1),
        ),
      },
    });
    // The head of another SD, who reports a larger need in week 7.
    const reportingSd = await prisma.unit.findFirstOrThrow({
      where: { kind: "SD", id: { not: retiring.unitId } },
      orderBy: { code: "desc" },
    });
    const head = await prisma.user.create({
      data: { telegramId: 6104n, name: "Kepala SD", role: "UNIT_HEAD", unitId: reportingSd.id, locale: "id" },
    });

    const t = buildTestBot(prisma, { clock, adminIds: [BigInt(admin.id)] });
    const logger = createLogger("silent");
    const weekly = defaultJobs({
      db: prisma,
      clock,
      logger,
      config: { SCHEDULE_TIMEZONE: TZ, WEEKLY_CHECK_CRON: "0 8 * * 1", DEFAULT_LOCALE: "id" },
    }).find((job) => job.name === "weekly-check");
    if (!weekly) throw new Error("no weekly job");

    const inFlight = () =>
      prisma.proposal.findMany({
        where: { status: { in: [...IN_FLIGHT_STATUSES] } },
        include: { employee: true, toUnit: true, fromUnit: true, role: true },
        orderBy: { id: "asc" },
      });
    const pendingOf = async () => (await inFlight()).filter((p) => p.status === "PENDING");
    const digestsSent = () => prisma.outboxMessage.count({ where: { kind: "proposal-digest" } });
    const lastAlert = async () => {
      const row = await prisma.outboxMessage.findFirstOrThrow({
        where: { kind: "balancing-alert", chatId: BigInt(HR_CHAT_ID) },
        orderBy: { id: "desc" },
      });
      return String((row.payload as { text: string }).text);
    };
    const snapshotOfProposals = async () =>
      (await prisma.proposal.findMany({ orderBy: { id: "asc" } })).map((p) => ({
        id: p.id,
        status: p.status,
        version: p.version,
        employeeId: p.employeeId,
        toUnitId: p.toUnitId,
      }));

    /** Every invariant of the plan in flight, right after a check. */
    async function assertPlanInFlight(week: number) {
      const now = clock.now();
      const flying = await inFlight();
      // One proposal in flight per person.
      const people = flying.map((p) => p.employeeId);
      expect(new Set(people).size, `week ${week}: someone in two proposals`).toBe(people.length);

      // The caps over the window: moves in flight plus transfers effective in the last 12 months.
      const transfers = await prisma.transfer.findMany({
        where: { effectiveDate: { gte: monthsBefore(now, WINDOW_MONTHS) } },
      });
      const touching = new Map<number, number>();
      const touch = (unit: number) => touching.set(unit, (touching.get(unit) ?? 0) + 1);
      for (const p of flying) [p.fromUnitId, p.toUnitId].forEach(touch);
      for (const m of transfers) [m.fromUnitId, m.toUnitId].forEach(touch);
      for (const [unit, moves] of touching)
        expect(moves, `week ${week}: unit ${unit} has ${moves} moves in the window`).toBeLessThanOrEqual(
          CAP_PER_UNIT,
        );

      // No rejected pair or person comes back inside the cooldown (unless an admin lifted it).
      const rejections = await prisma.proposal.findMany({
        where: {
          status: "REJECTED",
          decidedAt: { gte: monthsBefore(now, COOLDOWN_MONTHS) },
          rejectionLiftedAt: null,
        },
      });
      for (const r of rejections) {
        const back = flying.filter(
          (p) =>
            p.status === "PENDING" &&
            p.employeeId === r.employeeId &&
            (r.rejectScope === "PERSON" || p.toUnitId === r.toUnitId),
        );
        expect(back, `week ${week}: rejection #${r.id} came back`).toEqual([]);
      }

      // The pending set is the engine's optimum on the snapshot of this moment (tiers with inFlight).
      const { input } = await buildPlanInput(prisma, { now, timeZone: TZ });
      const plan = await planTransfers(input, { timeLimitSeconds: 30 });
      expect(plan.metrics.tiersProven, `week ${week}: tiers`).toEqual([1, 2, 3, 4, 5]);
      expect(plan.dropped, `week ${week}: the plan in flight is not the optimum`).toEqual([]);
      const planned = plan.moves.map((m) => `${m.employee}→${m.to}:${m.role}`).sort();
      const pending = (await pendingOf())
        .map((p) => `${p.employee.nip}→${p.toUnit.code}:${p.role.code}`)
        .sort();
      expect(pending, `week ${week}: pending set`).toEqual(planned);

      // The alert's figures equal status --json: the shortage now, the committed and pending counts.
      const alert = await lastAlert();
      const cli = testCli(prisma, { clock: fixedClock(now.toISOString()) });
      await statusCommand.run(["--json"], cli.ctx);
      const status = JSON.parse(cli.out.join("\n")) as {
        units: Array<{
          code: string;
          agency: string;
          roles: Array<{ role: string; demand: number; capacity: number }>;
        }>;
        proposals: Array<{ status: string; to: string }>;
      };
      const ours = new Set(status.units.filter((u) => u.agency === "DISDIK").map((u) => u.code));
      const shortJp = status.units
        .filter((u) => ours.has(u.code))
        .flatMap((u) => u.roles)
        .filter((r) => jpRoles.has(r.role))
        .reduce((sum, r) => sum + Math.max(0, r.demand - r.capacity), 0);
      const now_ = /Kekurangan sekarang: <b>([\d.,]+) JP/.exec(alert)?.[1] ?? "";
      expect(Number(now_.replace(/\./g, "").replace(",", ".")), `week ${week}: shortage now`).toBeCloseTo(
        shortJp,
        6,
      );
      const count = (...states: string[]) =>
        status.proposals.filter((p) => states.includes(p.status) && ours.has(p.to)).length;
      expect(alert, `week ${week}: committed count`).toContain(
        `Setelah mutasi yang sudah disetujui atau ber-SK (${count("APPROVED", "DECREED")})`,
      );
      expect(alert, `week ${week}: pending count`).toContain(
        `Bila usulan yang menunggu keputusan (${count("PENDING")}) juga disetujui`,
      );
    }

    /** The days from `from` (exclusive) to `to` (inclusive) at 06:00 WIT: the daily jobs, in order. */
    async function liveDays(from: Date, to: Date) {
      for (let day = from.getTime() + DAY; day <= to.getTime(); day += DAY) {
        const at = new Date(day - 2 * 3_600_000); // 06:00 WIT on the day of the 08:00 check
        clock.set(at.toISOString());
        await runDailyAt(prisma, at.toISOString());
        await prisma.$transaction((tx) => expireProposals(tx, { now: at, timeZone: TZ, locale: "id" }));
      }
    }

    const press = (data: string, message = 700) =>
      t.send(callbackUpdate(rina, data, { message_id: message, chatId: HR_CHAT_ID, chatType: "supergroup" }));
    const rejected: Array<{ id: number; person: boolean }> = [];
    let approved: number | null = null;
    let lifted: number | null = null;

    for (let week = 1; week <= WEEKS; week++) {
      const monday = new Date(START.getTime() + (week - 1) * WEEK);
      if (week > 1) await liveDays(new Date(monday.getTime() - WEEK), monday);
      clock.set(monday.toISOString());
      const digestsBefore = await digestsSent();
      const result = (await weekly.run(monday)) as { proposals: unknown[]; kept: number; withdrawn: number };
      // After the first week the plan in flight carries over: most of it is kept, not proposed again.
      if (week > 1) expect(result.kept).toBeGreaterThan(result.proposals.length);
      await assertPlanInFlight(week);
      const pending = (await pendingOf()).filter((p) => p.agencyId === disdik.id);
      const message = 1000 + week;

      if (week === 1) {
        expect(pending.length).toBeGreaterThan(5);
        expect(await digestsSent()).toBe(digestsBefore + 1);

        // The same Monday, nothing decided: /cek in the group changes nothing and adds no button.
        const before = await snapshotOfProposals();
        clock.set(new Date(monday.getTime() + 2 * 3_600_000).toISOString());
        await t.send(textUpdate(rina, "/cek", HR_CHAT));
        expect(await snapshotOfProposals()).toEqual(before);
        expect(await digestsSent()).toBe(digestsBefore + 1);
        expect(await lastAlert()).toContain("Rencana yang berjalan tidak berubah");
        expect(sentTexts(t.calls).at(-1)).toMatch(
          /tidak ada usulan baru; \d+ usulan yang berjalan tetap berlaku, 0 ditarik/,
        );
        await assertPlanInFlight(week);

        // The team decides three: one approved, one rejected for the school, one for the person.
        const [first, second, third] = pending;
        if (!first || !second || !third) throw new Error("too few proposals");
        await press(`p:a:${first.id}`, message);
        approved = first.id;
        await press(`p:r:${second.id}`, message);
        await t.send(textUpdate(rina, "Guru matematika tidak berijazah PGSD", HR_CHAT));
        rejected.push({ id: second.id, person: false });
        await press(`p:r:${third.id}`, message);
        await t.send(textUpdate(rina, "Sedang dalam proses pemeriksaan disiplin", HR_CHAT));
        await press(`p:w:${third.id}`, message);
        rejected.push({ id: third.id, person: true });
        expect(await prisma.proposal.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({
          status: "REJECTED",
          rejectScope: "PERSON",
        });
      }

      if (week === 2) {
        // The admin records the SK of the approved move, TMT in week 4 (a Monday).
        const tmt = formatDate(new Date(monday.getTime() + 2 * WEEK + DAY), TZ);
        const today = formatDate(monday, TZ);
        await t.send(textUpdate(admin, `/sk ${approved} 800.1.6.2/11/BKPSDM/2027 ${today} ${tmt}`));
        expect(sentTexts(t.calls).at(-1)).toContain(`SK usulan #${approved} dicatat`);
        // Rincian of a later proposal for a person rejected for one school lists that rejection.
        const second = await prisma.proposal.findUniqueOrThrow({ where: { id: rejected[0]?.id ?? 0 } });
        const again = (await pendingOf()).find((p) => p.employeeId === second.employeeId);
        if (again) {
          expect(again.toUnitId).not.toBe(second.toUnitId);
          t.mark();
          await press(`p:d:${again.id}`, message);
          const details = sentTexts(t.since()).join("\n");
          expect(details).toContain("Penolakan sebelumnya");
          expect(details).toContain("Guru matematika tidak berijazah PGSD");
        }
      }

      if (week === 5) {
        const moved = await prisma.proposal.findUniqueOrThrow({ where: { id: approved ?? 0 } });
        expect(moved.status).toBe("EFFECTIVE");
      }
      if (week === 6) {
        expect(await prisma.employee.findUniqueOrThrow({ where: { id: retiring.id } })).toMatchObject({
          status: "PENSIUN",
        });
      }
      if (week === 7) {
        // The head reports two more rombel of class teachers for this month.
        const current = await prisma.workloadReport.findFirstOrThrow({
          where: { unitId: reportingSd.id, roleId: guruKelas.id },
          orderBy: { period: "desc" },
        });
        await prisma.$transaction((tx) =>
          reportWorkload(tx, {
            userId: head.id,
            period: "2027-02",
            roles: [
              {
                roleId: guruKelas.id,
                hoursNeeded: current.hoursNeeded + 48,
                rombel: (current.rombel ?? 6) + 2,
              },
            ],
            staffHours: [],
          }),
        );
      }
      if (week === 9) {
        // The admin lifts the person-wide rejection: the next check may propose them again.
        const person = rejected.find((r) => r.person);
        await t.send(textUpdate(admin, `/cabutpenolakan ${person?.id}`));
        expect(sentTexts(t.calls).at(-1)).toContain(`Penolakan usulan #${person?.id} dicabut`);
        lifted = person?.id ?? null;
      }
      if (week >= 10 && week % 2 === 0 && pending[0]) {
        // Later weeks: the team approves the oldest pending proposal of the week.
        await press(`p:a:${pending[0].id}`, message);
      }
    }

    expect(lifted).not.toBeNull();
    const audit = await prisma.auditLog.findMany({ where: { action: { startsWith: "proposal." } } });
    const actions = new Set(audit.map((a) => a.action));
    for (const action of [
      "proposal.approve",
      "proposal.reject",
      "proposal.reject_person",
      "proposal.rejection_lift",
    ])
      expect(actions).toContain(action);
  }, 900_000);
});
