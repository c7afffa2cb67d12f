import fc from "fast-check";
import type { PlanInput } from "../../../src/domain/balance/index.ts";
import { makeInput, makeRole, nip } from "./builders.ts";
import { placedUnits } from "./tiers.ts";

const ROLES = ["A", "B", "C"];

/** Every cap and bound of a policy, each often absent. */
export const policyDraws = {
  maxMovesPerUnit: fc.constantFrom(null, null, 1, 2, 3),
  maxMovesOutPerUnit: fc.constantFrom(null, null, 1, 2),
  maxMovesInPerUnit: fc.constantFrom(null, null, 1, 2),
  maxDistanceKm: fc.constantFrom(null, 40, 80),
  maxMoves: fc.constantFrom(null, null, null, 3),
};

/**
 * Districts too large to enumerate (4–9 units, up to 30 people, three roles), with everything the
 * engine weighs drawn: mixed or standard hours, private schools (v2), rejections, every cap and bound.
 * Roles chain (A may fill B, C may fill A), so a plan may move one teacher out of a place and another
 * in to fill her hours.
 */
export function drawnDistricts(versions: ReadonlyArray<1 | 2>): fc.Arbitrary<PlanInput> {
  return fc
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
      version: fc.constantFrom(...versions),
      ...policyDraws,
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
}
