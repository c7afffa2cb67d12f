import type { Db } from "../db/client.ts";
import type { Locale } from "../messages/locales/index.ts";
import type { Logger } from "../logger.ts";
import { endLapsedLeave } from "./leave-ends.ts";
import { processRetirements } from "./retirements.ts";

export interface DailyLifecycleRun {
  retired: number;
  noticed: number;
  returned: number;
}

/**
 * People change on their dates, not when someone remembers: retirements (and the month-ahead
 * notices) and the end of cuti / tugas belajar. Scheduled daily in WIT (jobs/scheduler.ts).
 */
export async function runDailyLifecycle(
  deps: { db: Db; logger: Logger },
  input: { now: Date; timeZone: string; defaultLocale: Locale },
): Promise<DailyLifecycleRun> {
  const { retired, noticed } = await processRetirements(deps.db, input);
  const returned = await endLapsedLeave(deps.db, input);
  if (retired + noticed + returned > 0) deps.logger.info({ retired, noticed, returned }, "people changed");
  return { retired, noticed, returned };
}
