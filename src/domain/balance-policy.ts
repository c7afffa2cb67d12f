// The balancing policy's rules: its defaults and how a stored setting is read over them. Pure; the
// settings themselves are read by db/build-plan-input.ts.
import { z } from "zod";
import type { PlanPolicy } from "./balance/index.ts";
import { DEFAULT_TRANSFER_POLICY, type TransferPolicy } from "./eligibility.ts";

/**
 * Defaults of the balancing policy: at most 3 moves touching a unit, 120 km a move, no total bound, and
 * no separate bound on moves out or in (v2; `maxMovesPerUnit` still bounds in + out).
 */
export const DEFAULT_BALANCE_POLICY: Required<PlanPolicy> = {
  maxMovesPerUnit: 3,
  maxDistanceKm: 120,
  maxMoves: null,
  maxMovesOutPerUnit: null,
  maxMovesInPerUnit: null,
};

const bound = z.number().nonnegative().nullable().optional();
const count = z.number().int().nonnegative().nullable().optional();
const POLICY_FIELDS = [
  "maxMovesPerUnit",
  "maxDistanceKm",
  "maxMoves",
  "maxMovesOutPerUnit",
  "maxMovesInPerUnit",
] as const;
const balancePolicySchema = z.object({
  maxMovesPerUnit: count.catch(undefined),
  maxDistanceKm: bound.catch(undefined),
  maxMoves: count.catch(undefined),
  maxMovesOutPerUnit: count.catch(undefined),
  maxMovesInPerUnit: count.catch(undefined),
});

/**
 * A stored "policy.balance" over the defaults; a malformed field falls back to its default, the others
 * still apply (null means no bound).
 */
export function balancePolicyFrom(stored: unknown): Required<PlanPolicy> {
  const parsed = balancePolicySchema.safeParse(stored);
  const fields = parsed.success ? parsed.data : {};
  const policy = { ...DEFAULT_BALANCE_POLICY };
  for (const name of POLICY_FIELDS) {
    const value = fields[name];
    if (value !== undefined) policy[name] = value;
  }
  return policy;
}

/** A stored minimum of months in post over the transfer policy's default. */
export function transferPolicyFrom(minMonthsInPost: unknown): TransferPolicy {
  return typeof minMonthsInPost === "number" && minMonthsInPost >= 0
    ? { ...DEFAULT_TRANSFER_POLICY, minMonthsInPost }
    : DEFAULT_TRANSFER_POLICY;
}

/** How long moves count against the caps, and how long a rejection keeps a pair or a person out. */
export interface FlightPolicy {
  capWindowMonths: number;
  rejectionCooldownMonths: number;
}

export const DEFAULT_FLIGHT_POLICY: FlightPolicy = { capWindowMonths: 12, rejectionCooldownMonths: 6 };

/** A stored number of months, or the default when it is not a whole number of zero or more. */
export function monthsFrom(stored: unknown, fallback: number): number {
  return typeof stored === "number" && Number.isInteger(stored) && stored >= 0 ? stored : fallback;
}

/** The same instant `months` calendar months earlier. */
export function monthsBefore(now: Date, months: number): Date {
  const earlier = new Date(now);
  earlier.setUTCMonth(earlier.getUTCMonth() - months);
  return earlier;
}
