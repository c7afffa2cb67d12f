/**
 * The proposal lifecycle of DESIGN.md: PENDING → APPROVED (the team's advice, menunggu SK) → DECREED
 * (SK number, date, TMT) → EFFECTIVE (the move carried out on the TMT); REJECTED, EXPIRED, SUPERSEDED
 * and CANCELLED end it.
 */
export const IN_FLIGHT_STATUSES = ["PENDING", "APPROVED", "DECREED"] as const;
export type InFlightStatus = (typeof IN_FLIGHT_STATUSES)[number];

/** Decided by the team but not yet carried out: the person counts as at the destination already. */
export const AWAITING_EFFECT_STATUSES = ["APPROVED", "DECREED"] as const;
