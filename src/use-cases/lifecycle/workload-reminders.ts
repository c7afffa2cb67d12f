import { isLocale, translate, type Locale } from "../../messages/locales/index.ts";
import type { DbTx } from "../../db/client.ts";
import { enqueueMessage, PRIORITY } from "../../delivery/outbox.ts";
import { localDate, periodOf } from "../../domain/time.ts";

/**
 * Reminds each active unit head whose unit has not reported its workload for this period (a month
 * in WIT): the weekly check then runs on current figures instead of assumptions. One reminder per
 * head and day at most (dedupe key), however often the job runs.
 */
export async function queueWorkloadReminders(
  db: DbTx,
  input: { now: Date; timeZone: string; defaultLocale: Locale },
): Promise<number> {
  const period = periodOf(input.now, input.timeZone);
  const today = localDate(input.now, input.timeZone).toISOString().slice(0, 10);
  const heads = await db.user.findMany({
    where: {
      role: "UNIT_HEAD",
      active: true,
      unitId: { not: null },
      unit: { workloadReports: { none: { period } } },
    },
    include: { unit: true },
    orderBy: { id: "asc" },
  });
  let queued = 0;
  for (const head of heads) {
    if (!head.unit) continue;
    const locale = isLocale(head.locale) ? head.locale : input.defaultLocale;
    const added = await enqueueMessage(db, {
      dedupeKey: `reminder:workload:${head.id}:${period}:${today}`,
      chatId: head.telegramId,
      method: "sendMessage",
      payload: {
        text: translate(locale, "check.reminder", { unit: head.unit.name, period }),
      },
      priority: PRIORITY.bulk,
      kind: "reminder",
    });
    if (added) queued += 1;
  }
  return queued;
}
