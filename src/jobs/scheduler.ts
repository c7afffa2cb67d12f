// Scheduled work in the schedule's zone (WIT by default). Every instance registers the same tasks;
// the lease coordinator lets exactly one of them run each scheduled slot.
import cron, { type ScheduledTask } from "node-cron";
import type { Locale } from "../messages/locales/index.ts";
import type { Db } from "../db/client.ts";
import type { Clock } from "../domain/clock.ts";
import type { Logger } from "../logger.ts";
import { expireProposals } from "../use-cases/proposals/index.ts";
import { runBalancingCheck } from "../use-cases/balancing-check/index.ts";
import {
  expireConversations,
  runDailyLifecycle,
  queuePendingDigest,
  queueWorkloadReminders,
} from "../use-cases/lifecycle/index.ts";
import { instanceId, leaseRunCoordinator } from "../db/lease.ts";
import type { PlanMemo } from "../engine/plan-memo.ts";

export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: {
    SCHEDULE_TIMEZONE: string;
    WEEKLY_CHECK_CRON: string;
    DEFAULT_LOCALE: Locale;
    /** Told of proposals for an agency with no HR group, beside the ADMIN users. */
    ADMIN_TELEGRAM_IDS?: bigint[];
  };
  /** The process's plans remembered (engine/plan-memo.ts). */
  plans?: PlanMemo;
  /** This instance in the Lease table; defaults to host:pid:random. */
  holder?: string;
  /** Replaces the default task list (the scheduler's own tests run probes every second). */
  tasks?: ScheduledJob[];
}

export interface ScheduledJob {
  /** Stable across instances: it names the lease of each slot and the JobRun row. */
  name: string;
  cron: string;
  run(now: Date): Promise<unknown>;
}

export interface Scheduler {
  tasks: ScheduledTask[];
  stop(): Promise<void>;
}

/** How long a slot's claim outlives it, so a late instance (clock skew, slow start) still sees it taken. */
const SLOT_LEASE_MS = 6 * 60 * 60_000;

export function defaultJobs(deps: SchedulerDeps): ScheduledJob[] {
  const { db, clock, logger, config } = deps;
  const timeZone = config.SCHEDULE_TIMEZONE;
  const locale = config.DEFAULT_LOCALE;
  return [
    {
      name: "weekly-check",
      cron: config.WEEKLY_CHECK_CRON,
      run: () =>
        runBalancingCheck(db, clock, {
          trigger: "SCHEDULE",
          post: true,
          timeZone,
          locale,
          logger,
          admins: { ADMIN_TELEGRAM_IDS: config.ADMIN_TELEGRAM_IDS ?? [], DEFAULT_LOCALE: locale },
          plans: deps.plans,
        }),
    },
    // 06:00 WIT: retirements take effect and cuti / tugas belajar end on their day, before the digest.
    {
      name: "daily-lifecycle",
      cron: "0 6 * * *",
      run: (now) =>
        runDailyLifecycle(
          { db, logger },
          { now, timeZone, defaultLocale: locale, adminIds: config.ADMIN_TELEGRAM_IDS ?? [] },
        ),
    },
    // 07:00 WIT, before the working day: what still waits for a decision.
    {
      name: "pending-digest",
      cron: "0 7 * * *",
      run: (now) => db.$transaction((tx) => queuePendingDigest(tx, { now, timeZone, locale })),
    },
    // Mondays 09:00 WIT, an hour after the weekly check: heads who have not reported this month.
    {
      name: "workload-reminder",
      cron: "0 9 * * 1",
      run: (now) =>
        db.$transaction((tx) => queueWorkloadReminders(tx, { now, timeZone, defaultLocale: locale })),
    },
    {
      name: "expire-proposals",
      cron: "*/15 * * * *",
      run: (now) => db.$transaction((tx) => expireProposals(tx, { now, timeZone, locale })),
    },
    {
      name: "expire-conversations",
      cron: "* * * * *",
      run: (now) => expireConversations({ db, clock, logger, defaultLocale: locale }, now),
    },
  ];
}

/**
 * Registers the jobs with node-cron (zone, no overlap, one runner per slot across instances) and
 * records each run in JobRun for /healthz. `stop()` stops the timers and waits for running jobs.
 */
export function startScheduler(deps: SchedulerDeps): Scheduler {
  const { db, logger, clock } = deps;
  const coordinator = leaseRunCoordinator(db, deps.holder ?? instanceId());
  const running = new Set<Promise<unknown>>();
  const tasks = (deps.tasks ?? defaultJobs(deps)).map((job) =>
    cron.schedule(
      job.cron,
      () => {
        const work = runRecorded(db, logger, job, clock.now());
        running.add(work);
        return work.finally(() => running.delete(work));
      },
      {
        name: job.name,
        timezone: deps.config.SCHEDULE_TIMEZONE,
        noOverlap: true,
        distributed: true,
        runCoordinator: coordinator,
        distributedLease: SLOT_LEASE_MS,
      },
    ),
  );
  logger.info(
    { jobs: tasks.map((t) => t.name), timeZone: deps.config.SCHEDULE_TIMEZONE },
    "scheduler started",
  );
  return {
    tasks,
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await Promise.allSettled([...running]);
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}

/** Runs one job and records it; a failure is logged and recorded, never thrown into node-cron. */
async function runRecorded(db: Db, logger: Logger, job: ScheduledJob, now: Date): Promise<void> {
  const startedAt = new Date();
  await db.jobRun
    .upsert({
      where: { name: job.name },
      create: { name: job.name, startedAt },
      update: { startedAt, finishedAt: null, ok: null, error: null },
    })
    .catch((err: unknown) => logger.warn({ err, job: job.name }, "could not record job start"));
  try {
    const result = await job.run(now);
    await db.jobRun.update({ where: { name: job.name }, data: { finishedAt: new Date(), ok: true } });
    logger.info(
      { job: job.name, ms: Date.now() - startedAt.getTime(), result: summarize(result) },
      "job done",
    );
  } catch (error) {
    logger.error({ err: error, job: job.name }, "job failed");
    await db.jobRun
      .update({
        where: { name: job.name },
        data: {
          finishedAt: new Date(),
          ok: false,
          error: String((error as Error)?.message ?? error).slice(0, 1000),
        },
      })
      .catch(() => undefined);
  }
}

function summarize(result: unknown): unknown {
  if (typeof result === "number") return result;
  if (typeof result === "object" && result !== null && "runId" in result)
    return { runId: (result as { runId: unknown }).runId };
  return undefined;
}
