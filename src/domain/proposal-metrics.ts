import { z } from "zod";

/**
 * What the balancing check stores in Proposal.metrics and the card shows. Loads are demand over
 * capacity of the unit in the proposal's role; null means demand with nobody to do it (an infinite
 * ratio, which JSON cannot hold).
 */
export interface ProposalMetrics {
  fromLoadBefore: number | null;
  fromLoadAfter: number | null;
  toLoadBefore: number | null;
  toLoadAfter: number | null;
  /** Great-circle distance between the two units; 0 when either lacks coordinates. */
  distanceKm: number;
  monthsInPost: number;
  /** Weekly hours of the destination's unmet demand this move covers. */
  unmetFilledHours: number;
  /** The roles the loads are of (the person's role at the origin, the role filled at the destination). */
  fromRole?: string | undefined;
  toRole?: string | undefined;
}

const load = z.number().finite().nonnegative().nullable();

/** Reads Proposal.metrics; anything else is a bug in whoever wrote the proposal, and says so. */
export const proposalMetricsSchema: z.ZodType<ProposalMetrics> = z.object({
  fromLoadBefore: load,
  fromLoadAfter: load,
  toLoadBefore: load,
  toLoadAfter: load,
  distanceKm: z.number().finite().nonnegative(),
  monthsInPost: z.number().int().nonnegative(),
  unmetFilledHours: z.number().finite().nonnegative(),
  fromRole: z.string().optional(),
  toRole: z.string().optional(),
});

export function parseProposalMetrics(value: unknown): ProposalMetrics {
  return proposalMetricsSchema.parse(value);
}
