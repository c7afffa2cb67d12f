import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSendLimiter } from "../../src/delivery/limiter.ts";
import { enqueueMessage } from "../../src/delivery/outbox.ts";
import { startOutboxSender } from "../../src/delivery/sender.ts";
import { acquireLease } from "../../src/db/lease.ts";
import { queuePendingDigest } from "../../src/use-cases/lifecycle/index.ts";
import { startScheduler, type ScheduledJob } from "../../src/jobs/scheduler.ts";
import { createLogger } from "../../src/logger.ts";
import { startBotApiServer } from "../support/bot-api-server.ts";
import { onClock, simulatedClock, standInCallApi, waitForDrain } from "../support/delivery.ts";
import { skipPg } from "../support/db.ts";
import { fixedClock } from "../support/harness.ts";
import { createSharedDatabase, type SharedDatabase } from "../support/instances.ts";

const logger = createLogger("silent");
const config = {
  SCHEDULE_TIMEZONE: "Asia/Jayapura",
  WEEKLY_CHECK_CRON: "0 8 * * 1",
  DEFAULT_LOCALE: "id" as const,
};

describe.skipIf(skipPg)("two instances on one database", () => {
  let shared: SharedDatabase;
  beforeAll(async () => {
    shared = await createSharedDatabase();
  });
  afterAll(async () => {
    await shared?.close();
  });

  it("a lease has one holder at a time and passes on only when it lapses", async () => {
    const [a, b] = shared.instances;
    const t0 = new Date("2026-11-30T00:00:00Z");
    const results = await Promise.all([
      acquireLease(a, "probe", "a", 1000, t0),
      acquireLease(b, "probe", "b", 1000, t0),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? "a" : "b";
    const loser = winner === "a" ? "b" : "a";
    expect(await acquireLease(b, "probe", winner, 1000, new Date(t0.getTime() + 500))).toBe(true);
    expect(await acquireLease(a, "probe", loser, 1000, new Date(t0.getTime() + 1200))).toBe(false);
    expect(await acquireLease(a, "probe", loser, 1000, new Date(t0.getTime() + 1600))).toBe(true);
  });

  it("runs each scheduled job once per slot although both instances schedule it", async () => {
    const runs: Array<{ job: string; instance: string; slot: string }> = [];
    const probe = (name: string, instance: string): ScheduledJob => ({
      name,
      cron: "* * * * * *",
      run: async (now) => {
        runs.push({
          job: name,
          instance,
          slot: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
        });
        await sleep(50);
      },
    });
    const clock = { now: () => new Date() };
    const [a, b] = shared.instances;
    const schedulers = [
      startScheduler({
        db: a,
        clock,
        logger,
        config,
        holder: "instance-a",
        tasks: [probe("probe-one", "a"), probe("probe-two", "a")],
      }),
      startScheduler({
        db: b,
        clock,
        logger,
        config,
        holder: "instance-b",
        tasks: [probe("probe-one", "b"), probe("probe-two", "b")],
      }),
    ];
    await sleep(4500);
    await Promise.all(schedulers.map((s) => s.stop()));

    for (const job of ["probe-one", "probe-two"]) {
      const slots = runs.filter((r) => r.job === job).map((r) => r.slot);
      expect(slots.length).toBeGreaterThanOrEqual(3);
      expect(new Set(slots).size).toBe(slots.length);
    }
    const jobRuns = await a.jobRun.findMany({ orderBy: { name: "asc" } });
    expect(jobRuns.map((r) => [r.name, r.ok])).toEqual([
      ["probe-one", true],
      ["probe-two", true],
    ]);
  }, 20_000);

  it("runs the real scheduled jobs once: two instances, one digest per HR group", async () => {
    const [a, b] = shared.instances;
    const agency = await a.agency.create({ data: { code: "DISDIK", name: "Dinas Pendidikan" } });
    const role = await a.role.create({ data: { code: "GURU_KELAS", name: "Guru Kelas SD" } });
    const unit = await a.unit.create({ data: { code: "SDN-01", name: "SD Negeri 1", agencyId: agency.id } });
    const other = await a.unit.create({ data: { code: "SDN-02", name: "SD Negeri 2", agencyId: agency.id } });
    const employee = await a.employee.create({
      data: {
        nip: "198501012010011001",
        name: "Ani",
        unitId: unit.id,
        roleId: role.id,
        weeklyHours: 24,
        birthDate: new Date("1985-01-01"),
        postSince: new Date("2015-01-01"),
      },
    });
    await a.hrGroup.create({ data: { chatId: -100777n, agencyId: agency.id } });
    await a.proposal.create({
      data: {
        employeeId: employee.id,
        fromUnitId: unit.id,
        toUnitId: other.id,
        roleId: role.id,
        agencyId: agency.id,
        reason: "x",
        metrics: {},
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const clock = fixedClock();
    const digest = (db: typeof a): ScheduledJob[] => [
      {
        name: "pending-digest",
        cron: "* * * * * *",
        run: () =>
          db.$transaction((tx) =>
            queuePendingDigest(tx, { now: new Date(), timeZone: "Asia/Jayapura", locale: "id" }),
          ),
      },
    ];
    const counts: number[] = [];
    const wrap = (jobs: ScheduledJob[]) =>
      jobs.map((j) => ({ ...j, run: async (now: Date) => counts.push(Number(await j.run(now))) }));
    const schedulers = [
      startScheduler({ db: a, clock, logger, config, holder: "instance-a", tasks: wrap(digest(a)) }),
      startScheduler({ db: b, clock, logger, config, holder: "instance-b", tasks: wrap(digest(b)) }),
    ];
    await sleep(2500);
    await Promise.all(schedulers.map((s) => s.stop()));
    // One run per slot; the first queued the digest, later slots found it queued for today already.
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(counts.filter((c) => c === 1)).toHaveLength(1);
    expect(await a.outboxMessage.count({ where: { kind: "digest" } })).toBe(1);
  }, 20_000);

  it("sends each queued message once while both instances run a sender", async () => {
    const [a, b] = shared.instances;
    await a.outboxMessage.deleteMany();
    for (let i = 0; i < 120; i++) {
      await enqueueMessage(a, {
        dedupeKey: `two:${i}`,
        chatId: 8_000_000 + i,
        method: "sendMessage",
        payload: { text: `two ${i}` },
      });
    }
    // Both senders and the stand-in share one simulated clock (the stand-in's windows are on it too).
    const clock = simulatedClock();
    const server = await startBotApiServer({ now: clock.now });
    const sender = (db: typeof a, holder: string) =>
      startOutboxSender({
        db: onClock(db, clock),
        callApi: standInCallApi(server, clock),
        limiter: createSendLimiter({ clock }),
        logger,
        clock,
        holder,
        options: { senderLeaseMs: 2000, pollMs: 100 },
      });
    const senders = [sender(a, "instance-a"), sender(b, "instance-b")];
    try {
      await waitForDrain(a, 30_000, clock);
    } finally {
      await Promise.all(senders.map((s) => s.stop()));
      await server.close();
    }
    const texts = server
      .delivered()
      .map((c) => String(c.payload.text))
      .filter((t) => t.startsWith("two "));
    expect(texts).toHaveLength(120);
    expect(new Set(texts).size).toBe(120);
  }, 40_000);
});
