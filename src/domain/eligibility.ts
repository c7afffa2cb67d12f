/** Transfer eligibility: PP 11/2017 Pasal 190–191 (tenure), BUP (retirement age), objections. */
export interface TransferPolicy {
  /** At least 2 years in the post before a transfer. */
  minMonthsInPost: number;
  /** Do not propose anyone within 12 months of the retirement age (BUP). */
  retirementBufferMonths: number;
  /** An employee with a recorded objection is proposed only when policy says so. */
  proposeDespiteObjection: boolean;
}

export const DEFAULT_TRANSFER_POLICY: TransferPolicy = {
  minMonthsInPost: 24,
  retirementBufferMonths: 12,
  proposeDespiteObjection: false,
};

export interface EligibilityInput {
  birthDate: Date;
  postSince: Date;
  retirementAge: number;
  objection: boolean;
  active: boolean;
  hasPendingProposal: boolean;
}

export type IneligibleReason = "inactive" | "tenure" | "retirement" | "objection" | "pending";

export interface Eligibility {
  eligible: boolean;
  reasons: IneligibleReason[];
  monthsInPost: number;
  monthsToRetirement: number;
  /** The person's BUP and the day they reach it (birth date + BUP), as the retirement job reads them. */
  retirementAge: number;
  retirementDate: Date;
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: Date, to: Date): number {
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  if (to.getUTCDate() < from.getUTCDate()) months -= 1;
  return months;
}

export function retirementDate(birthDate: Date, retirementAge: number): Date {
  return new Date(
    Date.UTC(birthDate.getUTCFullYear() + retirementAge, birthDate.getUTCMonth(), birthDate.getUTCDate()),
  );
}

export function checkEligibility(
  person: EligibilityInput,
  now: Date,
  policy: TransferPolicy = DEFAULT_TRANSFER_POLICY,
): Eligibility {
  const monthsInPost = monthsBetween(person.postSince, now);
  const retires = retirementDate(person.birthDate, person.retirementAge);
  const monthsToRetirement = monthsBetween(now, retires);
  const reasons: IneligibleReason[] = [];
  if (!person.active) reasons.push("inactive");
  if (monthsInPost < policy.minMonthsInPost) reasons.push("tenure");
  if (monthsToRetirement < policy.retirementBufferMonths) reasons.push("retirement");
  if (person.objection && !policy.proposeDespiteObjection) reasons.push("objection");
  if (person.hasPendingProposal) reasons.push("pending");
  return {
    eligible: reasons.length === 0,
    reasons,
    monthsInPost,
    monthsToRetirement,
    retirementAge: person.retirementAge,
    retirementDate: retires,
  };
}
