import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planTransfers, type PlanInput } from "../../../src/domain/balance/index.ts";
import { makeInput, makeRole, nip, violations } from "./builders.ts";
import { placedUnits, tiersOf } from "./tiers.ts";

const ROLES = ["A", "B", "C"];

/**
 * Districts too large to enumerate (4–9 units, up to 30 people, three roles), with everything the
 * engine weighs drawn: mixed or standard hours, private schools, rejections, every cap and bound.
 */
const districts: fc.Arbitrary<PlanInput> = fc
  .record({
    units: fc.integer({ min: 4, max: 9 }),
    places: fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 0, max: 80 })), {
      minLength: 9,
      maxLength: 9,
    }),
    privates: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
    mixed: fc.constantFrom(false, false, true),
    people: fc.array(
      fc.record({
        unit: fc.nat(8),
        role: fc.constantFrom("A", "A", "B", "C"),
        movable: fc.integer({ min: 0, max: 5 }).map((draw) => draw > 0),
        hours: fc.constantFrom(24, 24, 18, 12),
        excluded: fc.option(fc.nat(8), { freq: 5 }),
      }),
      { minLength: 8, maxLength: 30 },
    ),
    demand: fc.array(fc.constantFrom(0, 0, 12, 24, 36, 48, 72, 96, 120), { minLength: 27, maxLength: 27 }),
    version: fc.constantFrom<1 | 2>(1, 2, 2),
    maxMovesPerUnit: fc.constantFrom(null, null, 1, 2, 3),
    maxMovesOutPerUnit: fc.constantFrom(null, null, 1, 2),
    maxMovesInPerUnit: fc.constantFrom(null, null, 1, 2),
    maxDistanceKm: fc.constantFrom(null, 40, 80),
    maxMoves: fc.constantFrom(null, null, null, 3),
  })
  .map((raw) => {
    const { version, units } = raw;
    const at = (index: number) => `U${index % units}`;
    return makeInput({
      version,
      units: placedUnits(
        raw.places.slice(0, units),
        (index) => version === 2 && raw.privates[index] === true && index % 3 === 0,
      ),
      roles: ROLES.map((id) => makeRole({ id })),
      compatibility: [
        { from: "A", to: "B" },
        { from: "C", to: "A" },
      ],
      employees: raw.people.map((person, index) => ({
        id: nip(index + 1),
        unit: at(person.unit),
        role: person.role,
        hours: raw.mixed ? person.hours : 24,
        movable: person.movable,
        ...(version === 2 && !person.movable ? { why: "objection" as const } : {}),
        ...(version === 2 && person.excluded !== null ? { excludedUnits: [at(person.excluded)] } : {}),
      })),
      demand: raw.demand.slice(0, units * ROLES.length).map((hours, index) => ({
        unit: at(index),
        role: ROLES[Math.floor(index / units)] ?? "A",
        hours,
      })),
      policy: {
        maxMovesPerUnit: raw.maxMovesPerUnit,
        maxDistanceKm: raw.maxDistanceKm,
        maxMoves: raw.maxMoves,
        ...(version === 2
          ? { maxMovesOutPerUnit: raw.maxMovesOutPerUnit, maxMovesInPerUnit: raw.maxMovesInPerUnit }
          : {}),
      },
    });
  });

describe("the engine's routes against each other, beyond what enumeration reaches (issue 30)", () => {
  it("the flow first and the MILP alone both prove every tier, with the same values; greedy never leaves less unmet", async () => {
    await fc.assert(
      fc.asyncProperty(districts, async (input) => {
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
        // The flow proves kilometres to the centimetre, the MILP to the metre.
        expect(Math.abs(b.km - a.km)).toBeLessThanOrEqual(1e-3 * a.moves + 1e-6);
      }),
      // Without a private school's own drain in the "needed" rows (docs/flow-core.md, the eleventh
      // round), seed 4 fails at its 36th district: the MILP leaves the kilometre tier unproven.
      { numRuns: 120, seed: 4 },
    );
  }, 240_000);
});
