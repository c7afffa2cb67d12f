import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildInstance, parsePlanInput } from "../../../src/domain/balance/index.ts";
import { reachability } from "../../../src/domain/balance/input/instance.ts";
import {
  cappedOrigins,
  offerByKeys,
  OfferIndex,
  type Offer,
  type OfferSupply,
} from "../../../src/domain/balance/output/offers.ts";
import { makeInput, makeRole, unitsAt } from "./builders.ts";

const ROLES = ["A", "B", "C"];

/**
 * Units scattered over up to `spreadKm` (some without coordinates, some on one spot), a distance bound
 * or none, and for every (unit, role) what the why-nots' supply holds: a surplus key or not, movable
 * and available people; and which origins may send no more.
 */
const district = fc
  .record({
    spreadKm: fc.constantFrom(5, 60, 300),
    bound: fc.option(fc.integer({ min: 5, max: 400 }), { freq: 6 }),
    count: fc.integer({ min: 1, max: 40 }),
  })
  .chain(({ spreadKm, bound, count }) =>
    fc.record({
      bound: fc.constant(bound),
      places: fc.array(
        fc.option(
          fc.tuple(
            fc.float({ min: -spreadKm, max: spreadKm, noNaN: true }),
            fc.float({ min: -spreadKm, max: spreadKm, noNaN: true }),
          ),
          { freq: 8 },
        ),
        { minLength: count, maxLength: count },
      ),
      keys: fc.array(
        fc.record({
          surplus: fc.boolean(),
          movable: fc.integer({ min: 0, max: 3 }),
          available: fc.integer({ min: 0, max: 3 }),
        }),
        { minLength: count * ROLES.length, maxLength: count * ROLES.length },
      ),
      full: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
    }),
  );

interface Drawn {
  bound: number | null;
  places: ([number, number] | null)[];
  keys: { surplus: boolean; movable: number; available: number }[];
  full: boolean[];
}

function setUp({ bound, places, keys, full }: Drawn) {
  const units = unitsAt(places);
  const instance = buildInstance(
    parsePlanInput(
      makeInput({
        units,
        roles: ROLES.map((id) => makeRole({ id })),
        policy: { maxDistanceKm: bound, maxMovesPerUnit: null, maxMoves: null },
      }),
    ),
  );
  const supply: OfferSupply = {
    surplusKeys: ROLES.map((_, role) =>
      keys.flatMap((key, index) => (key.surplus && index % ROLES.length === role ? [index] : [])),
    ),
    movable: Int32Array.from(keys.map((key) => key.movable)),
    available: Int32Array.from(keys.map((key) => Math.min(key.available, key.movable))),
  };
  return { instance, supply, originFull: (unit: number) => full[unit] ?? false };
}

/** An offer with its capped origins as the set the why-not reads: distinct, sorted, the unit left out. */
const asRead = (offer: Offer, unit: number) => ({
  ...offer,
  capped: [...new Set(offer.capped.flat())].filter((origin) => origin !== unit).sort((a, b) => a - b),
});

describe("what a source role offers a unit, by cells of nearby origins (issue 30)", () => {
  it("is what summing key by key gives, for every unit and source role", () => {
    fc.assert(
      fc.property(district, (drawn) => {
        const { instance, supply, originFull } = setUp(drawn);
        const index = new OfferIndex(instance, supply, originFull);
        const reachable = reachability(instance);
        for (let unit = 0; unit < instance.unitCount; unit++) {
          const reachFrom = (from: number) => reachable(from, unit);
          for (let source = 0; source < ROLES.length; source++) {
            const byKeys = offerByKeys(instance, supply, source, unit, reachFrom, undefined, originFull);
            expect(asRead(index.offerTo(source, unit, reachFrom, undefined), unit)).toEqual(
              asRead(byKeys, unit),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a unit where a rejection bars some candidates is summed key by key, the barred left out", () => {
    fc.assert(
      fc.property(district, fc.nat(), (drawn, pick) => {
        const { instance, supply, originFull } = setUp(drawn);
        const unit = pick % instance.unitCount;
        const barred = new Map(supply.surplusKeys.flat().map((key) => [key, 1]));
        const reachable = reachability(instance);
        const reachFrom = (from: number) => reachable(from, unit);
        const index = new OfferIndex(instance, supply, originFull);
        for (let source = 0; source < ROLES.length; source++) {
          const offer = index.offerTo(source, unit, reachFrom, barred);
          expect(offer).toEqual(offerByKeys(instance, supply, source, unit, reachFrom, barred, originFull));
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("the capped origins a why-not names", () => {
  it("are the distinct origins but the unit's own, counted, the first ten in input order", () => {
    const seen = { stamps: new Int32Array(60), stamp: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 59 }), { maxLength: 30 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 1, max: 12 }),
        (lists, unit, listed) => {
          const distinct = [...new Set(lists.flat())]
            .filter((origin) => origin !== unit)
            .sort((a, b) => a - b);
          expect(cappedOrigins(lists, unit, listed, seen)).toEqual({
            count: distinct.length,
            first: distinct.slice(0, listed),
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
