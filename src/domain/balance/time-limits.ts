// The engine's time limit and the share of it kept back from the solver's stages, as `PlanOptions`
// gives them: one reading for the plan (index.ts) and the plan in flight (in-flight.ts).
import type { PlanOptions } from "./types.ts";

const DEFAULT_TIME_LIMIT_SECONDS = 60;
/** Share of the time limit kept for pairing the moves found and assembling the plan after the stages. */
const RESERVE_SHARE = 0.1;
const MOST_RESERVE_SHARE = 0.5;

/** The time limit, in seconds. */
export function timeLimitSeconds(options: PlanOptions): number {
  return options.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
}

/** The share of the limit kept back (`PlanOptions.reserveShare`: 0.1 by default, at most 0.5). */
export function reserveShare(options: PlanOptions): number {
  return Math.min(MOST_RESERVE_SHARE, Math.max(0, options.reserveShare ?? RESERVE_SHARE));
}
