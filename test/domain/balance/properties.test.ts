import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildInstance,
  distanceKm,
  planTransfers,
  planTransfersGreedy,
  solveExact,
  type PlanInput,
} from "../../../src/domain/balance/index.ts";
import { evaluate, expectConsistent, makeInput, makeRole, makeUnit, nip, violations } from "./builders.ts";
import { bestByEnumeration } from "./enumerate.ts";

const ROLES = ["R0", "R1", "R2"];

/** Random small districts: a few units (some without coordinates), roles, people, demand and policy. */
function districts(maxUnits: number, maxPeople: number): fc.Arbitrary<PlanInput> {
  return fc
    .record({
      units: fc.array(
        fc.option(
          fc.record({ east: fc.integer({ min: 0, max: 60 }), north: fc.integer({ min: 0, max: 60 }) }),
          { freq: 6 },
        ),
        {
          minLength: 2,
          maxLength: maxUnits,
        },
      ),
      roleCount: fc.integer({ min: 1, max: 3 }),
      compatibility: fc.array(fc.tuple(fc.nat(2), fc.nat(2)), { minLength: 1, maxLength: 4 }),
      people: fc.array(
        fc.record({
          unit: fc.nat(maxUnits - 1),
          role: fc.nat(2),
          hours: fc.constantFrom(0, 6, 12, 18, 24, 24, 24, 37.5),
          movable: fc.integer({ min: 0, max: 4 }).map((draw) => draw > 0),
        }),
        { minLength: Math.min(3, maxPeople), maxLength: maxPeople },
      ),
      demand: fc.array(
        fc.record({
          unit: fc.nat(maxUnits - 1),
          role: fc.nat(2),
          hours: fc.constantFrom(6, 12, 24, 24, 30, 36, 48, 48, 75),
        }),
        { minLength: 2, maxLength: 6 },
      ),
      maxMovesPerUnit: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 3 }),
      maxDistanceKm: fc.option(fc.constantFrom(20, 40, 80), { freq: 3 }),
      maxMoves: fc.option(fc.integer({ min: 0, max: 4 }), { freq: 2 }),
    })
    .map((raw) => {
      const unitId = (index: number) => `U${index % raw.units.length}`;
      const roleId = (index: number) => ROLES[index % raw.roleCount] ?? "R0";
      return makeInput({
        units: raw.units.map((place, index) =>
          makeUnit({
            id: `U${index}`,
            lat: place === null ? null : -8.4 + place.north / 111.2,
            lon: place === null ? null : 140.4 + place.east / 110,
          }),
        ),
        roles: ROLES.slice(0, raw.roleCount).map((id) => makeRole({ id })),
        compatibility: raw.compatibility.map(([from, to]) => ({ from: roleId(from), to: roleId(to) })),
        employees: raw.people.map((person, index) => ({
          id: nip(index + 1),
          unit: unitId(person.unit),
          role: roleId(person.role),
          hours: person.hours,
          movable: person.movable,
        })),
        demand: raw.demand.map((row) => ({
          unit: unitId(row.unit),
          role: roleId(row.role),
          hours: row.hours,
        })),
        policy: {
          maxMovesPerUnit: raw.maxMovesPerUnit,
          maxDistanceKm: raw.maxDistanceKm,
          maxMoves: raw.maxMoves,
        },
      });
    });
}

/**
 * Three units, two roles, five movable people and demand everywhere: most draws need moves, often
 * several, with distance and per-unit bounds binding, which sparse random districts rarely do.
 */
