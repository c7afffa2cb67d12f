import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planTransfers, type PlanInput } from "../../../src/domain/balance/index.ts";
import { makeInput, makeRole, nip } from "./builders.ts";
import { placedUnits } from "./tiers.ts";

const ROLES = ["A", "B", "C"];

/**
 * A district of 4–9 units and a week after its first plan: teachers hired, people objecting, needs
 * changed, perhaps the first move committed. Roles chain (A may fill B, C may fill A), so a plan may move
 * one teacher out of a place and another in to fill her hours.
 */
const weeks = fc.record({
  units: fc.integer({ min: 4, max: 9 }),
  places: fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 })), {
    minLength: 9,
    maxLength: 9,
  }),
  mixed: fc.constantFrom(false, false, true),
  people: fc.array(
    fc.record({
      unit: fc.nat(8),
      role: fc.constantFrom("A", "A", "B", "C"),
      movable: fc.integer({ min: 0, max: 5 }).map((draw) => draw > 0),
      hours: fc.constantFrom(24, 24, 18, 12),
    }),
    { minLength: 8, maxLength: 30 },
  ),
  demand: fc.array(fc.constantFrom(0, 0, 12, 24, 36, 48, 72, 96, 120), { minLength: 27, maxLength: 27 }),
  maxMovesPerUnit: fc.constantFrom(null, null, 1, 2, 3),
  maxMovesOutPerUnit: fc.constantFrom(null, null, 1, 2),
  maxMovesInPerUnit: fc.constantFrom(null, null, 1, 2),
  maxDistanceKm: fc.constantFrom(null, 40, 80),
  hires: fc.array(
    fc.record({ unit: fc.nat(8), role: fc.constantFrom("A", "B", "C"), hours: fc.constantFrom(12, 24) }),
    { maxLength: 4 },
  ),
  objecting: fc.array(fc.nat(40), { maxLength: 3 }),
  needs: fc.array(fc.record({ at: fc.nat(26), hours: fc.constantFrom(0, 24, 48, 96) }), { maxLength: 3 }),
  committedFirst: fc.boolean(),
});

type Week = typeof weeks extends fc.Arbitrary<infer T> ? T : never;

function district(draw: Week): PlanInput {
  const at = (index: number) => `U${index % draw.units}`;
  return makeInput({
    version: 2,
    units: placedUnits(draw.places.slice(0, draw.units)),
    roles: ROLES.map((id) => makeRole({ id })),
    compatibility: [
      { from: "A", to: "B" },
      { from: "C", to: "A" },
    ],
    employees: draw.people.map((person, index) => ({
      id: nip(index + 1),
      unit: at(person.unit),
      role: person.role,
      hours: draw.mixed ? person.hours : 24,
      movable: person.movable,
      ...(person.movable ? {} : { why: "objection" as const }),
    })),
    demand: draw.demand.slice(0, draw.units * ROLES.length).map((hours, index) => ({
      unit: at(index),
      role: ROLES[Math.floor(index / draw.units)] ?? "A",
      hours,
    })),
    policy: {
      maxMovesPerUnit: draw.maxMovesPerUnit,
      maxMovesOutPerUnit: draw.maxMovesOutPerUnit,
      maxMovesInPerUnit: draw.maxMovesInPerUnit,
      maxDistanceKm: draw.maxDistanceKm,
    },
  });
}

describe("the plan in flight, week after week on drawn districts", () => {
  it("is as good as the plan without pending moves on tiers 1 and 2, and never drops a pending move it proposes again", async () => {
    await fc.assert(
      fc.asyncProperty(weeks, async (draw) => {
        const input = district(draw);
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
              unit: `U${hire.unit % draw.units}`,
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
      // this seed failed at its 78th week: a move dropped as no longer needed came back as new.
      { numRuns: 100, seed: 1 },
    );
  }, 240_000);
});
