import { expect } from "vitest";
import { planTransfers, type PlanInput } from "../../../src/domain/balance/index.ts";
import { violations } from "./builders.ts";
import { tiersOf } from "./tiers.ts";

/**
 * The engine's routes against each other: the flow first and the MILP alone both prove every tier with
 * the same values (kilometres to the metre a move, the MILP's precision), greedy never leaves less
 * unmet, and every plan keeps every rule.
 */
export async function expectRoutesAgree(input: PlanInput): Promise<void> {
  const first = await planTransfers(input);
  const milp = await planTransfers(input, { flow: false });
  const greedy = await planTransfers(input, { method: "greedy" });
  for (const plan of [first, milp, greedy]) expect(violations(input, plan.moves)).toEqual([]);
  const tiers = input.version === 2 ? [1, 2, 3, 4] : [1, 2, 3];
  expect(first.metrics.tiersProven).toEqual(tiers);
  expect(milp.metrics.tiersProven).toEqual(tiers);
  const [a, b] = [tiersOf(input, first.moves), tiersOf(input, milp.moves)];
  expect(first.metrics.unmetAfter).toBeCloseTo(a.unmet, 6);
  expect(a.unmet).toBeLessThanOrEqual(tiersOf(input, greedy.moves).unmet + 1e-6);
  expect(b.unmet).toBeCloseTo(a.unmet, 6);
  if (input.version === 2) expect(b.severity).toBeCloseTo(a.severity, 5);
  expect(b.moves).toBe(a.moves);
  expect(Math.abs(b.km - a.km)).toBeLessThanOrEqual(1e-3 * a.moves + 1e-6);
}
