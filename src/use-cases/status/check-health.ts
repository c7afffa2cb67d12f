import type { DbTx } from "../../db/client.ts";

/** A due outbox message left unclaimed this long means nobody is sending (the sender claims within seconds). */
export const MAX_BACKLOG_AGE_MS = 15 * 60_000;

/** What /healthz answers; `ok: false` is served as 503 so a load balancer or Docker takes the instance out. */
export interface HealthReport {
  ok: boolean;
  /** Present while start-up still waits on Telegram (getMe, webhook or polling); `ok` is then false. */
  status?: "starting";
  database: "up" | "down";
  /** The scheduled job that started last, and how it ended (`ok: null` while it runs). */
  lastScheduledRun: { name: string; at: string; ok: boolean | null } | null;
  /** PENDING outbox messages, due or not. */
  outboxBacklog: number;
  /** Seconds the oldest due PENDING message has waited to be claimed; null when none is due. */
  outboxOldestDueSeconds: number | null;
  /** Messages Telegram refused for good (DEAD); they need a person, not a restart. */
  deadLetters: number;
}

/**
 * Database reachable, last scheduled run, outbox backlog. The sender pushes `nextAttemptAt` forward
 * when it claims a message, so a due message that stays due for long means the sender is stalled or
 * gone, not merely busy or waiting out a retry. While start-up retries Telegram the report says
 * `status: "starting"` and is served as 503.
 */
export async function checkHealth(
  db: DbTx,
  now = new Date(),
  phase: "starting" | "running" = "running",
): Promise<HealthReport> {
  const report = await inspect(db, now);
  // Alive but not ready: the process waits out Telegram instead of exiting into a restart loop.
  return phase === "starting" ? { status: "starting", ...report, ok: false } : report;
}

async function inspect(db: DbTx, now: Date): Promise<HealthReport> {
  try {
    await db.$queryRaw`SELECT 1`;
    const [lastRun, outboxBacklog, oldestDue, deadLetters] = await Promise.all([
      db.jobRun.findFirst({ orderBy: { startedAt: "desc" } }),
      db.outboxMessage.count({ where: { status: "PENDING" } }),
      db.outboxMessage.findFirst({
        where: { status: "PENDING", nextAttemptAt: { lte: now } },
        orderBy: { nextAttemptAt: "asc" },
        select: { nextAttemptAt: true },
      }),
      db.outboxMessage.count({ where: { status: "DEAD" } }),
    ]);
    const oldestDueMs = oldestDue ? now.getTime() - oldestDue.nextAttemptAt.getTime() : null;
    return {
      ok: oldestDueMs === null || oldestDueMs <= MAX_BACKLOG_AGE_MS,
      database: "up",
      lastScheduledRun: lastRun
        ? { name: lastRun.name, at: (lastRun.finishedAt ?? lastRun.startedAt).toISOString(), ok: lastRun.ok }
        : null,
      outboxBacklog,
      outboxOldestDueSeconds: oldestDueMs === null ? null : Math.round(oldestDueMs / 1000),
      deadLetters,
    };
  } catch {
    return {
      ok: false,
      database: "down",
      lastScheduledRun: null,
      outboxBacklog: 0,
      outboxOldestDueSeconds: null,
      deadLetters: 0,
    };
  }
}
