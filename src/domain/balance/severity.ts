/**
 * Shortfall severity (DESIGN.md "Plan format v2"): the unmet hours of a need D lying in its first
 * quarter weigh 1, the second 2, the third 4, the last 8. So at the same total, a school missing most
 * of its teachers counts for more than one missing a few, and the plan helps it first.
 */
export const SEVERITY_WEIGHTS = [1, 2, 4, 8] as const;

/**
 * A private school's unmet hours weigh this much of a state school's (plan v2, `private` units): at
 * equal or worse shortfall the state school is filled first; a private school far shorter still wins.
 */
export const PRIVATE_SEVERITY_SCALE = 0.5;

/** Σ_j w_j · min(max(s − (j−1)·D/4, 0), D/4) for unmet hours s of a need D, times `scale`. */
export function severityOf(unmet: number, need: number, scale = 1): number {
  if (need <= 0 || unmet <= 0) return 0;
  const quarter = need / 4;
  let total = 0;
  SEVERITY_WEIGHTS.forEach((weight, index) => {
    total += weight * Math.min(Math.max(unmet - index * quarter, 0), quarter);
  });
  return total * scale;
}
