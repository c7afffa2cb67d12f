import type { DbTx } from "../db/client.ts";
import { buildPlanInput } from "../db/build-plan-input.ts";
import type { District } from "../db/read-district.ts";
import { getBlackouts } from "../db/settings.ts";
import { approvalFrozenOn, type Blackout } from "../domain/blackout.ts";
import { planTransfers, type Plan, type PlanInput } from "../domain/balance/index.ts";
import type { Clock } from "../domain/clock.ts";
import { localDate } from "../domain/time.ts";

// HiGHS runs on the event loop: bound it so a large district cannot stall the bot for a minute.
// Salor (about 400 people) is proved optimal in a fraction of a second; see BENCHMARKS.md.
const CHECK_TIME_LIMIT_SECONDS = 20;

export interface BalancingPlan {
  /** The district as the engine read it (codes, NIP) and as the database holds it (ids, rows). */
  input: PlanInput;
  district: District;
  plan: Plan;
}

/**
 * The election freeze (UU 10/2016 Pasal 71(2)) covering today's date in the schedule's zone, if any;
 * a period for which the Minister's written approval is recorded does not stop the check.
 */
export async function activeBlackout(db: DbTx, clock: Clock, timeZone: string): Promise<Blackout | null> {
  const today = localDate(clock.now(), timeZone).toISOString().slice(0, 10);
  return approvalFrozenOn(await getBlackouts(db), today);
}

/** Reads the district and runs the engine on it; stores nothing. */
export async function computeBalancingPlan(
  db: DbTx,
  clock: Clock,
  options: { timeZone: string },
): Promise<BalancingPlan> {
  const { input, district } = await buildPlanInput(db, { now: clock.now(), timeZone: options.timeZone });
  const plan = await planTransfers(input, { locale: "id", timeLimitSeconds: CHECK_TIME_LIMIT_SECONDS });
  return { input, district, plan };
}
