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
  /** What the hours below count: JP (lesson hours, teaching roles) or jam (clock hours). */
  hoursUnit?: "JP" | "jam" | undefined;
  /** The weekly hours this person brings to the destination (and takes from the origin). */
  personHours?: number | undefined;
  /** Weekly need and staff hours of the destination's role: now, and after every move of the plan. */
  toNeed?: number | undefined;
  toHave?: number | undefined;
  toHavePlan?: number | undefined;
  /** The same of the origin in the person's role. */
  fromNeed?: number | undefined;
  fromHave?: number | undefined;
  fromHavePlan?: number | undefined;
}

const load = z.number().finite().nonnegative().nullable();
/** Older proposals lack the per-move hours; their cards show the loads only. */
const hours = z.number().finite().nonnegative().optional();

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
  hoursUnit: z.enum(["JP", "jam"]).optional(),
  personHours: hours,
  toNeed: hours,
  toHave: hours,
  toHavePlan: hours,
  fromNeed: hours,
  fromHave: hours,
  fromHavePlan: hours,
});

export function parseProposalMetrics(value: unknown): ProposalMetrics {
  return proposalMetricsSchema.parse(value);
}
