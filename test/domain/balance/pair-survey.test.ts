import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInstance, parsePlanInput } from "../../../src/domain/balance/index.ts";
import { distanceKm, mayBeShorter, reachability } from "../../../src/domain/balance/input/instance.ts";
import {
  NEAREST,
  nearestIndexed,
  nearestPairs,
  surveyPairs,
} from "../../../src/domain/balance/flow/pair-survey.ts";
import { buildNetwork } from "../../../src/domain/balance/exact/pool-network.ts";
import { makeInput, makeRole, nip, unitsAt } from "./builders.ts";

/** Units scattered over up to 300 km, some without coordinates, and a distance bound around that size. */
const scattered = fc.record({
  places: fc.array(
    fc.option(
      fc.tuple(
        fc.float({ min: -150, max: 150, noNaN: true }),
        fc.float({ min: -150, max: 150, noNaN: true }),
      ),
      {
        freq: 8,
      },
    ),
    { minLength: 2, maxLength: 12 },
  ),
  bound: fc.integer({ min: 20, max: 400 }),
});

/** Every other unit has a surplus teacher, every unit needs one more: sources and arrivals everywhere. */
function everyOtherShort(units: ReturnType<typeof unitsAt>, bound: number) {
  return makeInput({
    units,
    roles: [makeRole({ id: "A" })],
    employees: units.flatMap((unit, index) =>
      index % 2 === 0 ? [{ id: nip(index + 1), unit: unit.id, role: "A", hours: 24, movable: true }] : [],
    ),
    demand: units.map((unit, index) => ({ unit: unit.id, role: "A", hours: index % 2 === 0 ? 0 : 24 })),
    compatibility: [],
    policy: { maxDistanceKm: bound, maxMovesPerUnit: null, maxMoves: null },
  });
}

/** The pool network of an input, with each pool's source units and arrival units, as the flow core has them. */
function poolsOf(input: ReturnType<typeof makeInput>) {
  const instance = buildInstance(parsePlanInput(input));
  const network = buildNetwork(instance);
  const sources = network.pools.map((pool) =>
    [...new Set(pool.feeds.map((feed) => instance.groups[network.feeds[feed]?.group ?? 0]?.unit ?? 0))].map(
      (unit) => ({ unit }),
    ),
  );
  const arrivals = network.pools.map((pool) =>
    pool.arrivals.map((arrival) => ({ unit: network.arrivals[arrival]?.unit ?? 0 })),
  );
  return { instance, network, sources, arrivals };
}

describe("which pairs a hub may carry (issue 30)", () => {
  it("a source marked as reaching every arrival reaches each, and likewise for arrivals", () => {
    fc.assert(
      fc.property(scattered, ({ places, bound }) => {
        const units = unitsAt(places);
        // Every other unit has a surplus teacher, every unit needs one more: sources and arrivals everywhere.
        const input = everyOtherShort(units, bound);
        const { instance, network, sources, arrivals } = poolsOf(input);
        const reachable = reachability(instance);
        const { coverage } = surveyPairs(instance, network, sources, arrivals);
        coverage.forEach((covered, pool) => {
          sources[pool]?.forEach((source, index) => {
            if (covered.sources[index] !== 1) return;
            for (const arrival of arrivals[pool] ?? [])
              expect(reachable(source.unit, arrival.unit)).toBe(true);
          });
          arrivals[pool]?.forEach((arrival, index) => {
            if (covered.arrivals[index] !== 1) return;
            for (const source of sources[pool] ?? []) expect(reachable(source.unit, arrival.unit)).toBe(true);
          });
        });
      }),
      { numRuns: 300, seed: 30 },
    );
  });

  it("pricing passes over a pair only when it is certainly as far as the room left (kilometre-arcs.ts)", () => {
    fc.assert(
      fc.property(
        scattered,
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        ({ places }, shifts) => {
          const units = unitsAt(places);
          const instance = buildInstance(parsePlanInput(makeInput({ units })));
          for (let a = 0; a < instance.unitCount; a++) {
            for (let b = 0; b < instance.unitCount; b++) {
              const km = distanceKm(instance, a, b);
              // Rooms at the distance itself, a hair either side of it, and well away from it.
              for (const shift of [0, 1e-12, -1e-12, 1e-9, ...shifts]) {
                const room = km + shift * Math.max(1, km);
                if (km < room) expect(mayBeShorter(instance, a, b, room)).toBe(true);
              }
            }
          }
        },
      ),
      { numRuns: 200, seed: 30 },
    );
  });

  it("the k-d tree (XL) finds each unit's nearest partners within reach as looking at every pair does", () => {
    const many = fc.record({
      places: fc.array(
        fc.option(fc.tuple(fc.integer({ min: -150, max: 150 }), fc.integer({ min: -150, max: 150 })), {
          freq: 8,
        }),
        { minLength: 2, maxLength: 40 },
      ),
      bound: fc.integer({ min: 20, max: 400 }),
    });
    fc.assert(
      fc.property(many, ({ places, bound }) => {
        const { instance, network, sources, arrivals } = poolsOf(everyOtherShort(unitsAt(places), bound));
        // Each unit's partners, nearest first, must begin with its NEAREST nearest within reach (ties may
        // pick others as near); a partner's own nearest may add more.
        const check = (pairs: Array<[number, number, number]>) => {
          const partners = new Map<string, Set<number>>();
          for (const [pool, source, arrival] of pairs) {
            for (const [key, other] of [
              [`s${pool}:${source}`, arrivals[pool]?.[arrival]?.unit ?? 0],
              [`a${pool}:${arrival}`, sources[pool]?.[source]?.unit ?? 0],
            ] as const)
              partners.set(key, (partners.get(key) ?? new Set()).add(other));
          }
          const expectNearest = (
            key: string,
            unit: number,
            others: ReadonlyArray<{ unit: number }>,
            out: boolean,
          ) => {
            const within = others.filter((other) =>
              out ? network.reachable(unit, other.unit) : network.reachable(other.unit, unit),
            );
            const kms = (units: Iterable<number>) =>
              [...units].map((other) => distanceKm(instance, unit, other)).sort((a, b) => a - b);
            const best = kms(within.map((other) => other.unit)).slice(0, NEAREST);
            const found = kms(partners.get(key) ?? []).slice(0, best.length);
            expect(found.length).toBe(best.length);
            found.forEach((km, index) => expect(km).toBeCloseTo(best[index] ?? -1, 6));
            for (const other of partners.get(key) ?? [])
              expect(out ? network.reachable(unit, other) : network.reachable(other, unit)).toBe(true);
          };
          sources.forEach((list, pool) => {
            list.forEach(({ unit }, index) =>
              expectNearest(`s${pool}:${index}`, unit, arrivals[pool] ?? [], true),
            );
            arrivals[pool]?.forEach(({ unit }, index) =>
              expectNearest(`a${pool}:${index}`, unit, list, false),
            );
          });
        };
        check(nearestIndexed(instance, network, sources, arrivals));
        check(nearestPairs(instance, network, sources, arrivals));
      }),
      { numRuns: 300, seed: 30 },
    );
  });
});
