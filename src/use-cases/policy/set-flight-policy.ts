import type { DbTx } from "../../db/client.ts";
import { writeAudit } from "../../db/audit.ts";
import {
  CAP_WINDOW_SETTING,
  readFlightPolicy,
  REJECTION_COOLDOWN_SETTING,
  type FlightPolicy,
} from "../../db/build-plan-input.ts";
import { putSetting } from "../../db/settings.ts";
import { DomainError } from "../../domain/errors.ts";

/** Most months either setting takes: five years, the longest a transfer plan looks ahead. */
export const FLIGHT_POLICY_MAX_MONTHS = 60;

const SETTING: Record<keyof FlightPolicy, string> = {
  capWindowMonths: CAP_WINDOW_SETTING,
  rejectionCooldownMonths: REJECTION_COOLDOWN_SETTING,
};

/**
 * Sets how many months moves count against the caps, or how long a rejection keeps a school or a
 * person out of later checks (issue 24), with an audit line. Whole months, 0 to 60.
 */
export async function setFlightPolicy(
  db: DbTx,
  input: { field: keyof FlightPolicy; months: number; actorName: string },
): Promise<{ before: number; after: number }> {
  if (!Number.isInteger(input.months) || input.months < 0 || input.months > FLIGHT_POLICY_MAX_MONTHS)
    throw new DomainError("flight_policy_months", { max: FLIGHT_POLICY_MAX_MONTHS });
  const before = (await readFlightPolicy(db))[input.field];
  await putSetting(db, SETTING[input.field], input.months);
  await writeAudit(db, {
    actorName: input.actorName,
    action: "policy.update",
    entity: "setting",
    entityId: SETTING[input.field],
    details: { before, after: input.months },
  });
  return { before, after: input.months };
}
