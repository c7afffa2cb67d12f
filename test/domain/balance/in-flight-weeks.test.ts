import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planTransfers, type PlanInput } from "../../../src/domain/balance/index.ts";
import { nip } from "./builders.ts";
import { drawnDistricts } from "./drawn-districts.ts";

/**
 * A drawn district (v2) and a week after its first plan: teachers hired, people objecting, needs changed,
 * perhaps the first move committed.
 */
const weeks = fc.record({
  district: drawnDistricts([2]),
  hires: fc.array(
    fc.record({ unit: fc.nat(8), role: fc.constantFrom("A", "B", "C"), hours: fc.constantFrom(12, 24) }),
    { maxLength: 4 },
  ),
  objecting: fc.array(fc.nat(40), { maxLength: 3 }),
  needs: fc.array(fc.record({ at: fc.nat(26), hours: fc.constantFrom(0, 24, 48, 96) }), { maxLength: 3 }),
  committedFirst: fc.boolean(),
});

describe("the plan in flight, week after week on drawn districts", () => {
  it("is as good as the plan without pending moves on tiers 1 and 2, and never drops a pending move it proposes again", async () => {
    await fc.assert(
      fc.asyncProperty(weeks, async (draw) => {
        const input = draw.district;
        const first = await planTransfers(input);
        const objecting = new Set(
          draw.objecting.map((index) => first.moves[index % Math.max(1, first.moves.length)]?.employee),
        );
        const inFlight = first.moves.map(({ employee, to, role }, index) => ({
          employee,
          to,
          role,
          state: draw.committedFirst && index === 0 ? ("committed" as const) : ("pending" as const),
        }));
        const week: PlanInput = {
          ...input,
          employees: [
            ...input.employees.map((row) =>
              objecting.has(row.id) ? { ...row, movable: false, why: "objection" as const } : row,
            ),
            ...draw.hires.map((hire, index) => ({
              id: nip(500 + index),
              unit: `U${hire.unit % input.units.length}`,
              role: hire.role,
              hours: hire.hours,
              movable: false,
            })),
          ],
          demand: input.demand.map((row, index) => {
            const change = draw.needs.find((need) => need.at % input.demand.length === index);
            return change === undefined ? row : { ...row, hours: change.hours };
          }),
          inFlight,
        };
        const plan = await planTransfers(week);
        const committed = inFlight.filter((move) => move.state === "committed");
        const reference = await planTransfers({ ...week, inFlight: committed });
        expect(plan.metrics.tiersProven.slice(0, 2)).toEqual([1, 2]);
        expect(plan.metrics.unmetAfter).toBeCloseTo(reference.metrics.unmetAfter, 6);
        expect(plan.metrics.severityAfter).toBeCloseTo(reference.metrics.severityAfter, 5);
        const pending = inFlight.filter((move) => move.state === "pending");
        const made = (move: (typeof pending)[number]) =>
          plan.moves.some(
            (row) => row.employee === move.employee && row.to === move.to && row.role === move.role,
          );
        const dropped = new Set((plan.dropped ?? []).map((row) => row.employee));
        // Each pending move is kept or dropped, not both; a dropped one is not proposed again as new.
        for (const move of pending)
          expect([made(move), dropped.has(move.employee)]).not.toEqual([true, true]);
        for (const move of pending) expect(made(move) || dropped.has(move.employee)).toBe(true);
        expect(plan.metrics.inFlight?.pendingKept).toBe(pending.filter(made).length);
        for (const move of committed)
          expect(plan.moves.some((row) => row.employee === move.employee)).toBe(false);
      }),
      // Before the week's pending moves were judged needed by the plans, not by the place as it stood,
      // this seed failed at its 80th week: a move dropped as no longer needed came back as new.
      { numRuns: 100, seed: 1 },
    );
  }, 240_000);
});