function crowdedDistricts(): fc.Arbitrary<PlanInput> {
  return fc
    .record({
      places: fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), {
        minLength: 3,
        maxLength: 3,
      }),
      compatible: fc.boolean(),
      people: fc.array(
        fc.record({
          unit: fc.nat(2),
          role: fc.constantFrom("A", "B"),
          hours: fc.constantFrom(12, 24, 24, 36),
        }),
        {
          minLength: 5,
          maxLength: 5,
        },
      ),
      demand: fc.array(fc.constantFrom(0, 12, 24, 36, 48), { minLength: 6, maxLength: 6 }),
      maxMovesPerUnit: fc.constantFrom(null, 1, 2),
      maxDistanceKm: fc.constantFrom(null, 30),
    })
    .map((raw) =>
      makeInput({
        units: raw.places.map(([east, north], index) =>
          makeUnit({ id: `U${index}`, lat: -8.4 + north / 111.2, lon: 140.4 + east / 110 }),
        ),
        roles: ["A", "B"].map((id) => makeRole({ id })),
        compatibility: raw.compatible ? [{ from: "A", to: "B" }] : [],
        employees: raw.people.map((person, index) => ({
          ...person,
          id: nip(index + 1),
          unit: `U${person.unit}`,
          movable: true,
        })),
        demand: raw.demand.map((hours, index) => ({
          unit: `U${index % 3}`,
          role: index < 3 ? "A" : "B",
          hours,
        })),
        policy: { maxMovesPerUnit: raw.maxMovesPerUnit, maxDistanceKm: raw.maxDistanceKm },
      }),
    );
}

interface Best {
  unmet: number;
  moves: number;
  km: number;
}

const EPSILON = 1e-9;

function better(a: Best, b: Best): boolean {
  if (Math.abs(a.unmet - b.unmet) > EPSILON) return a.unmet < b.unmet;
  if (a.moves !== b.moves) return a.moves < b.moves;
  return a.km < b.km - EPSILON;
}

/** The lexicographic optimum over every valid plan, by enumeration (tiny districts only). */
function bruteForce(input: PlanInput): Best {
  return bestByEnumeration(
    input,
    (moves) => {
      const outcome = evaluate(input, moves);
      return { unmet: outcome.unmetAfter, moves: outcome.moves, km: outcome.km };
    },
    better,
  );
}

describe("planTransfers on random districts", () => {
  it("always returns a valid plan whose metrics match its moves, never raising unmet demand, never worse than greedy", async () => {
    await fc.assert(
      fc.asyncProperty(districts(5, 12), async (input) => {
        const exact = await planTransfers(input);
        const greedy = planTransfersGreedy(input);
        for (const plan of [exact, greedy]) {
          expect(violations(input, plan.moves)).toEqual([]);
          const outcome = expectConsistent(input, plan);
          expect(outcome.unmetAfter).toBeLessThanOrEqual(outcome.unmetBefore + EPSILON);
        }
        expect(exact.metrics.optimal).toBe(true);
        expect(exact.metrics.unmetAfter).toBeLessThanOrEqual(greedy.metrics.unmetAfter + 1e-6);
      }),
      { numRuns: 60, seed: 20_240_601 },
    );
  }, 120_000);

  it.each([
    ["sparse", districts(3, 5), 400],
    ["crowded", crowdedDistricts(), 300],
  ])(
    "finds the optimum (unmet, moves, km) that enumeration finds on tiny %s districts",
    async (_, arbitrary, numRuns) => {
      await fc.assert(
        fc.asyncProperty(arbitrary, async (input) => {
          const plan = await planTransfers(input);
          const outcome = evaluate(input, plan.moves);
          const best = bruteForce(input);
          expect(plan.metrics.optimal).toBe(true);
          expect(outcome.unmetAfter).toBeCloseTo(best.unmet, 6);
          expect(outcome.moves).toBe(best.moves);
          expect(Math.abs(outcome.km - best.km)).toBeLessThanOrEqual(1e-6 * Math.max(1, best.km));
        }),
        { numRuns, seed: 42 },
      );
    },
    180_000,
  );

  it("prices in every arc that pays: starting from one arc per unit gives the kilometres of starting from all", async () => {
    await fc.assert(
      fc.asyncProperty(districts(9, 30), async (input) => {
        const instance = buildInstance(input);
        const kilometres = async (nearest: number) => {
          const result = await solveExact(instance, {
            deadline: performance.now() + 60_000,
            reserve: 0,
            nearest,
            proofArcs: 100_000,
          });
          if (result === null) throw new Error("no plan");
          const km = result.transfers.reduce(
            (sum, t) => sum + t.count * distanceKm(instance, t.from, t.to),
            0,
          );
          return { km, optimal: result.optimal };
        };
        const few = await kilometres(1);
        const all = await kilometres(1_000);
        expect(few.optimal).toBe(all.optimal);
        expect(Math.abs(few.km - all.km)).toBeLessThanOrEqual(1e-6 * Math.max(1, all.km));
      }),
      { numRuns: 80, seed: 7 },
    );
  }, 180_000);
});
