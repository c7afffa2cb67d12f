import type { Db } from "../../db/client.ts";
import type { Locale } from "../../messages/locales/index.ts";
import type { Logger } from "../../logger.ts";
import { endLapsedLeave } from "./leave-ends.ts";
import { processRetirements } from "./retirements.ts";
import { takeDecreesEffect } from "../decrees/index.ts";

export interface DailyLifecycleRun {
  retired: number;
  noticed: number;
  returned: number;
  /** Decreed moves carried out on their TMT, and those cancelled because the person left or moved. */
  effective: number;
  cancelled: number;
}

/**
 * People change on their dates, not when someone remembers: retirements (and the month-ahead
 * notices), the end of cuti / tugas belajar, and decreed transfers on their TMT (after retirements,
 * so a person retired today is not moved). Scheduled daily in WIT (jobs/scheduler.ts).
 */
export async function runDailyLifecycle(
  deps: { db: Db; logger: Logger },
  input: { now: Date; timeZone: string; defaultLocale: Locale; adminIds?: readonly bigint[] },
): Promise<DailyLifecycleRun> {
  const { retired, noticed } = await processRetirements(deps.db, input);
  const returned = await endLapsedLeave(deps.db, input);
  const { effective, cancelled } = await takeDecreesEffect(deps.db, {
    now: input.now,
    timeZone: input.timeZone,
    locale: input.defaultLocale,
    ...(input.adminIds ? { adminIds: input.adminIds } : {}),
  });
  const run = { retired, noticed, returned, effective, cancelled };
  if (retired + noticed + returned + effective + cancelled > 0) deps.logger.info(run, "people changed");
  return run;
}
